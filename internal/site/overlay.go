package site

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
)

// Overlay returns a file system in which each file of upper hides the file
// of the same name in lower, so a site can replace one template or
// stylesheet of the embedded default theme and keep the rest. Directories
// list the union of both.
func Overlay(upper, lower fs.FS) fs.FS { return overlay{upper, lower} }

type overlay struct{ upper, lower fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	st, err := fs.Stat(o.upper, name)
	if err == nil && !st.IsDir() {
		return o.upper.Open(name)
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		// The site's file exists but cannot be used (a link, say): the
		// default must not silently take its place.
		return nil, err
	}
	if st, err := fs.Stat(o.lower, name); err == nil && !st.IsDir() {
		return o.lower.Open(name)
	}
	// A directory (or nothing): open whichever has it; ReadDir merges.
	if f, err := o.upper.Open(name); err == nil {
		return f, nil
	}
	return o.lower.Open(name)
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	up, errUp := fs.ReadDir(o.upper, name)
	low, errLow := fs.ReadDir(o.lower, name)
	if errUp != nil && errLow != nil {
		if errors.Is(errUp, fs.ErrNotExist) {
			return nil, errLow
		}
		return nil, errUp
	}
	seen := make(map[string]bool)
	var out []fs.DirEntry
	for _, e := range append(up, low...) {
		if !seen[e.Name()] {
			seen[e.Name()] = true
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

// layers returns the file systems that make up fsys, lowest first, so
// that i18n files can be merged key by key instead of hidden whole.
func layers(fsys fs.FS) []fs.FS {
	if o, ok := fsys.(overlay); ok {
		return append(layers(o.lower), layers(o.upper)...)
	}
	return []fs.FS{fsys}
}
