package i18n

import (
	"slices"
	"testing"

	"golang.org/x/text/feature/plural"
)

// fraction is the category of i.f with one visible fraction digit, which
// Plural never asks since the site counts only whole numbers; it shows
// what the categories that no whole number takes (Russian "other") are for.
func fraction(lang string, i, f int) Category {
	return categoryOf[plural.Cardinal.MatchPlural(dataOf(lang).tag, i, 1, 1, f, f)]
}

func TestPlural(t *testing.T) {
	counts := []int{0, 1, 2, 5, 11, 12, 21, 22, 25, 101, 111, 112, 1001, -1, -2}
	for _, tt := range []struct {
		lang string
		want []Category // for counts
		half Category   // for 1.5
		cats []Category
	}{
		{"en", []Category{Other, One, Other, Other, Other, Other, Other, Other, Other, Other, Other, Other, Other, One, Other}, Other, []Category{One, Other}},
		{"kk", []Category{Other, One, Other, Other, Other, Other, Other, Other, Other, Other, Other, Other, Other, One, Other}, Other, []Category{One, Other}},
		{"ru", []Category{Many, One, Few, Many, Many, Many, One, Few, Many, One, Many, Many, One, One, Few}, Other, []Category{One, Few, Many}},
		{"be", []Category{Many, One, Few, Many, Many, Many, One, Few, Many, One, Many, Many, One, One, Few}, Other, []Category{One, Few, Many}},
		// Polish: only 1 itself is "one"; 21 is "many", 22 "few".
		{"pl", []Category{Many, One, Few, Many, Many, Many, Many, Few, Many, Many, Many, Many, Many, One, Few}, Other, []Category{One, Few, Many}},
		// Burmese has no plural forms, nor has a language CLDR does not know.
		{"my", []Category{Other, Other, Other, Other, Other, Other, Other, Other, Other, Other, Other, Other, Other, Other, Other}, Other, []Category{Other}},
		{"xx", []Category{Other, Other, Other, Other, Other, Other, Other, Other, Other, Other, Other, Other, Other, Other, Other}, Other, []Category{Other}},
	} {
		for i, n := range counts {
			if got := Plural(tt.lang, n); got != tt.want[i] {
				t.Errorf("Plural(%q, %d) = %s, want %s", tt.lang, n, got, tt.want[i])
			}
		}
		if got := fraction(tt.lang, 1, 5); got != tt.half {
			t.Errorf("%s: 1.5 is %s, want %s", tt.lang, got, tt.half)
		}
		if got := Categories(tt.lang); !slices.Equal(got, tt.cats) {
			t.Errorf("Categories(%q) = %v, want %v", tt.lang, got, tt.cats)
		}
	}
}

func TestNumber(t *testing.T) {
	for _, tt := range []struct {
		lang string
		n    int
		want string
	}{
		{"en", 0, "0"},
		{"en", 999, "999"},
		{"en", 1000, "1,000"},
		{"en", 1234567, "1,234,567"},
		{"en", -1234, "-1,234"},
		{"ru", 999, "999"},
		{"ru", 1000, "1\u00a0000"},
		{"ru", -12345, "-12\u00a0345"},
		{"kk", 1234567, "1\u00a0234\u00a0567"},
		{"pl", 12345, "12\u00a0345"},
		{"az", 12345, "12.345"},
		{"my", 12345, "၁၂,၃၄၅"}, // Burmese digits
		{"my", 12, "၁၂"},        // no shortcut through strconv
	} {
		if got := Number(tt.lang, tt.n); got != tt.want {
			t.Errorf("Number(%q, %d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}
