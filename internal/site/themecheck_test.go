package site

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tizim/tizim"
	"github.com/tizim/tizim/internal/content"
)

// own is the note placeError adds to an error in the site's own file.
func own(file string) string {
	return " (in the site's own templates/" + file + ", which replaces tizim's built-in one)"
}

// themeCheckCases are templates a fork might write, with the errors the
// check of the theme's interface gives (none: what it leaves to
// rendering). docs/theme.md quotes some of them.
var themeCheckCases = []struct {
	name    string
	files   map[string]string // templates/<name> -> text
	builtin bool              // the files replace tizim's built-in ones, not the site's
	want    []string
}{
	{
		name:  "a method for Go code only",
		files: map[string]string{"person.html": "{{define \"main\"}}\n<p>{{.File}}</p>{{end}}"},
		want:  []string{"templates/person.html:2:6: .File is for tizim's Go code, not for templates: it is the file the page is written to; a template links with .Canonical or .URL" + own("person.html")},
	},
	{
		name:  "an unexported-looking name",
		files: map[string]string{"person.html": "{{define \"main\"}}\n<p>{{.site}}</p>{{end}}"},
		want:  []string{"templates/person.html:2:6: .site is not part of the theme's interface; a template may use the fields and methods listed in docs/theme.md (a name that begins with a small letter is tizim's own)" + own("person.html")},
	},
	{
		name:  "a misspelt name, with a suggestion",
		files: map[string]string{"person.html": "{{define \"main\"}}" + strings.Repeat("\n", 11) + "  <p>{{.Titel}}</p>{{end}}"},
		want:  []string{"templates/person.html:12:8: .Titel is not part of the theme's interface; a template may use the fields and methods listed in docs/theme.md (did you mean .Title?)" + own("person.html")},
	},
	{
		name:  "a name in small letters that is one",
		files: map[string]string{"page.html": "{{define \"main\"}}\n<h1>{{.title}}</h1>{{end}}"},
		want:  []string{"templates/page.html:2:7: .title is not part of the theme's interface; a template may use the fields and methods listed in docs/theme.md (did you mean .Title?)" + own("page.html")},
	},
	{
		name:  "a misspelt field past the page",
		files: map[string]string{"person.html": "{{define \"main\"}}\n{{.Person.Nmae}}{{end}}"},
		want:  []string{"templates/person.html:2:10: .Person.Nmae: *register.Person has no field or method Nmae (did you mean .Person.Name?); docs/theme.md lists what each type has" + own("person.html")},
	},
	{
		name:  "$ inside range",
		files: map[string]string{"people.html": "{{define \"main\"}}\n{{range .Chunk}}{{$.Nmae .}}{{end}}{{end}}"},
		want:  []string{"templates/people.html:2:20: $.Nmae is not part of the theme's interface; a template may use the fields and methods listed in docs/theme.md (did you mean $.Name?)" + own("people.html")},
	},
	{
		name:  "a variable set to the page",
		files: map[string]string{"people.html": "{{define \"main\"}}{{$pg := .}}\n{{range .Chunk}}{{$pg.Titel}}{{end}}{{end}}"},
		want:  []string{"templates/people.html:2:22: $pg.Titel is not part of the theme's interface; a template may use the fields and methods listed in docs/theme.md (did you mean $pg.Title?)" + own("people.html")},
	},
	{
		name:  "the else of with has the page",
		files: map[string]string{"person.html": "{{define \"main\"}}\n{{with .Person}}{{else}}{{.Nope}}{{end}}{{end}}"},
		want:  []string{"templates/person.html:2:27: .Nope is not part of the theme's interface; a template may use the fields and methods listed in docs/theme.md" + own("person.html")},
	},
	{
		name:  "a template called with the page",
		files: map[string]string{"group.html": "{{define \"main\"}}{{template \"x\" .}}{{end}}\n{{define \"x\"}}{{.Nope}}{{end}}"},
		want:  []string{"templates/group.html:2:17: .Nope is not part of the theme's interface; a template may use the fields and methods listed in docs/theme.md" + own("group.html")},
	},
	{
		name:  "the page in a dict",
		files: map[string]string{"group.html": "{{define \"main\"}}{{template \"x\" (dict \"Page\" . \"N\" 1)}}{{end}}\n{{define \"x\"}}{{.Page.Nope}}{{end}}"},
		want:  []string{"templates/group.html:2:22: .Page.Nope is not part of the theme's interface; a template may use the fields and methods listed in docs/theme.md" + own("group.html")},
	},
	{
		name: "a page's name in the shared header",
		files: map[string]string{"base.html": `{{define "base"}}<!DOCTYPE html>
<html lang="{{.Lang}}">
<head><title>{{.Title}}</title>{{.Shared "site-head"}}</head>
<body>{{.Shared "site-header"}}
<main>{{block "main" .}}{{end}}</main>
</body></html>
{{end}}
{{define "site-header"}}
<h1>{{.Title}}</h1>
{{end}}
{{define "site-head"}}<link rel="stylesheet" href="{{.Asset "style.css"}}">{{end}}
`},
		want: []string{`templates/base.html:9:7: .Title cannot be used in template "site-header": it is rendered once for all the pages of a language and section (.Shared), so it does not know which page it is on; see "Shared fragments" in docs/theme.md for what it may use` + own("base.html")},
	},
	{
		name:  "a section's name in a table row",
		files: map[string]string{"home.html": "{{define \"main\"}}x{{end}}\n{{define \"person-row\"}}{{.Page.Is \"people/\"}}{{end}}"},
		want:  []string{`templates/home.html:2:31: .Page.Is cannot be used in template "person-row": it is rendered once for each person and language and reused in every table of people, so it does not know which page it is on; see "Shared fragments" in docs/theme.md for what it may use` + own("home.html")},
	},
	{
		name:  "a page's name in a citation",
		files: map[string]string{"person.html": "{{define \"main\"}}x{{end}}\n{{define \"cite\"}}{{.Page.Title}} {{.Nn}}{{end}}"},
		want: []string{
			`templates/person.html:2:25: .Page.Title cannot be used in template "cite": it is rendered once for each number of a source and language and reused on every person page, so it does not know which page it is on; see "Shared fragments" in docs/theme.md for what it may use` + own("person.html"),
			`templates/person.html:2:36: .Nn: site.citeData has no field or method Nn (did you mean .N?); docs/theme.md lists what each type has` + own("person.html"),
		},
	},
	{
		name:  "a misspelt main",
		files: map[string]string{"person.html": "{{define \"mian\"}}\n<h1>{{.Title}}</h1>{{end}}"},
		want:  []string{`templates/person.html:1:18: person.html defines no "main", so its pages would show only the site's header and footer; a page template writes its content in {{define "main"}}...{{end}} (it defines "mian": did you mean "main"?)` + own("person.html")},
	},
	{
		name: "every error at once, in the built-in templates",
		files: map[string]string{
			"search.html": "{{define \"main\"}}\n{{.Nope}}\n{{.Filters .Chunk}}{{end}}",
			"data.html":   "{{define \"main\"}}{{.BarLabel \"x\"}}{{end}}",
		},
		builtin: true,
		want: []string{
			"templates/data.html:1:20: .BarLabel is for tizim's Go code, not for templates: it gives a Go function; a template names a bar with .Label (in tizim's built-in templates/data.html: the site has no file of that name)",
			"templates/search.html:2:3: .Nope is not part of the theme's interface; a template may use the fields and methods listed in docs/theme.md (in tizim's built-in templates/search.html: the site has no file of that name)",
			"templates/search.html:3:3: .Filters is for tizim's Go code, not for templates: it counts the choices of a list, which tizim does once for all its pages; a template uses .ListFilters (in tizim's built-in templates/search.html: the site has no file of that name)",
		},
	},
	{
		// Rendering finds these, if they are wrong.
		name: "what is left to rendering",
		files: map[string]string{"person.html": `{{define "main"}}
{{with .Person}}{{.Nope}}{{end}}
{{range .Events}}{{.Lable}}{{end}}
{{.Reg.Site.Translations.Almaty}}
{{$x := .}}{{$x = .Person}}{{$x.Nope}}
{{template "status" (dict "Status" .Person.Status "Label" "x")}}
{{template "other" (index .Chunk 0)}}
{{end}}
{{define "other"}}{{.Nope}}{{end}}`},
	},
	{
		name: "a template that calls itself with more each time",
		// Rendering it would never end; checking it ends.
		files: map[string]string{"page.html": "{{define \"main\"}}{{template \"x\" .}}{{end}}\n{{define \"x\"}}{{template \"x\" (dict \"P\" .)}}{{end}}"},
	},
	{
		name:  "a template called with a person",
		files: map[string]string{"person.html": "{{define \"main\"}}{{template \"x\" .Person}}{{end}}\n{{define \"x\"}}{{.Nope}}{{end}}"},
		want:  []string{"templates/person.html:2:17: .Nope: *register.Person has no field or method Nope; docs/theme.md lists what each type has" + own("person.html")},
	},
}

// themeWith returns the default theme with files in place of its
// templates: in the site's own folder, or, when builtin, in tizim's.
func themeWith(t *testing.T, files map[string]string, builtin bool) fs.FS {
	t.Helper()
	layer := fstest.MapFS{}
	if builtin {
		err := fs.WalkDir(tizim.DefaultTheme, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(tizim.DefaultTheme, p)
			layer[p] = &fstest.MapFile{Data: b}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for name, text := range files {
		layer["templates/"+name] = &fstest.MapFile{Data: []byte(text)}
	}
	if builtin {
		return Overlay(fstest.MapFS{}, layer)
	}
	return Overlay(layer, tizim.DefaultTheme)
}

// TestThemeCheck breaks templates as a fork might, and requires each
// error of the check of the theme's interface at its file, line and
// column, all at once, and none for what it leaves to rendering.
func TestThemeCheck(t *testing.T) {
	for _, tc := range themeCheckCases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadTheme(themeWith(t, tc.files, tc.builtin), []string{"en"})
			var got []string
			if err != nil {
				var list content.ErrorList
				if !errors.As(err, &list) {
					t.Fatalf("got %v, want content errors", err)
				}
				for _, e := range list {
					got = append(got, e.Error())
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestShippedTemplatesKeepTheContract loads the built-in templates in
// every language they have: they use only the theme's interface.
func TestShippedTemplatesKeepTheContract(t *testing.T) {
	if _, err := LoadTheme(tizim.DefaultTheme, []string{"en", "ru", "kk"}); err != nil {
		t.Fatal(err)
	}
}

// TestFactsOnly: a page whose templates may show the text of an event, by
// its name or by turning a value that holds events into text, is keyed
// with it (see readsTexts); one that shows other facts of events is not.
func TestFactsOnly(t *testing.T) {
	base, err := fs.ReadFile(tizim.DefaultTheme, "templates/base.html")
	if err != nil {
		t.Fatal(err)
	}
	main := func(body string) map[string]string {
		return map[string]string{"people.html": "{{define \"main\"}}" + body + "{{end}}"}
	}
	for _, tc := range []struct {
		name  string
		files map[string]string
		facts bool
	}{
		{"the shipped templates", nil, true},
		{"dates and types of events", main(`{{range .Chunk}}{{range .Timeline}}{{.Date}} {{$.EventType .Type}}{{end}}{{end}}`), true},
		{"a range variable's sentence", main(`{{range $i, $p := .Chunk}}{{with $p.Sentence}}{{$.Sentence .Sentence}}{{end}}{{end}}`), true},
		{"an event's text", main(`{{range .Chunk}}{{range .Timeline}}{{$.Local .Text}}{{end}}{{end}}`), false},
		{"a range variable's text", main(`{{range $e := .Recent 5}}{{$.Local $e.Event.Text}}{{end}}`), false},
		{"an event printed", main(`{{range .Recent 5}}{{.Event}}{{end}}`), false},
		{"an event given to printf", main(`{{range .Recent 5}}{{printf "%v" .}}{{end}}`), false},
		{"an event piped to print", main(`{{range .Recent 5}}{{.Event | print}}{{end}}`), false},
		{"an event given to T", main(`{{range .Chunk}}{{$.T "x" "e" .Timeline}}{{end}}`), false},
		{"the register printed", main(`{{.Reg}}`), false},
		{"an element by index", main(`{{index .Chunk 0}}`), false},
		{"a variable assigned again", main(`{{$x := ""}}{{range .Recent 1}}{{$x = .Event}}{{end}}{{$x}}`), false},
		{"a sub-template printing its data", map[string]string{"people.html": `{{define "main"}}{{range .Recent 1}}{{template "e" .Event}}{{end}}{{end}}{{define "e"}}{{.}}{{end}}`}, false},
		{"the row shows an event's text", map[string]string{"base.html": strings.Replace(string(base),
			`{{define "person-row"}}{{$pg := .Page}}`, `{{define "person-row"}}{{$pg := .Page}}{{range .P.Timeline}}{{$pg.Local .Text}}{{end}}`, 1)}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			th, err := LoadTheme(themeWith(t, tc.files, true), []string{"en", "ru"})
			if err != nil {
				t.Fatal(err)
			}
			if got := th.factsOnly["people.html"]; got != tc.facts {
				t.Errorf("people.html keyed without the text of events: %v, want %v", got, tc.facts)
			}
		})
	}
}
