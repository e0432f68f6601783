package content_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/testkit/testsite"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/errors/*.txtar")

// fixture returns testdata/base.txtar with the files of name laid over it.
func fixture(t *testing.T, name string) (*testsite.Archive, map[string][]byte) {
	t.Helper()
	baseData, err := os.ReadFile("testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	files := make(map[string][]byte)
	for _, f := range testsite.Parse(baseData).Files {
		files[f.Name] = f.Data
	}
	a := testsite.Parse(data)
	for _, f := range a.Files {
		if f.Name != "want" {
			files[f.Name] = f.Data
		}
	}
	return a, files
}

func loadFiles(files map[string][]byte) (*content.Content, error) {
	a := &testsite.Archive{}
	for name, data := range files {
		a.Set(name, data)
	}
	return content.Load(a.FS(""))
}

// TestErrors loads each fixture of testdata/errors and compares the whole
// error report with its want section (go test -update rewrites them).
func TestErrors(t *testing.T) {
	paths, _ := filepath.Glob("testdata/errors/*.txtar")
	// The hostile corpus: input meant to run code, leak files or exhaust
	// the build, which must each get a clear error.
	hostile, _ := filepath.Glob("../../testdata/hostile/errors/*.txtar")
	paths = append(paths, hostile...)
	if len(paths) == 0 {
		t.Fatal("no fixtures")
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			a, files := fixture(t, path)
			_, err := loadFiles(files)
			var list content.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("Load: got %v, want an ErrorList", err)
			}
			got := []byte(err.Error() + "\n")
			if *update {
				a.Set("want", got)
				if err := os.WriteFile(path, testsite.Format(a), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := a.Get("want"); !bytes.Equal(got, want) {
				t.Errorf("errors differ (go test -update rewrites them)\ngot:\n%s\nwant:\n%s", got, want)
			}
			for _, e := range list {
				if e.Path == "" || e.Msg == "" {
					t.Errorf("error without path or message: %#v", e)
				}
			}
		})
	}
}

// TestBase checks that the base fixture loads and keeps what it says.
func TestBase(t *testing.T) {
	_, files := fixture(t, "testdata/base.txtar")
	c, err := loadFiles(files)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Site.Languages; len(got) != 2 || got[0] != "en" {
		t.Errorf("languages = %v", got)
	}
	if len(c.Site.CurrentStatuses) != 3 {
		t.Errorf("default current statuses = %v", c.Site.CurrentStatuses)
	}
	if len(c.People) != 1 || c.People[0].Slug != "ok-person" {
		t.Fatalf("people = %v", c.People)
	}
	e := c.People[0].Events[0]
	if e.Date.String() != "2020-07~" || e.Sentence.Kind != content.Prison || e.Sentence.Term.String() != "1y" || e.Line != 3 {
		t.Errorf("event = %+v, sentence %+v", e, e.Sentence)
	}
	if s := c.Source("src-b"); s == nil || s.Title != "[Second report]" || s.URL != "" {
		t.Errorf("source src-b = %+v", s)
	}
	if len(c.Pages) != 1 || c.Pages[0].Title != "About" || c.Pages[0].Menu != 1 || c.Pages[0].Body.Line != 5 {
		t.Errorf("pages = %+v", c.Pages[0])
	}
}

// TestInternalDropped checks that internal notes never reach the model.
func TestInternalDropped(t *testing.T) {
	_, files := fixture(t, "testdata/base.txtar")
	files["content/people/ok-person/case.yaml"] = []byte(`name: Ok Person
internal:
  notes: SECRET-MARKER lawyer's phone
events:
  - date: 2020
    type: detained
    text: Detained.
    sources: [src-a]
    internal: {lead: SECRET-MARKER}
`)
	c, err := loadFiles(files)
	if err != nil {
		t.Fatal(err)
	}
	if s := strings.Join([]string{c.People[0].Name, c.People[0].Events[0].Text.Default}, " "); strings.Contains(s, "SECRET") {
		t.Errorf("internal notes leaked: %s", s)
	}
}

// TestRealContent loads the shipped register: it must have no errors.
func TestRealContent(t *testing.T) {
	c, err := content.Load(os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.People) < 13 {
		t.Errorf("only %d people in content/", len(c.People))
	}
}

// TestNamesInOtherLanguages: names may be given in any language or script,
// not only the site's (a Kazakh name on an English-Russian site), while a
// key that is no language code stays an error.
func TestNamesInOtherLanguages(t *testing.T) {
	_, files := fixture(t, "testdata/base.txtar")
	person := func(names string) {
		files["content/people/ok-person/case.yaml"] = []byte("name: Ok Person\nnames: " + names + `
events:
  - date: 2020
    type: detained
    text: Detained.
    sources: [src-a]
`)
	}
	person("{ru: Ок Персон, kk: Ок Пэрсон}")
	c, err := loadFiles(files)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.People[0].Names["kk"]; got != "Ок Пэрсон" {
		t.Errorf("names.kk = %q", got)
	}
	person("{Kazakh: Ок Пэрсон}")
	if _, err := loadFiles(files); err == nil || !strings.Contains(err.Error(), `names: "Kazakh" is not a language code`) {
		t.Errorf("a key that is no language code: %v", err)
	}
}
