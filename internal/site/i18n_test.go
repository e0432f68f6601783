package site_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/tizim/tizim"
	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
	"github.com/tizim/tizim/internal/site"
	"github.com/tizim/tizim/internal/testkit/testsite"
)

// polishDates are the Polish words of dates and terms, and of one counted
// text of the pages.
const polishDates = `date.months: [styczeń, luty, marzec, kwiecień, maj, czerwiec, lipiec, sierpień, wrzesień, październik, listopad, grudzień]
date.months_with_day: [stycznia, lutego, marca, kwietnia, maja, czerwca, lipca, sierpnia, września, października, listopada, grudnia]
date.months_approximate: [stycznia, lutego, marca, kwietnia, maja, czerwca, lipca, sierpnia, września, października, listopada, grudnia]
date.year: "{year} r."
date.month: "{month} {year} r."
date.day: "{day} {month} {year} r."
date.approximate: "ok. {date}"
date.uncertain: "{date} (niepewne)"
term.years: {one: "{n} rok", few: "{n} lata", many: "{n} lat"}
term.months: {one: "{n} miesiąc", few: "{n} miesiące", many: "{n} miesięcy"}
term.days: {one: "{n} dzień", few: "{n} dni", many: "{n} dni"}
sentence.prison.term: "{term} pozbawienia wolności"
`

// polish makes a Polish i18n file from the theme's English one: its text
// stays English, but its counted text gets Polish forms (one, few, many)
// and its dates and terms the Polish words of polishDates, with drop left
// out.
func polish(t *testing.T, drop string) []byte {
	t.Helper()
	en, err := fs.ReadFile(tizim.DefaultTheme, "i18n/en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	skip := false
	for _, line := range strings.SplitAfter(string(en), "\n") {
		if line != "" && line[0] != ' ' && line[0] != '#' {
			key, _, _ := strings.Cut(line, ":")
			skip = strings.Contains(polishDates, "\n"+key+":") || strings.HasPrefix(polishDates, key+":")
		}
		switch {
		case skip:
		case strings.HasPrefix(line, "  other:"):
			b.WriteString(strings.Replace(line, "other:", "few:", 1))
			b.WriteString(strings.Replace(line, "other:", "many:", 1))
		default:
			b.WriteString(line)
		}
	}
	for _, line := range strings.SplitAfter(polishDates, "\n") {
		if drop == "" || !strings.HasPrefix(line, drop+":") {
			b.WriteString(line)
		}
	}
	return []byte(b.String())
}

// polishSite is the test site in a fourth language, Polish, which tizim
// does not ship: the site brings its i18n/pl.yaml.
func polishSite(t *testing.T, drop string) *testsite.Archive {
	t.Helper()
	data, err := os.ReadFile("testdata/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	a := testsite.Parse(data)
	a.Set("content/site.yaml", bytes.Replace(a.Get("content/site.yaml"), []byte("languages: [en, ru]"), []byte("languages: [en, ru, kk, pl]"), 1))
	a.Set("i18n/pl.yaml", polish(t, drop))
	// 21 years: "21 lat" in Polish, where Russian's rule would say "one".
	a.Set("content/people/jan-k/case.yaml", []byte(`name: Jan K
events:
  - date: 2021-01-22
    type: sentenced
    text: Sentenced.
    sentence: {kind: prison, term: 21y}
    sources: [news-1]
`))
	return a
}

func TestFourthLanguage(t *testing.T) {
	files := renderFS(t, polishSite(t, "").FS(""), "2021-06-01")
	for _, tt := range []struct{ page, want string }{
		{"pl/people/jan-k/index.html", "21 lat pozbawienia wolności"},
		{"pl/people/jan-k/index.html", `<time datetime="2021-01-22">22 stycznia 2021 r.</time>`},
		{"pl/people/anna-ivanova/index.html", "7 lat pozbawienia wolności"},
		{"pl/people/anna-ivanova/index.html", `<time datetime="2020-03-02">2 marca 2020 r.</time>`},
		{"pl/people/anna-ivanova/index.html", `<time datetime="2020-07">ok. lipca 2020 r.</time>`},
		{"pl/people/anna-ivanova/index.html", `<time datetime="2020-09">wrzesień 2020 r.</time>`},
		{"kk/people/jan-k/index.html", `<time datetime="2021-01-22">2021 жылғы 22 қаңтар</time>`},
		{"ru/people/jan-k/index.html", `<time datetime="2021-01-22">22 января 2021 г.</time>`},
	} {
		if !bytes.Contains(files[tt.page], []byte(tt.want)) {
			t.Errorf("%s lacks %q", tt.page, tt.want)
		}
	}
}

// TestFourthLanguageWithoutMonths leaves a key of the dates out of the
// site's Polish file: the build fails with an error at that file.
func TestFourthLanguageWithoutMonths(t *testing.T) {
	files := polishSite(t, "date.months_with_day").FS("")
	c, err := content.Load(files)
	if err != nil {
		t.Fatal(err)
	}
	_, err = site.New(register.New(c, time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC)), files, site.Overlay(files, tizim.DefaultTheme))
	var list content.ErrorList
	if !errors.As(err, &list) || len(list) != 1 {
		t.Fatalf("got %v, want one content error", err)
	}
	want := `i18n/pl.yaml:6:1: missing date.months_with_day, the twelve month names, January first, after a day number ("22 July 2020"; Russian: "22 июля"); copy the key from tizim's i18n/en.yaml and translate it`
	if got := list[0].Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
