package site_test

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"text/template"
	"time"

	"github.com/tizim/tizim"
	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
	"github.com/tizim/tizim/internal/site"
	"github.com/tizim/tizim/internal/testkit/testsite"
)

// TestTemplateErrors breaks a template in each way a fork can, and
// requires an error at the template's file, line and column, saying
// whether it is the site's own template or tizim's built-in one. The
// execution errors are inside with, whose dot the check of the theme's
// interface does not follow (see TestThemeCheck), so that rendering finds
// them.
func TestTemplateErrors(t *testing.T) {
	data, err := os.ReadFile("testdata/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		file      string // the broken template
		text      string
		builtin   bool // broken in the lower layer, the built-in theme
		line, col int
		msg       string
	}{
		{"parse: unknown function", "person.html", "{{define \"main\"}}\n<p>{{nosuchfunc .}}</p>{{end}}", false, 2, 0, `function "nosuchfunc" not defined`},
		{"parse: unclosed action", "person.html", "{{define \"main\"}}\n\n<p>{{if .Person}}</p>", false, 3, 0, "unexpected EOF"},
		{"execute: no such field", "person.html", "{{define \"main\"}}\n  <p>{{with .Lang}}{{.NoSuchField}}{{end}}</p>{{end}}", false, 2, 22, "can't evaluate field NoSuchField"},
		{"execute: columns in characters", "person.html", "{{define \"main\"}}\n<p>Сот {{with .Lang}}{{.Bad}}{{end}}</p>{{end}}", false, 2, 24, "can't evaluate field Bad"},
		{"execute: in base.html", "base.html", "{{define \"base\"}}<!doctype html>\n{{with .Lang}}{{.Nope}}{{end}}{{end}}", false, 2, 17, "can't evaluate field Nope"},
		{"escape: ambiguous URL", "page.html", "{{define \"main\"}}\n<a href=\"{{.Title}}{{if .Title}}\">x</a>{{end}}{{end}}", false, 2, 0, ""},
		{"built-in: no such field", "person.html", "{{define \"main\"}}\n\n\n<p>{{with .Lang}}{{.Gone}}{{end}}</p>{{end}}", true, 4, 20, "can't evaluate field Gone"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := testsite.Parse(data)
			files := a.FS("")
			var theme fs.FS
			if tt.builtin {
				lower := fstest.MapFS{}
				fs.WalkDir(tizim.DefaultTheme, ".", func(p string, d fs.DirEntry, err error) error {
					if err == nil && !d.IsDir() {
						b, _ := fs.ReadFile(tizim.DefaultTheme, p)
						lower[p] = &fstest.MapFile{Data: b}
					}
					return nil
				})
				lower["templates/"+tt.file] = &fstest.MapFile{Data: []byte(tt.text)}
				theme = site.Overlay(files, lower)
			} else {
				a.Set("templates/"+tt.file, []byte(tt.text))
				files = a.FS("")
				theme = site.Overlay(files, tizim.DefaultTheme)
			}
			c, err := content.Load(files)
			if err != nil {
				t.Fatal(err)
			}
			s, err := site.New(register.New(c, time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC)), files, theme)
			if err == nil {
				err = s.Render(discard{})
			}
			var list content.ErrorList
			if !errors.As(err, &list) || len(list) != 1 {
				t.Fatalf("got %v, want one content error", err)
			}
			e := list[0]
			if e.Path != "templates/"+tt.file || e.Line != tt.line || (tt.col != 0 && e.Col != tt.col) {
				t.Errorf("at %s:%d:%d, want templates/%s:%d:%d\n%v", e.Path, e.Line, e.Col, tt.file, tt.line, tt.col, e)
			}
			if !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("message %q lacks %q", e.Msg, tt.msg)
			}
			want := "the site's own templates/" + tt.file
			if tt.builtin {
				want = "tizim's built-in templates/" + tt.file
			}
			if !strings.Contains(e.Msg, want) {
				t.Errorf("message %q does not say %q", e.Msg, want)
			}
			var execErr template.ExecError
			if strings.HasPrefix(tt.name, "execute") && !errors.As(err, &execErr) {
				t.Errorf("the cause is lost: %#v", e.Err)
			}
		})
	}
}

type discard struct{}

func (discard) Write(string, []byte) error { return nil }
