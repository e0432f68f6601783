package date

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Term is a sentence length in years, months and days, as in 1y6m.
type Term struct{ Years, Months, Days int }

const termHint = "write years, months and days as in 7y, 1y6m, 14d or 3y8m"

// maxTermNumber keeps Compare's arithmetic far from overflow.
const maxTermNumber = 9999

// ParseTerm reads a term such as 7y, 1y6m, 14d or 3y8m: years (y), months
// (m) and days (d) in that order, each at most once, at least one of them,
// without zero units or leading zeros.
func ParseTerm(s string) (Term, error) {
	fail := func(reason string) (Term, error) {
		if reason != "" {
			reason += "; "
		}
		return Term{}, fmt.Errorf("%q is not a valid term: %s%s", s, reason, termHint)
	}
	if s == "" {
		return fail("it is empty")
	}
	var t Term
	rest := s
	for kind, field := range [3]*int{&t.Years, &t.Months, &t.Days} {
		n := 0
		for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
			n++
		}
		if n == 0 || n == len(rest) || rest[n] != termLetters[kind] {
			continue // this unit is absent, or the text is malformed, which the check below catches
		}
		digits := rest[:n]
		if digits[0] == '0' {
			if n == 1 {
				return fail("leave out units that are zero")
			}
			return fail("write numbers without leading zeros")
		}
		v, err := strconv.Atoi(digits)
		if err != nil || v > maxTermNumber {
			return fail(fmt.Sprintf("%s is too large", digits))
		}
		*field = v
		rest = rest[n+1:]
	}
	if rest != "" || t.IsZero() {
		return fail("")
	}
	return t, nil
}

// IsZero reports whether t is the zero Term.
func (t Term) IsZero() bool { return t == Term{} }

// String returns t in canonical form, such as "1y6m", such that
// ParseTerm(t.String()) == t for every term ParseTerm accepts. The zero Term
// gives "".
func (t Term) String() string {
	var b strings.Builder
	for _, u := range t.units() {
		fmt.Fprintf(&b, "%d%c", u.n, termLetters[u.kind])
	}
	return b.String()
}

const termLetters = "ymd"

// termUnit is one nonzero field of a Term; kind indexes termLetters and
// the units of Term.Format.
type termUnit struct{ n, kind int }

// units lists t's nonzero fields, largest unit first.
func (t Term) units() []termUnit {
	var us []termUnit
	for kind, n := range [3]int{t.Years, t.Months, t.Days} {
		if n != 0 {
			us = append(us, termUnit{n, kind})
		}
	}
	return us
}

// Format returns t for readers in the language of l, such as "7 years",
// "1 year 6 months" or "14 days" in English, "2 года 3 месяца" in Russian
// and "7 жыл" in Kazakh. The zero Term gives "0 days" ("0 дней", "0
// күн"), since a remaining term of nothing is still worth showing.
func (t Term) Format(l *Locale) string {
	units := [3]func(int) string{l.Years, l.Months, l.Days}
	us := t.units()
	if len(us) == 0 {
		us = []termUnit{{0, 2}}
	}
	words := make([]string, len(us))
	for i, u := range us {
		words[i] = units[u.kind](u.n)
	}
	return strings.Join(words, " ")
}

// AddTo returns tm.AddDate(t.Years, t.Months, t.Days), such as the end of a
// sentence that began at tm.
func (t Term) AddTo(tm time.Time) time.Time { return tm.AddDate(t.Years, t.Months, t.Days) }

// Minus returns t less u, with months carried into years (7y minus 8m is
// 6y4m) but days left as days, since a month has no fixed number of days.
// If u is longer than t the fields come out negative, which String, Format
// and ParseTerm do not handle.
func (t Term) Minus(u Term) Term {
	months := (t.Years-u.Years)*12 + t.Months - u.Months
	return Term{Years: months / 12, Months: months % 12, Days: t.Days - u.Days}
}

// Compare returns -1, 0 or +1 as t is shorter than, equal to or longer than
// u, by the approximate length years*365 + months*30 + days; ties, such as
// 30d and 1m, are broken by Years, then Months, so that 0 means t == u.
func (t Term) Compare(u Term) int {
	if c := cmp.Compare(t.approxDays(), u.approxDays()); c != 0 {
		return c
	}
	if c := cmp.Compare(t.Years, u.Years); c != 0 {
		return c
	}
	return cmp.Compare(t.Months, u.Months)
}

func (t Term) approxDays() int { return t.Years*365 + t.Months*30 + t.Days }
