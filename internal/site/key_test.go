package site

import (
	"bytes"
	"fmt"
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
	kf := newKeyFixture(t, 120)
	dir, caseFile, edit := kf.dir, kf.caseFile, kf.edit
	build := func(asOf time.Time) map[string]keyedPage { return kf.build(asOf, "changes.html ") }
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
		kept := comparePageKeys(t, fmt.Sprintf("step %d (%s)", i, step.what), before, after)
		if step.most && kept*2 < len(after) {
			t.Errorf("step %d (%s): %d of %d pages of the change log kept their keys, want most", i, step.what, kept, len(after))
		}
		t.Logf("%s: %d of %d pages kept their keys", step.what, kept, len(after))
		before = after
	}
}

// TestGroupKeys edits a register and requires of every page of a group or
// region that a key the edit left as it was goes with bytes the edit left
// as they were. An edit of one person's date must leave the pages of the
// groups they are not in as they were; a fork whose group pages show more
// of the register than their own people must get keys that change with it.
func TestGroupKeys(t *testing.T) {
	kf := newKeyFixture(t, 120)
	build := func(asOf time.Time) map[string]keyedPage { return kf.build(asOf, "group.html ") }
	day := regexp.MustCompile(`(?m)^  - date: (\d{4}-\d{2}-\d{2})$`)
	name := regexp.MustCompile(`(?m)^name: (.*)$`)
	asOf := synth.AsOf
	before := build(asOf)
	if len(before) < 10 {
		t.Fatalf("%d pages of groups and regions: the test tests too little", len(before))
	}
	for i, step := range []struct {
		what string
		do   func()
		most bool // most pages must keep their keys
		all  bool // the template reads the whole register
	}{
		{"an event's date", func() { kf.edit(kf.caseFile(11), day, "2019-03-04") }, true, false},
		{"another event's date", func() { kf.edit(kf.caseFile(40), day, "2018-02-03") }, true, false},
		{"a name, which moves people in the order of everyone", func() { kf.edit(kf.caseFile(50), name, "Aaron Renamed") }, false, false},
		{"the site's date", func() { asOf = asOf.AddDate(0, 0, 1) }, false, false},
		{"a template that shows its own group's count", func() {
			writeTemplate(t, kf.dir, "group.html", "{{with .Group}}{{len .People}} {{.Current}}{{end}}")
		}, false, false},
		{"an event's date, again", func() { kf.edit(kf.caseFile(12), day, "2017-01-02") }, true, false},
		{"a template that shows another group's people", func() {
			writeTemplate(t, kf.dir, "group.html", "{{range .Chunk}}{{range .Group}}{{len .People}}{{end}}{{end}}")
		}, false, true},
		{"an event's date, after that", func() { kf.edit(kf.caseFile(14), day, "2016-02-03") }, false, true},
		{"a template given its own group and then others", func() {
			data, err := fs.ReadFile(tizim.DefaultTheme, "templates/group.html")
			if err != nil {
				t.Fatal(err)
			}
			add := `{{with .Group}}{{template "count" .}}{{end}}{{range .Chunk}}{{range .Group}}{{template "count" .}}{{end}}{{end}}{{end}}{{define "count"}}{{len .People}} `
			i := bytes.Index(data, []byte("{{end}}"))
			if err := os.WriteFile(filepath.Join(kf.dir, "templates", "group.html"), slices.Concat(data[:i], []byte(add), data[i:]), 0o644); err != nil {
				t.Fatal(err)
			}
		}, false, true},
		{"an event's date, after that", func() { kf.edit(kf.caseFile(13), day, "2016-01-02") }, false, true},
	} {
		step.do()
		after := build(asOf)
		what := fmt.Sprintf("step %d (%s)", i, step.what)
		kept := comparePageKeys(t, what, before, after)
		if step.most && kept*2 < len(after) {
			t.Errorf("%s: %d of %d pages of groups kept their keys, want most", what, kept, len(after))
		}
		if step.all && kept > 0 {
			t.Errorf("%s: %d pages of groups kept their keys after an edit, with a template that reads other groups' people", what, kept)
		}
		t.Logf("%s: %d of %d pages kept their keys", step.what, kept, len(after))
		before = after
	}
}

// TestRankKeys renders person pages and the change log with templates
// that show a person's place in the alphabetical order of everyone
// (.Row's Rank), which an edit of another person's name moves: a page
// that kept its key must have kept its bytes.
func TestRankKeys(t *testing.T) {
	kf := newKeyFixture(t, 60)
	writeTemplate(t, kf.dir, "person.html", "{{(.Row .Person).Rank}}")
	writeTemplate(t, kf.dir, "changes.html", "{{range .Changes}}{{range .Kinds}}{{range .Entries}}{{($.Row .Person).Rank}} {{end}}{{end}}{{end}}")
	name := regexp.MustCompile(`(?m)^name: (.*)$`)
	for _, kind := range []string{"person.html ", "changes.html "} {
		before := kf.build(synth.AsOf, kind)
		kf.edit(kf.caseFile(len(before)), name, "Aaaron Aaronov "+kind)
		after := kf.build(synth.AsOf, kind)
		kept := comparePageKeys(t, kind+"after a name that moves everyone", before, after)
		t.Logf("%s: %d of %d pages kept their keys", kind, kept, len(after))
	}
}

// A keyFixture is a synthetic register in a folder, built with keys, for
// tests that edit it and compare the pages' keys and bytes.
type keyFixture struct {
	t   *testing.T
	dir string
}

// keyedPage is a page's key and bytes.
type keyedPage struct {
	key  Key
	data []byte
}

func newKeyFixture(t *testing.T, people int) *keyFixture {
	dir := t.TempDir()
	if err := synth.Write(dir, people, 3); err != nil {
		t.Fatal(err)
	}
	return &keyFixture{t, dir}
}

// build renders the register as of asOf and returns the key and bytes of
// each page whose job's kind begins with kind ("group.html ").
func (kf *keyFixture) build(asOf time.Time, kind string) map[string]keyedPage {
	t := kf.t
	t.Helper()
	fsys := os.DirFS(kf.dir)
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
	pages := make(map[string]keyedPage)
	for _, lang := range s.reg.Site.Languages {
		for _, j := range s.pageJobs(lang, s.pages(lang)) {
			if !strings.HasPrefix(j.kind, kind) {
				continue
			}
			if j.key == nil {
				t.Fatalf("%s has no key", j.name)
			}
			pages[j.name] = keyedPage{j.key(), out[j.name]}
		}
	}
	return pages
}

// caseFile returns the case file of the i-th person, by folder.
func (kf *keyFixture) caseFile(i int) string {
	entries, err := os.ReadDir(filepath.Join(kf.dir, "content", "people"))
	if err != nil {
		kf.t.Fatal(err)
	}
	return filepath.Join(kf.dir, "content", "people", entries[i%len(entries)].Name(), "case.yaml")
}

// edit replaces, in the file f, the first group of re's first match.
func (kf *keyFixture) edit(f string, re *regexp.Regexp, repl string) {
	t := kf.t
	t.Helper()
	data, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	loc := re.FindSubmatchIndex(data)
	if loc == nil {
		t.Fatalf("%s: nothing matches %s", f, re)
	}
	data = slices.Concat(data[:loc[2]], []byte(repl), data[loc[3]:])
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// comparePageKeys requires of every page of after that kept its key in before
// that it kept its bytes, and returns how many kept their keys.
func comparePageKeys(t *testing.T, what string, before, after map[string]keyedPage) int {
	t.Helper()
	kept := 0
	for name, a := range after {
		b, ok := before[name]
		if !ok || a.key != b.key {
			continue
		}
		kept++
		if !bytes.Equal(a.data, b.data) {
			t.Errorf("%s: %s kept its key but its bytes changed", what, name)
		}
	}
	return kept
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
