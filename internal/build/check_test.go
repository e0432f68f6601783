package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/tizim/tizim"
	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/site"
	"github.com/tizim/tizim/internal/testkit/synth"
)

// synthSite returns a synthetic register of 600 people (more than a list
// page shows, so that the lists are split into pages), written once.
var synthSite = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "tizim-check-")
	if err != nil {
		return "", err
	}
	return dir, synth.Write(dir, 600, 1)
})

func TestMain(m *testing.M) {
	code := m.Run()
	if dir, err := synthSite(); err == nil {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

// copyTree copies the site folder src into a new folder.
func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestCheckTemplateErrors breaks a template of each kind of page so that
// it fails on some pages only (those whose data takes the broken branch)
// or on every page, and requires check, which renders a few pages of each
// kind, to report it at the template's file, line and column. Where every
// page fails, the message is the one a build gives.
func TestCheckTemplateErrors(t *testing.T) {
	src, err := synthSite()
	if err != nil {
		t.Fatal(err)
	}
	base, err := fs.ReadFile(tizim.DefaultTheme, "templates/base.html")
	if err != nil {
		t.Fatal(err)
	}
	// A shared fragment, the site's footer, rendered once per language
	// and section (see site.Page.Shared).
	footer := `{{define "site-footer" -}}`
	if !strings.Contains(string(base), footer) {
		t.Fatalf("base.html has no %s", footer)
	}
	footerLine := strings.Count(strings.Split(string(base), footer)[0], "\n") + 1
	// The error is placed where base.html calls the fragment, and says
	// where in the fragment it failed.
	call := `{{.Shared "site-footer"}}`
	if !strings.Contains(string(base), call) {
		t.Fatalf("base.html has no %s", call)
	}
	callLine := strings.Count(strings.Split(string(base), call)[0], "\n") + 1
	brokenBase := strings.Replace(string(base), footer, footer+`{{with .Lang}}{{.NoFooter}}{{end}}`, 1)
	tests := []struct {
		name      string
		file      string
		text      string
		line, col int
		msg       string
		every     bool // every page of the kind fails: the message is a build's
	}{
		{"person with a photo", "person.html", "{{define \"main\"}}\n{{if .Person.Photo}}{{with .Lang}}{{.NoPhoto}}{{end}}{{end}}{{end}}", 2, 37, "can't evaluate field NoPhoto", false},
		{"person with a sentence", "person.html", "{{define \"main\"}}\n\n{{with .Person.Sentence}}{{with .Sentence}}{{.Kind.NoKind}}{{end}}{{end}}{{end}}", 3, 0, "NoKind", false},
		{"person who died", "person.html", "{{define \"main\"}}{{if eq (print .Person.Status) \"died\"}}\n{{with .Lang}}{{.Dead}}{{end}}{{end}}{{end}}", 2, 17, "can't evaluate field Dead", false},
		{"person without events", "person.html", "{{define \"main\"}}{{if not .Person.Sentence}}\n{{with .Lang}}{{.NoSentence}}{{end}}{{end}}{{end}}", 2, 17, "can't evaluate field NoSentence", false},
		{"list split into pages", "people.html", "{{define \"main\"}}{{with .Pager}}{{if .Prev}}\n{{with .Total}}{{.Last}}{{end}}{{end}}{{end}}{{end}}", 2, 0, "Last", false},
		{"current list", "current.html", "{{define \"main\"}}\n{{with .Lang}}{{.NoCurrent}}{{end}}{{end}}", 2, 17, "can't evaluate field NoCurrent", false},
		{"region", "group.html", "{{define \"main\"}}{{if eq .GroupDir \"regions/\"}}\n{{with .Lang}}{{.NoRegion}}{{end}}{{end}}{{end}}", 2, 17, "can't evaluate field NoRegion", false},
		{"stats", "stats.html", "{{define \"main\"}}\n{{with .Lang}}{{.NoStats}}{{end}}{{end}}", 2, 17, "can't evaluate field NoStats", true},
		{"free page in another language", "page.html", "{{define \"main\"}}{{if ne .FreePage.Lang .Lang}}\n{{with .Lang}}{{.Untranslated}}{{end}}{{end}}{{end}}", 2, 17, "can't evaluate field Untranslated", false},
		{"shared footer", "base.html", brokenBase, callLine, 0, fmt.Sprintf("base.html:%d:%d: executing \"site-footer\" at <.NoFooter>: can't evaluate field NoFooter", footerLine, len(footer)+len("{{with .Lang}}{{")), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := copyTree(t, src)
			if err := os.MkdirAll(filepath.Join(root, "templates"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(root, "templates", tt.file), []byte(tt.text), 0o644); err != nil {
				t.Fatal(err)
			}
			_, _, err := Check(root, synth.AsOf)
			var list content.ErrorList
			if !errors.As(err, &list) || len(list) != 1 {
				t.Fatalf("got %v, want one error", err)
			}
			e := list[0]
			if e.Path != "templates/"+tt.file || e.Line != tt.line || (tt.col != 0 && e.Col != tt.col) {
				t.Errorf("at %s:%d:%d, want templates/%s:%d:%d\n%v", e.Path, e.Line, e.Col, tt.file, tt.line, tt.col, e)
			}
			if !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("message %q lacks %q", e.Msg, tt.msg)
			}
			if !tt.every {
				return
			}
			reg, files, err := Load(root, synth.AsOf)
			if err != nil {
				t.Fatal(err)
			}
			s, err := site.New(reg, files, ThemeFiles(files))
			if err != nil {
				t.Fatal(err)
			}
			if want := s.Render(discard{}); want == nil || want.Error() != list.Error() {
				t.Errorf("check says\n%v\na build says\n%v", list, want)
			}
		})
	}
}

// pageCounter is a Writer that keeps the names of the HTML pages it is
// given and counts the other files.
type pageCounter struct {
	mu    sync.Mutex
	pages []string
	other int
}

func (c *pageCounter) Write(p string, _ []byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if strings.HasSuffix(p, ".html") {
		c.pages = append(c.pages, p)
	} else {
		c.other++
	}
	return nil
}

// TestCheckRendersFewPages requires check to render far fewer pages than
// a build, and yet every kind of page in every language: the home page,
// the lists (with their pages after the first), people, groups, regions,
// the change log, statistics, data, search, the free pages, 404, and the
// feeds.
func TestCheckRendersFewPages(t *testing.T) {
	root, err := synthSite()
	if err != nil {
		t.Fatal(err)
	}
	reg, files, err := Load(root, synth.AsOf)
	if err != nil {
		t.Fatal(err)
	}
	s, err := site.New(reg, files, ThemeFiles(files))
	if err != nil {
		t.Fatal(err)
	}
	var check, build pageCounter
	if err := s.Check(&check); err != nil {
		t.Fatal(err)
	}
	if err := s.Render(&build); err != nil {
		t.Fatal(err)
	}
	t.Logf("check renders %d pages and %d other files, a build %d and %d", len(check.pages), check.other, len(build.pages), build.other)
	if len(check.pages)*10 > len(build.pages) {
		t.Errorf("check renders %d pages, a build %d: more than a tenth", len(check.pages), len(build.pages))
	}
	rendered := strings.Join(check.pages, "\n") + "\n"
	for _, lang := range []string{"", "ru/", "kk/"} {
		for _, re := range []string{"index.html", "current/index.html", "people/index.html", "people/page/2/index.html",
			"people/[^/]+/index.html", "groups/index.html", "groups/[^/]+/index.html", "regions/index.html", "regions/[^/]+/index.html",
			"changes/index.html", "changes/[0-9]+/index.html", "stats/index.html", "data/index.html", "search/index.html", "methodology/index.html"} {
			if !regexp.MustCompile("(?m)^" + lang + re + "$").MatchString(rendered) {
				t.Errorf("check renders no page %s%s", lang, re)
			}
		}
	}
	if !strings.Contains(rendered, "404.html\n") {
		t.Error("check renders no 404.html")
	}
	// A few people of each language, not all.
	persons := regexp.MustCompile("(?m)^people/[^/]+/index.html$").FindAllString(rendered, -1)
	t.Logf("%d person pages in the default language", len(persons))
	if len(persons) < 2 || len(persons) > 60 {
		t.Errorf("check renders %d person pages of the default language, want a few", len(persons))
	}
}

// BenchmarkCheck10k measures what a maintainer waits for on every pull
// request of a large register: check on a synthetic register of 10,000
// people (package synth), from reading the files to the last template.
//
//	go test -run x -bench Check10k -benchtime 1x ./internal/build
func BenchmarkCheck10k(b *testing.B) {
	root := b.TempDir()
	if err := synth.Write(root, 10000, 1); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, _, err := Check(root, synth.AsOf); err != nil {
			b.Fatal(err)
		}
	}
}
