package chart_test

import (
	"encoding/xml"
	"flag"
	"html/template"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tizim/tizim"
	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/date"
	"github.com/tizim/tizim/internal/i18n"
	"github.com/tizim/tizim/internal/register"
	"github.com/tizim/tizim/internal/site/chart"
)

var update = flag.Bool("update", false, "rewrite the golden SVGs in testdata")

// Interface text as the site would pass it, in two languages, so that the
// golden files show non-ASCII text and grouped numbers.
var statusNames = map[string]map[content.Status]string{
	"en": {content.Imprisoned: "Imprisoned", content.PretrialDetention: "Pretrial detention", content.HouseArrested: "House arrest",
		content.RestrictedStatus: "Restricted freedom", content.Free: "Free", content.Dead: "Died"},
	"ru": {content.Imprisoned: "Лишение свободы", content.PretrialDetention: "Под стражей", content.HouseArrested: "Домашний арест",
		content.RestrictedStatus: "Ограничение свободы", content.Free: "На свободе", content.Dead: "Умер(ла)"},
}

// words are the theme's, for the dates of tooltips.
var words = func() *i18n.Strings {
	s, err := i18n.Load([]string{"en", "ru"}, tizim.DefaultTheme)
	if err != nil {
		panic(err)
	}
	return s
}()

// group writes n with a thin space between groups of three digits, as the
// Russian pages would.
func group(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "\u202f" + s[i:]
	}
	return s
}

func options(lang, id, title string) chart.Options {
	return chart.Options{
		ID:       id,
		Title:    title,
		Status:   func(s content.Status) string { return statusNames[lang][s] },
		Number:   group,
		Everyone: map[string]string{"en": "Everyone ever listed", "ru": "Все, кто был в списке"}[lang],
		Current:  map[string]string{"en": "On the current list", "ru": "В текущем списке"}[lang],
		Period: func(p register.Period) string {
			s := statusNames[lang][p.Status] + ": " + p.Since.Format(words.Locale(lang))
			if !p.Open && p.Status != content.Dead {
				s += " – " + p.Until.Format(words.Locale(lang))
			}
			return s
		},
	}
}

// charts renders every kind of chart from the fixture.
func charts(t testing.TB) map[string]template.HTML {
	r := load(t)
	label := func(lang string) func(register.Bar) string {
		return func(b register.Bar) string {
			if b.Key == "" {
				return "?"
			}
			if b.Label.IsZero() {
				return "stats.sentence." + b.Key
			}
			s, _ := b.Label.Pick(content.Chain{lang, "en"})
			return s
		}
	}
	custody := func(slug, lang string, years, tooltips bool) template.HTML {
		o := options(lang, "custody", slug)
		o.YearLabels, o.Tooltips = years, tooltips
		return chart.CustodyBar(register.Custody(person(t, r, slug), r.AsOf), o)
	}
	return map[string]template.HTML{
		"monthly.svg":         chart.StackedColumns(register.Monthly(r), register.Statuses(r), options("en", "monthly", "The current list month by month")),
		"monthly-ru.svg":      chart.StackedColumns(register.Monthly(r), register.Statuses(r), options("ru", "monthly", "Текущий список по месяцам")),
		"region.svg":          chart.HBars(register.ByRegion(r), label("ru"), options("ru", "region", "По регионам")),
		"charge.svg":          chart.HBars(register.ByCharge(r), label("en"), options("en", "charge", "By charge")),
		"year.svg":            chart.HBars(register.ByDetentionYear(r), label("en"), options("en", "year", "By year of detention")),
		"sentence.svg":        chart.HBars(register.BySentence(r), label("en"), options("en", "sentence", "By sentence")),
		"custody-anna.svg":    custody("anna", "en", true, true),
		"custody-dana-ru.svg": custody("dana", "ru", true, true),
		"custody-gulnara.svg": custody("gulnara", "en", false, false),
		"custody-olga.svg":    custody("olga", "en", true, false),
		"custody-erlan.svg":   custody("erlan", "en", true, false),
	}
}

func TestGolden(t *testing.T) {
	for name, svg := range charts(t) {
		checkSVG(t, name, string(svg))
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(svg+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/site/chart -update)", err)
		}
		if string(svg)+"\n" != string(want) {
			t.Errorf("%s differs from %s; if the change is intended, run go test ./internal/site/chart -update and review the diff:\n%s", name, path, svg)
		}
	}
}

func TestSVGDeterministic(t *testing.T) {
	a, b := charts(t), charts(t)
	for name := range a {
		if a[name] != b[name] {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

// TestSVGEscapes passes markup in every text and expects it to come out
// as text.
func TestSVGEscapes(t *testing.T) {
	evil := `<script>alert(1)</script>"' onload="x" &amp; ` + "\x01\x7f\ufffe"
	o := chart.Options{
		ID:       `a b"<c>`,
		Title:    evil,
		Status:   func(content.Status) string { return evil },
		Number:   func(n int) string { return evil },
		Year:     func(int) string { return evil },
		Everyone: evil, Current: evil,
		Value:      func(register.Bar) string { return evil },
		Period:     func(register.Period) string { return evil },
		YearLabels: true,
		Tooltips:   true,
	}
	r := load(t)
	svgs := map[string]template.HTML{
		"columns": chart.StackedColumns(register.Monthly(r), register.Statuses(r), o),
		"bars":    chart.HBars(register.ByRegion(r), func(register.Bar) string { return evil + strings.Repeat("x", 100) }, o),
		"custody": chart.CustodyBar(register.Custody(person(t, r, "dana"), r.AsOf), o),
	}
	for name, svg := range svgs {
		checkSVG(t, name, string(svg))
		if !strings.Contains(string(svg), "&lt;script&gt;") || strings.Contains(string(svg), "\x01") {
			t.Errorf("%s: text not escaped:\n%s", name, svg)
		}
	}
}

// checkSVG checks that s is one well-formed svg element, with only the
// elements the charts use, no scripts, event handlers, style attributes
// (which the site's Content-Security-Policy forbids) or references outside
// the SVG itself, ids unique and every reference resolved.
func checkSVG(t *testing.T, name, s string) {
	t.Helper()
	allowed := map[string]bool{"svg": true, "title": true, "desc": true, "defs": true, "pattern": true, "g": true, "rect": true, "path": true, "text": true}
	if strings.Contains(strings.ToLower(s), "<script") || strings.Contains(strings.ToLower(s), "javascript:") {
		t.Errorf("%s: contains a script", name)
	}
	dec := xml.NewDecoder(strings.NewReader(s))
	ids := make(map[string]bool)
	var refs []string
	depth, roots := 0, 0
	var viewBox []float64
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Errorf("%s: not well-formed: %v", name, err)
			return
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
				if tok.Name.Local != "svg" {
					t.Errorf("%s: root is %s", name, tok.Name.Local)
				}
			}
			depth++
			if !allowed[tok.Name.Local] {
				t.Errorf("%s: element %s", name, tok.Name.Local)
			}
			for _, a := range tok.Attr {
				n, v := strings.ToLower(a.Name.Local), a.Value
				switch {
				case strings.HasPrefix(n, "on"), n == "style":
					t.Errorf("%s: attribute %s", name, a.Name.Local)
				case n == "href":
					if !strings.HasPrefix(v, "#") {
						t.Errorf("%s: href %q", name, v)
					}
					refs = append(refs, v[1:])
				case n == "id":
					if ids[v] {
						t.Errorf("%s: id %q twice", name, v)
					}
					ids[v] = true
				case n == "aria-labelledby":
					refs = append(refs, strings.Fields(v)...)
				case n == "viewbox":
					for _, f := range strings.Fields(v) {
						x, _ := strconv.ParseFloat(f, 64)
						viewBox = append(viewBox, x)
					}
				case n == "x" || n == "y" || n == "width" || n == "height":
					x, err := strconv.ParseFloat(v, 64)
					if err != nil && v != "100%" {
						t.Errorf("%s: %s=%q", name, n, v)
					}
					if len(viewBox) == 4 && tok.Name.Local != "svg" && (x < 0 || n == "x" && x > viewBox[2] || n == "y" && x > viewBox[3]) {
						t.Errorf("%s: %s %s=%s outside the viewBox %v", name, tok.Name.Local, n, v, viewBox)
					}
				}
				if strings.Contains(v, "url(") {
					m := regexp.MustCompile(`url\(#([^)]+)\)`).FindAllStringSubmatch(v, -1)
					if len(m) != strings.Count(v, "url(") {
						t.Errorf("%s: reference %q", name, v)
					}
					for _, x := range m {
						refs = append(refs, x[1])
					}
				}
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && strings.TrimSpace(string(tok)) != "" {
				t.Errorf("%s: text outside the svg element", name)
			}
		}
	}
	if roots != 1 {
		t.Errorf("%s: %d root elements", name, roots)
	}
	for _, ref := range refs {
		if !ids[ref] {
			t.Errorf("%s: reference to missing id %q", name, ref)
		}
	}
}

// TestSizes draws the largest charts the site expects, a 100,000-person
// register over 20 years, and holds them to the page budgets.
func TestSizes(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	statuses := []content.Status{content.Imprisoned, content.PretrialDetention, content.HouseArrested}
	var months []register.Month
	counts := []int{40000, 8000, 2000}
	for k := range 240 {
		m := register.Month{Start: time.Date(2005, time.Month(1+k), 1, 0, 0, 0, 0, time.UTC), Counts: map[content.Status]int{}}
		for i, s := range statuses {
			counts[i] = max(0, counts[i]+rng.IntN(2001)-1000) // changes every month
			m.Counts[s] = counts[i]
			m.Total += counts[i]
		}
		months = append(months, m)
	}
	var bars []register.Bar
	for i := range 100 {
		n := 100000 / (i + 1)
		bars = append(bars, register.Bar{Key: "charge " + strconv.Itoa(i), Count: n, Current: n / 3})
	}
	label := func(b register.Bar) string {
		return "Организация незаконного собрания, статья 400 часть 2, " + b.Key // a long Russian label
	}
	// A 20-year record: detention, house arrest, prison, parole, again.
	p := &register.Person{Person: &content.Person{Name: "X"}}
	p.Spans = []register.Span{{Status: content.Free}}
	d := func(s string) date.Date { return date.MustParse(s) }
	for _, s := range []struct {
		st content.Status
		d  string
	}{
		{content.PretrialDetention, "2005-03-02"}, {content.HouseArrested, "2005-09~"}, {content.Imprisoned, "2006-02-14"},
		{content.RestrictedStatus, "2010?"}, {content.Free, "2012-06-01"}, {content.PretrialDetention, "2016-11-30"},
		{content.Imprisoned, "2017-05-05"}, {content.Free, "2019-12-31"}, {content.PretrialDetention, "2022-01-05"},
		{content.Imprisoned, "2022-09~"},
	} {
		p.Spans = append(p.Spans, register.Span{Status: s.st, From: d(s.d)})
	}
	p.Timeline = []*content.Event{{Date: d("2004-12-01"), Type: content.Charged}}
	o := options("ru", "custody", "Заключение под стражу: 15 лет 2 месяца")
	o.YearLabels = true
	custody := chart.CustodyBar(register.Custody(p, day("2025-06-15")), o)
	o.Tooltips = true
	tooltips := chart.CustodyBar(register.Custody(p, day("2025-06-15")), o)
	text := 0 // the caller's text in the description, some 1 KB in Russian
	for _, pd := range register.Custody(p, day("2025-06-15")) {
		text += len(o.Period(pd)) + 2
	}

	for _, tt := range []struct {
		name  string
		svg   template.HTML
		limit int
	}{
		{"monthly, 240 months", chart.StackedColumns(months, statuses, options("ru", "monthly", "Текущий список по месяцам")), 30000},
		{"bars, 100 categories", chart.HBars(bars, label, options("ru", "charge", "По статьям")), 30000},
		{"custody bar, 20 years, 11 periods, in Russian", custody, 2600 + text},
		{"the same with tooltips", tooltips, 3100 + 2*text},
	} {
		checkSVG(t, tt.name, string(tt.svg))
		if os.Getenv("STATS_DUMP") != "" {
			t.Log(tt.svg)
		}
		t.Logf("%s: %d bytes (limit %d)", tt.name, len(tt.svg), tt.limit)
		if len(tt.svg) > tt.limit {
			t.Errorf("%s: %d bytes, over %d", tt.name, len(tt.svg), tt.limit)
		}
	}
}

// TestShipped draws the charts of the shipped register, when it loads, and
// holds every person's custody bar to its budget.
func TestShipped(t *testing.T) {
	c, err := content.Load(os.DirFS("../.."))
	if err != nil {
		t.Skipf("the shipped content does not load: %v", err)
	}
	r := register.New(c, day("2026-01-01"))
	m := chart.StackedColumns(register.Monthly(r), register.Statuses(r), options("en", "monthly", "Monthly"))
	checkSVG(t, "shipped monthly", string(m))
	t.Logf("shipped: %d people, %d months, monthly chart %d bytes", len(r.People), len(register.Monthly(r)), len(m))
	largest := 0
	for _, p := range r.People {
		o := options("ru", "custody", p.Name)
		o.YearLabels, o.Tooltips = true, true
		svg := chart.CustodyBar(register.Custody(p, r.AsOf), o)
		checkSVG(t, p.Slug, string(svg))
		largest = max(largest, len(svg))
		if len(svg) > 3000 {
			t.Errorf("%s: custody bar of %d bytes", p.Slug, len(svg))
		}
	}
	t.Logf("shipped: largest custody bar %d bytes", largest)
}

// TestEmpty draws charts of nothing: a register with no events yet, no
// categories, no record.
func TestEmpty(t *testing.T) {
	statuses := []content.Status{content.Imprisoned}
	for name, svg := range map[string]template.HTML{
		"no months":    chart.StackedColumns(nil, statuses, chart.Options{}),
		"one month":    chart.StackedColumns([]register.Month{{Start: day("2024-06-01"), Counts: map[content.Status]int{}}}, statuses, chart.Options{}),
		"no bars":      chart.HBars(nil, func(register.Bar) string { return "" }, chart.Options{}),
		"zero bars":    chart.HBars([]register.Bar{{Key: "a"}, {Key: "b"}}, func(b register.Bar) string { return b.Key }, chart.Options{}),
		"one-day bar":  chart.CustodyBar([]register.Period{{Status: content.Imprisoned, From: day("2024-06-15"), To: day("2024-06-15"), Open: true}}, chart.Options{YearLabels: true}),
		"only a death": chart.CustodyBar([]register.Period{{Status: content.Dead, From: day("2024-06-15"), To: day("2024-06-15")}}, chart.Options{Tooltips: true}),
	} {
		checkSVG(t, name, string(svg))
	}
	if svg := chart.CustodyBar(nil, chart.Options{}); svg != "" {
		t.Errorf("custody bar of no periods: %s", svg)
	}
}

// TestNarrowText draws every chart 288 units wide, as phones get them, with
// long Russian labels, and requires every text to fit inside the chart by
// the layout's own estimate of text width (7 units a character).
func TestNarrowText(t *testing.T) {
	statuses := []content.Status{content.Imprisoned, content.PretrialDetention, content.HouseArrested}
	var months []register.Month
	for k := range 60 {
		m := register.Month{Start: time.Date(2019, time.Month(1+k), 1, 0, 0, 0, 0, time.UTC), Counts: map[content.Status]int{content.Imprisoned: k, content.PretrialDetention: 2}, Unconfirmed: k / 2}
		m.Total = k + 2
		months = append(months, m)
	}
	ru := func(s content.Status) string {
		return map[content.Status]string{content.Imprisoned: "Лишение свободы", content.PretrialDetention: "Под стражей до суда", content.HouseArrested: "Домашний арест"}[s]
	}
	o := chart.Options{ID: "n", Width: 288, Status: ru, Carried: "Выше пунктира: нет подтверждения за период: 1 год", Legend: true, YearLabels: true,
		Everyone: "Все, кто когда-либо был в реестре", Current: "В текущем списке"}
	bars := []register.Bar{{Key: "a", Count: 8, Current: 3}, {Key: "b", Count: 4, Current: 4}}
	p := &register.Person{Person: &content.Person{Name: "X"}}
	p.Spans = []register.Span{{Status: content.Free}, {Status: content.PretrialDetention, From: date.MustParse("2019-03-02")}, {Status: content.HouseArrested, From: date.MustParse("2019-09~")}, {Status: content.Imprisoned, From: date.MustParse("2020-02-14")}}
	p.Timeline = []*content.Event{{Date: date.MustParse("2019-01-01"), Type: content.Charged}}
	got := map[string]template.HTML{
		"monthly": chart.StackedColumns(months, statuses, o),
		"bars": chart.HBars(bars, func(b register.Bar) string {
			return "Восточно-Казахстанская область " + b.Key
		}, o),
		"custody": chart.CustodyBar(register.Custody(p, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)), o),
	}
	text := regexp.MustCompile(`<text x="([0-9.]+)"[^>]*>([^<]*)</text>`)
	for name, svg := range got {
		if !strings.Contains(string(svg), `viewBox="0 0 288 `) {
			t.Errorf("%s: not drawn 288 wide", name)
		}
		n := 0
		for _, m := range text.FindAllStringSubmatch(string(svg), -1) {
			x, _ := strconv.ParseFloat(m[1], 64)
			if right := x + 7*float64(len([]rune(m[2]))); right > 288+0.5 {
				t.Errorf("%s: %q runs to %.0f, past the chart's width of 288", name, m[2], right)
			}
			n++
		}
		if n == 0 {
			t.Errorf("%s: no text found", name)
		}
	}
	if !strings.Contains(string(got["custody"]), ">Домашний арест</text>") {
		t.Error("the custody bar's legend does not name house arrest")
	}
}
