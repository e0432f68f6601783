package i18n

import (
	"strconv"
	"sync"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	printing "golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Category is a CLDR plural category, the name of a form of counted text
// in an i18n file (https://cldr.unicode.org/index/cldr-spec/plural-rules).
type Category string

// The CLDR plural categories, in CLDR's order.
const (
	Zero  Category = "zero"
	One   Category = "one"
	Two   Category = "two"
	Few   Category = "few"
	Many  Category = "many"
	Other Category = "other"
)

// categoryOf names x/text's forms.
var categoryOf = map[plural.Form]Category{
	plural.Zero: Zero, plural.One: One, plural.Two: Two,
	plural.Few: Few, plural.Many: Many, plural.Other: Other,
}

// cldrOrder is the order Categories lists categories in.
var cldrOrder = []Category{Zero, One, Two, Few, Many, Other}

// Plural returns the plural category of the count n in language lang, by
// CLDR's rules for lang (golang.org/x/text). A language CLDR does not know
// has only Other.
func Plural(lang string, n int) Category { return dataOf(lang).plural(n) }

// Categories lists, in CLDR's order, the categories that Plural returns
// for lang: the forms that counted text in lang must give. The site counts
// only whole numbers, so a category that only fractions take, as Russian's
// "other" (1,5 года), is not among them; an i18n file may still give it.
func Categories(lang string) []Category { return dataOf(lang).categories }

// Number writes the whole number n the way lang writes numbers, by CLDR
// (golang.org/x/text): 12,345 in English, 12 345 with a no-break space in
// Russian and Kazakh.
func Number(lang string, n int) string {
	d := dataOf(lang)
	if n > -1000 && n < 1000 && d.asciiDigits {
		return strconv.Itoa(n) // most numbers on a page; x/text costs ten times more
	}
	return d.printer.Sprint(number.Decimal(n))
}

// langData is what x/text knows of one language, worked out once.
type langData struct {
	tag        language.Tag
	categories []Category
	// printer formats numbers. A Printer may be shared by goroutines:
	// Sprint copies it into a printer of its own and never changes it.
	printer *printing.Printer
	// asciiDigits says that the language writes 0-9 and a hyphen-minus,
	// as strconv does; below 1000 no language groups digits.
	asciiDigits bool
}

var langs sync.Map // language code -> *langData

func dataOf(lang string) *langData {
	if d, ok := langs.Load(lang); ok {
		return d.(*langData)
	}
	d := &langData{tag: language.Make(lang)}
	d.printer = printing.NewPrinter(d.tag)
	d.asciiDigits = d.printer.Sprint(number.Decimal(-987)) == "-987"
	// x/text's rules look at most at n%100 and whether n < 100, so the
	// counts 0 to 199 take every category a whole number can.
	seen := make(map[Category]bool)
	for n := range 200 {
		seen[d.plural(n)] = true
	}
	for _, c := range cldrOrder {
		if seen[c] {
			d.categories = append(d.categories, c)
		}
	}
	v, _ := langs.LoadOrStore(lang, d)
	return v.(*langData)
}

func (d *langData) plural(n int) Category {
	if n < 0 {
		n = -n
	}
	return categoryOf[plural.Cardinal.MatchPlural(d.tag, n, 0, 0, 0, 0)]
}
