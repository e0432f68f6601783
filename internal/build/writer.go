package build

import (
	"os"
	"path/filepath"
	"sync/atomic"
)

// DirWriter writes site files under a folder. It is safe for concurrent use
// with distinct paths.
type DirWriter struct {
	Dir   string
	files atomic.Int64
}

// Write writes data to the slash-separated path p under the folder.
func (w *DirWriter) Write(p string, data []byte) error {
	name := filepath.Join(w.Dir, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	w.files.Add(1)
	return os.WriteFile(name, data, 0o644)
}
