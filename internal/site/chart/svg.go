// Package chart draws the register's statistics (package register counts
// them) as small SVG charts at build time: the current list month by month,
// category bars, and a person's custody as one horizontal bar.
//
// The SVGs hold no words of their own (the site is rendered in several
// languages): every text is passed in through [Options].
package chart

import (
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
)

// Options says what a chart says, in the reader's language, and names it on
// its page. The SVGs have no words of their own: every text comes from here,
// with language-neutral defaults (status codes, plain numbers) for tests.
type Options struct {
	// ID prefixes every id inside the SVG (its title and its patterns), so it
	// must be unique on the page, e.g. "monthly" or "custody". Characters
	// other than ASCII letters, digits, - and _ become -.
	ID string
	// Title is the chart's one-sentence summary, its accessible name.
	Title string
	// Status names a status, in the monthly chart's legend and the default
	// Period text; default the status code.
	Status func(content.Status) string
	// Number writes a count, e.g. with the language's digit grouping;
	// default strconv.Itoa.
	Number func(int) string
	// Year writes a year on an axis; default strconv.Itoa.
	Year func(int) string

	// Carried labels the dashed line of [StackedColumns] above which a
	// month's people were not confirmed in custody then; default "not
	// confirmed".
	Carried string

	// Everyone and Current label the legend of [HBars]: the outlined bar of
	// everyone ever listed and the solid bar of those on the current list.
	Everyone, Current string
	// Value writes the figures after a bar of [HBars]; default
	// "Current / Count" with Number.
	Value func(register.Bar) string

	// Period describes a segment of [CustodyBar]; all segments but the free
	// ones, joined by "; ", make the chart's description for screen
	// readers. Default: the
	// status and its dates in EDTF ("imprisoned: 2020-07~ – 2021-03-10").
	Period func(register.Period) string
	// YearLabels writes the years under the custody bar's ticks.
	YearLabels bool
	// Legend names the statuses of [CustodyBar] under it, so readers need
	// not guess what each fill means; all but free, which is the bar's pale
	// ground between the times in custody.
	Legend bool
	// Tooltips gives each segment of the custody bar its Period text as a
	// <title>, shown on hover. Screen readers do not need it (they read
	// the description) and it doubles the text, about 80 bytes a segment.
	Tooltips bool

	// Width is the chart's width in viewBox units, default 640. A chart
	// scales to its container, so its text is fontSize × shown width ÷
	// Width pixels: a chart for a phone is drawn narrow, so that its text
	// stays at least 12 px there.
	Width int
}

func (o *Options) defaults() {
	if o.Width <= 0 {
		o.Width = defaultWidth
	}
	if o.Carried == "" {
		o.Carried = "not confirmed"
	}
	o.ID = sanitizeID(o.ID)
	if o.Status == nil {
		o.Status = func(s content.Status) string { return string(s) }
	}
	if o.Number == nil {
		o.Number = strconv.Itoa
	}
	if o.Year == nil {
		o.Year = strconv.Itoa
	}
	if o.Value == nil {
		o.Value = func(b register.Bar) string { return o.Number(b.Current) + " / " + o.Number(b.Count) }
	}
	if o.Period == nil {
		o.Period = func(p register.Period) string {
			s := o.Status(p.Status) + ": " + p.Since.String()
			switch {
			case p.Status == content.Dead:
			case p.Open:
				s += " – …"
			default:
				s += " – " + p.Until.String()
			}
			return s
		}
	}
}

// sanitizeID keeps id to characters that need no escaping in an id and in
// url(#...), so ids can be written and referred to as they are.
func sanitizeID(id string) string {
	if id == "" {
		return "chart"
	}
	b := []byte(id)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			b[i] = '-'
		}
	}
	return string(b)
}

// Layout constants, in viewBox units. A chart is [Options.Width] wide and
// scales to the width of its container, so these are proportions more than
// pixels.
const (
	defaultWidth = 640
	fontSize     = 12
	charW        = 7 // a generous average advance at fontSize, for laying out text whose width SVG cannot measure for us
	swatch       = 12
)

// look is how a status is drawn when the site's CSS says nothing: shades of
// the text colour, so that it works in light and dark themes, and a hatch,
// so that statuses differ by more than colour.
var look = map[content.Status]struct {
	letter  string // in the pattern's id
	opacity string
	hatch   string // path data in a 6×6 tile, stroked; "" for none
	round   bool   // round caps: the hatch is dots
}{
	content.Imprisoned:        {"i", ".85", "", false},
	content.PretrialDetention: {"p", ".45", "M-1 1l2-2M0 6l6-6M5 7l2-2", false},
	content.HouseArrested:     {"h", ".3", "M0 1.5h6M0 4.5h6", false},
	content.RestrictedStatus:  {"r", ".15", "M1.5 1.5h.01M4.5 4.5h.01", true},
	content.Free:              {"f", ".05", "", false},
	content.Dead:              {"d", ".6", "M0 0l6 6M6 0l-6 6", false},
}

// writer builds an SVG. Everything that is not a fixed string of this
// package goes through esc or num, so no caller's text can become markup.
type writer struct {
	strings.Builder
	id    string
	width float64 // Options.Width
}

// open writes the root element with its accessible name (and description,
// when desc is not empty) and the patterns of statuses.
func (w *writer) open(class string, height float64, o *Options, desc string, statuses []content.Status) {
	labelled := w.id + "-t"
	if desc != "" {
		labelled += " " + w.id + "-d"
	}
	w.width = float64(o.Width)
	w.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="chart ` + class + `" viewBox="0 0 ` + strconv.Itoa(o.Width) + " " + num(height) +
		`" width="100%" role="img" aria-labelledby="` + labelled + `" font-size="` + strconv.Itoa(fontSize) + `"><title id="` + w.id + `-t">` + esc(o.Title) + `</title>`)
	if desc != "" {
		w.WriteString(`<desc id="` + w.id + `-d">` + esc(desc) + `</desc>`)
	}
	if len(statuses) > 0 {
		// The tiles inherit the text colour from defs; CSS may override.
		w.WriteString(`<defs fill="currentColor">`)
		for _, s := range statuses {
			w.pattern(s)
		}
		w.WriteString("</defs>")
	}
}

// pattern defines the fill of status s: a tile with class s-<status>,
// which the site's CSS colours, and a hatch with class hatch.
func (w *writer) pattern(s content.Status) {
	l, ok := look[s]
	if !ok {
		l.opacity = ".5"
	}
	w.WriteString(`<pattern id="` + w.patternID(s) + `" width="6" height="6" patternUnits="userSpaceOnUse"><rect class="s-` + esc(string(s)) +
		`" width="6" height="6" fill-opacity="` + l.opacity + `"/>`)
	if l.hatch != "" {
		w.WriteString(`<path class="hatch" d="` + l.hatch + `" stroke="currentColor"`)
		if l.round {
			w.WriteString(` stroke-width="1.5" stroke-linecap="round"`)
		}
		w.WriteString("/>")
	}
	w.WriteString("</pattern>")
}

// patternID names status s's pattern: the chart's id and a letter, since
// every segment repeats it.
func (w *writer) patternID(s content.Status) string {
	if l, ok := look[s]; ok {
		return w.id + "-p" + l.letter
	}
	return w.id + "-" + sanitizeID(string(s))
}

func (w *writer) fill(s content.Status) string { return `fill="url(#` + w.patternID(s) + `)"` }

// legend writes swatches and their labels in rows from y, wrapping at the
// chart's width, and returns the height used.
func (w *writer) legend(y float64, items []legendItem) float64 {
	places, height := legendLayout(y, w.width, items)
	if len(places) == 0 {
		return 0
	}
	w.WriteString(`<g class="legend">`)
	for _, p := range places {
		x, ry := p.x, p.y
		fill := ` fill="currentColor"`
		if p.class != "" {
			// A swatch drawn by the stylesheet, as the shapes it names.
			w.WriteString(`<path class="` + p.class + `" d="M` + num(x+.5) + " " + num(ry+2.5) + "h" + strconv.Itoa(swatch-1) + "v" + strconv.Itoa(swatch-1) + "h-" + strconv.Itoa(swatch-1) + `z"/>`)
			fill = "" // the group's, from the stylesheet
		} else {
			w.WriteString(`<rect x="` + num(x+.5) + `" y="` + num(ry+2.5) + `" width="` + strconv.Itoa(swatch-1) + `" height="` + strconv.Itoa(swatch-1) + `" ` + p.attrs + `/>`)
		}
		for i, l := range p.lines {
			w.WriteString(`<text x="` + num(x+swatch+4) + `" y="` + num(ry+12+float64(i)*16) + `"` + fill + `>` + esc(l) + "</text>")
		}
	}
	w.WriteString("</g>")
	return height
}

// legendPlace is an item of a legend where legendLayout puts it: the top
// left corner of its swatch, and its label's lines.
type legendPlace struct {
	legendItem
	x, y  float64
	lines []string
}

// legendLayout places items in rows from y, wrapping at width, and
// returns the height used: what legend draws, and legendHeight measures
// without drawing.
func legendLayout(y, width float64, items []legendItem) ([]legendPlace, float64) {
	if len(items) == 0 {
		return nil, 0
	}
	places := make([]legendPlace, 0, len(items))
	x, rows := 0.0, 1
	for _, it := range items {
		// A label too long for one row is broken at spaces into lines
		// under each other, so no text runs past the chart's edge.
		lines := wrap(it.label, width-swatch-4)
		iw := swatch + 4 + textWidth(lines[0]) + 14
		if x > 0 && (x+iw > width || len(lines) > 1) {
			x, rows = 0, rows+1
		}
		places = append(places, legendPlace{it, x, y + float64(rows-1)*20, lines})
		if len(lines) > 1 {
			rows += int(math.Ceil(float64(len(lines)-1) * 16 / 20))
			x = width // the next item starts a row
			continue
		}
		x += iw
	}
	return places, float64(rows) * 20
}

type legendItem struct {
	attrs string // the swatch's fill and stroke, fixed strings of this package
	class string // or the swatch's class, which the stylesheet draws
	label string
}

func (w *writer) close() template.HTML {
	w.WriteString("</svg>")
	// Safe: fixed markup of this package, numbers, and text through esc.
	return template.HTML(w.String())
}

// StackedColumns draws months as columns stacked by status, in the order of
// statuses from the bottom up (missing statuses count zero), with a y axis
// of round gridlines and a tick at every January, labelled with its year
// (every second, fifth or tenth year when they would crowd). Neighbouring
// columns touch, so each status is one stepped area: at most about 20 bytes
// a month and status, some 12 KB for 20 years of three statuses that change
// every month. Its legend names the statuses; the numbers are for the data
// table beside it.
func StackedColumns(months []register.Month, statuses []content.Status, o Options) template.HTML {
	o.defaults()
	n := len(months)
	maxTotal := 0
	for _, m := range months {
		t := 0
		for _, s := range statuses {
			t += m.Counts[s]
		}
		maxTotal = max(maxTotal, t)
	}
	step, top := gridStep(maxTotal)

	w := writer{id: o.ID}
	var items []legendItem
	for _, s := range statuses {
		items = append(items, legendItem{attrs: w.fill(s) + ` stroke="currentColor" stroke-opacity=".4"`, label: o.Status(s)})
	}
	carried := false
	for _, m := range months {
		carried = carried || m.Unconfirmed > 0
	}
	if carried {
		items = append(items, legendItem{attrs: dashed, label: o.Carried})
	}
	legendH := legendHeight(items, o.Width)
	const plotH, gap = 220.0, 10.0
	plotTop := legendH + gap
	plotBottom := plotTop + plotH
	height := plotBottom + 22

	left := 0.0
	for v := 0; v <= top; v += step {
		left = max(left, textWidth(o.Number(v)))
	}
	left += 6
	right := float64(o.Width) - 2
	colW := 0.0
	if n > 0 {
		colW = (right - left) / float64(n)
	}
	x := func(k int) float64 { return left + float64(k)*colW }
	y := func(v int) float64 { return math.Round(plotBottom - float64(v)*plotH/float64(top)) }

	w.open("chart-monthly", height, &o, "", statuses)
	w.legend(0, items)

	// Gridlines and their numbers.
	w.WriteString(`<path class="grid" stroke="currentColor" stroke-opacity=".2" d="`)
	for v := step; v <= top; v += step {
		w.WriteString("M" + num(left) + " " + num(y(v)) + "H" + num(right))
	}
	w.WriteString(`"/><g class="tick" fill="currentColor" text-anchor="end">`)
	for v := 0; v <= top; v += step {
		w.WriteString(`<text x="` + num(left-4) + `" y="` + num(y(v)+4) + `">` + esc(o.Number(v)) + "</text>")
	}
	w.WriteString("</g>")

	// The areas, bottom status first.
	below := make([]int, n)
	above := make([]int, n)
	for _, s := range statuses {
		empty := true
		for k, m := range months {
			above[k] = below[k] + m.Counts[s]
			empty = empty && m.Counts[s] == 0
		}
		if !empty {
			w.WriteString(`<path class="area" ` + w.fill(s) + ` d="` + stepPath(n, x, func(k int) float64 { return y(above[k]) }, func(k int) float64 { return y(below[k]) }) +
				`"><title>` + esc(o.Status(s)) + "</title></path>")
		}
		below, above = above, below
	}

	// Above the dashed line, the people of each month who were not
	// confirmed in custody then: a line, not a fill, so that it reads on
	// every status's pattern and in both themes.
	if carried {
		// One horizontal segment for each run of months at the same height.
		level := func(k int) int {
			total := 0
			for _, s := range statuses {
				total += months[k].Counts[s]
			}
			return total - months[k].Unconfirmed
		}
		w.WriteString(`<path class="carried" ` + dashed + ` stroke-width="2" d="`)
		for k := 0; k < n; {
			v, end := level(k), k+1
			for end < n && level(end) == v {
				end++
			}
			w.WriteString("M" + num(x(k)) + " " + num(y(v)) + "H" + num(x(end)))
			k = end
		}
		w.WriteString(`"><title>` + esc(o.Carried) + "</title></path>")
	}

	// The x axis: its line, a tick at every January and the years.
	w.WriteString(`<g class="axis" stroke="currentColor" stroke-opacity=".6"><path d="M` + num(left) + " " + num(plotBottom) + "H" + num(right))
	for k, m := range months {
		if m.Start.Month() == 1 {
			w.WriteString("M" + num(x(k)) + " " + num(plotBottom) + "v5")
		}
	}
	w.WriteString(`"/></g><g class="tick" fill="currentColor">`)
	if n > 0 {
		yearW := textWidth(o.Year(months[n-1].Start.Year())) + 8
		every := 1
		for _, e := range []int{1, 2, 5, 10, 20, 50} {
			if every = e; float64(e)*12*colW >= yearW {
				break
			}
		}
		labelY := num(plotBottom + 17)
		firstJan := -1
		for k, m := range months {
			if m.Start.Month() == 1 {
				if firstJan < 0 {
					firstJan = k
				}
				if yr := m.Start.Year(); yr%every == 0 && x(k)+2+textWidth(o.Year(yr)) <= float64(o.Width) {
					w.WriteString(`<text x="` + num(x(k)+2) + `" y="` + labelY + `">` + esc(o.Year(yr)) + "</text>")
				}
			}
		}
		// A first, partial year gets its label too when there is room.
		if firstJan != 0 && (firstJan < 0 || float64(firstJan)*colW >= yearW) {
			w.WriteString(`<text x="` + num(left+2) + `" y="` + labelY + `">` + esc(o.Year(months[0].Start.Year())) + "</text>")
		}
	}
	w.WriteString("</g>")
	return w.close()
}

// dashed is the look of the line above which people were not confirmed.
const dashed = `fill="none" stroke="currentColor" stroke-dasharray="4 3"`

// stepPath returns the outline of a stepped area over n columns: along the
// top from left to right, back along the bottom. Runs of equal heights
// become one horizontal segment, so flat stretches cost nothing.
func stepPath(n int, x func(int) float64, top, bottom func(int) float64) string {
	var b strings.Builder
	cy := bottom(0)
	b.WriteString("M" + num(x(0)) + " " + num(cy))
	pending := ""
	v := func(y float64) {
		if y != cy {
			b.WriteString(pending + "V" + num(y))
			pending, cy = "", y
		}
	}
	for k := range n {
		v(top(k))
		pending = "H" + num(x(k+1))
	}
	for k := n - 1; k >= 0; k-- {
		v(bottom(k))
		pending = "H" + num(x(k))
	}
	b.WriteString(pending + "Z")
	return b.String()
}

// gridStep returns a round step (1, 2 or 5 times a power of ten) giving at
// most five gridlines above zero, and the top of the axis: the first
// multiple of step at or above maxValue.
func gridStep(maxValue int) (step, top int) {
	if maxValue <= 0 {
		return 1, 1
	}
	for p := 1; ; p *= 10 {
		for _, f := range []int{1, 2, 5} {
			if step = f * p; maxValue <= 5*step {
				return step, (maxValue + step - 1) / step * step
			}
		}
	}
}

// HBars draws one horizontal bar per category, in the order given, its
// label above it and its figures after it: an outlined bar for everyone
// ever listed in it and, inside it, a solid bar for those on the current
// list, which a legend explains; outline against solid tells them apart
// without colour. Each bar costs about 200 bytes, so a chart of more than
// about 100 categories should be cut short by the caller (the data table can
// still list all of them). Labels longer than 80 characters are shortened
// with an ellipsis, the full text in a tooltip.
func HBars(bars []register.Bar, label func(register.Bar) string, o Options) template.HTML {
	o.defaults()
	w := writer{id: o.ID}
	maxCount, valueW := 0, 0.0
	for _, b := range bars {
		maxCount = max(maxCount, b.Count, b.Current)
		valueW = max(valueW, textWidth(o.Value(b)))
	}
	items := []legendItem{
		{attrs: `class="bar-all" fill="none" stroke="currentColor"`, label: o.Everyone},
		{attrs: `class="bar-cur" fill="currentColor"`, label: o.Current},
	}
	legendH := legendHeight(items, o.Width) + 6
	const rowH = 34.0
	height := legendH + rowH*float64(len(bars))
	plotW := float64(o.Width) - valueW - 8
	scale := func(v int) float64 {
		if maxCount == 0 {
			return 0
		}
		return float64(v) * plotW / float64(maxCount)
	}

	w.open("chart-bars", height, &o, "", nil)
	w.legend(0, items)
	// Shapes of a kind share one group, which carries their common look.
	w.WriteString(`<g class="label" fill="currentColor">`)
	for i, b := range bars {
		text, cut := shorten(label(b), 80)
		w.WriteString(`<text y="` + num(legendH+rowH*float64(i)+12) + `">`)
		if cut {
			w.WriteString("<title>" + esc(label(b)) + "</title>")
		}
		w.WriteString(esc(text) + "</text>")
	}
	w.WriteString(`</g><g class="bar-all" fill="none" stroke="currentColor">`)
	for i, b := range bars {
		if bw := scale(b.Count); bw >= 1 {
			w.WriteString(`<rect x=".5" y="` + num(legendH+rowH*float64(i)+16.5) + `" width="` + num(bw-1) + `" height="11"/>`)
		}
	}
	w.WriteString(`</g><g class="bar-cur" fill="currentColor">`)
	for i, b := range bars {
		if bw := scale(b.Current); bw > 0 {
			w.WriteString(`<rect y="` + num(legendH+rowH*float64(i)+16) + `" width="` + num(bw) + `" height="12"/>`)
		}
	}
	w.WriteString(`</g><g class="value" fill="currentColor">`)
	for i, b := range bars {
		w.WriteString(`<text x="` + num(scale(max(b.Count, b.Current))+6) + `" y="` + num(legendH+rowH*float64(i)+26) + `">` + esc(o.Value(b)) + "</text>")
	}
	w.WriteString("</g>")
	return w.close()
}

// CustodyBar draws a person's record (see [Custody]) as one horizontal bar
// from the first event to the register's date, or to death, with one
// segment per period of class s-<status>, with Options.Period as its tooltip
// when Options.Tooltips; a tick marks every 1 January, labelled with
// its year when Options.YearLabels (every second, fifth or tenth when they
// would crowd). A death, and a status that began too recently to show at
// scale, get a short mark at the end, so that the present is always
// visible. Its description, which screen readers read after Options.Title,
// lists every period but the free ones (the gaps between the others) with
// Options.Period: an SVG with role img hides the titles of its parts, so
// tooltips alone would not reach them. It is empty when periods is.
//
// The bar is on every person page, so it carries no look of its own: no
// patterns, colours or strokes, only classes (s-<status>, frame, axis,
// tick, legend), which the site's stylesheet draws once for all pages
// (static/style.css: a fill by status and, where colour alone would not
// tell statuses apart, a dashed or dotted border, as the status labels
// have). A bar takes about 400 bytes plus its text.
func CustodyBar(periods []register.Period, o Options) template.HTML {
	if len(periods) == 0 {
		return ""
	}
	o.defaults()
	descs := make([]string, len(periods))
	var said []string // the description: the periods not free, which are the gaps between them
	for i, p := range periods {
		descs[i] = o.Period(p)
		if p.Status != content.Free {
			said = append(said, descs[i])
		}
	}
	if len(said) == 0 {
		said = descs
	}
	const barH, mark = 18.0, 5.0
	height := barH + 6
	if o.YearLabels {
		height += 14
	}
	t0, t1 := periods[0].From, periods[len(periods)-1].To
	span := float64(days(t0, t1))
	if span <= 0 {
		span = 1
	}
	right := float64(o.Width) - 1
	last := periods[len(periods)-1]
	marked := last.Status == content.Dead || last.Open && float64(last.Days())*(right-1)/span < mark
	if marked {
		right -= mark + 1 // room for the mark after the bar
	}
	x := func(t time.Time) float64 { return 1 + float64(days(t0, t))*(right-1)/span }

	// The statuses drawn, in order, for the legend and the segments.
	var statuses []content.Status
	type seg struct{ x0, x1 float64 }
	segs := make([]seg, len(periods))
	for i, p := range periods {
		segs[i] = seg{x(p.From), x(p.To)}
		if marked && i == len(periods)-1 {
			segs[i].x1 = right + mark
		}
		if segs[i].x1-segs[i].x0 >= .1 && !slices.Contains(statuses, p.Status) {
			statuses = append(statuses, p.Status)
		}
	}

	w := writer{id: o.ID, width: float64(o.Width)}
	var items []legendItem
	if o.Legend {
		for _, s := range statuses {
			if s != content.Free {
				items = append(items, legendItem{class: "s-" + esc(string(s)), label: o.Status(s)})
			}
		}
	}
	legendY := height + 4
	if len(items) > 0 {
		height = legendY + legendHeight(items, o.Width)
	}
	// The root: no xmlns (an SVG inside HTML needs none), no width or
	// font size (the stylesheet's .chart-custody sets them).
	w.WriteString(`<svg class="chart chart-custody" viewBox="0 0 ` + strconv.Itoa(o.Width) + " " + num(height) +
		`" role="img" aria-labelledby="` + w.id + "-t " + w.id + `-d"><title id="` + w.id + `-t">` + esc(o.Title) +
		`</title><desc id="` + w.id + `-d">` + esc(strings.Join(said, "; ")) + `</desc>`)
	// Segments are paths: one per segment when each needs its tooltip,
	// else one per status, the smallest markup.
	box := func(sg seg) string {
		return "M" + num(sg.x0) + " 0H" + num(sg.x1) + "v" + num(barH) + "H" + num(sg.x0) + "z"
	}
	if o.Tooltips {
		for i, p := range periods {
			if sg := segs[i]; sg.x1-sg.x0 >= .1 {
				w.WriteString(`<path class="s-` + esc(string(p.Status)) + `" d="` + box(sg) + `"><title>` + esc(descs[i]) + "</title></path>")
			}
		}
	} else {
		for _, s := range statuses {
			w.WriteString(`<path class="s-` + esc(string(s)) + `" d="`)
			for i, p := range periods {
				if sg := segs[i]; p.Status == s && sg.x1-sg.x0 >= .1 {
					w.WriteString(box(sg))
				}
			}
			w.WriteString(`"/>`)
		}
	}
	w.WriteString(`<path class="frame" d="M.5.5h` + num(float64(o.Width)-1) + "v" + num(barH-1) + `H.5z"/>`)

	// Ticks at each 1 January after the start, to the nearest unit (a
	// fraction of a pixel on screen, and shorter).
	type tick struct {
		x    float64
		year int
	}
	var ticks []tick
	for yr := t0.Year() + 1; yr <= t1.Year(); yr++ {
		ticks = append(ticks, tick{x(time.Date(yr, time.January, 1, 0, 0, 0, 0, time.UTC)), yr})
	}
	if len(ticks) > 0 {
		w.WriteString(`<path class="axis" d="`)
		for i, t := range ticks {
			if i == 0 {
				w.WriteString("M" + num(math.Round(t.x)) + " " + num(barH) + "v5")
			} else { // from the foot of the last tick
				w.WriteString("m" + num(math.Round(t.x)-math.Round(ticks[i-1].x)) + "-5v5")
			}
		}
		w.WriteString(`"/>`)
	}
	if o.YearLabels {
		yearW := textWidth(o.Year(t1.Year()))
		perYear := (right - 1) / span * 365.25
		every := 1
		for _, e := range []int{1, 2, 5, 10, 20, 50} {
			if every = e; float64(e)*perYear >= yearW+8 {
				break
			}
		}
		// The group sets the labels' baseline, which each would repeat.
		w.WriteString(`<g class="tick" transform="translate(0 ` + num(barH+17) + `)">`)
		if len(ticks) == 0 || ticks[0].x-1 >= yearW+8 {
			w.WriteString(`<text x="1">` + esc(o.Year(t0.Year())) + "</text>")
		}
		for _, t := range ticks {
			if t.year%every == 0 && t.x+2+yearW <= float64(o.Width) {
				w.WriteString(`<text x="` + num(math.Round(t.x+2)) + `">` + esc(o.Year(t.year)) + "</text>")
			}
		}
		w.WriteString("</g>")
	}
	w.legend(legendY, items)
	w.WriteString("</svg>")
	// Safe: fixed markup of this package, numbers, and text through esc.
	return template.HTML(w.String())
}

// legendHeight is the height legend will use for items.
func legendHeight(items []legendItem, width int) float64 {
	_, h := legendLayout(0, float64(width), items)
	return h
}

// wrap breaks s at spaces into lines of at most width (by textWidth); a
// word longer than width is a line of its own.
func wrap(s string, width float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		switch {
		case line == "":
			line = word
		case textWidth(line+" "+word) <= width:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	return append(lines, line)
}

// textWidth estimates the width of s at fontSize; SVG has no way to measure
// text at build time, so layouts leave room for a generous average.
func textWidth(s string) float64 { return float64(utf8.RuneCountInString(s)) * charW }

// shorten cuts s to at most n characters, the last an ellipsis, and
// reports whether it did.
func shorten(s string, n int) (string, bool) {
	if utf8.RuneCountInString(s) <= n {
		return s, false
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…", true
}

// num writes a coordinate with at most one decimal, which is a tenth of a
// unit of a 640-wide picture: finer than any screen shows, and short.
func num(x float64) string {
	x = math.Round(x*10) / 10
	if x == 0 {
		return "0" // not "-0"
	}
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if strings.HasPrefix(s, "0.") {
		return s[1:]
	} else if strings.HasPrefix(s, "-0.") {
		return "-" + s[2:]
	}
	return s
}

// esc escapes text for an attribute value or element content of SVG inside
// HTML and as XML alike, and replaces characters that neither allows.
func esc(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case r == '"':
			b.WriteString("&#34;")
		case r == '\'':
			b.WriteString("&#39;")
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r < 0x20 || r >= 0x7f && r <= 0x9f || r == utf8.RuneError || r >= 0xfdd0 && r <= 0xfdef || r&0xfffe == 0xfffe:
			b.WriteRune('\uFFFD') // control characters and noncharacters: not allowed in XML or HTML
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// days is the number of whole days from one 00:00 UTC to another.
func days(from, to time.Time) int { return int(to.Sub(from) / (24 * time.Hour)) }
