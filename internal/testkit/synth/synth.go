// Package synth generates synthetic registers in the content format, for
// benchmarks and scale tests. It never ships in a site: only tests and the
// command in internal/synth/gen import it.
//
// A register of n people is a complete site folder:
//
//	content/site.yaml            three languages (en, ru, kk), a glossary of
//	                             regions, groups, tags, courts, facilities and
//	                             recognizers, and facilities with addresses
//	content/sources/*.yaml       400 sources in eight files, one per publisher
//	content/pages/*.md           about (en, ru) and methodology
//	content/people/<slug>/...    case.yaml for each person; profile.md for
//	                             most, profile.ru.md and profile.kk.md for
//	                             some, photo.jpg for 1%
//
// People have Latin, Russian and Kazakh names drawn from lists of common
// Kazakh and Russian names (slugs are made unique with -2, -3, ...),
// aliases, partial birth dates, gender, region, occupation, groups, tags,
// one to three charges and three to fifteen events: a plausible case from
// detention (or house arrest or a travel ban) through charges, trial,
// sentence, appeal and transfer to release, pardon, amnesty or a changed
// sentence, with hunger strikes and health reports along the way; most are
// recognized as political prisoners, some are later delisted, 1% die.
// Dates have day, month or year precision, some approximate (~) or
// uncertain (?). Texts are maps by language, with Kazakh for some.
//
// Privacy markers: every internal: note contains [InternalMarker] and the
// person's number, and every draft person (1%, numbers ending in 37) is
// named [DraftMarker] and its number. Neither may ever reach the output.
//
// Generation is deterministic: the same n and seed give byte-identical
// files. Person i depends only on the seed and i (and, for the slug's
// suffix, on the names of the people before it), so a register of n
// people is the first n people of a larger one.
package synth

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"testing/fstest"

	"github.com/tizim/tizim/internal/content"
	"golang.org/x/sync/errgroup"
)

// Write writes a register of n people into dir, which must not hold a
// content folder yet. Files are written in parallel; a register of 100,000
// people is about 250,000 files.
func Write(dir string, n int, seed uint64) error {
	if _, err := os.Stat(filepath.Join(dir, content.Dir)); err == nil {
		return fmt.Errorf("%s already holds a content folder; write into an empty folder", dir)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	var mu sync.Mutex
	made := make(map[string]bool) // folders already created
	return generate(n, seed, func(name string, data []byte) error {
		p := filepath.Join(dir, filepath.FromSlash(name))
		d := filepath.Dir(p)
		mu.Lock()
		ok := made[d]
		mu.Unlock()
		if !ok {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			mu.Lock()
			made[d] = true
			mu.Unlock()
		}
		return os.WriteFile(p, data, 0o644)
	})
}

// FS returns a register of n people in memory. fstest.MapFS looks files
// up by scanning all of them, so use it for small registers; benchmarks
// should Write to disk.
func FS(n int, seed uint64) fstest.MapFS {
	fsys := make(fstest.MapFS)
	var mu sync.Mutex
	err := generate(n, seed, func(name string, data []byte) error {
		mu.Lock()
		fsys[name] = &fstest.MapFile{Data: data, Mode: 0o644}
		mu.Unlock()
		return nil
	})
	if err != nil {
		panic(err) // emitting into a map cannot fail
	}
	return fsys
}

type generator struct {
	world *world
}

// generate makes every file of the register and hands it to emit, which
// is called from several goroutines at once.
func generate(n int, seed uint64, emit func(name string, data []byte) error) error {
	if n < 0 {
		return fmt.Errorf("synth: n must not be negative, not %d", n)
	}
	g := &generator{world: newWorld(seed)}
	if err := emit(path.Join(content.Dir, "site.yaml"), g.world.siteYAML()); err != nil {
		return err
	}
	for name, data := range g.world.sourceFiles() {
		if err := emit(name, data); err != nil {
			return err
		}
	}
	for name, data := range pages {
		if err := emit(name, []byte(data)); err != nil {
			return err
		}
	}

	// Slugs first, in order, so that the first person with a name gets the
	// plain slug and later ones -2, -3, ...
	slugs := make([]string, n)
	count := make(map[string]int)
	for i := range n {
		id := drawIdentity(rng(seed, i), i)
		base := content.Slug(id.name.en)
		count[base]++
		slugs[i] = base
		if c := count[base]; c > 1 {
			slugs[i] = base + "-" + strconv.Itoa(c)
		}
	}

	// Then the people, in parallel: each from its own random source.
	var eg errgroup.Group
	eg.SetLimit(runtime.GOMAXPROCS(0))
	for i := range n {
		eg.Go(func() error {
			r := rng(seed, i)
			id := drawIdentity(r, i)
			for name, data := range g.person(r, i, id) {
				if err := emit(path.Join(content.Dir, "people", slugs[i], name), data); err != nil {
					return err
				}
			}
			return nil
		})
	}
	return eg.Wait()
}
