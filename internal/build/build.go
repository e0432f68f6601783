// Package build runs the pipeline from a site folder to a published output
// folder: load and validate content, derive the register, render, and swap
// the result in only when everything succeeded.
package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/tizim/tizim"
	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
	"github.com/tizim/tizim/internal/site"
)

// Options says what to build.
type Options struct {
	Root string    // the site folder holding content/ (and optionally templates/, static/)
	Out  string    // the output folder, replaced as a whole on success
	AsOf time.Time // the site's date
}

// Stats describes a finished build.
type Stats struct {
	People, Current, Files int
}

// Load reads and validates the site at root and derives its register.
func Load(root string, asOf time.Time) (*register.Register, fs.FS, error) {
	files := os.DirFS(root)
	c, err := content.Load(files)
	if err != nil {
		return nil, nil, err
	}
	return register.New(c, asOf), files, nil
}

// Check does everything Build does except write: it loads the content,
// the interface text and the templates, and renders every page into
// nothing, so that a template or translation error shows before a build.
func Check(root string, asOf time.Time) (*register.Register, error) {
	reg, files, err := Load(root, asOf)
	if err != nil {
		return nil, err
	}
	s, err := site.New(reg, files, Theme(files))
	if err != nil {
		return nil, err
	}
	return reg, s.Render(discard{})
}

type discard struct{}

func (discard) Write(string, []byte) error { return nil }

// Theme returns the site's theme: its own templates/ and static/ over the
// embedded defaults.
func Theme(files fs.FS) fs.FS { return site.Overlay(files, tizim.Theme) }

// Build renders the site into a temporary folder beside opts.Out and then
// puts it in place of opts.Out. On any error opts.Out is left as it was.
func Build(opts Options) (Stats, error) {
	reg, files, err := Load(opts.Root, opts.AsOf)
	if err != nil {
		return Stats{}, err
	}
	s, err := site.New(reg, files, Theme(files))
	if err != nil {
		return Stats{}, err
	}
	out, err := filepath.Abs(opts.Out)
	if err != nil {
		return Stats{}, err
	}
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return Stats{}, fmt.Errorf("cannot create %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".new-")
	if err != nil {
		return Stats{}, fmt.Errorf("cannot write beside %s: %w", out, err)
	}
	w := &DirWriter{Dir: tmp}
	if err := s.Render(w); err != nil {
		os.RemoveAll(tmp)
		return Stats{}, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return Stats{}, err
	}
	if err := swap(tmp, out); err != nil {
		os.RemoveAll(tmp)
		return Stats{}, err
	}
	return Stats{People: len(reg.People), Current: len(reg.Current), Files: int(w.files.Load())}, nil
}

// swap moves the new folder into place, keeping the old one until the new
// one is there, so that a failure leaves one complete site.
func swap(tmp, out string) error {
	old := out + ".old-" + strconv.Itoa(os.Getpid())
	if _, err := os.Stat(out); err == nil {
		if err := os.Rename(out, old); err != nil {
			return fmt.Errorf("cannot replace %s: %w", out, err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		os.Rename(old, out) // put the previous site back
		return fmt.Errorf("cannot move the new site into %s: %w", out, err)
	}
	return os.RemoveAll(old)
}
