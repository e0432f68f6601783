package build

import (
	"bytes"
	"os"
	"path/filepath"
	"sync/atomic"
)

// DirWriter writes site files under a folder. It is safe for concurrent use
// with distinct paths.
//
// With Prev set to the previous build's folder, a file whose bytes are
// the same as there is linked to the previous file instead of written:
// it keeps its modification time, so a rebuild of unchanged content
// changes no file, and deploys and mirrors (rsync) copy only what changed.
type DirWriter struct {
	Dir  string
	Prev string

	files, kept atomic.Int64
}

// Write writes data to the slash-separated path p under the folder.
func (w *DirWriter) Write(p string, data []byte) error {
	name := filepath.Join(w.Dir, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	w.files.Add(1)
	if w.Prev != "" {
		prev := filepath.Join(w.Prev, filepath.FromSlash(p))
		if same(prev, data) && os.Link(prev, name) == nil {
			w.kept.Add(1)
			return nil
		}
	}
	return os.WriteFile(name, data, 0o644)
}

// same reports whether the file at name holds exactly data.
func same(name string, data []byte) bool {
	st, err := os.Lstat(name)
	if err != nil || !st.Mode().IsRegular() || st.Size() != int64(len(data)) {
		return false
	}
	old, err := os.ReadFile(name)
	return err == nil && bytes.Equal(old, data)
}
