//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package content

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
)

// listed returns fsys for reading the files and folders inside the
// people's folders, which the loader reads only after listing the folder
// they are in and finding them plain, as it found every folder above them
// (checkPlain, then the listing of each folder). For [Files] that means
// one step instead of checking every element of the path again, which
// cost more system calls than reading the file (at 10,000 people, 15
// per person): the last element is opened without following a link
// (O_NOFOLLOW), and a file that is not a plain file is refused, as
// [Files] refuses them. Any other fsys is returned as it is.
func listed(fsys fs.FS) fs.FS {
	if root, ok := fsys.(plainFS); ok {
		return listedFS{root}
	}
	return fsys
}

type listedFS struct{ plainFS }

func (l listedFS) open(op, name string, flag int) (*os.File, error) {
	if !fs.ValidPath(name) || name == "." {
		return nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	f, err := os.OpenFile(filepath.Join(string(l.plainFS), filepath.FromSlash(name)), os.O_RDONLY|syscall.O_NOFOLLOW|flag, 0)
	if err != nil {
		err = unwrapPath(err)
		switch {
		case errors.Is(err, syscall.ELOOP):
			err = ErrLink
		case errors.Is(err, syscall.ENOTDIR) && flag&syscall.O_DIRECTORY != 0:
			err = errors.New("not a folder")
		}
		return nil, &fs.PathError{Op: op, Path: name, Err: err}
	}
	return f, nil
}

// Open opens a file of a listed folder. O_NONBLOCK keeps a named pipe put
// in the file's place since the listing from blocking the open; Stat then
// refuses it.
func (l listedFS) Open(name string) (fs.File, error) {
	f, err := l.open("open", name, syscall.O_NONBLOCK)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err == nil {
		err = plainMode(st.Mode())
	}
	if err != nil {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: unwrapPath(err)}
	}
	return statFile{f, st}, nil
}

// statFile is an open file that knows its Stat: readLimited asks for it,
// to read the file in one step.
type statFile struct {
	*os.File
	st fs.FileInfo
}

func (f statFile) Stat() (fs.FileInfo, error) { return f.st, nil }

// ReadDir lists a listed folder, sorted by name as [os.ReadDir] sorts.
func (l listedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	f, err := l.open("readdir", name, syscall.O_DIRECTORY)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	entries, err := f.ReadDir(-1)
	if err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: unwrapPath(err)}
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, nil
}
