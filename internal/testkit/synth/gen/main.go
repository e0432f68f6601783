// Command gen writes a synthetic register for benchmarks and scale tests
// (see package synth):
//
//	go run ./internal/synth/gen -n 10000 -out /tmp/reg10k
//	tizim build --root /tmp/reg10k --as-of 2025-06-01
//
// The folder must not hold a content folder yet. The same -n and -seed
// always give the same files.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/tizim/tizim/internal/testkit/synth"
)

func main() {
	n := flag.Int("n", 1000, "the number of `people`")
	seed := flag.Uint64("seed", 1, "the random `seed`")
	out := flag.String("out", "", "the site `folder` to write content/ into (required)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 || *n < 0 {
		fmt.Fprintln(os.Stderr, "usage: gen -n PEOPLE [-seed N] -out DIR")
		flag.PrintDefaults()
		os.Exit(2)
	}
	start := time.Now()
	if err := synth.Write(*out, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d people to %s in %v (site date %s)\n", *n, *out, time.Since(start).Round(time.Millisecond), synth.AsOf.Format(time.DateOnly))
}
