package date

import "strings"

// Locale is how one language writes dates and terms. Package i18n makes one
// for each language of a site from the language's i18n file, so that a
// language is added with a file rather than with code. Every field is
// needed.
type Locale struct {
	// MonthNames are the months, January first, as a date of a month
	// shows them: "July 2020".
	MonthNames [12]string
	// MonthNamesWithDay are the months after a day number: "22 January
	// 2021"; Russian needs the genitive here ("22 января 2021 г.").
	MonthNamesWithDay [12]string
	// MonthNamesApproximate are the months in an approximate date of a
	// month: "c. July 2020". Russian needs the genitive here too ("ок.
	// июля 2020 г."), since "ок." is short for "около", which governs it.
	MonthNamesApproximate [12]string

	// YearPattern, MonthPattern and DayPattern write a date of each
	// precision, with {year}, {month} and {day} where those go, so that
	// each language may order them as it needs: "{day} {month} {year}"
	// in English, "{year} жылғы {day} {month}" in Kazakh.
	YearPattern, MonthPattern, DayPattern string
	// Approximate and Uncertain wrap a formatted date, {date}, that is
	// approximate (~) or uncertain (?): "c. {date}", "{date} (uncertain)".
	Approximate, Uncertain string

	// Years, Months and Days write a number of each unit of a term in the
	// plural form the number takes: "1 year", "7 years", "7 лет".
	Years, Months, Days func(n int) string
}

// englishMonths name months in error messages, which are in English.
var englishMonths = [12]string{"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// fill returns pattern with {year}, {month}, {day} and {date} replaced by
// the given values. Package i18n lets a pattern have only the placeholders
// its field lists; any other is left as it is.
func fill(pattern, year, month, day, date string) string {
	var b strings.Builder
	b.Grow(len(pattern) + len(month) + len(date) + 8)
	for {
		i := strings.IndexByte(pattern, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(pattern[i:], '}')
		if j < 0 {
			break
		}
		b.WriteString(pattern[:i])
		switch pattern[i+1 : i+j] {
		case "year":
			b.WriteString(year)
		case "month":
			b.WriteString(month)
		case "day":
			b.WriteString(day)
		case "date":
			b.WriteString(date)
		default:
			b.WriteString(pattern[i : i+j+1])
		}
		pattern = pattern[i+j+1:]
	}
	b.WriteString(pattern)
	return b.String()
}
