package build

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestPeopleKept shows that a build takes the people whose folders did
// not change from the last build's cache, and reads again a folder that
// did: a person changed in the cache, not in their files, shows on the
// site until their own files change.
func TestPeopleKept(t *testing.T) {
	dir, out := smallSite(t)
	build := func() {
		t.Helper()
		if _, err := Build(Options{Root: dir, Out: out, AsOf: day}); err != nil {
			t.Fatal(err)
		}
	}
	build()
	slugs, err := os.ReadDir(filepath.Join(dir, "content", "people"))
	if err != nil {
		t.Fatal(err)
	}
	current := func() *people {
		m, _ := readManifest(out)
		_, read, _ := inputsDigest(Options{Root: dir, Out: out, AsOf: day}, m)
		return readPeople(out, personFolders(read))
	}
	ps := current()
	if len(ps.kept) != len(slugs) || ps.records != len(slugs) {
		t.Fatalf("the cache keeps %d people of %d records, want all %d", len(ps.kept), ps.records, len(slugs))
	}

	// The first person's name, changed in the cache only.
	first, last := slugs[0].Name(), slugs[len(slugs)-1].Name()
	ps.kept[first].Name = "Forged In The Cache"
	ps.loaded, ps.loadedLangs, ps.records = nil, ps.langs, 0
	for _, s := range slugs {
		ps.loaded = append(ps.loaded, ps.kept[s.Name()])
	}
	ps.start(out, false)
	if err := ps.finish(out); err != nil {
		t.Fatal(err)
	}
	edit := func(slug, name string) {
		t.Helper()
		p := filepath.Join(dir, "content", "people", slug, "case.yaml")
		b := must(os.ReadFile(p))
		b2 := regexp.MustCompile(`(?m)^name: .*$`).ReplaceAll(b, []byte("name: "+name))
		if err := os.WriteFile(p, b2, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	page := func(slug string) string {
		return string(must(os.ReadFile(filepath.Join(out, "people", slug, "index.html"))))
	}
	edit(last, "Edited Last")
	build()
	if !strings.Contains(page(last), "Edited Last") {
		t.Fatal("the edited person was not read again")
	}
	if !strings.Contains(page(first), "Forged In The Cache") {
		t.Fatal("the people whose folders did not change were read again, not taken from the cache")
	}
	if ps := current(); ps.records != len(slugs) || len(ps.kept) != len(slugs) {
		t.Fatalf("after the edit, the cache keeps %d people of %d records, want all %d", len(ps.kept), ps.records, len(slugs))
	}

	// Once their own file changes, they are read again.
	edit(first, "Edited First")
	build()
	if got := page(first); strings.Contains(got, "Forged") || !strings.Contains(got, "Edited First") {
		t.Fatal("a person whose case file changed was taken from the cache")
	}

	// A build that makes everything (its output is gone) keeps the
	// people, and records them again: it removes the cache it had.
	if err := os.RemoveAll(out); err != nil {
		t.Fatal(err)
	}
	build()
	if ps := current(); ps.records != len(slugs) || len(ps.kept) != len(slugs) {
		t.Fatalf("after a build from an empty output, the cache keeps %d people of %d records, want all %d", len(ps.kept), ps.records, len(slugs))
	}

	// A cache another program wrote keeps no one.
	data := must(os.ReadFile(peopleFile(out)))
	i := len(peopleMagic) + 1 // the program's digest, after its length
	data[i] ^= 0xff
	if err := os.WriteFile(peopleFile(out), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if ps := current(); len(ps.kept) != 0 {
		t.Fatalf("a cache of another program kept %d people", len(ps.kept))
	}
}

// TestPeopleKeptErrors removes a source that people kept from the cache
// cite: the build fails with the messages a build without a cache gives,
// which point to the line and column of each citation.
func TestPeopleKeptErrors(t *testing.T) {
	dir, out := smallSite(t)
	if _, err := Build(Options{Root: dir, Out: out, AsOf: day}); err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "content", "sources", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no sources file: %v", err)
	}
	if err := os.Remove(files[0]); err != nil {
		t.Fatal(err)
	}
	_, cached := Build(Options{Root: dir, Out: out, AsOf: day})
	_, cold := Build(Options{Root: dir, Out: filepath.Join(t.TempDir(), "cold"), AsOf: day, NoCache: true})
	if cached == nil || cold == nil {
		t.Fatalf("a build without a cited source did not fail: %v, %v", cached, cold)
	}
	if cached.Error() != cold.Error() {
		t.Errorf("with the cache:\n%v\nwithout:\n%v", cached, cold)
	}
	if !regexp.MustCompile(`case\.yaml:\d+:\d+: event cites unknown source`).MatchString(cached.Error()) {
		t.Errorf("no line and column for a citation of an unknown source:\n%v", cached)
	}
}
