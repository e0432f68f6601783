// Package testsite reads the txtar archives that tests use as fixture
// sites, as Hugo's tests do: a comment, then files each introduced by a
// line "-- name --" (golang.org/x/tools/txtar). It adds what the tests
// ask of an archive: a file by name, a changed file, and the files as a
// file system that a test can still change.
package testsite

import (
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

// Archive is a parsed txtar archive. Its zero value is an empty archive.
type Archive struct{ txtar.Archive }

// Parse parses an archive. Text before the first file marker is the
// comment.
func Parse(data []byte) *Archive { return &Archive{*txtar.Parse(data)} }

// Format writes an archive back out, for tests that update fixtures.
func Format(a *Archive) []byte { return txtar.Format(&a.Archive) }

// FS returns the archive's files whose names do not start with skip as an
// in-memory file system (txtar.FS gives one that cannot be changed).
func (a *Archive) FS(skip string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range a.Files {
		if skip != "" && strings.HasPrefix(f.Name, skip) {
			continue
		}
		fsys[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return fsys
}

// Get returns the data of the named file, or nil.
func (a *Archive) Get(name string) []byte {
	for _, f := range a.Files {
		if f.Name == name {
			return f.Data
		}
	}
	return nil
}

// Set replaces the named file's data, adding the file if needed.
func (a *Archive) Set(name string, data []byte) {
	for i := range a.Files {
		if a.Files[i].Name == name {
			a.Files[i].Data = data
			return
		}
	}
	a.Files = append(a.Files, txtar.File{Name: name, Data: data})
}

// Folder returns the files of the folder dir on disk as an in-memory file
// system, each under prefix (as "content" for a site's content folder),
// for tests that edit a copy of the shipped site without touching it.
func Folder(t testing.TB, dir, prefix string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path.Join(dir, p))
		m[path.Join(prefix, p)] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}
