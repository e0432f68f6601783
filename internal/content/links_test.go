package content_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/testkit/testsite"
)

// TestSymlinks puts symbolic links into content/ that point outside it:
// os.DirFS would follow them and publish whatever they name, so each is
// refused.
func TestSymlinks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	root := t.TempDir()
	base, err := os.ReadFile("testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range testsite.Parse(base).Files {
		p := filepath.Join(root, filepath.FromSlash(f.Name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, f.Data, 0o644)
	}
	secret := filepath.Join(t.TempDir(), "secret")
	os.MkdirAll(secret, 0o755)
	os.WriteFile(filepath.Join(secret, "passwd"), []byte("SECRET"), 0o644)
	os.WriteFile(filepath.Join(secret, "case.yaml"), []byte("name: Secret\nevents:\n  - {date: 2020, type: other, text: x, sources: [src-a]}\n"), 0o644)
	links := map[string]string{
		"content/people/ok-person/profile.md": filepath.Join(secret, "passwd"),
		"content/people/linked":               secret,
		"content/sources/more.yaml":           filepath.Join(secret, "passwd"),
		"content/pages/leak.md":               filepath.Join(secret, "passwd"),
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	_, err = content.Load(os.DirFS(root))
	if err == nil {
		t.Fatal("content with symbolic links loaded without error")
	}
	for name := range links {
		want := name + ": this is a symbolic link"
		if !strings.Contains(err.Error(), want) {
			t.Errorf("no error for %s; got:\n%v", name, err)
		}
	}
	if strings.Contains(err.Error(), "SECRET") {
		t.Error("an error message shows the linked file's content")
	}

	// The content folder itself a link.
	root2 := t.TempDir()
	if err := os.Symlink(filepath.Join(root, "content"), filepath.Join(root2, "content")); err != nil {
		t.Fatal(err)
	}
	if _, err := content.Load(os.DirFS(root2)); err == nil || !strings.Contains(err.Error(), "content: this is a symbolic link") {
		t.Errorf("content/ as a link: got %v", err)
	}
}
