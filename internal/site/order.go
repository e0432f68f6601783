package site

import (
	"bytes"
	"cmp"
	"slices"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/tizim/tizim/internal/register"
)

// sortPeople orders people by their name in each language with that
// language's alphabet (CLDR collation: Kazakh Ә after А and Қ after К,
// Russian Ё with Е), ties broken by slug so that the order is stable.
func sortPeople(people []*register.Person, langs []string) map[string][]*register.Person {
	sorted := make([][]*register.Person, len(langs))
	var wg sync.WaitGroup
	for i, lang := range langs {
		wg.Go(func() { sorted[i] = sortIn(people, lang) })
	}
	wg.Wait()
	out := make(map[string][]*register.Person, len(langs))
	for i, lang := range langs {
		out[lang] = sorted[i]
	}
	return out
}

// sortIn orders people by their name in lang.
func sortIn(people []*register.Person, lang string) []*register.Person {
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
		keys[i] = keyed{c.KeyFromString(&buf, localName(p, lang)), p}
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

// localName is a person's name in lang, or the default name.
func localName(p *register.Person, lang string) string {
	if n := p.Names[lang]; n != "" {
		return n
	}
	return p.Name
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
