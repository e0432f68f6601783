package content_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/testkit/testsite"
)

// FuzzCaseFile loads arbitrary bytes as a case file: the loader must never
// panic, and must either accept the file or explain every problem with a
// path and a message, on a line of the file when it names one.
func FuzzCaseFile(f *testing.F) {
	paths, _ := filepath.Glob("testdata/errors/*.txtar")
	paths = append(paths, "testdata/base.txtar")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range testsite.Parse(data).Files {
			if filepath.Base(file.Name) == "case.yaml" {
				f.Add(file.Data)
			}
		}
	}
	baseData, err := os.ReadFile("testdata/base.txtar")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a := testsite.Parse(baseData)
		a.Set("content/people/fuzz/case.yaml", data)
		c, err := content.Load(a.FS(""))
		if err == nil {
			if len(c.People) != 2 {
				t.Fatalf("accepted, but %d people", len(c.People))
			}
			return
		}
		var list content.ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("error %v is not a non-empty ErrorList", err)
		}
		// yaml.v3 counts \r and the Unicode line breaks as line breaks too.
		lines := 1 + strings.Count(strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u0085", "\n", "\u2028", "\n", "\u2029", "\n").Replace(string(data)), "\n")
		for _, e := range list {
			if e.Path == "" || e.Msg == "" {
				t.Fatalf("error without path or message: %#v", e)
			}
			if e.Path == "content/people/fuzz/case.yaml" && (e.Line < 0 || e.Line > lines || e.Col < 0 || e.Line == 0 && e.Col != 0) {
				t.Fatalf("error at %d:%d, the file has %d lines: %v", e.Line, e.Col, lines, e)
			}
		}
	})
}
