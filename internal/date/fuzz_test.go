package date

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"2019", "2019-03", "2021-01-22", "2020-07~", "2019?", "2020-02-29",
		"2021-02-29", "2020-13-01", "2020-7", "20", "0999", "2020~?", "2020-",
		" 2020", "2020-07-01x", "", "~", "2020\xff", "9999-99-99",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			if d != (Date{}) {
				t.Fatalf("Parse(%q) returned %#v with error", s, d)
			}
			if !utf8.ValidString(err.Error()) {
				t.Fatalf("Parse(%q) error is not valid UTF-8: %q", s, err)
			}
			return
		}
		if got := d.String(); got != s {
			t.Fatalf("Parse(%q).String() = %q; canonical input should round-trip unchanged", s, got)
		}
		again, err := Parse(d.String())
		if err != nil || again != d {
			t.Fatalf("Parse(%q) = %#v, but Parse(%q) = %#v, %v", s, d, d.String(), again, err)
		}
		if d.Last().Before(d.First()) {
			t.Fatalf("%q: Last %v before First %v", s, d.Last(), d.First())
		}
		if !d.Contains(d.First()) || !d.Contains(d.Last()) {
			t.Fatalf("%q does not contain its own First and Last", s)
		}
		if d.Compare(again) != 0 {
			t.Fatalf("%q: Compare with itself broken", s)
		}
		for _, lang := range Languages() {
			if f := d.Format(lang); f == "" || strings.Contains(f, "%!") {
				t.Fatalf("%q: Format(%q) = %q", s, lang, f)
			}
		}
		if iso, err := Parse(d.ISO()); err != nil || iso.First() != d.First() || iso.Last() != d.Last() {
			t.Fatalf("%q: ISO %q does not parse to the same days", s, d.ISO())
		}
	})
}

func FuzzParseTerm(f *testing.F) {
	for _, s := range []string{
		"7y", "1y6m", "14d", "3y8m", "2y3m10d", "18m", "7 years", "0d", "07y",
		"6m1y", "", "99999999999999999999y", "1y1y",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tm, err := ParseTerm(s)
		if err != nil {
			if !tm.IsZero() {
				t.Fatalf("ParseTerm(%q) returned %#v with error", s, tm)
			}
			return
		}
		if tm.Years < 0 || tm.Months < 0 || tm.Days < 0 || tm.IsZero() {
			t.Fatalf("ParseTerm(%q) = %#v, want positive", s, tm)
		}
		if got := tm.String(); got != s {
			t.Fatalf("ParseTerm(%q).String() = %q; canonical input should round-trip unchanged", s, got)
		}
		if again, err := ParseTerm(tm.String()); err != nil || again != tm {
			t.Fatalf("ParseTerm(%q) = %#v, but ParseTerm(%q) = %#v, %v", s, tm, tm.String(), again, err)
		}
		if tm.Minus(tm) != (Term{}) || tm.Compare(Term{}) <= 0 {
			t.Fatalf("%q: Minus or Compare broken", s)
		}
	})
}
