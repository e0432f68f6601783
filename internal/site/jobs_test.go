package site

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tizim/tizim"
	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
	"github.com/tizim/tizim/internal/testkit/synth"
)

// TestRunOrder: the data files and the search index, which are long and
// cannot be split, start before every page, and the other jobs keep
// their order (pages with tables by depth, person pages last).
func TestRunOrder(t *testing.T) {
	s, _ := synthSite(t, 50, 1)
	jobs := s.jobs(false)
	order := runOrder(jobs)
	if len(order) != len(jobs) {
		t.Fatalf("%d jobs, %d in the order", len(jobs), len(order))
	}
	var first []string
	for _, i := range order {
		if !jobs[i].long {
			break
		}
		first = append(first, jobs[i].name)
	}
	for _, want := range []string{"data/register.json", "data/register.csv", "data/events.csv", "search/"} {
		if !slices.Contains(first, want) {
			t.Errorf("%s does not start before the pages; first: %v", want, first)
		}
	}
	var rest []int
	for _, i := range order[len(first):] {
		if jobs[i].long {
			t.Errorf("long job %s after a short one", jobs[i].name)
		}
		rest = append(rest, i)
	}
	if !slices.IsSorted(rest) {
		t.Errorf("the other jobs are out of their order")
	}
	seen := make(map[int]bool)
	for _, i := range order {
		seen[i] = true
	}
	if len(seen) != len(jobs) {
		t.Errorf("the order runs %d of %d jobs", len(seen), len(jobs))
	}
	if last := jobs[order[len(order)-1]].name; strings.HasPrefix(last, "data/") {
		t.Errorf("a data file is the last job: %s", last)
	}
}

// TestFactsFiles: the files keyed without the text of events (job.facts)
// have the same bytes after every event's text is changed, in every
// language, while the data files, the feeds and the person pages change.
func TestFactsFiles(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Write(dir, 60, 3); err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(dir)
	c, err := content.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	// The keys of every file, by name.
	keys := func(s *Site) map[string]Key {
		if err := s.SetKeys(Keys{Program: []byte("test")}); err != nil {
			t.Fatal(err)
		}
		m := make(map[string]Key)
		for _, j := range s.jobs(false) {
			if j.key != nil {
				m[j.name] = j.key()
			}
		}
		return m
	}
	build := func() (*Site, map[string][]byte) {
		s, err := New(register.New(c, synth.AsOf), fsys, Overlay(fsys, tizim.DefaultTheme))
		if err != nil {
			t.Fatal(err)
		}
		return s, renderAll(t, s)
	}
	s, before := build()
	keysBefore := keys(s)
	for _, p := range c.People {
		for _, e := range p.Events {
			e.Text.Default = "Changed: " + e.Text.Default
			for i := range e.Text.Other {
				e.Text.Other[i].Text = "Изменено: " + e.Text.Other[i].Text
			}
		}
	}
	s2, after := build()
	keysAfter := keys(s2)
	for _, j := range s.jobs(false) {
		same := keysBefore[j.name] == keysAfter[j.name]
		if j.facts && !same {
			t.Errorf("%s: its key changed with the text of events", j.name)
		}
		if (j.name == "data/register.json" || strings.HasPrefix(j.name, "people/") && strings.Count(j.name, "/") == 2 && strings.HasSuffix(j.name, "/index.html")) && same {
			t.Errorf("%s: its key did not change with the text of events", j.name)
		}
	}
	if keysBefore["search/"] != keysAfter["search/"] {
		t.Error("the search index's key changed with the text of events")
	}
	// A fact changes every key of a list, but not the search index's,
	// which a name changes.
	c.People[0].Events[0].Date.Year--
	s3, _ := build()
	k3 := keys(s3)
	if k3["people/index.html"] == keysAfter["people/index.html"] {
		t.Error("people/index.html: its key did not change with an event's date")
	}
	if k3["search/"] != keysAfter["search/"] {
		t.Error("the search index's key changed with an event's date")
	}
	c.People[0].Name += " Jr"
	s4, _ := build()
	if keys(s4)["search/"] == k3["search/"] {
		t.Error("the search index's key did not change with a name")
	}

	of := func(j job) []string { // the files a job makes
		if !j.many {
			return []string{j.name}
		}
		var out []string
		for name := range before {
			if strings.HasPrefix(name, j.name) {
				out = append(out, name)
			}
		}
		return out
	}
	facts := make(map[string]bool)
	for _, j := range s.jobs(false) {
		for _, name := range of(j) {
			facts[name] = j.facts
			if j.facts && !bytes.Equal(before[name], after[name]) {
				t.Errorf("%s is keyed without the text of events, but changes with it", name)
			}
		}
	}
	for _, name := range []string{"people/index.html", "ru/current/index.html", "stats/index.html", "groups/index.html",
		"sitemap.xml", "badge.svg", "ru/count.json", "people/filters.json"} {
		if _, ok := before[name]; ok && !facts[name] {
			t.Errorf("%s is keyed with the text of events", name)
		}
	}
	for _, name := range []string{"data/register.json", "data/events.csv", "feed.xml", "ru/feed.xml", "index.html"} {
		if facts[name] {
			t.Errorf("%s, which shows the text of events, is keyed without it", name)
		}
		if name != "index.html" && bytes.Equal(before[name], after[name]) {
			t.Errorf("%s did not change with the text of events", name)
		}
	}
}
