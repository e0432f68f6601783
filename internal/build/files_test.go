package build

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tizim/tizim/internal/content"
)

// TestNotPlainFiles puts a symbolic link, and a FIFO, into each folder
// tizim reads. A link could publish any file of the building computer
// (/proc/self/environ, or .git/config with a runner's token); a FIFO
// would hang the build. Check and Build must refuse each with an error
// that names the path and shows nothing of what the link points at, and
// a refused build must leave the previous site as it was.
func TestNotPlainFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links and FIFOs")
	}
	site := t.TempDir()
	if err := os.CopyFS(filepath.Join(site, "content"), os.DirFS(filepath.Join(root, "content"))); err != nil {
		t.Fatal(err)
	}
	// A secret inside the repository, as .git/config is.
	secretDir := filepath.Join(site, ".git")
	os.MkdirAll(secretDir, 0o755)
	secret := filepath.Join(secretDir, "config")
	os.WriteFile(secret, []byte("extraheader = AUTHORIZATION: basic SECRET-TOKEN\n"), 0o644)

	out := filepath.Join(site, "public")
	if _, err := Build(Options{Root: site, Out: out, AsOf: day}); err != nil {
		t.Fatal(err)
	}
	before := tree(t, out)

	const (
		link = "link"
		fifo = "fifo"
	)
	tests := []struct {
		path string // the entry made, relative to the site
		kind string
		want string // the path the error names, when not path
	}{
		{"static/env.txt", link, ""},
		{"static/about.txt", link, ""},
		{"static/css", link, ""}, // a folder
		{"static/style.css", link, ""},
		{"templates/base.html", link, ""},
		{"templates/person.html", link, ""},
		{"i18n/en.yaml", link, ""},
		{"i18n/ru.yaml", link, ""},
		{"schema/case.schema.json", link, ""},
		{"static", link, ""},
		{"templates", link, ""},
		{"i18n", link, ""},
		{"content/site.yaml", link, ""},
		{"content/sources/more.yaml", link, ""},
		{"content/people/aron-atabek/profile.md", link, ""},
		{"content/people/aron-atabek/photo.jpg", link, ""},
		{"static/pipe.txt", fifo, ""},
		{"templates/base.html", fifo, ""},
		{"i18n/en.yaml", fifo, ""},
		{"schema/case.schema.json", fifo, ""},
		{"content/site.yaml", fifo, ""},
		{"content/sources/more.yaml", fifo, ""},
		{"content/pages/more.md", fifo, ""},
		{"content/people/aron-atabek/profile.ru.md", fifo, ""},
		{"content/people/new-person", fifo, ""},
	}
	for _, tt := range tests {
		t.Run(tt.kind+" "+tt.path, func(t *testing.T) {
			p := filepath.Join(site, filepath.FromSlash(tt.path))
			saved := p + ".saved"
			if err := os.Rename(p, saved); err == nil {
				defer os.Rename(saved, p)
			} else if !errors.Is(err, os.ErrNotExist) {
				t.Fatal(err)
			}
			os.MkdirAll(filepath.Dir(p), 0o755)
			defer os.Remove(p)
			var err error
			if tt.kind == link {
				target := secret
				if strings.HasSuffix(tt.path, "/css") || !strings.Contains(filepath.Base(tt.path), ".") {
					target = secretDir // a folder
				}
				err = os.Symlink(target, p)
			} else {
				err = syscall.Mkfifo(p, 0o644)
			}
			if err != nil {
				t.Fatal(err)
			}
			want := tt.path + ": this is "
			for _, run := range []struct {
				name string
				f    func() error
			}{
				{"check", func() error { _, _, err := Check(site, day); return err }},
				{"build", func() error { _, err := Build(Options{Root: site, Out: out, AsOf: day}); return err }},
			} {
				err := within(t, 20*time.Second, run.f)
				var list content.ErrorList
				if !errors.As(err, &list) {
					t.Fatalf("%s: got %v, want a list of content errors", run.name, err)
				}
				if !strings.Contains(err.Error(), want) {
					t.Errorf("%s: no error names %s; got:\n%v", run.name, tt.path, err)
				}
				if strings.Contains(err.Error(), "SECRET") {
					t.Errorf("%s: an error shows the linked file's content:\n%v", run.name, err)
				}
			}
			if got := tree(t, out); got != before {
				t.Error("a refused build changed the previous site")
			}
		})
	}
}

// within runs f and fails the test if it takes longer than d: a FIFO
// read would block forever.
func within(t *testing.T, d time.Duration, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		t.Fatalf("still running after %v: a read blocks", d)
		return nil
	}
}

// TestFilesRefusesLinks reads through [content.Files] directly, as every
// reader of the site folder does: no path through a link opens, at any
// step, and the link's target is never read.
func TestFilesRefusesLinks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links")
	}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "static", "real"), 0o755)
	os.WriteFile(filepath.Join(dir, "static", "real", "ok.txt"), []byte("ok"), 0o644)
	os.Symlink("real", filepath.Join(dir, "static", "linked"))
	os.Symlink("real/ok.txt", filepath.Join(dir, "static", "file.txt"))
	fsys := content.Files(dir)
	if data, err := fsReadFile(fsys, "static/real/ok.txt"); err != nil || data != "ok" {
		t.Fatalf("a plain file: %q, %v", data, err)
	}
	for _, p := range []string{"static/linked/ok.txt", "static/linked", "static/file.txt"} {
		_, err := fsReadFile(fsys, p)
		if !errors.Is(err, content.ErrLink) {
			t.Errorf("%s: got %v, want %v", p, err, content.ErrLink)
		}
	}
}

// fsReadFile reads name both ways a reader may (ReadFile, and Open then
// read), and fails unless both agree.
func fsReadFile(fsys fs.FS, name string) (string, error) {
	data, err := fs.ReadFile(fsys, name)
	f, err2 := fsys.Open(name)
	if err2 == nil {
		defer f.Close()
		var b []byte
		b, err2 = io.ReadAll(f)
		if err2 == nil && string(b) != string(data) {
			return "", fmt.Errorf("ReadFile gave %q, Open %q", data, b)
		}
	}
	if (err == nil) != (err2 == nil) {
		return "", fmt.Errorf("ReadFile: %v; Open: %v", err, err2)
	}
	return string(data), err
}
