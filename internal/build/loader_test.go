package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoaderDates: the preview's loader checks the dates of the people it
// read again only, since a date that was not after an earlier day is not
// after today. A date put in the future is an error until it is mended,
// through edits of other people in between, and the register reuses
// nothing of the refused reading.
func TestLoaderDates(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS(filepath.Join(root, "content"))); err != nil {
		t.Fatal(err)
	}
	edit := func(slug, old, new string) []string {
		t.Helper()
		file := filepath.Join(dir, "content/people", slug, "case.yaml")
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), old) {
			t.Fatalf("%s has no %q", file, old)
		}
		if err := os.WriteFile(file, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		return []string{"content/people/" + slug + "/case.yaml"}
	}
	l := NewLoader(dir, day)
	load := func(step string, changed []string, wantErr string) {
		t.Helper()
		reg, _, err := l.Load(changed)
		switch {
		case wantErr == "" && err != nil:
			t.Fatalf("%s: %v", step, err)
		case wantErr != "" && (err == nil || !strings.Contains(err.Error(), wantErr)):
			t.Fatalf("%s: error %v, want one saying %q", step, err, wantErr)
		case wantErr == "":
			for _, p := range reg.People {
				for _, e := range p.Timeline {
					if e.Date.Year > 2090 {
						t.Fatalf("%s: the register holds %s's event of %s", step, p.Slug, e.Date)
					}
				}
			}
		}
	}
	load("first load", nil, "")
	future := "the date 2099-09-08 is after today"
	load("a date in the future", edit("aron-atabek", "  - date: 2020-09-08", "  - date: 2099-09-08"), future)
	load("another person edited", edit("sanavar-zakirova", "name: Sanavar Zakirova", "name: Sanavar Zakirova Edited"), future)
	load("nothing told", []string{}, future)
	load("mended", edit("aron-atabek", "  - date: 2099-09-08", "  - date: 2020-09-08"), "")
	load("then unchanged", []string{}, "")
}
