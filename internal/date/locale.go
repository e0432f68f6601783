package date

// locale holds what Format needs for one language, so that adding a
// language is adding an entry to locales.
type locale struct {
	months        [12]string // standing alone: "July 2020"
	monthsWithDay [12]string // after a day number: "22 January 2021" (genitive in Russian)

	// Patterns take the day (%[1]d), month name (%[2]s) and year (%[3]d)
	// so that each language may order and leave out parts as it needs.
	dayPattern, monthPattern, yearPattern string
	approximate, uncertain                string // wrap a formatted date (%s)

	termUnits [3][]string // plural forms of year, month and day, chosen by plural
	plural    func(n int) int
}

var englishMonths = [12]string{"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

var english = locale{
	months:        englishMonths,
	monthsWithDay: englishMonths,
	dayPattern:    "%[1]d %[2]s %[3]d",
	monthPattern:  "%[2]s %[3]d",
	yearPattern:   "%[3]d",
	approximate:   "c. %s",
	uncertain:     "%s (uncertain)",
	termUnits:     [3][]string{{"year", "years"}, {"month", "months"}, {"day", "days"}},
	plural: func(n int) int {
		if n == 1 {
			return 0
		}
		return 1
	},
}

var locales = map[string]*locale{
	"en": &english,
}

// localeFor falls back to English for languages not yet supported.
func localeFor(lang string) *locale {
	if l, ok := locales[lang]; ok {
		return l
	}
	return &english
}
