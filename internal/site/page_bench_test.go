package site

import (
	"os"
	"testing"

	"github.com/tizim/tizim"
	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
	"github.com/tizim/tizim/internal/testkit/synth"
)

// discard is a Writer that keeps nothing.
type discard struct{}

func (discard) Write(string, []byte) error { return nil }

// BenchmarkPersonPages renders the person pages of 200 synthetic people in
// every language, on one goroutine, without the rest of the site: they
// are most of a build's work, and a profile of them alone is easier to
// read than one of Render.
//
//	go test -run x -bench PersonPages -benchmem ./internal/site/
func BenchmarkPersonPages(b *testing.B) {
	dir := b.TempDir()
	if err := synth.Write(dir, 200, 1); err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(dir)
	pages := 0
	c, err := content.Load(fsys)
	if err != nil {
		b.Fatal(err)
	}
	reg := register.New(c, synth.AsOf)
	theme := Overlay(fsys, tizim.DefaultTheme)
	for b.Loop() {
		// A new Site each time, since it caches what pages share.
		s, err := New(reg, fsys, theme)
		if err != nil {
			b.Fatal(err)
		}
		var specs []pageSpec
		var langs []string
		for _, lang := range s.reg.Site.Languages {
			for _, ps := range s.pages(lang) {
				if ps.tmpl == "person.html" {
					specs = append(specs, ps)
					langs = append(langs, lang)
				}
			}
		}
		pages += len(specs)
		for i, ps := range specs {
			pg := s.newPage(langs[i], ps.rel)
			ps.fill(pg)
			if err := s.execute(discard{}, ps.tmpl, pg); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(pages), "ns/page")
}
