package content

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// The folders of a site that tizim reads, beside .git and whatever else the
// repository holds. Everything in them is published or shapes what is.
var siteFolders = []string{Dir, "templates", "static", "i18n", "schema"}

// ErrLink and ErrSpecial are why [Files] refuses to open a path.
var (
	ErrLink    = errors.New("is a symbolic link, which tizim does not follow")
	ErrSpecial = errors.New("is neither a file nor a folder")
)

// Files returns the site folder root as tizim reads it: like os.DirFS, but
// a symbolic link or anything that is not a plain file or folder (a FIFO, a
// socket, a device) cannot be opened, at any step of a path. A link in a
// repository could otherwise publish any file of the computer that builds
// the site (/proc/self/environ, or .git/config, which holds the job's token
// on a GitHub runner), and a FIFO would hang the build.
//
// The loaders report such entries as content errors where they list a
// folder; Files is the floor under them, for every read that does not list
// first (templates, i18n, the overlay of the theme).
func Files(root string) fs.FS { return plainFS(root) }

type plainFS string

// check walks name from the root one element at a time and refuses a
// link or special file at any step. It returns the path on disk.
func (root plainFS) check(op, name string) (string, fs.FileInfo, error) {
	p, st, err := root.walk(op, name)
	if err == nil {
		if err := plainMode(st.Mode()); err != nil {
			return "", nil, &fs.PathError{Op: op, Path: name, Err: err}
		}
	}
	return p, st, err
}

// walk is check that lets the last element be anything: it returns that
// element's own information, as Lstat does.
func (root plainFS) walk(op, name string) (string, fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return "", nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	p := string(root)
	if name == "." || p == "" {
		st, err := os.Stat(p) // the root itself may be reached through a link
		if err != nil {
			return "", nil, &fs.PathError{Op: op, Path: name, Err: unwrapPath(err)}
		}
		if name == "." {
			return p, st, nil
		}
	}
	// Below the root, the first Lstat fails as a Stat of the root would
	// when the root is missing or not a folder.
	var st fs.FileInfo
	var err error
	elems := strings.Split(name, "/")
	for i, elem := range elems {
		p = filepath.Join(p, elem)
		st, err = os.Lstat(p)
		if err != nil {
			return "", nil, &fs.PathError{Op: op, Path: name, Err: unwrapPath(err)}
		}
		if i < len(elems)-1 {
			if err := plainMode(st.Mode()); err != nil {
				return "", nil, &fs.PathError{Op: op, Path: name, Err: err}
			}
		}
	}
	return p, st, nil
}

// plainMode returns why a file of this mode may not be read, or nil.
func plainMode(m fs.FileMode) error {
	switch {
	case m&fs.ModeSymlink != 0:
		return ErrLink
	case !m.IsRegular() && !m.IsDir():
		return ErrSpecial
	}
	return nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (root plainFS) Open(name string) (fs.File, error) {
	p, _, err := root.check("open", name)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: unwrapPath(err)}
	}
	return f, nil
}

func (root plainFS) Stat(name string) (fs.FileInfo, error) {
	_, st, err := root.check("stat", name)
	return st, err
}

// Lstat describes the entry at name itself, link or special file as it
// may be (its folders must be plain), so that callers can say what it is.
func (root plainFS) Lstat(name string) (fs.FileInfo, error) {
	_, st, err := root.walk("lstat", name)
	return st, err
}

// ReadLink refuses: Files follows no link.
func (root plainFS) ReadLink(name string) (string, error) {
	return "", &fs.PathError{Op: "readlink", Path: name, Err: ErrLink}
}

// ReadDir lists a folder. Its entries may be links or special files: the
// loaders name them in their errors, and opening one fails.
func (root plainFS) ReadDir(name string) ([]fs.DirEntry, error) {
	p, st, err := root.check("readdir", name)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a folder")}
	}
	entries, err := os.ReadDir(p)
	if err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: unwrapPath(err)}
	}
	return entries, nil
}

// ReadFile reads a file, as [fs.ReadFile] would, in fewer steps.
func (root plainFS) ReadFile(name string) ([]byte, error) {
	p, _, err := root.check("read", name)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: unwrapPath(err)}
	}
	return data, nil
}

// notPlain reports whether a folder entry is a symbolic link or anything
// else that is not a plain file or folder.
func notPlain(e fs.DirEntry) bool { return notPlainMode(e.Type()) }

func notPlainMode(m fs.FileMode) bool { return plainMode(m) != nil }

// notPlainError says why the entry at p cannot be used.
func notPlainError(p string, m fs.FileMode) *Error {
	if m&fs.ModeSymlink != 0 {
		return &Error{Path: p, Msg: "this is a symbolic link; tizim reads only files kept in the repository itself, since a link could publish any file of the computer that builds the site. Replace the link with a copy of the file"}
	}
	return &Error{Path: p, Msg: "this is not a plain file or folder (it is a " + specialKind(m) + "); tizim reads only files and folders. Remove it"}
}

func specialKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "device"
	}
	return "special file"
}

// checkFiles reports every symbolic link and special file in the folders
// of fsys that tizim reads and that no loader lists entry by entry:
// templates/, static/, i18n/ and schema/, and those folders and content/
// themselves when they are not folders. (The loaders of content/ report
// its entries as they meet them.) It reads no file.
func checkFiles(fsys fs.FS, errs *ErrorList) {
	for _, dir := range siteFolders {
		st, err := fs.Lstat(fsys, dir)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			*errs = append(*errs, &Error{Path: dir, Msg: "cannot read the folder: " + unwrapPath(err).Error()})
			continue
		case notPlainMode(st.Mode()):
			*errs = append(*errs, notPlainError(dir, st.Mode()))
			continue
		case !st.IsDir():
			*errs = append(*errs, &Error{Path: dir, Msg: "this should be a folder"})
			continue
		}
		if dir == Dir {
			continue // the loaders check content/ entry by entry
		}
		fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				*errs = append(*errs, &Error{Path: p, Msg: "cannot read the folder: " + unwrapPath(err).Error()})
				return nil
			}
			if notPlain(d) {
				*errs = append(*errs, notPlainError(p, d.Type()))
			}
			return nil
		})
	}
}
