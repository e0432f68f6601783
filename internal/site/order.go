package site

import (
	"cmp"
	"slices"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/tizim/tizim/internal/register"
)

// sortPeople orders people by their name in each language with that
// language's alphabet (CLDR collation: Kazakh Ә after А and Қ after К,
// Russian Ё with Е), ties broken by slug so that the order is stable.
func sortPeople(people []*register.Person, langs []string) map[string][]*register.Person {
	out := make(map[string][]*register.Person, len(langs))
	for _, lang := range langs {
		tag, err := language.Parse(lang)
		if err != nil {
			tag = language.Und
		}
		c := collate.New(tag, collate.IgnoreCase)
		var buf collate.Buffer
		keys := make(map[*register.Person][]byte, len(people))
		for _, p := range people {
			keys[p] = c.KeyFromString(&buf, localName(p, lang))
		}
		sorted := slices.Clone(people)
		slices.SortFunc(sorted, func(a, b *register.Person) int {
			return cmp.Or(slices.Compare(keys[a], keys[b]), cmp.Compare(a.Slug, b.Slug))
		})
		out[lang] = sorted
	}
	return out
}

// localName is a person's name in lang, or the default name.
func localName(p *register.Person, lang string) string {
	if n := p.Names[lang]; n != "" {
		return n
	}
	return p.Name
}

// rank returns the position of each person in a language's order, so that
// any list (a group, the current list) can be shown in that order.
func rank(sorted []*register.Person) map[*register.Person]int {
	r := make(map[*register.Person]int, len(sorted))
	for i, p := range sorted {
		r[p] = i
	}
	return r
}
