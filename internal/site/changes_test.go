package site

import (
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/tizim/tizim"
	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
	"github.com/tizim/tizim/internal/synth"
)

type files struct {
	sync.Mutex
	m map[string][]byte
}

func (f *files) Write(p string, data []byte) error {
	f.Lock()
	f.m[p] = data
	f.Unlock()
	return nil
}

// TestChangesSplit makes the change log's page limit small: the latest
// page stays within it, and a year over it lists its months, each on a
// page of its own that holds all the month's changes.
func TestChangesSplit(t *testing.T) {
	defer func(n int) { changesPerPage = n }(changesPerPage)
	changesPerPage = 60
	dir := t.TempDir()
	if err := synth.Write(dir, 200, 1); err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(dir)
	c, err := content.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(register.New(c, synth.AsOf), fsys, Overlay(fsys, tizim.Theme))
	if err != nil {
		t.Fatal(err)
	}
	out := &files{m: make(map[string][]byte)}
	if err := s.Render(out); err != nil {
		t.Fatal(err)
	}
	latest := 0
	for _, m := range s.changes.latest {
		latest += m.Count
	}
	if latest > changesPerPage && len(s.changes.latest) > 1 {
		t.Errorf("the latest page holds %d changes, over %d", latest, changesPerPage)
	}
	split := 0
	for _, y := range s.changes.years {
		if !y.Split {
			continue
		}
		split++
		page := string(out.m["changes/"+y.Slug+"/index.html"])
		n := 0
		for _, m := range y.Months {
			if !strings.Contains(page, `href="/register/`+m.Rel()+`"`) {
				t.Errorf("changes/%s/ does not link to %s", y.Slug, m.Rel())
			}
			month := string(out.m[m.Rel()+"index.html"])
			n += strings.Count(month, `<li><time`)
		}
		if n != y.Count {
			t.Errorf("the month pages of %s list %d changes, the year has %d", y.Slug, n, y.Count)
		}
	}
	if split == 0 {
		t.Error("no year was split")
	}
}

func TestPersonOf(t *testing.T) {
	s := &Site{reg: &register.Register{Site: &content.Site{Languages: []string{"en", "ru", "kk"}}}}
	for p, want := range map[string]string{
		"people/x/index.html":      "x",
		"ru/people/x/index.html":   "x",
		"people/x/photo.jpg":       "x",
		"kk/people/y/index.html":   "y",
		"people/index.html":        "",
		"people/page/2/index.html": "",
		"current/index.html":       "",
	} {
		if got := s.PersonOf(p); got != want {
			t.Errorf("PersonOf(%q) = %q, want %q", p, got, want)
		}
	}
}
