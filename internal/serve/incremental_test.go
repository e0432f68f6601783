package serve

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/tizim/tizim/internal/site"
)

// TestIncrementalMatchesFull edits one person's case file and profile:
// the incremental build renders fewer files, yet serves exactly what a
// full build of the edited content would (site.zip aside, which only full
// builds refresh); an edit elsewhere falls back to a full build.
func TestIncrementalMatchesFull(t *testing.T) {
	root := copySite(t)
	inc := IncrementalBuild(root, asOf)
	first, err := inc(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(root, "content/people/sanavar-zakirova/case.yaml")
	data, _ := os.ReadFile(file)
	os.WriteFile(file, bytes.Replace(data, []byte("name: Sanavar Zakirova"), []byte("name: Sanavar Zakirova-Edited"), 1), 0o644)
	os.WriteFile(filepath.Join(root, "content/people/sanavar-zakirova/profile.md"), []byte("A new profile.\n"), 0o644)

	var rendered int
	counting := func(prev *Site, changed []string) (*Site, error) {
		s, err := inc(prev, changed)
		if err == nil {
			rendered = 0
			for p, d := range s.Files {
				if old, ok := prev.Files[p]; !ok || len(d) == 0 || len(old) == 0 || &old[0] != &d[0] {
					rendered++ // not the previous build's bytes
				}
			}
		}
		return s, err
	}
	got, err := counting(first, []string{"content/people/sanavar-zakirova/case.yaml", "content/people/sanavar-zakirova/profile.md"})
	if err != nil {
		t.Fatal(err)
	}
	want, err := FullBuild(root, asOf)(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range slices.Sorted(func(yield func(string) bool) {
		for p := range want.Files {
			if !yield(p) {
				return
			}
		}
	}) {
		if p == site.ZipFile {
			continue
		}
		if !bytes.Equal(got.Files[p], want.Files[p]) {
			t.Errorf("%s differs from a full build", p)
		}
	}
	if len(got.Files) != len(want.Files) {
		t.Errorf("%d files, a full build has %d", len(got.Files), len(want.Files))
	}
	if rendered >= len(want.Files)-10 {
		t.Errorf("rendered %d of %d files: not incremental", rendered, len(want.Files))
	}
	if !bytes.Contains(got.Files["people/sanavar-zakirova/index.html"], []byte("Zakirova-Edited")) {
		t.Error("the edited person's page was not rendered anew")
	}

	// An edit to site.yaml changes every page: a full build.
	if _, ok := editedPeople([]string{"content/site.yaml"}); ok {
		t.Error("site.yaml counted as a person's file")
	}
	if _, ok := editedPeople([]string{"content/people/x/case.yaml", "templates/person.html"}); ok {
		t.Error("a template counted as a person's file")
	}
}
