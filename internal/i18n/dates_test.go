package i18n_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tizim/tizim"
	"github.com/tizim/tizim/internal/date"
	"github.com/tizim/tizim/internal/i18n"
)

// theme loads the embedded theme's interface text in en, ru and kk.
func theme(t *testing.T) *i18n.Strings {
	t.Helper()
	s, err := i18n.Load([]string{"en", "ru", "kk"}, tizim.DefaultTheme)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestFormatLanguages covers every precision with and without each
// qualifier in every language of the theme. Both qualifiers at once cannot
// be parsed but can be built, so Format must still read well for them.
func TestFormatLanguages(t *testing.T) {
	s := theme(t)
	type qualified struct{ approximate, uncertain bool }
	plain, approx, uncertain, both := qualified{}, qualified{true, false}, qualified{false, true}, qualified{true, true}
	tests := []struct {
		lang string
		p    date.Precision
		q    qualified
		want string
	}{
		{"en", date.Year, plain, "2020"},
		{"en", date.Year, approx, "c. 2020"},
		{"en", date.Year, uncertain, "2020 (uncertain)"},
		{"en", date.Year, both, "c. 2020 (uncertain)"},
		{"en", date.Month, plain, "July 2020"},
		{"en", date.Month, approx, "c. July 2020"},
		{"en", date.Month, uncertain, "July 2020 (uncertain)"},
		{"en", date.Month, both, "c. July 2020 (uncertain)"},
		{"en", date.Day, plain, "22 July 2020"},
		{"en", date.Day, approx, "c. 22 July 2020"},
		{"en", date.Day, uncertain, "22 July 2020 (uncertain)"},
		{"en", date.Day, both, "c. 22 July 2020 (uncertain)"},

		{"ru", date.Year, plain, "2020 г."},
		{"ru", date.Year, approx, "ок. 2020 г."},
		{"ru", date.Year, uncertain, "2020 г. (не точно)"},
		{"ru", date.Year, both, "ок. 2020 г. (не точно)"},
		{"ru", date.Month, plain, "июль 2020 г."},
		{"ru", date.Month, approx, "ок. июля 2020 г."},
		{"ru", date.Month, uncertain, "июль 2020 г. (не точно)"},
		{"ru", date.Month, both, "ок. июля 2020 г. (не точно)"},
		{"ru", date.Day, plain, "22 июля 2020 г."},
		{"ru", date.Day, approx, "ок. 22 июля 2020 г."},
		{"ru", date.Day, uncertain, "22 июля 2020 г. (не точно)"},
		{"ru", date.Day, both, "ок. 22 июля 2020 г. (не точно)"},

		{"kk", date.Year, plain, "2020 ж."},
		{"kk", date.Year, approx, "шамамен 2020 ж."},
		{"kk", date.Year, uncertain, "2020 ж. (нақты емес)"},
		{"kk", date.Year, both, "шамамен 2020 ж. (нақты емес)"},
		{"kk", date.Month, plain, "2020 жылғы шілде"},
		{"kk", date.Month, approx, "шамамен 2020 жылғы шілде"},
		{"kk", date.Month, uncertain, "2020 жылғы шілде (нақты емес)"},
		{"kk", date.Month, both, "шамамен 2020 жылғы шілде (нақты емес)"},
		{"kk", date.Day, plain, "2020 жылғы 22 шілде"},
		{"kk", date.Day, approx, "шамамен 2020 жылғы 22 шілде"},
		{"kk", date.Day, uncertain, "2020 жылғы 22 шілде (нақты емес)"},
		{"kk", date.Day, both, "шамамен 2020 жылғы 22 шілде (нақты емес)"},
	}
	for _, tt := range tests {
		d := date.Date{Year: 2020, Precision: tt.p, Approximate: tt.q.approximate, Uncertain: tt.q.uncertain}
		if tt.p >= date.Month {
			d.Month = 7
		}
		if tt.p == date.Day {
			d.Day = 22
		}
		if got := d.Format(s.Locale(tt.lang)); got != tt.want {
			t.Errorf("%#v.Format(%s) = %q, want %q", d, tt.lang, got, tt.want)
		}
	}
}

func TestFormatMonths(t *testing.T) {
	s := theme(t)
	for _, tt := range []struct{ lang, in, want string }{
		{"en", "2021-05-09", "9 May 2021"},
		{"en", "2021-12-31", "31 December 2021"},
		{"ru", "2021-01", "январь 2021 г."},
		{"ru", "2021-01-22", "22 января 2021 г."},
		{"ru", "2021-01~", "ок. января 2021 г."},
		{"ru", "2021-05", "май 2021 г."},
		{"ru", "2021-05-09", "9 мая 2021 г."},
		{"ru", "2021-12?", "декабрь 2021 г. (не точно)"},
		{"ru", "2021-12-31", "31 декабря 2021 г."},
		{"kk", "2021-03", "2021 жылғы наурыз"},
		{"kk", "2021-09-01", "2021 жылғы 1 қыркүйек"},
	} {
		if got := date.MustParse(tt.in).Format(s.Locale(tt.lang)); got != tt.want {
			t.Errorf("%s.Format(%s) = %q, want %q", tt.in, tt.lang, got, tt.want)
		}
	}
}

func TestTermFormatLanguages(t *testing.T) {
	s := theme(t)
	tests := []struct {
		lang string
		t    date.Term
		want string
	}{
		{"en", date.Term{Years: 7}, "7 years"},
		{"en", date.Term{Years: 1, Months: 6}, "1 year 6 months"},
		{"en", date.Term{Years: 2, Months: 1, Days: 1}, "2 years 1 month 1 day"},
		{"en", date.Term{Days: 1500}, "1500 days"}, // terms group no digits
		{"en", date.Term{}, "0 days"},
		{"ru", date.Term{Years: 7}, "7 лет"},
		{"ru", date.Term{Years: 1, Months: 6}, "1 год 6 месяцев"},
		{"ru", date.Term{Years: 2}, "2 года"},
		{"ru", date.Term{Years: 4}, "4 года"},
		{"ru", date.Term{Years: 11}, "11 лет"},
		{"ru", date.Term{Years: 12}, "12 лет"},
		{"ru", date.Term{Years: 21}, "21 год"},
		{"ru", date.Term{Years: 22}, "22 года"},
		{"ru", date.Term{Years: 111}, "111 лет"},
		{"ru", date.Term{Months: 1}, "1 месяц"},
		{"ru", date.Term{Months: 3}, "3 месяца"},
		{"ru", date.Term{Months: 5}, "5 месяцев"},
		{"ru", date.Term{Days: 1}, "1 день"},
		{"ru", date.Term{Days: 2}, "2 дня"},
		{"ru", date.Term{Days: 14}, "14 дней"},
		{"ru", date.Term{Years: 2, Months: 1, Days: 1}, "2 года 1 месяц 1 день"},
		{"ru", date.Term{}, "0 дней"},
		{"kk", date.Term{Years: 7}, "7 жыл"},
		{"kk", date.Term{Years: 1}, "1 жыл"},
		{"kk", date.Term{Years: 1, Months: 6}, "1 жыл 6 ай"},
		{"kk", date.Term{Days: 14}, "14 күн"},
		{"kk", date.Term{Years: 2, Months: 1, Days: 1}, "2 жыл 1 ай 1 күн"},
		{"kk", date.Term{}, "0 күн"},
	}
	for _, tt := range tests {
		if got := tt.t.Format(s.Locale(tt.lang)); got != tt.want {
			t.Errorf("%v.Format(%s) = %q, want %q", tt.t, tt.lang, got, tt.want)
		}
	}
}

// TestNewLanguage adds Polish to a site with a file of the site's own:
// its plural forms are Polish (one, few, many), and its dates are in the
// words of its file.
func TestNewLanguage(t *testing.T) {
	pl := `language.name: Polski
date.months: [styczeń, luty, marzec, kwiecień, maj, czerwiec, lipiec, sierpień, wrzesień, październik, listopad, grudzień]
date.months_with_day: [stycznia, lutego, marca, kwietnia, maja, czerwca, lipca, sierpnia, września, października, listopada, grudnia]
date.months_approximate: [styczeń, luty, marzec, kwiecień, maj, czerwiec, lipiec, sierpień, wrzesień, październik, listopad, grudzień]
date.year: "{year} r."
date.month: "{month} {year} r."
date.day: "{day} {month} {year} r."
date.approximate: "ok. {date}"
date.uncertain: "{date} (niepewne)"
term.years: {one: "{n} rok", few: "{n} lata", many: "{n} lat", other: "{n} roku"}
term.months: {one: "{n} miesiąc", few: "{n} miesiące", many: "{n} miesięcy", other: "{n} miesiąca"}
term.days: {one: "{n} dzień", few: "{n} dni", many: "{n} dni", other: "{n} dnia"}
count.people: {one: "{n} osoba", few: "{n} osoby", many: "{n} osób"}
`
	theme := fstest.MapFS{"i18n/en.yaml": {Data: []byte("language.name: English\ncount.people: {one: \"{n} person\", other: \"{n} people\"}\n" + datesEn)}}
	site := fstest.MapFS{"i18n/pl.yaml": {Data: []byte(pl)}}
	s, err := i18n.Load([]string{"en", "pl"}, theme, site)
	if err != nil {
		t.Fatal(err)
	}
	l := s.Locale("pl")
	for _, tt := range []struct{ got, want string }{
		{date.MustParse("2021-01-22").Format(l), "22 stycznia 2021 r."},
		{date.MustParse("2020-07~").Format(l), "ok. lipiec 2020 r."},
		{date.Term{Years: 21, Months: 2}.Format(l), "21 lat 2 miesiące"},
		{date.Term{Years: 22, Days: 1}.Format(l), "22 lata 1 dzień"},
		{s.Text("pl", "count.people", 1), "{n} osoba"},
		{s.Text("pl", "count.people", 3), "{n} osoby"},
		{s.Text("pl", "count.people", 5), "{n} osób"},
		{s.Text("pl", "count.people", 21), "{n} osób"}, // Russian would say "one"
		{s.Text("pl", "count.people", 22), "{n} osoby"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestDateKeyErrors(t *testing.T) {
	// without returns the date keys of a Polish file but key.
	without := func(key string) string {
		var b strings.Builder
		for _, line := range strings.SplitAfter(dates("one", "few", "many"), "\n") {
			if !strings.HasPrefix(line, key+":") {
				b.WriteString(line)
			}
		}
		return b.String()
	}
	for _, tt := range []struct {
		name string
		file string // the site's i18n/pl.yaml, whose plural forms are one, few, many
		want []string
	}{
		{"no dates at all", "# Polish\nlanguage.name: Polski\n", []string{
			`i18n/pl.yaml:2:1: missing date.months, date.months_with_day, date.months_approximate, date.year, date.month, date.day, date.approximate, date.uncertain, term.years, term.months, term.days: the month names, the patterns of dates and the words of terms, which every language needs; copy these keys from tizim's i18n/en.yaml and translate them`,
		}},
		{"one key missing", "language.name: Polski\n" + without("date.months_with_day"), []string{
			`i18n/pl.yaml:1:1: missing date.months_with_day, the twelve month names, January first, after a day number ("22 July 2020"; Russian: "22 июля"); copy the key from tizim's i18n/en.yaml and translate it`,
		}},
		{"shapes", "language.name: Polski\n" +
			"date.months: [styczeń, luty]\n" +
			"date.months_with_day: stycznia\n" +
			"date.months_approximate: [a, b, c, d, e, f, g, h, i, j, k, '']\n" +
			"date.year: \"{year} r.\"\n" +
			"date.month: \"{month} r.\"\n" +
			"date.day: \"{dya} {month} {year}\"\n" +
			"date.approximate: {one: \"ok. {date}\", other: \"ok. {date}\"}\n" +
			"date.uncertain: \"{date}?\"\n" +
			"term.years: {one: \"{n} rok\", few: \"lata\", many: \"{n} lat\"}\n" +
			"term.months: \"{n} mies.\"\n" +
			"term.days: {one: \"{n} dzień\", many: \"{n} dni\"}\n",
			[]string{
				`i18n/pl.yaml:2:14: "date.months" has 2 month names; give all twelve, January first`,
				`i18n/pl.yaml:3:23: "date.months_with_day" must be a list of the twelve month names, January first, like [January, February, ...], not "stycznia"`,
				`i18n/pl.yaml:4:60: "date.months_approximate" is empty; give a value or remove the field`,
				`i18n/pl.yaml:6:13: "date.month" has no {year}; it needs {month}, {year}`,
				`i18n/pl.yaml:7:11: "date.day" has no {day}; it needs {day}, {month}, {year}`,
				`i18n/pl.yaml:7:11: "date.day" uses {dya}, which it cannot have; it may use {day}, {month}, {year}`,
				`i18n/pl.yaml:8:19: "date.approximate" is a pattern: one text, like "{date}", not a form per plural category`,
				`i18n/pl.yaml:10:35: "term.years.few" has no {n}; it needs {n}`,
				`i18n/pl.yaml:12:12: "term.days" has no "few" form; pl needs the forms one, few, many`,
			}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			theme := fstest.MapFS{"i18n/en.yaml": {Data: []byte("language.name: English\n" + datesEn)}}
			site := fstest.MapFS{"i18n/pl.yaml": {Data: []byte(tt.file)}}
			_, err := i18n.Load([]string{"en", "pl"}, theme, site)
			if err == nil {
				t.Fatal("no error")
			}
			if got, want := err.Error(), strings.Join(tt.want, "\n"); got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}
