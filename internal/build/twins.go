package build

import (
	"cmp"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/search"
)

// nameKey is the key under which two spellings of one name meet: the
// search's folding ([search.Fold]), with the words in order, so that
// "Qylyshev Qairat" meets "Қайрат Қылышев".
func nameKey(name string) string {
	tokens := search.Tokens(name)
	slices.Sort(tokens)
	return strings.Join(tokens, " ")
}

// personKeys returns the name keys of every name of a person: the name,
// the names in other languages and the aliases.
func personKeys(p *content.Person) []string {
	names := []string{p.Name}
	for _, lang := range slices.Sorted(maps.Keys(p.Names)) {
		names = append(names, p.Names[lang])
	}
	names = append(names, p.Aliases...)
	var keys []string
	for _, n := range names {
		if k := nameKey(n); k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// Twins warns of people recorded twice: two folders, drafts included,
// where a name of one is a spelling of a name of the other (Қайрат
// Қылышев, Kairat Kylyshev, Qylyshev Qairat). Namesakes exist, so it only
// warns; two people whose birth years are both given and differ are told
// apart, and that is how maintainers silence it for namesakes.
func Twins(people []*content.Person) []Warning {
	byKey := make(map[string][]*content.Person)
	for _, p := range people {
		for _, k := range personKeys(p) {
			byKey[k] = append(byKey[k], p)
		}
	}
	type pair struct{ a, b *content.Person }
	seen := make(map[[2]string]bool)
	var pairs []pair
	for _, k := range slices.Sorted(maps.Keys(byKey)) {
		ps := byKey[k]
		for i := range ps {
			for j := i + 1; j < len(ps); j++ {
				a, b := ps[i], ps[j]
				if a.Slug > b.Slug {
					a, b = b, a
				}
				id := [2]string{a.Slug, b.Slug}
				if a.Slug == b.Slug || seen[id] || bornApart(a, b) {
					continue
				}
				seen[id] = true
				pairs = append(pairs, pair{a, b})
			}
		}
	}
	var out []Warning
	for _, pr := range pairs {
		for _, x := range [][2]*content.Person{{pr.a, pr.b}, {pr.b, pr.a}} {
			p, other := x[0], x[1]
			out = append(out, Warning{Path: p.Path, Line: p.Line, Msg: fmt.Sprintf(
				"%q may be the same person as %q in %s: the names are spellings of one name. If so, keep one folder and move the other's events and sources into it; if they are two people, give each a birth year (born:), which tells them apart",
				p.Name, other.Name, path.Dir(other.Path)+"/")})
		}
	}
	slices.SortFunc(out, func(a, b Warning) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Msg, b.Msg))
	})
	return out
}

// bornApart reports whether both people's birth years are known and
// differ.
func bornApart(a, b *content.Person) bool {
	return !a.Born.IsZero() && !b.Born.IsZero() && a.Born.First().Year() != b.Born.First().Year()
}

// Namesakes returns the people, drafts included, one of whose names is a
// spelling of name: whom `tizim new person` warns of before it adds name.
func Namesakes(people []*content.Person, name string) []*content.Person {
	key := nameKey(name)
	var out []*content.Person
	for _, p := range people {
		if key != "" && slices.Contains(personKeys(p), key) {
			out = append(out, p)
		}
	}
	return out
}
