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

func ExampleDate_Format() {
	for _, s := range []string{"2019", "2019-03", "2021-01-22", "2020-07~", "2019?"} {
		fmt.Println(date.MustParse(s).Format("en"))
	}
	// Output:
	// 2019
	// March 2019
	// 22 January 2021
	// c. July 2020
	// 2019 (uncertain)
}

func ExampleDate_Format_russian() {
	for _, s := range []string{"2019", "2019-03", "2021-01-22", "2020-07~", "2020-07-22~", "2019?", "2020-07?"} {
		fmt.Println(date.MustParse(s).Format("ru"))
	}
	// Output:
	// 2019 г.
	// март 2019 г.
	// 22 января 2021 г.
	// ок. июля 2020 г.
	// ок. 22 июля 2020 г.
	// 2019 г. (не точно)
	// июль 2020 г. (не точно)
}

func ExampleDate_Format_kazakh() {
	for _, s := range []string{"2019", "2019-03", "2021-01-22", "2020-07~", "2019?"} {
		fmt.Println(date.MustParse(s).Format("kk"))
	}
	// Output:
	// 2019 ж.
	// 2019 жылғы наурыз
	// 2021 жылғы 22 қаңтар
	// шамамен 2020 жылғы шілде
	// 2019 ж. (нақты емес)
}

func ExampleLanguages() {
	fmt.Println(date.Languages())
	// Output:
	// [en kk ru]
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

func ExampleTerm_Format() {
	for _, s := range []string{"7y", "1y6m", "14d", "1y"} {
		fmt.Println(mustTerm(s).Format("en"))
	}
	// Output:
	// 7 years
	// 1 year 6 months
	// 14 days
	// 1 year
}

func ExampleTerm_Format_russian() {
	for _, s := range []string{"7y", "1y6m", "2y", "21y", "3m", "5m", "1m", "14d", "1d", "2d"} {
		fmt.Println(mustTerm(s).Format("ru"))
	}
	fmt.Println(date.Term{}.Format("ru"))
	// Output:
	// 7 лет
	// 1 год 6 месяцев
	// 2 года
	// 21 год
	// 3 месяца
	// 5 месяцев
	// 1 месяц
	// 14 дней
	// 1 день
	// 2 дня
	// 0 дней
}

func ExampleTerm_Format_kazakh() {
	for _, s := range []string{"7y", "1y6m", "14d"} {
		fmt.Println(mustTerm(s).Format("kk"))
	}
	fmt.Println(date.Term{}.Format("kk"))
	// Output:
	// 7 жыл
	// 1 жыл 6 ай
	// 14 күн
	// 0 күн
}

func mustTerm(s string) date.Term {
	t, err := date.ParseTerm(s)
	if err != nil {
		panic(err)
	}
	return t
}
