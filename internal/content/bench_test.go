package content_test

import (
	"runtime"
	"testing"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/testkit/synth"
)

// BenchmarkLoadFiles10k measures loading and validating a synthetic
// register of 10,000 people (package synth) through [content.Files], as
// tizim check and build read it (the benchmarks of package site read
// through os.DirFS, which checks no path for links), and reports the heap
// the loaded content holds.
//
//	go test -run x -bench LoadFiles10k -benchtime 3x ./internal/content/
func BenchmarkLoadFiles10k(b *testing.B) {
	dir := b.TempDir()
	if err := synth.Write(dir, 10000, 1); err != nil {
		b.Fatal(err)
	}
	files := content.Files(dir)
	var c *content.Content
	for b.Loop() {
		var err error
		if c, err = content.Load(files); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "MiB-heap-after-load")
	runtime.KeepAlive(c)
}
