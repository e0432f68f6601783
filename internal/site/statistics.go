package site

import (
	"html/template"
	"strings"
	"time"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/date"
	"github.com/tizim/tizim/internal/register"
	"github.com/tizim/tizim/internal/site/chart"
)

// statistics holds what /stats/ shows, computed once for all languages.
type statistics struct {
	Monthly  []register.Month
	Statuses []content.Status
	Region   []register.Bar
	Charge   []register.Bar
	Year     []register.Bar
	// YearNonZero leaves out the years in which no one was detained: in a
	// list of bars, unlike on a time axis, empty years are only noise.
	YearNonZero []register.Bar
	Sentence    []register.Bar
	// Carried says whether in some month people on the current list were
	// not confirmed in custody (register.Month.Unconfirmed), which the
	// monthly chart then marks with a dashed line.
	Carried bool
}

// maxChargeBars is how many charges the chart draws; the table lists all.
const maxChargeBars = 30

func newStatistics(r *register.Register) *statistics {
	st := &statistics{
		Monthly:  register.Monthly(r),
		Statuses: register.Statuses(r),
		Region:   register.ByRegion(r),
		Charge:   register.ByCharge(r),
		Year:     register.ByDetentionYear(r),
		Sentence: register.BySentence(r),
	}
	for _, m := range st.Monthly {
		st.Carried = st.Carried || m.Unconfirmed > 0
	}
	for _, b := range st.Year {
		if b.Count > 0 {
			st.YearNonZero = append(st.YearNonZero, b)
		}
	}
	return st
}

// Stats is the register's statistics.
func (pg *Page) Stats() *statistics { return pg.site.statistics() }

// statistics returns the register's statistics, made once.
func (s *Site) statistics() *statistics {
	return s.stats.get(func() *statistics { return newStatistics(s.reg) })
}

// options are the chart options that speak the page's language.
func (pg *Page) options(id, titleKey string) chart.Options {
	return chart.Options{
		ID:       id,
		Title:    pg.text(titleKey, 0),
		Status:   pg.Status,
		Number:   pg.Num,
		Everyone: pg.text("stats.legend.everyone", 0),
		Current:  pg.text("stats.legend.current", 0),
	}
}

// MonthlyChart draws the current list month by month, stacked by status.
func (pg *Page) MonthlyChart() template.HTML {
	st := pg.site.statistics()
	o := pg.options("monthly", "stats.monthly.title")
	o.Carried = pg.text("stats.monthly.carried", 0, "{within}", pg.Term(pg.Reg.Site.ConfirmWithin))
	return twoWidths(o, func(o chart.Options) template.HTML { return chart.StackedColumns(st.Monthly, st.Statuses, o) })
}

// Chart widths, in viewBox units: a chart scales to its box, so its 12-unit
// text is 12 px only where it is shown at least as wide as it is drawn.
// Phones (up to 48em, where the stylesheet switches) get the narrow drawing,
// which the narrowest phone in use, 320 px, shows at 288 px; wider screens
// the wide one.
const (
	narrowChart = 288
	wideChart   = 640
)

// twoWidths draws a chart for phones and for wider screens; the stylesheet
// shows one of them (.chart-n, .chart-w).
func twoWidths(o chart.Options, draw func(chart.Options) template.HTML) template.HTML {
	id := o.ID
	o.ID, o.Width = id+"-n", narrowChart
	narrow := draw(o)
	o.ID, o.Width = id, wideChart
	wide := draw(o)
	// Safe: both are the chart package's markup.
	return `<div class="chart-n">` + narrow + `</div><div class="chart-w">` + wide + `</div>`
}

// BarsChart draws one of the bar charts: "region", "charge", "year" or
// "sentence".
func (pg *Page) BarsChart(kind string) template.HTML {
	bars := pg.Bars(kind)
	if kind == "charge" && len(bars) > maxChargeBars {
		bars = bars[:maxChargeBars]
	}
	return twoWidths(pg.options("bars-"+kind, "stats."+kind+".title"), func(o chart.Options) template.HTML {
		return chart.HBars(bars, pg.BarLabel(kind), o)
	})
}

// Bars returns the data of a bar chart.
func (pg *Page) Bars(kind string) []register.Bar {
	st := pg.site.statistics()
	switch kind {
	case "region":
		return st.Region
	case "charge":
		return st.Charge
	case "year":
		return st.YearNonZero
	case "sentence":
		return st.Sentence
	}
	return nil
}

// BarLabel returns the function that names a bar of the given kind in the
// page's language.
func (pg *Page) BarLabel(kind string) func(register.Bar) string {
	return func(b register.Bar) string {
		switch {
		case kind == "sentence":
			return pg.text("stats.sentence."+b.Key, 0)
		case b.Key == "":
			return pg.text("stats."+kind+".unknown", 0)
		}
		s, _ := b.Label.Pick(pg.chain())
		return s
	}
}

// MonthName is the month of t, as in "March 2020".
func (pg *Page) MonthName(t time.Time) string {
	return pg.Date(date.Date{Year: t.Year(), Month: int(t.Month()), Precision: date.Month})
}

// Label names bar b of the given kind, for the data tables.
func (pg *Page) Label(kind string, b register.Bar) string { return pg.BarLabel(kind)(b) }

// CustodyChart draws the page's person's custody periods as a bar.
func (pg *Page) CustodyChart() template.HTML {
	periods := register.Custody(pg.Person, pg.Person.KnownUntil)
	if !hasCustody(periods) {
		return ""
	}
	// A record that ends in freedom ends its bar at the release. Drawn on
	// to the site's date, the free time after it would move every mark of
	// the bar with each day's build, and so change the page every day (and
	// every deploy and cache with it) for nothing the reader needs: the
	// status line says since when the person is free.
	if n := len(periods); periods[n-1].Status == content.Free {
		periods = periods[:n-1]
	}
	o := pg.options("custody", "stats.custody.title")
	o.YearLabels = true
	// The legend names the patterns and the description lists the periods
	// for screen readers; tooltips would repeat that text on every page.
	o.Legend = true
	// One drawing, narrow, so its text is at least 12 px on a phone; the
	// stylesheet keeps it from growing past 30rem on wider screens.
	o.Width = narrowChart
	o.Period = func(p register.Period) string {
		until := pg.text("stats.custody.now", 0)
		switch {
		case !p.Open:
			until = pg.Date(p.Until)
		case pg.Person.TermEnded:
			until = pg.Date(pg.Person.TermEnd) // the record stops there
		case pg.Person.Unconfirmed:
			until = pg.Date(pg.Person.LastConfirmed)
		}
		from := pg.Date(p.Since)
		if from == "" {
			from = "…"
		}
		return pg.Status(p.Status) + ": " + from + " – " + until
	}
	return chart.CustodyBar(periods, o)
}

// CustodyDays says how long the person has been in custody in all: "about
// 1,234 days" when a date is known only in part, "at least 1,826 days"
// when the record stops before the site's date.
func (pg *Page) CustodyDays() string {
	// Up to what the record shows: for a status no longer confirmed, or a
	// term that has ended, the count stops there and says "at least".
	periods := register.Custody(pg.Person, pg.Person.KnownUntil)
	n, exact := register.Days(periods, nil)
	key := "stats.custody.days"
	switch {
	case pg.Person.KnownUntil.Before(pg.Reg.AsOf):
		key = "stats.custody.days_at_least"
	case !exact:
		key = "stats.custody.days_about"
	}
	return strings.ReplaceAll(pg.site.strings.Text(pg.Lang, key, n), "{n}", pg.Num(n))
}

func hasCustody(periods []register.Period) bool {
	for _, p := range periods {
		for _, s := range register.Custodial {
			if p.Status == s {
				return true
			}
		}
	}
	return false
}

// Confirmation says, in sentences of the page's language, how many on
// the current list are confirmed in custody and how many are not: held by
// older records only, or past the end of their terms; or, when no one is
// confirmed, that the list is only what the records last said. The pages
// show it under their headline (template "confirmation") and the feeds
// after theirs, so that both say the same.
func (pg *Page) Confirmation() []string {
	r := pg.Reg
	if len(r.Current) == 0 {
		return nil
	}
	within := pg.Term(r.Site.ConfirmWithin)
	var out []string
	if len(r.Confirmed) > 0 {
		out = append(out, pg.text("home.confirmed_note", 0, "{within}", within))
		if n := len(r.Unconfirmed); n > 0 {
			out = append(out, pg.text("confirmation.unconfirmed_count", n, "{n}", pg.Num(n), "{dates}", pg.ConfirmedRange(r.Unconfirmed)))
		}
	} else {
		out = append(out, pg.text("confirmation.stale", 0, "{within}", within, "{dates}", pg.ConfirmedRange(r.Current)))
	}
	if n := len(r.TermEnded); n > 0 {
		out = append(out, pg.text("confirmation.term_ended_count", n, "{n}", pg.Num(n)))
	}
	return out
}

// headline is the home page's headline as plain text, for the feed: how
// many people are confirmed in custody as of the site's date, then
// [Page.Confirmation].
func (pg *Page) headline() string {
	n := len(pg.Reg.Confirmed)
	out := pg.text("count.prisoners", n, "{n}", pg.Num(n)) + " " + pg.text("home.in_custody", 0, "{date}", pg.Date(pg.AsOf()))
	if !strings.HasSuffix(out, ".") {
		out += "."
	}
	return strings.Join(append([]string{out}, pg.Confirmation()...), " ")
}
