package site_test

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/tizim/tizim"
	"github.com/tizim/tizim/internal/build"
	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
	"github.com/tizim/tizim/internal/site"
	"github.com/tizim/tizim/internal/testkit/synth"
)

// The benchmarks measure the stages of a build separately, on
// synthetic registers of 1,000 and 10,000 people (package synth):
//
//	go test -run x -bench . -benchtime 1x ./internal/site/
//
// Each register is generated once per run, on disk (an fstest.MapFS
// scans every file on each Open, which would make loading quadratic), and
// shared by the benchmarks of its size; TestMain removes it at the end.

// benchSite is one generated register and what the stages before the
// measured one made of it.
type benchSite struct {
	once  sync.Once
	dir   string
	files fs.FS
	c     *content.Content
	reg   *register.Register
	err   error
}

var (
	benchSites = map[int]*benchSite{1000: {}, 10000: {}}
	benchDirs  []string
	benchMu    sync.Mutex
)

func TestMain(m *testing.M) {
	code := m.Run()
	for _, dir := range benchDirs {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

// register returns the register of n people, generated, loaded and
// derived once.
func benchRegister(b *testing.B, n int) *benchSite {
	b.Helper()
	s := benchSites[n]
	s.once.Do(func() {
		s.dir, s.err = os.MkdirTemp("", fmt.Sprintf("tizim-bench-%d-", n))
		if s.err != nil {
			return
		}
		benchMu.Lock()
		benchDirs = append(benchDirs, s.dir)
		benchMu.Unlock()
		if s.err = synth.Write(s.dir, n, 1); s.err != nil {
			return
		}
		s.files = os.DirFS(s.dir)
		if s.c, s.err = content.Load(s.files); s.err != nil {
			return
		}
		s.reg = register.New(s.c, synth.AsOf)
	})
	if s.err != nil {
		b.Fatal(s.err)
	}
	return s
}

func benchmarkLoad(b *testing.B, n int) {
	s := benchRegister(b, n)
	for b.Loop() {
		if _, err := content.Load(s.files); err != nil {
			b.Fatal(err)
		}
	}
}

func benchmarkDerive(b *testing.B, n int) {
	s := benchRegister(b, n)
	for b.Loop() {
		register.New(s.c, synth.AsOf)
	}
}

// benchmarkNew measures what a build does between deriving the register
// and rendering the first page (interface text, templates, the change log,
// statistics, the orders of names): the live preview does it after every
// edit.
func benchmarkNew(b *testing.B, n int) {
	s := benchRegister(b, n)
	theme := site.Overlay(s.files, tizim.DefaultTheme)
	for b.Loop() {
		if _, err := site.New(s.reg, s.files, theme); err != nil {
			b.Fatal(err)
		}
	}
}

// counter is a Writer that keeps nothing and counts what it is given.
type counter struct{ files, bytes atomic.Int64 }

func (c *counter) Write(_ string, data []byte) error {
	c.files.Add(1)
	c.bytes.Add(int64(len(data)))
	return nil
}

func benchmarkRender(b *testing.B, n int) {
	s := benchRegister(b, n)
	theme := site.Overlay(s.files, tizim.DefaultTheme)
	var w counter
	ops := 0
	for b.Loop() {
		st, err := site.New(s.reg, s.files, theme)
		if err != nil {
			b.Fatal(err)
		}
		if err := st.Render(&w); err != nil {
			b.Fatal(err)
		}
		ops++
	}
	b.ReportMetric(float64(w.bytes.Load())/float64(ops), "bytes-written/op")
	b.ReportMetric(float64(w.files.Load())/float64(ops), "files-written/op")
}

func BenchmarkLoad1k(b *testing.B)    { benchmarkLoad(b, 1000) }
func BenchmarkLoad10k(b *testing.B)   { benchmarkLoad(b, 10000) }
func BenchmarkDerive1k(b *testing.B)  { benchmarkDerive(b, 1000) }
func BenchmarkDerive10k(b *testing.B) { benchmarkDerive(b, 10000) }
func BenchmarkNew1k(b *testing.B)     { benchmarkNew(b, 1000) }
func BenchmarkNew10k(b *testing.B)    { benchmarkNew(b, 10000) }
func BenchmarkRender1k(b *testing.B)  { benchmarkRender(b, 1000) }
func BenchmarkRender10k(b *testing.B) { benchmarkRender(b, 10000) }

// BenchmarkDecode10k is the floor under BenchmarkLoad10k: it only reads
// the case files and decodes them into yaml.Nodes, as the loader does
// first, on every core, and checks nothing. What Load takes beyond it is
// checking and building the content.
func BenchmarkDecode10k(b *testing.B) {
	s := benchRegister(b, 10000)
	var files []string
	err := fs.WalkDir(s.files, "content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && path.Ext(p) == ".yaml" {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		err := parallel(len(files), func(i int) error {
			data, err := fs.ReadFile(s.files, files[i])
			if err != nil {
				return err
			}
			var n yaml.Node
			return yaml.Unmarshal(data, &n)
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(files)), "files/op")
}

// BenchmarkWrite10k is the floor under a build's writing: the 10,000-person
// site, rendered once into memory, written into a new folder by the
// build's writer on every core, with nothing to render or compare.
func BenchmarkWrite10k(b *testing.B) {
	s := benchRegister(b, 10000)
	st, err := site.New(s.reg, s.files, site.Overlay(s.files, tizim.DefaultTheme))
	if err != nil {
		b.Fatal(err)
	}
	out := memory{files: map[string][]byte{}}
	if err := st.Render(&out); err != nil {
		b.Fatal(err)
	}
	paths := slices.Sorted(maps.Keys(out.files))
	dir := b.TempDir()
	for i := 0; b.Loop(); i++ {
		w := &build.DirWriter{Dir: filepath.Join(dir, strconv.Itoa(i))}
		err := parallel(len(paths), func(i int) error {
			return w.Write(paths[i], out.files[paths[i]])
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(paths)), "files/op")
}

// parallel calls f(0) ... f(n-1) on GOMAXPROCS goroutines, as a build
// spreads its work, and returns the first error.
func parallel(n int, f func(int) error) error {
	var next atomic.Int64
	errs := make([]error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for w := range errs {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				if err := f(i); err != nil {
					errs[w] = err
					return
				}
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}
