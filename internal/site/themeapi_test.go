package site

import (
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/date"
	"github.com/tizim/tizim/internal/export"
	"github.com/tizim/tizim/internal/register"
)

// TestThemeAPIIsThePage holds ThemeAPI to Page: every name is one of
// Page's, once, with its line of documentation, and every exported field
// and method of Page is either in it or kept for Go code, so that a new
// one is a decision.
func TestThemeAPIIsThePage(t *testing.T) {
	seen := make(map[string]bool)
	for _, n := range ThemeAPI {
		if _, ok := memberType(pageType, n.Name); !ok {
			t.Errorf("ThemeAPI has %s, which Page does not: rename it there, in docs/theme.md and in the templates", n.Name)
		}
		if seen[n.Name] {
			t.Errorf("ThemeAPI has %s twice", n.Name)
		}
		seen[n.Name] = true
		if n.Doc == "" {
			t.Errorf("ThemeAPI: %s has no documentation", n.Name)
		}
		if _, ok := goOnly[n.Name]; ok {
			t.Errorf("%s is both in ThemeAPI and for Go code only", n.Name)
		}
	}
	for name := range goOnly {
		if _, ok := memberType(pageType, name); !ok {
			t.Errorf("goOnly has %s, which Page does not", name)
		}
	}
	for _, name := range members(pageType) {
		if _, ok := goOnly[name]; !ok && !seen[name] {
			t.Errorf("Page has %s, which is neither in ThemeAPI (with docs/theme.md) nor in goOnly", name)
		}
	}
	if len(ThemeAPI) < 60 {
		t.Errorf("ThemeAPI has only %d names", len(ThemeAPI))
	}
}

// readTheme returns the lines of docs/theme.md with whether each is in a
// code block, by the level-2 section they are in.
func readTheme(t *testing.T) (lines []string, code []bool, sections []string) {
	t.Helper()
	data, err := os.ReadFile("../../docs/theme.md")
	if err != nil {
		t.Fatal(err)
	}
	in, section := false, ""
	for _, l := range strings.Split(string(data), "\n") {
		fence := strings.HasPrefix(strings.TrimSpace(l), "```")
		if !in && strings.HasPrefix(l, "## ") {
			section = l
		}
		lines, code, sections = append(lines, l), append(code, in || fence), append(sections, section)
		if fence {
			in = !in
		}
	}
	return lines, code, sections
}

var (
	// apiRow is a row of docs/theme.md's tables of the page: name, what
	// it gives, where in fragments it may be used, meaning.
	apiRow = regexp.MustCompile("^\\| `\\.([A-Za-z]\\w*)[^`]*` \\| [^|]+ \\| ([^|]+) \\| [^|]+ \\|$")
	// typeRow is a row of a table of the fields of a type.
	typeRow = regexp.MustCompile("^\\| `([A-Za-z][\\w.]*)` \\|")
	// backticked is a name written as code.
	backticked = regexp.MustCompile("`([^`]+)`")
	// quotedError is an error of a template as tizim prints it.
	quotedError = regexp.MustCompile(`^templates/\S+:\d+:\d+: `)
	// dotted is a field or method written as code: `.Name`.
	dotted = regexp.MustCompile("`\\.([A-Za-z]\\w*)")
)

// scopeWords are the words of docs/theme.md's column "fragments".
var scopeWords = map[Scope]string{ScopeLanguage: "all", ScopeSection: "section", ScopePage: "no"}

// TestThemeDocs holds docs/theme.md to ThemeAPI: its tables of the page
// list every name of ThemeAPI, in its order, with its scope, and nothing
// else; Go's names are mentioned as kept from templates; the fields of
// the types it documents exist; and the errors it quotes are the check's.
func TestThemeDocs(t *testing.T) {
	lines, code, sections := readTheme(t)
	var documented []string
	for i, l := range lines {
		m := apiRow.FindStringSubmatch(l)
		if m == nil || code[i] {
			continue
		}
		if !strings.HasPrefix(sections[i], "## What a template is given") {
			t.Errorf("docs/theme.md:%d: .%s is documented outside \"What a template is given\"", i+1, m[1])
		}
		documented = append(documented, m[1])
		e, ok := themeAPI[m[1]]
		if !ok {
			t.Errorf("docs/theme.md:%d: documents .%s, which is not in ThemeAPI", i+1, m[1])
		} else if want := scopeWords[e.Scope]; m[2] != want {
			t.Errorf("docs/theme.md:%d: .%s may be used in %q fragments, ThemeAPI says %q", i+1, m[1], m[2], want)
		}
	}
	var api []string
	for _, n := range ThemeAPI {
		api = append(api, n.Name)
		if !slices.Contains(documented, n.Name) {
			t.Errorf("docs/theme.md does not document .%s (%s)", n.Name, n.Doc)
		}
	}
	if !slices.Equal(api, documented) && len(api) == len(documented) {
		t.Errorf("docs/theme.md lists the page's names in another order than ThemeAPI:\n%v\n%v", documented, api)
	}
	text := strings.Join(lines, "\n")
	for name := range goOnly {
		if !strings.Contains(text, "`."+name+"`") {
			t.Errorf("docs/theme.md does not say that .%s is for Go code", name)
		}
	}

	types := map[string]reflect.Type{
		"register.Register": reflect.TypeFor[*register.Register](),
		"register.Person":   reflect.TypeFor[*register.Person](),
		"register.Group":    reflect.TypeFor[*register.Group](),
		"register.Entry":    reflect.TypeFor[register.Entry](),
		"content.Settings":  reflect.TypeFor[*content.Settings](),
		"content.Event":     reflect.TypeFor[*content.Event](),
		"content.Sentence":  reflect.TypeFor[*content.Sentence](),
		"content.Charge":    reflect.TypeFor[content.Charge](),
		"content.Source":    reflect.TypeFor[*content.Source](),
		"content.Page":      reflect.TypeFor[*content.Page](),
		"content.Text":      reflect.TypeFor[content.Text](),
		"date.Date":         reflect.TypeFor[date.Date](),
		"Alternate":         reflect.TypeFor[Alternate](),
		"NameIn":            reflect.TypeFor[NameIn](),
		"Letter":            reflect.TypeFor[Letter](),
		"LetterLink":        reflect.TypeFor[LetterLink](),
		"Pager":             reflect.TypeFor[*Pager](),
		"PageLink":          reflect.TypeFor[*PageLink](),
		"TimelineEvent":     reflect.TypeFor[TimelineEvent](),
		"Citation":          reflect.TypeFor[Citation](),
		"ContactInfo":       reflect.TypeFor[*ContactInfo](),
		"ContactRoute":      reflect.TypeFor[ContactRoute](),
		"Badge":             reflect.TypeFor[Badge](),
		"Row":               reflect.TypeFor[Row](),
		"FilterField":       reflect.TypeFor[FilterField](),
		"FilterOption":      reflect.TypeFor[FilterOption](),
		"ChangeMonth":       reflect.TypeFor[ChangeMonth](),
		"ChangeKind":        reflect.TypeFor[ChangeKind](),
		"ChangeYear":        reflect.TypeFor[ChangeYear](),
		"statistics":        reflect.TypeFor[*statistics](),
		"export.File":       reflect.TypeFor[export.File](),
		"export.Column":     reflect.TypeFor[export.Column](),
		"register.Month":    reflect.TypeFor[register.Month](),
		"register.Bar":      reflect.TypeFor[register.Bar](),
	}
	typeOf := func(i int, name string) reflect.Type {
		typ, ok := types[name]
		if !ok {
			t.Errorf("docs/theme.md:%d: documents type %s, which this test does not know: add it to types", i+1, name)
		}
		return typ
	}
	has := func(typs []reflect.Type, name string) bool {
		for _, typ := range typs {
			if typ == nil {
				return true // reported as unknown already
			}
			if _, ok := memberType(typ, name); ok {
				return true
			}
		}
		return false
	}
	var heading []reflect.Type // the types of the current ### heading
	rows := 0
	for i, l := range lines {
		if code[i] || sections[i] != "## The types behind the page" {
			continue
		}
		if strings.HasPrefix(l, "### ") {
			heading = nil
			for _, m := range backticked.FindAllStringSubmatch(l, -1) {
				heading = append(heading, typeOf(i, m[1]))
			}
			continue
		}
		m := typeRow.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		rows++
		if len(heading) > 0 { // a row is a field or method of the heading's types
			if !has(heading, m[1]) {
				t.Errorf("docs/theme.md:%d: %s is a field or method of none of the heading's types", i+1, m[1])
			}
			continue
		}
		// A row is a type, and its third column its fields and methods.
		typ := typeOf(i, m[1])
		if typ == nil {
			continue
		}
		cols := strings.Split(l, "|")
		for _, f := range dotted.FindAllStringSubmatch(cols[len(cols)-2], -1) {
			if !has([]reflect.Type{typ}, f[1]) {
				t.Errorf("docs/theme.md:%d: %s has no field or method %s", i+1, m[1], f[1])
			}
		}
	}
	if rows < 60 {
		t.Errorf("docs/theme.md documents only %d fields of types", rows)
	}

	wants := make(map[string]bool)
	for _, tc := range themeCheckCases {
		for _, w := range tc.want {
			wants[w] = true
		}
	}
	quoted := 0
	for i, l := range lines {
		if code[i] && quotedError.MatchString(l) {
			quoted++
			if !wants[l] {
				t.Errorf("docs/theme.md:%d: quotes an error that no case of themeCheckCases gives:\n%s", i+1, l)
			}
		}
	}
	if quoted < 2 {
		t.Errorf("docs/theme.md quotes only %d errors", quoted)
	}
}
