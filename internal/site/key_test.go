package site

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tizim/tizim"
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
