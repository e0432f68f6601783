package register_test

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
	"github.com/tizim/tizim/internal/testkit/testsite"
)

// TestNext edits the shipped register one step at a time, as the live
// preview sees it: after each step, the register that Next derives from a
// content.Loader's load, reusing the last one's people, is the register
// New derives from a fresh load. It also checks that people no step
// touched are reused, which is what Next is for.
func TestNext(t *testing.T) {
	m := testsite.Folder(t, "../../content", content.Dir)
	replace := func(name, old, new string) {
		t.Helper()
		s := string(m[name].Data)
		if !strings.Contains(s, old) {
			t.Fatalf("%s has no %q", name, old)
		}
		m[name] = &fstest.MapFile{Data: []byte(strings.Replace(s, old, new, 1))}
	}
	const (
		atabek  = "content/people/aron-atabek/case.yaml"
		site    = "content/site.yaml"
		sources = "content/sources/rferl.yaml"
	)
	l := content.NewLoader(m)
	asOf := day("2025-07-01")
	var last *register.Register
	step := func(name string, changed []string, reused bool) {
		t.Helper()
		c, err := l.Load(changed)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		fresh, err := content.Load(m)
		if err != nil {
			t.Fatal(err)
		}
		want := register.New(fresh, asOf)
		got := register.New(c, asOf)
		if last != nil {
			got = last.Next(c, asOf)
		}
		if !reflect.DeepEqual(got, want) {
			for i := range min(len(got.People), len(want.People)) {
				if !reflect.DeepEqual(got.People[i], want.People[i]) {
					t.Errorf("%s: %s differs from a fresh derivation", name, got.People[i].Slug)
					break
				}
			}
			t.Fatalf("%s: the register differs from a fresh derivation", name)
		}
		// Sanavar Zakirova's folder is never edited: her timeline is the
		// last register's, not derived again, whenever reuse is possible.
		if last != nil {
			before, after := person(last, "sanavar-zakirova"), person(got, "sanavar-zakirova")
			if shared := &before.Timeline[0] == &after.Timeline[0]; shared != reused {
				t.Errorf("%s: reused %v, want %v", name, shared, reused)
			}
		}
		last = got
	}
	step("first load", nil, false)
	step("nothing changed", []string{}, true)

	replace(atabek, "name: Aron Atabek", "name: Aron Atabek Edited")
	step("a name", []string{atabek}, true)
	replace(atabek, "  - date: 2020-09-08", "  - date: 2019-09-08")
	step("an event's date", []string{atabek}, true)
	m[atabek] = &fstest.MapFile{Data: append(m[atabek].Data, "draft: true\n"...)}
	step("a draft", []string{atabek}, true)
	replace(atabek, "draft: true\n", "")
	step("published again", []string{atabek}, true)

	var renamed []string
	for name, f := range m {
		if rest, ok := strings.CutPrefix(name, "content/people/aron-atabek/"); ok {
			m["content/people/aron-atabek-2/"+rest] = f
			delete(m, name)
			renamed = append(renamed, name, "content/people/aron-atabek-2/"+rest)
		}
	}
	moved := "content/people/aron-atabek-2/case.yaml"
	step("a folder renamed", renamed, true)

	replace(sources, "title:", "title: Edited")
	step("a source's title", []string{sources}, false)
	step("after the source", []string{moved}, true)

	m[site] = &fstest.MapFile{Data: append(m[site].Data, "confirm_within: 1m\n"...)}
	step("confirm_within", []string{site}, false)
	replace(site, "current_statuses: [pretrial_detention, house_arrest, imprisoned]", "current_statuses: [house_arrest]")
	step("current_statuses", []string{site}, false)
	replace(site, "title:", "title:\n  # a comment\n ")
	step("site.yaml, nothing that derives people", []string{site}, true)

	asOf = day("2022-01-01")
	step("an earlier date", []string{}, false)
	step("the same date again", []string{}, true)
}
