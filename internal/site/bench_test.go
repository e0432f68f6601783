package site_test

import (
	"fmt"
	"os"
	"testing"
	"testing/fstest"
	"time"

	"github.com/tizim/tizim"
	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
	"github.com/tizim/tizim/internal/site"
)

// syntheticSite makes a register of n people in the content format, to
// measure how load and render grow (a fuller generator comes with the
// scale work).
func syntheticSite(n int) fstest.MapFS {
	fsys := fstest.MapFS{
		"content/site.yaml":      {Data: []byte("title: Bench\nbase_url: https://example.org/b/\n")},
		"content/sources/s.yaml": {Data: []byte("- id: s1\n  title: One\n- id: s2\n  title: Two\n")},
	}
	for i := range n {
		fsys[fmt.Sprintf("content/people/p-%06d/case.yaml", i)] = &fstest.MapFile{Data: fmt.Appendf(nil, `name: Person %06d
region: Region %d
groups: [Group %d]
charges: [{text: charge %d}]
events:
  - {date: 2019-0%d, type: detained, text: Detained after a protest., sources: [s1]}
  - {date: 2020-0%d~, type: sentenced, text: Sentenced., sentence: {kind: prison, term: %dy}, court: Court %d, sources: [s1, s2]}
  - {date: 2020-11-1%d, type: recognized, by: Group, text: Recognized., sources: [s2]}
  - {date: 202%d, type: released, text: Released., sources: [s2]}
`, i, i%17, i%23, i%5, 1+i%9, 1+i%9, 1+i%10, i%31, i%10, 1+i%5)}
		fsys[fmt.Sprintf("content/people/p-%06d/profile.md", i)] = &fstest.MapFile{Data: []byte("A profile with **bold** text and [a link](https://example.org).\n\nA second paragraph.\n")}
	}
	return fsys
}

type discard struct{}

func (discard) Write(string, []byte) error { return nil }

func benchmarkBuild(b *testing.B, n int) {
	// On disk, not in a MapFS, whose Open scans every file and would make
	// the benchmark itself quadratic.
	dir := b.TempDir()
	if err := os.CopyFS(dir, syntheticSite(n)); err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(dir)
	theme := site.Overlay(fsys, tizim.Theme)
	b.ResetTimer()
	for b.Loop() {
		c, err := content.Load(fsys)
		if err != nil {
			b.Fatal(err)
		}
		s, err := site.New(register.New(c, time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)), fsys, theme)
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Render(discard{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBuild1k(b *testing.B)  { benchmarkBuild(b, 1000) }
func BenchmarkBuild10k(b *testing.B) { benchmarkBuild(b, 10000) }
