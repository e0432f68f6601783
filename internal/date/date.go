// Package date holds the content format's dates and sentence terms.
//
// A date is a subset of EDTF (ISO 8601-2): YYYY, YYYY-MM or YYYY-MM-DD,
// optionally followed by ~ (approximate, as in "mid-July" or "late February")
// or ? (uncertain). Years run from 1000 to 2999. In English such dates read
// "2019", "March 2019", "22 January 2021", "c. July 2020" and
// "2019 (uncertain)"; Format writes them in the words of a [Locale], which
// package i18n makes for each language from its i18n file. Dates sort by
// their earliest possible day; callers break the remaining ties by order in
// the file.
//
// A sentence term is written like 7y, 1y6m, 14d or 3y8m: a number of years
// (y), months (m) and days (d), in that order, each unit at most once, with
// at least one unit and a total longer than zero.
package date

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Precision says which parts of a Date are given.
type Precision uint8

// The precisions, from coarsest to finest.
const (
	Year  Precision = iota + 1 // YYYY
	Month                      // YYYY-MM
	Day                        // YYYY-MM-DD
)

// Date is a partial calendar date.
//
// The zero Date means "no date": it formats and marshals as empty text and
// contains no day.
type Date struct {
	Year, Month, Day int // Month and Day are 0 when not given
	Precision        Precision
	Approximate      bool // written with ~
	Uncertain        bool // written with ?
}

const syntaxHint = "write YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ~ (approximate) or ? (uncertain)"

// Parse reads a date written as YYYY, YYYY-MM or YYYY-MM-DD, optionally
// followed by ~ or ?. It is strict: anything else, including spaces, is an
// error whose message explains the problem without a file position.
func Parse(s string) (Date, error) {
	fail := func(format string, args ...any) (Date, error) {
		return Date{}, fmt.Errorf("%q is not a valid date: %s; %s", s, fmt.Sprintf(format, args...), syntaxHint)
	}
	if s == "" {
		return fail("it is empty")
	}
	if strings.ContainsFunc(s, unicode.IsSpace) {
		return fail("it contains a space or other blank character")
	}

	var d Date
	body := s
	switch {
	case strings.HasSuffix(body, "~"):
		d.Approximate, body = true, body[:len(body)-1]
	case strings.HasSuffix(body, "?"):
		d.Uncertain, body = true, body[:len(body)-1]
	}

	parts := strings.Split(body, "-")
	if len(parts) > 3 {
		return fail("it has more than three parts separated by -")
	}
	names := [...]string{"year", "month", "day"}
	for i, p := range parts {
		name := names[i]
		if p == "" {
			return fail("the %s is missing", name)
		}
		if j := strings.IndexFunc(p, func(r rune) bool { return r < '0' || r > '9' }); j >= 0 {
			_, size := utf8.DecodeRuneInString(p[j:])
			c := p[j : j+size]
			if c == "~" || c == "?" {
				return fail("%s may only be written once, at the very end", c)
			}
			return fail("it contains %q, which is not allowed", c)
		}
		width := 2
		if i == 0 {
			width = 4
		}
		if len(p) != width {
			if width == 2 && len(p) == 1 {
				return fail("the %s must have two digits: write 0%s, not %s", name, p, p)
			}
			if width == 4 {
				return fail("the year %s must have four digits, as in 2020", p)
			}
			return fail("the %s %s must have two digits", name, p)
		}
		n, _ := strconv.Atoi(p) // cannot fail: at most four ASCII digits
		switch i {
		case 0:
			if n < 1000 || n > 2999 {
				return fail("year %s is out of range (1000–2999)", p)
			}
			d.Year, d.Precision = n, Year
		case 1:
			if n < 1 || n > 12 {
				return fail("month %s is out of range (01–12)", p)
			}
			d.Month, d.Precision = n, Month
		case 2:
			last := daysIn(d.Year, d.Month)
			if n < 1 || n > last {
				return fail("day %s is out of range for %s %d (01–%02d)", p, englishMonths[d.Month-1], d.Year, last)
			}
			d.Day, d.Precision = n, Day
		}
	}
	return d, nil
}

// daysIn returns the number of days in month (1-12), leap years included
// (the proleptic Gregorian calendar, as package time counts).
func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// MustParse is like Parse but panics on error; it is for tests and constants.
func MustParse(s string) Date {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Of returns t's calendar date in UTC, with day precision. Only years 1000
// to 2999 survive a round trip through String and Parse.
func Of(t time.Time) Date {
	u := t.UTC()
	return Date{Year: u.Year(), Month: int(u.Month()), Day: u.Day(), Precision: Day}
}

// IsZero reports whether d is the zero Date, meaning "no date".
func (d Date) IsZero() bool { return d == Date{} }

// String returns d in canonical EDTF form, such that Parse(d.String()) == d
// for every date Parse accepts. The zero Date gives "".
func (d Date) String() string {
	s := d.ISO()
	if s == "" {
		return ""
	}
	if d.Approximate {
		s += "~"
	}
	if d.Uncertain {
		s += "?"
	}
	return s
}

// ISO returns d without qualifiers, for <time datetime="">: "2020",
// "2020-07" or "2021-01-22". The zero Date gives "".
//
// Written digit by digit: a page has a dozen such dates, and fmt.Sprintf
// was 1.6% of the CPU of a build of 10,000 people.
func (d Date) ISO() string {
	if d.Year < 0 || d.Year > 9999 || d.Month < 0 || d.Month > 99 || d.Day < 0 || d.Day > 99 {
		return d.isoSlow() // not from Parse, which admits years 1000 to 2999 only
	}
	n := 0
	switch d.Precision {
	case Year:
		n = 4
	case Month:
		n = 7
	case Day:
		n = 10
	default:
		return ""
	}
	b := [10]byte{'0' + byte(d.Year/1000), '0' + byte(d.Year/100%10), '0' + byte(d.Year/10%10), '0' + byte(d.Year%10),
		'-', '0' + byte(d.Month/10), '0' + byte(d.Month%10), '-', '0' + byte(d.Day/10), '0' + byte(d.Day%10)}
	return string(b[:n])
}

// isoSlow is ISO for any numbers.
func (d Date) isoSlow() string {
	switch d.Precision {
	case Year:
		return fmt.Sprintf("%04d", d.Year)
	case Month:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case Day:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
	return ""
}

// First returns the earliest day d may mean, at 00:00 UTC. The zero Date
// gives the zero time.
func (d Date) First() time.Time {
	switch d.Precision {
	case Year:
		return time.Date(d.Year, time.January, 1, 0, 0, 0, 0, time.UTC)
	case Month:
		return time.Date(d.Year, time.Month(d.Month), 1, 0, 0, 0, 0, time.UTC)
	case Day:
		return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
	}
	return time.Time{}
}

// Last returns the latest day d may mean, at 00:00 UTC. The zero Date gives
// the zero time.
func (d Date) Last() time.Time {
	switch d.Precision {
	case Year:
		return time.Date(d.Year, time.December, 31, 0, 0, 0, 0, time.UTC)
	case Month:
		// Day 0 of the next month is the last day of this one.
		return time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC)
	case Day:
		return d.First()
	}
	return time.Time{}
}

// Compare returns -1, 0 or +1 as d sorts before, with or after e. Dates sort
// by First; on a tie the coarser precision comes first ("2020" before
// "2020-01" before "2020-01-01"), then exact before ~ before ?. It returns 0
// only when d == e.
func (d Date) Compare(e Date) int {
	// Sorting the events of a large register compares dates millions of
	// times: compare calendar fields where they are a real day, and build
	// times only for dates First has to normalize.
	if dk, ok := d.firstDay(); ok {
		if ek, ok := e.firstDay(); ok {
			if c := cmp.Compare(dk, ek); c != 0 {
				return c
			}
			return d.compareTie(e)
		}
	}
	if c := d.First().Compare(e.First()); c != 0 {
		return c
	}
	return d.compareTie(e)
}

// compareTie is Compare for dates with the same First.
func (d Date) compareTie(e Date) int {
	if c := cmp.Compare(d.Precision, e.Precision); c != 0 {
		return c
	}
	if c := cmp.Compare(d.qualifierRank(), e.qualifierRank()); c != 0 {
		return c
	}
	// Only dates Parse would reject can get here unequal; order them
	// anyway so that 0 still means equal.
	if c := cmp.Compare(d.Year, e.Year); c != 0 {
		return c
	}
	if c := cmp.Compare(d.Month, e.Month); c != 0 {
		return c
	}
	return cmp.Compare(d.Day, e.Day)
}

// firstDay returns a number that orders as First does, and true, when
// First is the date's own fields (with January and the 1st filled in for
// what is not known); false when First would normalize them (a 31st of
// April, a 13th month), which only dates Parse rejects have.
func (d Date) firstDay() (int, bool) {
	y, m, day := d.Year, 1, 1
	switch d.Precision {
	case Year:
	case Month:
		m = d.Month
	case Day:
		m, day = d.Month, d.Day
	default:
		if d.Precision != 0 {
			return 0, false
		}
		y = 1 // the zero Date's First is the zero time: 1 January of year 1
	}
	if m < 1 || m > 12 || day < 1 || day > daysIn(y, m) {
		return 0, false
	}
	return (y*13+m)*32 + day, true
}

func (d Date) qualifierRank() int {
	r := 0
	if d.Approximate {
		r |= 1
	}
	if d.Uncertain {
		r |= 2
	}
	return r
}

// Before reports whether d sorts before e, that is d.Compare(e) < 0.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// Contains reports whether t's UTC calendar day lies between d.First() and
// d.Last(), inclusive. The zero Date contains no day.
func (d Date) Contains(t time.Time) bool {
	if d.First().IsZero() {
		return false
	}
	u := t.UTC()
	day := time.Date(u.Year(), u.Month(), u.Day(), 0, 0, 0, 0, time.UTC)
	return !day.Before(d.First()) && !day.After(d.Last())
}

// Format returns d for readers in the language of l, such as "22 January
// 2021", "c. July 2020" or "2019 (uncertain)" in English, "22 января 2021
// г." or "ок. июля 2020 г." in Russian and "2021 жылғы 22 қаңтар" in
// Kazakh. The zero Date gives "".
func (d Date) Format(l *Locale) string {
	if d.Precision >= Month && (d.Month < 1 || d.Month > 12) {
		return d.String() // not from Parse; avoid indexing out of range
	}
	year := strconv.Itoa(d.Year)
	var s string
	switch d.Precision {
	case Year:
		s = fill(l.YearPattern, year, "", "", "")
	case Month:
		names := &l.MonthNames
		if d.Approximate {
			names = &l.MonthNamesApproximate
		}
		s = fill(l.MonthPattern, year, names[d.Month-1], "", "")
	case Day:
		s = fill(l.DayPattern, year, l.MonthNamesWithDay[d.Month-1], strconv.Itoa(d.Day), "")
	default:
		return ""
	}
	if d.Approximate {
		s = fill(l.Approximate, "", "", "", s)
	}
	if d.Uncertain {
		s = fill(l.Uncertain, "", "", "", s)
	}
	return s
}

// MarshalText returns d.String(); the zero Date gives empty text.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses b as Parse does, rejecting empty text; an optional
// date field should therefore be left out rather than written empty. On
// error d is left unchanged.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
