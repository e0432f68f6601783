package build

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/date"
)

func person(slug, name string, born string, names map[string]string, aliases ...string) *content.Person {
	p := &content.Person{Slug: slug, Path: "content/people/" + slug + "/case.yaml", Line: 1, Name: name, Names: names, Aliases: aliases}
	if born != "" {
		d, err := date.Parse(born)
		if err != nil {
			panic(err)
		}
		p.Born = d
	}
	return p
}

// TestTwins finds people recorded twice under spellings of one name, and
// leaves namesakes whose birth years differ alone.
func TestTwins(t *testing.T) {
	qairat := person("qairat-qylyshev", "Qairat Qylyshev", "", map[string]string{"kk": "Қайрат Қылышев"})
	tests := []struct {
		name   string
		people []*content.Person
		want   []string // "slug~other" for each warning, in order
	}{
		{"Latin and Kazakh spellings", []*content.Person{qairat, person("kairat-kylyshev", "Kairat Kylyshev", "", nil)},
			[]string{"kairat-kylyshev~qairat-qylyshev", "qairat-qylyshev~kairat-kylyshev"}},
		{"the other's name in Kazakh", []*content.Person{qairat, person("q", "Қайрат Қылышев", "", nil)},
			[]string{"q~qairat-qylyshev", "qairat-qylyshev~q"}},
		{"surname first", []*content.Person{qairat, person("q", "Qylyshev Qairat", "", nil)},
			[]string{"q~qairat-qylyshev", "qairat-qylyshev~q"}},
		{"an alias", []*content.Person{qairat, person("q", "Someone Else", "", nil, "Кайрат Кылышев")},
			[]string{"q~qairat-qylyshev", "qairat-qylyshev~q"}},
		{"one birth year known", []*content.Person{qairat, person("q", "Kairat Kylyshev", "1970", nil)},
			[]string{"q~qairat-qylyshev", "qairat-qylyshev~q"}},
		{"the same birth year", []*content.Person{person("a", "Aigerim Nurlanova", "1980?", nil), person("b", "Айгерим Нурланова", "1980-05", nil)},
			[]string{"a~b", "b~a"}},
		{"namesakes born apart", []*content.Person{person("a", "Aigerim Nurlanova", "1980", nil), person("b", "Aigerim Nurlanova", "1991", nil)}, nil},
		{"other names", []*content.Person{qairat, person("q", "Qairat Qylyshbaev", "", nil)}, nil},
		{"one word in common", []*content.Person{qairat, person("q", "Qairat", "", nil)}, nil},
		{"three at once", []*content.Person{qairat, person("k", "Kairat Kylyshev", "", nil), person("q", "Кайрат Кылышев", "", nil)},
			[]string{"k~qairat-qylyshev", "k~q", "q~k", "q~qairat-qylyshev", "qairat-qylyshev~k", "qairat-qylyshev~q"}}, // by the other's name
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, w := range Twins(tt.people) {
				slug := strings.Split(w.Path, "/")[2]
				other := ""
				for _, p := range tt.people {
					if p.Slug != slug && strings.Contains(w.Msg, "in content/people/"+p.Slug+"/:") {
						other = p.Slug
					}
				}
				if w.Line != 1 {
					t.Errorf("%s: line %d, want the name's line", w.Path, w.Line)
				}
				got = append(got, slug+"~"+other)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestNamesakes(t *testing.T) {
	people := []*content.Person{
		person("qairat-qylyshev", "Qairat Qylyshev", "", nil, "Kairat Kylyshev"),
		person("other", "Aron Atabek", "", nil),
	}
	if got := Namesakes(people, "Кайрат Кылышев"); len(got) != 1 || got[0].Slug != "qairat-qylyshev" {
		t.Errorf("got %v", got)
	}
	if got := Namesakes(people, "Someone New"); len(got) != 0 {
		t.Errorf("got %v", got)
	}
}
