//go:build unix

package serve

import (
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tizim/tizim/internal/testkit/synth"
)

// BenchmarkRebuild10k measures the preview's rebuild alone, without the
// watcher's debounce or the browser's request: one person's case file is
// renamed and the site made again, on a synthetic register of 10,000
// people. Its CPU profile shows only what the rebuild does.
//
//	go test ./internal/serve -run x -bench Rebuild10k -benchtime 50x -cpuprofile /tmp/rebuild.prof
func BenchmarkRebuild10k(b *testing.B) {
	root, slug, file, name := synth10k(b)
	rel := "content/people/" + slug + "/case.yaml"
	rebuild := Build(root, synth.AsOf)
	if _, err := rebuild(nil); err != nil {
		b.Fatal(err)
	}
	cpu0 := cpuTime()
	for i := 0; b.Loop(); i++ {
		next := name + " " + strconv.Itoa(i)
		b.StopTimer()
		edit(b, file, "name: "+name+"\n", "name: "+next+"\n")
		name = next
		b.StartTimer()
		snap, err := rebuild([]string{rel})
		if err != nil {
			b.Fatal(err)
		}
		page, ok, err := snap.Files.Get("people/" + slug + "/index.html")
		if err != nil || !ok || !strings.Contains(string(page), next) {
			b.Fatalf("the page does not show the edit (%v)", err)
		}
	}
	// The machine may be busy with other work: the process's CPU time
	// (the collector's included) is steadier than the wall time.
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/1e6, "cpu-ms/op")
}

// cpuTime returns the user and system time the process has used so far.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
