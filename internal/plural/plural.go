// Package plural chooses the CLDR plural category of a count, so that
// interface text can say "1 политзаключённый", "3 политзаключённых" and
// "5 политзаключённых" as Russian requires.
//
// Only whole numbers are counted on the site, so only the integer rules
// of CLDR are implemented (https://cldr.unicode.org/index/cldr-spec/plural-rules).
package plural

// Category is a CLDR plural category.
type Category string

// The CLDR categories that the supported languages use.
const (
	One   Category = "one"
	Few   Category = "few"
	Many  Category = "many"
	Other Category = "other"
)

// rules lists, per language, the categories it uses and the function that
// picks one for a non-negative count. Languages not listed use English's.
var rules = map[string]struct {
	categories []Category
	of         func(n int) Category
}{
	"en": {[]Category{One, Other}, oneOther},
	"kk": {[]Category{One, Other}, oneOther},
	"ru": {[]Category{One, Few, Many}, eastSlavic},
	"uk": {[]Category{One, Few, Many}, eastSlavic},
	"be": {[]Category{One, Few, Many}, eastSlavic},
}

// Of returns the category of the count n in language lang.
func Of(lang string, n int) Category {
	if n < 0 {
		n = -n
	}
	r, ok := rules[lang]
	if !ok {
		r = rules["en"]
	}
	return r.of(n)
}

// Categories lists the categories that Of returns for language lang, so
// the forms that interface text in lang must provide.
func Categories(lang string) []Category {
	r, ok := rules[lang]
	if !ok {
		r = rules["en"]
	}
	return r.categories
}

func oneOther(n int) Category {
	if n == 1 {
		return One
	}
	return Other
}

// eastSlavic is the rule of Russian, Ukrainian and Belarusian: 1, 21, 31
// take "one"; 2–4, 22–24 take "few"; 0, 5–20, 25–30 take "many". CLDR's
// "other" is for fractions, which the site does not count.
func eastSlavic(n int) Category {
	switch d, h := n%10, n%100; {
	case d == 1 && h != 11:
		return One
	case d >= 2 && d <= 4 && (h < 12 || h > 14):
		return Few
	default:
		return Many
	}
}
