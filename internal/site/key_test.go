package site

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/tizim/tizim"
	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
	"github.com/tizim/tizim/internal/testkit/synth"
)

// TestPersonReads checks what the keys of person pages are made of (see
// key.go): what the templates use of the whole register, read from them.
// A fork that shows register-wide facts on person pages must get keys
// that change with those facts.
func TestPersonReads(t *testing.T) {
	def, err := LoadTheme(tizim.DefaultTheme, []string{"en", "ru"})
	if err != nil {
		t.Fatal(err)
	}
	if r := def.personReads; r.all || r.latest {
		t.Errorf("the default person pages read the whole register or its latest event (%+v): every edit would render every person page", r)
	}
	person := func(t *testing.T) string {
		data, err := tizim.DefaultTheme.Open("templates/person.html")
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		buf := make([]byte, 1<<16)
		for {
			n, err := data.Read(buf)
			b.Write(buf[:n])
			if err != nil {
				break
			}
		}
		return b.String()
	}(t)
	for _, tc := range []struct {
		name, add string
		tail      string // defines, after the file's
		want      reads
	}{
		{"count", `{{len .Reg.Current}}`, "", reads{all: true}},
		{"count inside with", `{{with .Reg}}{{len .Confirmed}}{{end}}`, "", reads{all: true}},
		{"register in a variable", `{{$r := .Reg}}{{range $r.People}}{{.Name}}{{end}}`, "", reads{all: true}},
		{"a group's people", `{{range .Person.Group}}{{len .People}}{{end}}`, "", reads{all: true}},
		{"latest events", `{{range .Recent 3}}{{.Event.Text}}{{end}}`, "", reads{all: true}},
		{"the register in a template", `{{template "x" .Reg}}`, `{{define "x"}}{{len .Events}}{{end}}`, reads{all: true}},
		{"a person's own facts", `{{.Person.Current}}{{range .Person.Group}}{{.Name}}{{end}}`, "", reads{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(person, "</article>", tc.add+"</article>", 1) + tc.tail
			theme := Overlay(fstest.MapFS{"templates/person.html": {Data: []byte(src)}}, tizim.DefaultTheme)
			th, err := LoadTheme(theme, []string{"en", "ru"})
			if err != nil {
				t.Fatal(err)
			}
			got := th.personReads
			if tc.want.all != got.all || (!tc.want.all && got != def.personReads) {
				t.Errorf("%s: reads %+v, want all=%v (the default's: %+v)", tc.add, got, tc.want.all, def.personReads)
			}
		})
	}
}

// TestRowReads checks that the rows of tables of people can be kept
// between builds: the default row uses of the whole register only the
// site's date (for the year of detention it is filtered by).
func TestRowReads(t *testing.T) {
	th, err := LoadTheme(tizim.DefaultTheme, []string{"en", "ru"})
	if err != nil {
		t.Fatal(err)
	}
	if r := th.rowReads; r.all || !r.asOf {
		t.Errorf("the default row reads %+v, want the date and not the whole register", r)
	}
}

// TestChangeKeys edits a register whose change log is split into months
// and pages, and requires of every page of the change log that a key the
// edit left as it was goes with bytes the edit left as they were. An edit
// of one event's text, the commonest, must leave most pages' keys as they
// were; a fork whose change log shows more of the register must get keys
// that change with it.
func TestChangeKeys(t *testing.T) {
	defer func(n int) { changesPerPage = n }(changesPerPage)
	changesPerPage = 6
	dir := t.TempDir()
	if err := synth.Write(dir, 120, 3); err != nil {
		t.Fatal(err)
	}
	type page struct {
		key  Key
		data []byte
	}
	build := func(asOf time.Time) map[string]page {
		t.Helper()
		fsys := os.DirFS(dir)
		c, err := content.Load(fsys)
		if err != nil {
			t.Fatal(err)
		}
		s, err := New(register.New(c, asOf), fsys, Overlay(fsys, tizim.DefaultTheme))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SetKeys(Keys{Program: []byte("test")}); err != nil {
			t.Fatal(err)
		}
		out := renderAll(t, s)
		pages := make(map[string]page)
		for _, lang := range s.reg.Site.Languages {
			specs := append(s.listPages(lang), s.changePages(lang)...)
			for _, j := range s.pageJobs(lang, specs) {
				if !strings.HasPrefix(j.kind, "changes.html ") {
					continue
				}
				if j.key == nil {
					t.Fatalf("%s has no key", j.name)
				}
				pages[j.name] = page{j.key(), out[j.name]}
			}
		}
		return pages
	}
	caseFile := func(i int) string {
		entries, err := os.ReadDir(filepath.Join(dir, "content", "people"))
		if err != nil {
			t.Fatal(err)
		}
		return filepath.Join(dir, "content", "people", entries[i%len(entries)].Name(), "case.yaml")
	}
	edit := func(f string, re *regexp.Regexp, repl string) {
		t.Helper()
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		loc := re.FindSubmatchIndex(data) // the first group is replaced
		if loc == nil {
			t.Fatalf("%s: nothing matches %s", f, re)
		}
		data = slices.Concat(data[:loc[2]], []byte(repl), data[loc[3]:])
		if err := os.WriteFile(f, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	text := regexp.MustCompile(`(?m)^    type: \w+\n    text:\n      en: (.*)$`)
	day := regexp.MustCompile(`(?m)^  - date: (\d{4}-\d{2}-\d{2})$`)
	name := regexp.MustCompile(`(?m)^name: (.*)$`)
	source := regexp.MustCompile(`sources: \[([^,\]]+)`)
	addEvent := func(i int) {
		f := caseFile(i)
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := source.FindSubmatch(data)
		if id == nil {
			t.Fatalf("%s cites no source", f)
		}
		edit(f, regexp.MustCompile(`(?m)^(events:\n)`), "events:\n  - date: 2020-05-05\n    type: released\n    text: Added.\n    sources: ["+string(id[1])+"]\n")
	}
	asOf := synth.AsOf
	before := build(asOf)
	split := 0
	for name := range before {
		if strings.Count(name, "/") >= 3 {
			split++ // a month's page, or a part of one
		}
	}
	if split == 0 {
		t.Fatal("no month of the change log has a page of its own: the test tests too little")
	}
	for i, step := range []struct {
		what string
		do   func()
		most bool // most pages must keep their keys
	}{
		{"an event's text", func() { edit(caseFile(7), text, "An edited text.") }, true},
		{"another event's text", func() { edit(caseFile(30), text, "Another edited text.") }, true},
		{"an event's date", func() { edit(caseFile(11), day, "2019-03-04") }, false},
		{"a name", func() { edit(caseFile(50), name, "Renamed Person") }, false},
		{"an added event", func() { addEvent(70) }, false},
		{"the site's date", func() { asOf = asOf.AddDate(0, 0, 1) }, false},
		{"a template that shows the years' counts", func() {
			writeTemplate(t, dir, "changes.html", "{{range .ChangeYears}}{{.Count}} {{end}}")
		}, false},
		{"an added event, which changes a year's count", func() { addEvent(71) }, false},
		{"a template that shows the current list's count", func() {
			writeTemplate(t, dir, "changes.html", "{{len .Reg.Current}}")
		}, false},
		{"an event's text, again", func() { edit(caseFile(8), text, "A third edited text.") }, false},
	} {
		step.do()
		after := build(asOf)
		kept := 0
		for name, a := range after {
			b, ok := before[name]
			if !ok || a.key != b.key {
				continue
			}
			kept++
			if !bytes.Equal(a.data, b.data) {
				t.Errorf("step %d (%s): %s kept its key but its bytes changed", i, step.what, name)
			}
		}
		if step.most && kept*2 < len(after) {
			t.Errorf("step %d (%s): %d of %d pages of the change log kept their keys, want most", i, step.what, kept, len(after))
		}
		t.Logf("%s: %d of %d pages kept their keys", step.what, kept, len(after))
		before = after
	}
}

// writeTemplate writes the default theme's template name into the site
// dir, with add before the end of its "main".
func writeTemplate(t *testing.T, dir, name, add string) {
	t.Helper()
	f := filepath.Join(dir, "templates", name)
	data, err := os.ReadFile(f)
	if err != nil {
		data, err = fs.ReadFile(tizim.DefaultTheme, "templates/"+name)
		if err != nil {
			t.Fatal(err)
		}
	}
	i := bytes.LastIndex(data, []byte("{{end}}"))
	data = slices.Concat(data[:i], []byte(add), data[i:])
	if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
