package date

import (
	"strconv"
	"strings"
	"testing"
)

// english is the Locale that package i18n makes from the theme's
// i18n/en.yaml, written out so that this package's tests need no files.
var english = &Locale{
	MonthNames:            englishMonths,
	MonthNamesWithDay:     englishMonths,
	MonthNamesApproximate: englishMonths,
	YearPattern:           "{year}",
	MonthPattern:          "{month} {year}",
	DayPattern:            "{day} {month} {year}",
	Approximate:           "c. {date}",
	Uncertain:             "{date} (uncertain)",
	Years:                 counted("year", "years"),
	Months:                counted("month", "months"),
	Days:                  counted("day", "days"),
}

func counted(one, other string) func(int) string {
	return func(n int) string {
		if n == 1 {
			return "1 " + one
		}
		return strconv.Itoa(n) + " " + other
	}
}

// marked is a Locale whose every word says where it comes from, so that a
// test sees which month names and pattern Format chose.
var marked = func() *Locale {
	l := &Locale{
		YearPattern:  "Y[{year}]",
		MonthPattern: "M[{month} {year}]",
		DayPattern:   "D[{day} {month} {year} {unknown}]",
		Approximate:  "~[{date}]",
		Uncertain:    "?[{date}]",
		Years:        func(n int) string { return strconv.Itoa(n) + "y" },
		Months:       func(n int) string { return strconv.Itoa(n) + "m" },
		Days:         func(n int) string { return strconv.Itoa(n) + "d" },
	}
	for i := range 12 {
		l.MonthNames[i] = "alone" + strconv.Itoa(i+1)
		l.MonthNamesWithDay[i] = "withday" + strconv.Itoa(i+1)
		l.MonthNamesApproximate[i] = "approx" + strconv.Itoa(i+1)
	}
	return l
}()

func TestFormatChoosesForms(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"2020", "Y[2020]"},
		{"2020~", "~[Y[2020]]"},
		{"2020?", "?[Y[2020]]"},
		{"2020-07", "M[alone7 2020]"},
		{"2020-07~", "~[M[approx7 2020]]"},
		{"2020-07?", "?[M[alone7 2020]]"},
		// After a day number a month takes its form after a day, even in
		// an approximate date; an unknown placeholder stays as written.
		{"2020-07-02", "D[2 withday7 2020 {unknown}]"},
		{"2020-07-02~", "~[D[2 withday7 2020 {unknown}]]"},
		{"2020-12-31?", "?[D[31 withday12 2020 {unknown}]]"},
	} {
		if got := MustParse(tt.in).Format(marked); got != tt.want {
			t.Errorf("%s.Format = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := (Term{1, 2, 3}).Format(marked); got != "1y 2m 3d" {
		t.Errorf("Term.Format = %q", got)
	}
}

func TestFill(t *testing.T) {
	for _, tt := range []struct{ pattern, want string }{
		{"", ""},
		{"{year}", "Y"},
		{"{day}.{month}.{year} {date}", "D.M.Y T"},
		{"{", "{"},
		{"}{year", "}{year"},
		{"{{year}}", "{{year}}"}, // "{{year}" is no placeholder
		{"a {b} c", "a {b} c"},
	} {
		if got := fill(tt.pattern, "Y", "M", "D", "T"); got != tt.want {
			t.Errorf("fill(%q) = %q, want %q", tt.pattern, got, tt.want)
		}
	}
	if strings.Contains(fill("{month}", "", "{year}", "", ""), "Y") {
		t.Error("fill replaced a placeholder inside a value")
	}
}
