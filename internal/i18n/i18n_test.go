package i18n_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tizim/tizim"
	"github.com/tizim/tizim/internal/i18n"
)

// TestThemeStrings fails when a language of the embedded theme lacks a
// key, a plural form or has a placeholder the English text does not.
func TestThemeStrings(t *testing.T) {
	for _, langs := range [][]string{{"en", "ru", "kk"}, {"ru", "kk", "en"}, {"kk", "en"}} {
		s, err := i18n.Load(langs, tizim.DefaultTheme)
		if err != nil {
			t.Fatalf("%v: %v", langs, err)
		}
		if n := len(s.Keys("en")); n < 100 {
			t.Errorf("only %d keys in en", n)
		}
	}
}

// dates returns the date keys every language needs, with the plural
// forms given for terms, to end the files of tests about other keys.
func dates(forms ...string) string {
	s := "date.months: [m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12]\n" +
		"date.months_with_day: [d1, d2, d3, d4, d5, d6, d7, d8, d9, d10, d11, d12]\n" +
		"date.months_approximate: [a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12]\n" +
		"date.year: \"{year}\"\ndate.month: \"{month} {year}\"\ndate.day: \"{day} {month} {year}\"\n" +
		"date.approximate: \"~{date}\"\ndate.uncertain: \"{date}?\"\n"
	for _, unit := range []string{"years", "months", "days"} {
		s += "term." + unit + ":\n"
		for _, f := range forms {
			s += "  " + f + ": \"{n} " + unit + " " + f + "\"\n"
		}
	}
	return s
}

var (
	datesEn = dates("one", "other")
	datesRu = dates("one", "few", "many")
)

func TestStrings(t *testing.T) {
	theme := fstest.MapFS{
		"i18n/en.yaml": {Data: []byte("a: Hello {name}\ncount:\n  one: \"{n} person\"\n  other: \"{n} people\"\n" + datesEn)},
		"i18n/ru.yaml": {Data: []byte("a: Привет, {name}\ncount:\n  one: \"{n} человек\"\n  few: \"{n} человека\"\n  many: \"{n} человек\"\n" + datesRu)},
	}
	site := fstest.MapFS{
		"i18n/en.yaml": {Data: []byte("a: Hi {name}\n")},
	}
	s, err := i18n.Load([]string{"en", "ru"}, theme, site)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		lang, key string
		n         int
		want      string
	}{
		{"en", "a", 0, "Hi {name}"}, // the site's own text replaces the theme's
		{"ru", "a", 0, "Привет, {name}"},
		{"en", "count", 1, "{n} person"},
		{"en", "count", 2, "{n} people"},
		{"ru", "count", 3, "{n} человека"},
		{"ru", "count", 5, "{n} человек"},
		{"ru", "count", 21, "{n} человек"},
		{"ru", "nope", 0, "nope"},
	} {
		if got := s.Text(tt.lang, tt.key, tt.n); got != tt.want {
			t.Errorf("Text(%s, %s, %d) = %q, want %q", tt.lang, tt.key, tt.n, got, tt.want)
		}
	}
}

func TestStringsErrors(t *testing.T) {
	en := "a: Hello {name}\ncount:\n  one: \"{n} person\"\n  other: \"{n} people\"\n" + datesEn
	for _, tt := range []struct {
		name  string
		langs []string
		site  fstest.MapFS
		want  []string
	}{
		{"missing key", []string{"en", "ru"}, fstest.MapFS{
			"i18n/ru.yaml": {Data: []byte("a: Привет, {name}\n" + datesRu)},
		}, []string{"i18n/ru.yaml: missing text for count; every language needs every key"}},
		{"plural forms", []string{"en", "ru"}, fstest.MapFS{
			"i18n/ru.yaml": {Data: []byte("a: Привет\ncount:\n  one: \"{n} человек\"\n  other: \"{n} человек\"\n  lots: x\n" + datesRu)},
		}, []string{
			`i18n/ru.yaml:3:3: "count" has no "few" form; ru needs the forms one, few, many`,
			`i18n/ru.yaml:3:3: "count" has no "many" form; ru needs the forms one, few, many`,
			`i18n/ru.yaml:5:3: "lots" is not a plural form of ru; the forms are one, few, many`,
		}},
		{"placeholder", []string{"en", "ru"}, fstest.MapFS{
			"i18n/ru.yaml": {Data: []byte("a: Привет, {nmae}\ncount: {one: x, few: y, many: z}\n" + datesRu)},
		}, []string{`i18n/ru.yaml:1:4: "a" uses {nmae}, which the en text does not have; it may use {name}`}},
		{"language not in site.yaml", []string{"en"}, fstest.MapFS{
			"i18n/kz.yaml": {Data: []byte("a: b\n")},
		}, []string{`i18n/kz.yaml: language "kz" is not one of site.yaml's languages (en); add it there or remove the file`}},
		{"no file for a language", []string{"en", "be"}, fstest.MapFS{}, []string{
			`i18n/be.yaml: no interface text for language "be"; copy i18n/en.yaml of tizim's theme to this file and translate it`,
		}},
		{"bad key and duplicate", []string{"en"}, fstest.MapFS{
			"i18n/en.yaml": {Data: []byte("Nav Current: x\na: y\na: z\n")},
		}, []string{
			`i18n/en.yaml:1:1: "Nav Current" is not a key; keys are lower-case words joined by dots, like nav.current`,
			`i18n/en.yaml:3:1: "a" is given twice; keep one`,
		}},
		{"not text", []string{"en"}, fstest.MapFS{
			"i18n/en.yaml": {Data: []byte("a: [x]\n")},
		}, []string{`i18n/en.yaml:1:4: "a" must be text, not a list; put the text in quotes if it looks like something else`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			theme := fstest.MapFS{"i18n/en.yaml": {Data: []byte(en)}}
			_, err := i18n.Load(tt.langs, theme, tt.site)
			if err == nil {
				t.Fatal("no error")
			}
			if got, want := err.Error(), strings.Join(tt.want, "\n"); got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}
