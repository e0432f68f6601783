package i18n_test

import (
	"fmt"

	"github.com/tizim/tizim"
	"github.com/tizim/tizim/internal/date"
	"github.com/tizim/tizim/internal/i18n"
)

// The dates and terms of each language the theme ships, in the words of its
// i18n file.
func ExampleStrings_Locale() {
	s, err := i18n.Load([]string{"en", "ru", "kk"}, tizim.DefaultTheme)
	if err != nil {
		panic(err)
	}
	for _, lang := range []string{"en", "ru", "kk"} {
		l := s.Locale(lang)
		for _, d := range []string{"2019", "2019-03", "2021-01-22", "2020-07~", "2019?"} {
			fmt.Printf("%s | ", date.MustParse(d).Format(l))
		}
		fmt.Println(date.Term{Years: 1, Months: 6}.Format(l))
	}
	// Output:
	// 2019 | March 2019 | 22 January 2021 | c. July 2020 | 2019 (uncertain) | 1 year 6 months
	// 2019 г. | март 2019 г. | 22 января 2021 г. | ок. июля 2020 г. | 2019 г. (не точно) | 1 год 6 месяцев
	// 2019 ж. | 2019 жылғы наурыз | 2021 жылғы 22 қаңтар | шамамен 2020 жылғы шілде | 2019 ж. (нақты емес) | 1 жыл 6 ай
}

func ExamplePlural() {
	for _, n := range []int{1, 2, 5, 21, 22} {
		fmt.Println(n, i18n.Plural("en", n), i18n.Plural("ru", n), i18n.Plural("pl", n))
	}
	// Output:
	// 1 one one one
	// 2 other few few
	// 5 other many many
	// 21 other one many
	// 22 other few few
}

func ExampleNumber() {
	for _, lang := range []string{"en", "ru", "kk"} {
		fmt.Printf("%s %q\n", lang, i18n.Number(lang, 1234567))
	}
	// Output:
	// en "1,234,567"
	// ru "1\u00a0234\u00a0567"
	// kk "1\u00a0234\u00a0567"
}
