package site

import (
	"bytes"
	"compress/gzip"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/tizim/tizim"
	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/export"
	"github.com/tizim/tizim/internal/register"
	"github.com/tizim/tizim/internal/testkit/synth"
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

// synthSite generates a synthetic register of n people and prepares its
// site; newSite prepares another site of the same content, with nothing
// made yet.
func synthSite(t *testing.T, n int, seed uint64) (s *Site, newSite func() *Site) {
	t.Helper()
	dir := t.TempDir()
	if err := synth.Write(dir, n, seed); err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(dir)
	c, err := content.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	newSite = func() *Site {
		s, err := New(register.New(c, synth.AsOf), fsys, Overlay(fsys, tizim.DefaultTheme))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	return newSite(), newSite
}

// renderAll renders s into memory.
func renderAll(t *testing.T, s *Site) map[string][]byte {
	t.Helper()
	out := &files{m: make(map[string][]byte)}
	if err := s.Render(out); err != nil {
		t.Fatal(err)
	}
	return out.m
}

// TestChangesSplit makes the change log's page limit small: the latest
// page stays within it, a year over it lists its months, each on pages of
// its own, and a month over it is split into pages that link to each
// other and together hold all the month's changes.
func TestChangesSplit(t *testing.T) {
	defer func(n int) { changesPerPage = n }(changesPerPage)
	changesPerPage = 6
	s, _ := synthSite(t, 200, 1)
	out := &files{m: renderAll(t, s)}
	latest := 0
	for _, m := range s.changeLog().latest {
		latest += m.Count
	}
	if latest > changesPerPage && len(s.changeLog().latest) > 1 {
		t.Errorf("the latest page holds %d changes, over %d", latest, changesPerPage)
	}
	split, splitMonths := 0, 0
	for _, y := range s.changeLog().years {
		if !y.Split {
			continue
		}
		split++
		page := string(out.m["changes/"+y.Slug+"/index.html"])
		n := 0
		for _, m := range y.Months {
			if !strings.Contains(page, `href="../../`+m.Rel()+`index.html"`) {
				t.Errorf("changes/%s/ does not link to %s", y.Slug, m.Rel())
			}
			parts := 0
			for i := 1; ; i++ {
				month, ok := out.m[pagePath(m.Rel(), i)+"index.html"]
				if !ok {
					break
				}
				parts++
				got := strings.Count(string(month), `<li><time`)
				if got > changesPerPage {
					t.Errorf("%s holds %d changes, over %d", pagePath(m.Rel(), i), got, changesPerPage)
				}
				n += got
			}
			if parts > 1 {
				splitMonths++
				if !strings.Contains(string(out.m[m.Rel()+"index.html"]), `href="../../../`+pagePath(m.Rel(), parts)+`index.html"`) {
					t.Errorf("%s does not link to its last page", m.Rel())
				}
			}
		}
		if n != y.Count {
			t.Errorf("the month pages of %s list %d changes, the year has %d", y.Slug, n, y.Count)
		}
	}
	if split == 0 {
		t.Error("no year was split")
	}
	if splitMonths == 0 {
		t.Error("no month was split")
	}
}

// TestLazy renders a site on demand: it has the same files, with the same
// bytes, as a full render (site.zip included),
// renders only what is asked for, and knows no other file.
func TestLazy(t *testing.T) {
	s, newSite := synthSite(t, 60, 2)
	full := &files{m: renderAll(t, s)}

	s = newSite() // nothing made yet
	l := s.Lazy()
	page := "ru/people/" + s.reg.People[1].Slug + "/index.html" // not the first, which Check renders
	if data, ok, err := l.Get(page); !ok || err != nil || !bytes.Equal(data, full.m[page]) {
		t.Fatalf("Get(%s) = %d bytes, %v, %v; want the full render's %d bytes", page, len(data), ok, err, len(full.m[page]))
	}
	rendered, listed := 0, 0
	all := slices.Collect(maps.Values(l.files))
	for _, g := range l.groups {
		if g.listed {
			listed++
		}
		all = slices.AppendSeq(all, maps.Values(g.files))
	}
	for _, f := range all {
		if f != nil && f.out != nil {
			rendered++
		}
	}
	if rendered != 1 || listed != 0 {
		t.Errorf("one Get rendered %d files and listed %d groups of pages; want 1 and none", rendered, listed)
	}
	if s.changes.v.years != nil {
		t.Error("one person's page made the change log")
	}
	if err := l.Check(); err != nil {
		t.Fatal(err)
	}
	for _, g := range l.groups {
		if f := g.files[page]; f != nil && f.out == nil {
			t.Errorf("listing the pages of %s made %s anew", g.prefix, page)
		}
	}
	names, err := l.Names()
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != len(full.m) {
		t.Errorf("%d files, a full render has %d", len(names), len(full.m))
	}
	for _, name := range names {
		data, ok, err := l.Get(name)
		if !ok || err != nil {
			t.Errorf("Get(%s): %v, %v", name, ok, err)
		} else if want, found := full.m[name]; !found || !bytes.Equal(data, want) {
			t.Errorf("%s differs from the full render", name)
		}
	}
	for _, name := range []string{"nothing.html", "people/nobody/index.html", "search/nothing.json", "sitemap-99.xml"} {
		if _, ok, _ := l.Get(name); ok {
			t.Errorf("Get(%s) found a file", name)
		}
	}
}

// TestDataGzipped makes a register count as large: its data files are
// published gzip-compressed only, unpack to exactly the exports (with
// nothing internal in them), and the data page links to them.
func TestDataGzipped(t *testing.T) {
	defer func(n int) { gzipAbove = n }(gzipAbove)
	gzipAbove = 10
	s, _ := synthSite(t, 40, 3)
	reg := s.reg
	out := &files{m: renderAll(t, s)}
	page := string(out.m["data/index.html"])
	for _, f := range []struct {
		name string
		make func(*register.Register) ([]byte, error)
	}{{export.JSONFile, export.JSON}, {export.PeopleFile, export.PeopleCSV}, {export.EventsFile, export.EventsCSV}} {
		if _, ok := out.m["data/"+f.name]; ok {
			t.Errorf("data/%s is published uncompressed too", f.name)
		}
		gz, ok := out.m["data/"+f.name+".gz"]
		if !ok {
			t.Errorf("no data/%s.gz", f.name)
			continue
		}
		r, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := f.make(reg)
		if !bytes.Equal(got, want) {
			t.Errorf("data/%s.gz does not unpack to the export", f.name)
		}
		for _, marker := range []string{synth.InternalMarker, synth.DraftMarker} {
			if bytes.Contains(got, []byte(marker)) {
				t.Errorf("data/%s.gz holds %s", f.name, marker)
			}
		}
		if !strings.Contains(page, `href="../data/`+f.name+`.gz"`) {
			t.Errorf("the data page does not link to %s.gz", f.name)
		}
	}
}
