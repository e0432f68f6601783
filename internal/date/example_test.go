package date_test

import (
	"fmt"

	"github.com/tizim/tizim/internal/date"
)

func ExampleParse() {
	d, err := date.Parse("2020-07~")
	fmt.Println(d, d.ISO(), d.Approximate, err)

	_, err = date.Parse("2020-13-01")
	fmt.Println(err)
	// Output:
	// 2020-07~ 2020-07 true <nil>
	// "2020-13-01" is not a valid date: month 13 is out of range (01–12); write YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ~ (approximate) or ? (uncertain)
}

// A Locale is usually made by package i18n from a language's i18n file;
// this one is written out.
func ExampleLocale() {
	months := [12]string{"January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November", "December"}
	counted := func(one, other string) func(int) string {
		return func(n int) string {
			if n == 1 {
				return "1 " + one
			}
			return fmt.Sprint(n, " ", other)
		}
	}
	english := &date.Locale{
		MonthNames: months, MonthNamesWithDay: months, MonthNamesApproximate: months,
		YearPattern: "{year}", MonthPattern: "{month} {year}", DayPattern: "{day} {month} {year}",
		Approximate: "c. {date}", Uncertain: "{date} (uncertain)",
		Years: counted("year", "years"), Months: counted("month", "months"), Days: counted("day", "days"),
	}
	for _, s := range []string{"2019", "2019-03", "2021-01-22", "2020-07~", "2019?"} {
		fmt.Println(date.MustParse(s).Format(english))
	}
	for _, s := range []string{"7y", "1y6m", "14d"} {
		fmt.Println(mustTerm(s).Format(english))
	}
	// Output:
	// 2019
	// March 2019
	// 22 January 2021
	// c. July 2020
	// 2019 (uncertain)
	// 7 years
	// 1 year 6 months
	// 14 days
}

func ExampleParseTerm() {
	t, err := date.ParseTerm("1y6m")
	fmt.Println(t, t.Years, t.Months, err)

	_, err = date.ParseTerm("7 years")
	fmt.Println(err)
	// Output:
	// 1y6m 1 6 <nil>
	// "7 years" is not a valid term: write years, months and days as in 7y, 1y6m, 14d or 3y8m
}

func mustTerm(s string) date.Term {
	t, err := date.ParseTerm(s)
	if err != nil {
		panic(err)
	}
	return t
}
