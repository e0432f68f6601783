package date

import (
	"maps"
	"slices"

	"github.com/tizim/tizim/internal/plural"
)

// locale holds what Format needs for one language, so that adding a
// language is adding an entry to locales.
type locale struct {
	// lang is the key of this locale in locales, passed to plural.Of so
	// that the plural rule always matches the words in termUnits, even
	// when Format falls back to English for an unknown language.
	lang string

	months        [12]string // standing alone: "July 2020"
	monthsWithDay [12]string // after a day number: "22 January 2021" (genitive in Russian)
	// approximateMonths stand alone in an approximate date: "c. July
	// 2020". Russian needs the genitive here ("ок. июля 2020 г."),
	// because "ок." is short for "около", which governs the genitive.
	approximateMonths [12]string

	// Patterns take the day (%[1]d), month name (%[2]s) and year (%[3]d)
	// so that each language may order and leave out parts as it needs.
	dayPattern, monthPattern, yearPattern string
	approximate, uncertain                string // wrap a formatted date (%s)

	// termUnits gives the word for years, months and days (indexed by
	// termUnit.kind) in each plural category of lang; it must cover
	// every category that plural.Categories(lang) lists.
	termUnits [3]map[plural.Category]string
}

var englishMonths = [12]string{"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

var english = locale{
	lang:              "en",
	months:            englishMonths,
	monthsWithDay:     englishMonths,
	approximateMonths: englishMonths,
	dayPattern:        "%[1]d %[2]s %[3]d",
	monthPattern:      "%[2]s %[3]d",
	yearPattern:       "%[3]d",
	approximate:       "c. %s",
	uncertain:         "%s (uncertain)",
	termUnits: [3]map[plural.Category]string{
		{plural.One: "year", plural.Other: "years"},
		{plural.One: "month", plural.Other: "months"},
		{plural.One: "day", plural.Other: "days"},
	},
}

var russianMonthsGenitive = [12]string{"января", "февраля", "марта", "апреля", "мая", "июня",
	"июля", "августа", "сентября", "октября", "ноября", "декабря"}

var russian = locale{
	lang: "ru",
	months: [12]string{"январь", "февраль", "март", "апрель", "май", "июнь",
		"июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"},
	monthsWithDay:     russianMonthsGenitive,
	approximateMonths: russianMonthsGenitive,
	dayPattern:        "%[1]d %[2]s %[3]d г.",
	monthPattern:      "%[2]s %[3]d г.",
	yearPattern:       "%[3]d г.",
	approximate:       "ок. %s",
	uncertain:         "%s (не точно)",
	// "Other" is CLDR's category for fractions ("1,5 года"), which terms
	// never have; it is filled in so that every category has a word.
	termUnits: [3]map[plural.Category]string{
		{plural.One: "год", plural.Few: "года", plural.Many: "лет", plural.Other: "года"},
		{plural.One: "месяц", plural.Few: "месяца", plural.Many: "месяцев", plural.Other: "месяца"},
		{plural.One: "день", plural.Few: "дня", plural.Many: "дней", plural.Other: "дня"},
	},
}

var kazakhMonths = [12]string{"қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
	"шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"}

// Kazakh puts the year first, as an attribute ("2021 жылғы", "of the year
// 2021"), and its month names do not change after it or after a number.
var kazakh = locale{
	lang:              "kk",
	months:            kazakhMonths,
	monthsWithDay:     kazakhMonths,
	approximateMonths: kazakhMonths,
	dayPattern:        "%[3]d жылғы %[1]d %[2]s",
	monthPattern:      "%[3]d жылғы %[2]s",
	yearPattern:       "%[3]d ж.",
	approximate:       "шамамен %s",
	uncertain:         "%s (нақты емес)",
	// A noun after a number stays singular in Kazakh, so both
	// categories share one word.
	termUnits: [3]map[plural.Category]string{
		{plural.One: "жыл", plural.Other: "жыл"},
		{plural.One: "ай", plural.Other: "ай"},
		{plural.One: "күн", plural.Other: "күн"},
	},
}

var locales = map[string]*locale{
	"en": &english,
	"ru": &russian,
	"kk": &kazakh,
}

// Languages lists, sorted, the language codes that Format has its own
// wording for, so that callers can check that every language they publish
// in is covered rather than silently falling back to English.
func Languages() []string {
	return slices.Sorted(maps.Keys(locales))
}

// localeFor falls back to English for languages not yet supported.
func localeFor(lang string) *locale {
	if l, ok := locales[lang]; ok {
		return l
	}
	return &english
}
