// Package txtar reads the txtar archives that tests use as fixture sites:
// a comment, then files each introduced by a line "-- name --", as in
// golang.org/x/tools/txtar and Hugo's test sites.
package txtar

import (
	"bytes"
	"strings"
	"testing/fstest"
)

// File is one file of an archive.
type File struct {
	Name string
	Data []byte
}

// Archive is a parsed txtar archive.
type Archive struct {
	Comment []byte
	Files   []File
}

// Parse parses an archive. Text before the first file marker is the comment.
func Parse(data []byte) *Archive {
	a := &Archive{}
	var cur *File
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i+1], data[i+1:]
		} else {
			data = nil
		}
		if name, ok := marker(line); ok {
			a.Files = append(a.Files, File{Name: name})
			cur = &a.Files[len(a.Files)-1]
			continue
		}
		if cur == nil {
			a.Comment = append(a.Comment, line...)
		} else {
			cur.Data = append(cur.Data, line...)
		}
	}
	return a
}

func marker(line []byte) (string, bool) {
	s := strings.TrimRight(string(line), "\r\n")
	if !strings.HasPrefix(s, "-- ") || !strings.HasSuffix(s, " --") || len(s) < 7 {
		return "", false
	}
	return strings.TrimSpace(s[3 : len(s)-3]), true
}

// Format writes an archive back out, for tests that update fixtures.
func Format(a *Archive) []byte {
	var b bytes.Buffer
	b.Write(a.Comment)
	for _, f := range a.Files {
		b.WriteString("-- " + f.Name + " --\n")
		b.Write(f.Data)
		if len(f.Data) > 0 && f.Data[len(f.Data)-1] != '\n' {
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

// FS returns the archive's files whose names do not start with skip as an
// in-memory file system.
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
	a.Files = append(a.Files, File{Name: name, Data: data})
}
