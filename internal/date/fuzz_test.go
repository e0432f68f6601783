package date

import (
	"cmp"
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
		for _, l := range []*Locale{english, marked} {
			if f := d.Format(l); f == "" || strings.Contains(f, "{date}") || strings.Contains(f, "{year}") {
				t.Fatalf("%q: Format = %q", s, f)
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

// FuzzCompare checks Compare's fast path against its definition: First,
// then precision, then qualifiers, then the fields, for any two dates,
// including the invalid ones only code can make.
func FuzzCompare(f *testing.F) {
	f.Add(2020, 2, 29, uint8(3), 2020, 3, 1, uint8(3), uint8(0))
	f.Add(2021, 2, 29, uint8(3), 2021, 3, 1, uint8(3), uint8(1))
	f.Add(2020, 13, 1, uint8(2), 2021, 1, 1, uint8(1), uint8(2))
	f.Add(0, 0, 0, uint8(0), 1, 0, 0, uint8(1), uint8(3))
	f.Add(1900, 2, 29, uint8(3), 1900, 3, 1, uint8(3), uint8(0))
	f.Add(-5, 4, 31, uint8(3), -5, 5, 1, uint8(2), uint8(0))
	f.Fuzz(func(t *testing.T, y1, m1, d1 int, p1 uint8, y2, m2, d2 int, p2 uint8, q uint8) {
		if y1 < -9999 || y1 > 9999 || y2 < -9999 || y2 > 9999 || m1 < -40 || m1 > 40 || m2 < -40 || m2 > 40 || d1 < -400 || d1 > 400 || d2 < -400 || d2 > 400 {
			return // time.Date's own range is not the point here
		}
		a := Date{Year: y1, Month: m1, Day: d1, Precision: Precision(p1 % 4), Approximate: q&1 != 0}
		b := Date{Year: y2, Month: m2, Day: d2, Precision: Precision(p2 % 4), Uncertain: q&2 != 0}
		want := cmp.Or(a.First().Compare(b.First()), a.compareTie(b))
		if got := a.Compare(b); got != want {
			t.Fatalf("%#v.Compare(%#v) = %d, by First %d", a, b, got, want)
		}
	})
}
