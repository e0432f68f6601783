package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/i18n"
)

// watched are the folders of a site whose files make the site: its
// content and its own theme.
var watched = []string{content.Dir, "templates", "static", i18n.Dir}

// watcher reports changes under the watched folders of a site. Operating
// systems watch single folders, not trees, so it watches every folder
// under them, and each new one as it appears (a new person's folder). It
// also watches the site folder itself, for a watched folder that is
// created (or replaced) while the server runs.
type watcher struct {
	root string
	fs   *fsnotify.Watcher
	log  io.Writer
}

func newWatcher(root string, log io.Writer) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("cannot watch %s for changes: %w", root, err)
	}
	w := &watcher{root: root, fs: fw, log: log}
	if err := fw.Add(root); err != nil {
		fw.Close()
		return nil, fmt.Errorf("cannot watch %s for changes: %w", root, err)
	}
	for _, dir := range watched {
		w.addTree(filepath.Join(root, dir))
	}
	return w, nil
}

func (w *watcher) close() { w.fs.Close() }

// addTree watches dir and every folder under it. A folder that vanishes
// meanwhile is no error: whatever removed it caused its own event.
func (w *watcher) addTree(dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if err := w.fs.Add(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(w.log, "cannot watch %s: %v; edits there need a restart\n", p, err)
		}
		return nil
	})
}

// run calls rebuild once changes have stopped for delay, with the files
// that changed (nil when some changes were lost), until ctx is done.
func (w *watcher) run(ctx context.Context, delay time.Duration, rebuild func(changed []string)) {
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	changed := make(map[string]bool) // file -> created since the last rebuild
	lost := false
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if rel, ok := w.handle(ev); ok {
				if _, seen := changed[rel]; !seen {
					changed[rel] = ev.Has(fsnotify.Create)
				}
				timer.Reset(delay)
			}
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			// Most likely the system's queue overflowed: changes were
			// lost, so rebuild everything.
			fmt.Fprintf(w.log, "watching for changes: %v\n", err)
			lost = true
			timer.Reset(delay)
		case <-timer.C:
			var list []string // nil: rebuild everything
			if !lost {
				list = w.settled(changed)
				if len(list) == 0 {
					clear(changed)
					continue // only temporary files came and went
				}
			}
			clear(changed)
			lost = false
			rebuild(list)
		}
	}
}

// settled lists the changed files in order, leaving out those created
// and gone again since the last rebuild: the temporary files of editors'
// saves, which the build never saw. (A file that existed before and is
// gone was deleted, which is a change.)
func (w *watcher) settled(changed map[string]bool) []string {
	list := make([]string, 0, len(changed))
	for _, rel := range slices.Sorted(maps.Keys(changed)) {
		if changed[rel] {
			if _, err := os.Lstat(filepath.Join(w.root, filepath.FromSlash(rel))); err != nil {
				continue
			}
		}
		list = append(list, rel)
	}
	return list
}

// handle looks at one event: it starts watching a new folder and says
// whether the event concerns the site, and which file (slash-separated,
// relative to the site folder).
func (w *watcher) handle(ev fsnotify.Event) (string, bool) {
	// Attributes alone change nothing in the site, and some tools
	// (indexers, backup software) touch them all the time.
	if ev.Op == fsnotify.Chmod {
		return "", false
	}
	rel, err := filepath.Rel(w.root, ev.Name)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	top, _, _ := strings.Cut(rel, "/")
	if !slices.Contains(watched, top) {
		return "", false // e.g. public/ or .git/ beside content/
	}
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
			// Files may already be in it (mkdir -p, a folder moved in): the
			// rebuild this event causes reads them.
			w.addTree(ev.Name)
		}
	}
	return rel, true
}
