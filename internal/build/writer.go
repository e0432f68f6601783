package build

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
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
	bytes       atomic.Int64 // of every file, written or kept
	dirs        sync.Map     // folders made or found that hold more than one file or folder, see mkdir
}

// mkdir makes the folder dir and its parents, like os.MkdirAll, but asks
// the system only about folders it has not made or seen yet: MkdirAll
// checks every parent with a stat first, and a build makes a folder per
// page, tens of thousands of them, where those calls showed in profiles.
//
// file says dir is to hold a file. A folder made for a file is not noted:
// most hold a page's index.html alone, and the names of every page's
// folder were 15 of 430 MB of the live heap at 30,000 people. A second
// file in it (a person's photo) costs a second system call, and notes it.
func (w *DirWriter) mkdir(dir string, file bool) error {
	if _, ok := w.dirs.Load(dir); ok {
		return nil
	}
	err := os.Mkdir(dir, 0o755)
	if errors.Is(err, fs.ErrNotExist) {
		if err = w.mkdir(filepath.Dir(dir), false); err == nil {
			err = os.Mkdir(dir, 0o755)
		}
	}
	if err == nil && file {
		return nil
	}
	if errors.Is(err, fs.ErrExist) {
		if st, serr := os.Stat(dir); serr != nil || !st.IsDir() {
			return err // a file where the folder should be
		}
		err = nil
	}
	if err == nil {
		w.dirs.Store(dir, true)
	}
	return err
}

// Write writes data to the slash-separated path p under the folder.
func (w *DirWriter) Write(p string, data []byte) error {
	name := filepath.Join(w.Dir, filepath.FromSlash(p))
	if err := w.mkdir(filepath.Dir(name), true); err != nil {
		return err
	}
	w.files.Add(1)
	w.bytes.Add(int64(len(data)))
	if w.Prev != "" {
		prev := filepath.Join(w.Prev, filepath.FromSlash(p))
		if same(prev, data) && os.Link(prev, name) == nil {
			w.kept.Add(1)
			return nil
		}
	}
	return writeOut(name, data)
}

// Stream makes the file at the slash-separated path p from what write
// writes, without holding it in memory: the data files of a large
// register run to hundreds of megabytes. It is then compared with the
// previous build's file, as Write does, and linked to it if the same.
func (w *DirWriter) Stream(p string, write func(io.Writer) error) error {
	name := filepath.Join(w.Dir, filepath.FromSlash(p))
	if err := w.mkdir(filepath.Dir(name), true); err != nil {
		return err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	cw := &counter{w: f}
	b := bufio.NewWriterSize(cw, 1<<18)
	err = write(b)
	if err == nil {
		err = b.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
		return err
	}
	w.files.Add(1)
	w.bytes.Add(cw.n)
	if w.Prev != "" {
		prev := filepath.Join(w.Prev, filepath.FromSlash(p))
		if sameFiles(prev, name) && os.Remove(name) == nil {
			if err := os.Link(prev, name); err != nil {
				return err
			}
			w.kept.Add(1)
		}
	}
	return nil
}

// sameFiles reports whether the regular files a and b hold the same bytes,
// reading them a piece at a time.
func sameFiles(a, b string) bool {
	sa, err := os.Lstat(a)
	if err != nil || !sa.Mode().IsRegular() {
		return false
	}
	sb, err := os.Lstat(b)
	if err != nil || sb.Size() != sa.Size() {
		return false
	}
	fa, err := os.Open(a)
	if err != nil {
		return false
	}
	defer fa.Close()
	fb, err := os.Open(b)
	if err != nil {
		return false
	}
	defer fb.Close()
	ba, bb := make([]byte, 1<<18), make([]byte, 1<<18)
	for {
		na, ea := io.ReadFull(fa, ba)
		nb, eb := io.ReadFull(fb, bb)
		if na != nb || !bytes.Equal(ba[:na], bb[:nb]) {
			return false
		}
		if ea == io.EOF || ea == io.ErrUnexpectedEOF {
			return eb == ea
		}
		if ea != nil || eb != nil {
			return false
		}
	}
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

// counter counts the bytes written through it.
type counter struct {
	w io.Writer
	n int64
}

func (c *counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
