package site

import (
	"bytes"
	"cmp"
	"slices"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
)

// sortPeople orders people by their name in each language with that
// language's alphabet (CLDR collation: Kazakh Ә after А and Қ after К,
// Russian Ё with Е), ties broken by slug so that the order is stable.
// Each language sorts the names it shows, picked along its chain.
func sortPeople(people []*register.Person, langs []string, chains map[string]content.Chain) map[string][]*register.Person {
	sorted := make([][]*register.Person, len(langs))
	var wg sync.WaitGroup
	for i, lang := range langs {
		wg.Go(func() { sorted[i] = sortIn(people, lang, chains[lang]) })
	}
	wg.Wait()
	out := make(map[string][]*register.Person, len(langs))
	for i, lang := range langs {
		out[lang] = sorted[i]
	}
	return out
}

// sortIn orders people by their name in lang.
func sortIn(people []*register.Person, lang string, chain content.Chain) []*register.Person {
	tag, err := language.Parse(lang)
	if err != nil {
		tag = language.Und
	}
	c := collate.New(tag, collate.IgnoreCase)
	var buf collate.Buffer // holds every key: they stay valid until a Reset
	type keyed struct {
		key []byte
		p   *register.Person
	}
	keys := make([]keyed, len(people))
	for i, p := range people {
		n, _ := p.NameIn(chain)
		keys[i] = keyed{c.KeyFromString(&buf, n), p}
	}
	slices.SortFunc(keys, func(a, b keyed) int {
		return cmp.Or(bytes.Compare(a.key, b.key), cmp.Compare(a.p.Slug, b.p.Slug))
	})
	out := make([]*register.Person, len(keys))
	for i, k := range keys {
		out[i] = k.p
	}
	return out
}

// name is a person's name in the first language of lang's chain that
// has one.
func (s *Site) name(p *register.Person, lang string) string {
	n, _ := p.NameIn(s.chain(lang))
	return n
}

// rankOf returns the position of each person in a language's order, so that
// any list (a group, the current list) can be shown in that order.
func rankOf(sorted []*register.Person) map[*register.Person]int {
	r := make(map[*register.Person]int, len(sorted))
	for i, p := range sorted {
		r[p] = i
	}
	return r
}
