package tizim_test

// Tests of the editor schemas in schema/: they are valid JSON Schema
// 2020-12, they accept all the shipped content, and they reject what the
// loader (internal/content) rejects wherever JSON Schema can say so. The
// loader stays the final judge; these tests keep the schemas from drifting
// away from it.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	tizim "github.com/tizim/tizim"
	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/date"
	"github.com/tizim/tizim/internal/testkit/testsite"
)

// schemaFiles are the editor schemas, one per kind of content file.
var schemaFiles = []string{"case.schema.json", "sources.schema.json", "site.schema.json", "page.schema.json"}

var (
	compileOnce sync.Once
	compiler    *jsonschema.Compiler
	compiled    sync.Map // ref -> *jsonschema.Schema
)

// compileSchema compiles ref, a file of schema/ with an optional
// "#/json/pointer" to one of its parts, as JSON Schema 2020-12. Compiling
// also checks the schema against the 2020-12 meta-schema.
func compileSchema(t testing.TB, ref string) *jsonschema.Schema {
	t.Helper()
	if s, ok := compiled.Load(ref); ok {
		return s.(*jsonschema.Schema)
	}
	compileOnce.Do(func() {
		compiler = jsonschema.NewCompiler()
		compiler.DefaultDraft(jsonschema.Draft2020)
	})
	dir, err := filepath.Abs("schema")
	if err != nil {
		t.Fatal(err)
	}
	s, err := compiler.Compile(filepath.Join(dir, ref))
	if err != nil {
		t.Fatalf("compile %s: %v", ref, err)
	}
	compiled.Store(ref, s)
	return s
}

// readSchema reads schema/<file> as plain JSON, for tests that look at the
// schema's own text (titles, enums, property names).
func readSchema(t testing.TB, file string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("schema", file))
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return v
}

// schemaAt returns the part of schema s at the JSON pointer ptr
// ("" or "/$defs/event/properties/type").
func schemaAt(t testing.TB, s map[string]any, ptr string) map[string]any {
	t.Helper()
	var v any = s
	for _, tok := range strings.Split(ptr, "/")[1:] {
		switch x := v.(type) {
		case map[string]any:
			v = x[tok]
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i >= len(x) {
				t.Fatalf("no %s in the schema", ptr)
			}
			v = x[i]
		}
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.Fatalf("no %s in the schema", ptr)
	}
	return m
}

// stringList returns the strings of a JSON array in a schema, such as an
// enum.
func stringList(v any) []string {
	var out []string
	list, _ := v.([]any)
	for _, x := range list {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}

// schemaFor names the schema file that describes the content file p
// (slash-separated, from the site root), or "" when no schema does:
// profiles, photos, stray files, and hidden files, which the loader skips.
func schemaFor(p string) string {
	match := func(pattern string) bool { ok, _ := path.Match(pattern, p); return ok }
	switch {
	case strings.Contains(p, "/."):
		return ""
	case p == "content/site.yaml":
		return "site.schema.json"
	case match("content/people/*/case.yaml"):
		return "case.schema.json"
	case match("content/sources/*.yaml"):
		return "sources.schema.json"
	case match("content/pages/*.md"):
		return "page.schema.json"
	}
	return ""
}

// frontMatter returns the YAML between the "---" lines that open a page,
// preceded by one empty line so that line numbers stay those of the file
// (as the loader does), or false when the page has none.
func frontMatter(data []byte) ([]byte, bool) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !bytes.HasPrefix(data, []byte("---\n")) && !bytes.HasPrefix(data, []byte("---\r\n")) {
		return nil, false
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	for i := 1; i < len(lines); i++ {
		if string(bytes.TrimRight(lines[i], "\r\n")) == "---" {
			return append([]byte("\n"), bytes.Join(lines[1:i], nil)...), true
		}
	}
	return nil, false
}

// parseContent parses content file p (for a page, its front matter) into
// its YAML node tree, for positions, and into the JSON value a YAML editor
// checks against the schema.
func parseContent(p string, data []byte) (*yaml.Node, any, error) {
	if strings.HasSuffix(p, ".md") {
		front, ok := frontMatter(data)
		if !ok {
			return nil, nil, errors.New("no front matter")
		}
		data = front
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, nil, err
	}
	v, err := jsonValue(&doc)
	if err != nil {
		return nil, nil, err
	}
	if len(doc.Content) == 0 {
		return &doc, v, nil
	}
	return doc.Content[0], v, nil
}

// jsonValue converts a YAML node to the JSON value a YAML editor sees, by
// the scalars' resolved tags rather than by decoding them into Go values:
// yaml.v3 would turn 2020-09-08 into a time.Time, while the loader, like an
// editor following YAML 1.2, reads it as the text of a date. Numbers become
// json.Number, keeping their text; an integer the loader cannot read as a
// whole number (0x10, 1_000) stays text.
func jsonValue(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return jsonValue(n.Content[0])
	case yaml.AliasNode:
		// Editors expand aliases; the loader refuses them, and expanding
		// one of the hostile fixtures' alias bombs would take long.
		return nil, fmt.Errorf("line %d: an alias", n.Line)
	case yaml.MappingNode:
		m := make(map[string]any)
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := jsonValue(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		list := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := jsonValue(c)
			if err != nil {
				return nil, err
			}
			list = append(list, v)
		}
		return list, nil
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return nil, nil
		case "!!bool":
			return strings.EqualFold(n.Value, "true"), nil
		case "!!int":
			if _, err := strconv.Atoi(n.Value); err == nil {
				return json.Number(n.Value), nil
			}
		case "!!float":
			if json.Valid([]byte(n.Value)) {
				return json.Number(n.Value), nil
			}
		}
		return n.Value, nil // !!str, !!timestamp, !!binary and the rest: as written
	}
	return nil, fmt.Errorf("line %d: unexpected YAML node kind %v", n.Line, n.Kind)
}

// english prints the validator's messages.
var english = message.NewPrinter(language.English)

// schemaError is one leaf of a schema validation error: where in the
// instance, and which check failed.
type schemaError struct {
	loc  string // JSON pointer, "" for the root
	kind jsonschema.ErrorKind
}

func (e schemaError) String() string {
	return fmt.Sprintf("%q: %s", e.loc, e.kind.LocalizedString(english))
}

// validate checks v against schema ref and returns the leaves of the
// error tree (nil when v is valid).
func validate(t testing.TB, ref string, v any) []schemaError {
	t.Helper()
	err := compileSchema(t, ref).Validate(v)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("validate: %v", err)
	}
	var out []schemaError
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		// A bad key's causes are about the key as a value of its own, at
		// the root: the error about the key is the leaf. Its instance
		// location is not reliable (jsonschema v6.0.3 keeps a slice that
		// later siblings overwrite), so it is reported at every mapping
		// that has the key.
		if k, ok := e.ErrorKind.(*kind.PropertyNames); ok {
			for _, loc := range mappingsWithKey(v, "", k.Property) {
				out = append(out, schemaError{loc: loc, kind: e.ErrorKind})
			}
			return
		}
		if len(e.Causes) == 0 {
			out = append(out, schemaError{loc: pointer(e.InstanceLocation), kind: e.ErrorKind})
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	return out
}

// mappingsWithKey returns the JSON pointers of the mappings in v, at ptr,
// that have the key.
func mappingsWithKey(v any, ptr, key string) []string {
	var out []string
	switch v := v.(type) {
	case map[string]any:
		if _, ok := v[key]; ok {
			out = append(out, ptr)
		}
		for _, k := range slices.Sorted(mapKeys(v)) {
			out = append(out, mappingsWithKey(v[k], ptr+pointer([]string{k}), key)...)
		}
	case []any:
		for i, x := range v {
			out = append(out, mappingsWithKey(x, ptr+"/"+strconv.Itoa(i), key)...)
		}
	}
	return out
}

// pointer joins path tokens into a JSON pointer.
func pointer(tokens []string) string {
	var b strings.Builder
	for _, tok := range tokens {
		b.WriteString("/" + strings.NewReplacer("~", "~0", "/", "~1").Replace(tok))
	}
	return b.String()
}

// pointersAt returns the JSON pointers of the values an error at line:col
// (col 0: anywhere on the line) of the file may be about: the node there
// and, for a key, its mapping and its value.
func pointersAt(root *yaml.Node, line, col int) map[string]bool {
	out := make(map[string]bool)
	at := func(n *yaml.Node) bool { return n.Line == line && (col == 0 || n.Column == col) }
	var walk func(n *yaml.Node, ptr string)
	walk = func(n *yaml.Node, ptr string) {
		if at(n) {
			out[ptr] = true
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				child := ptr + pointer([]string{k.Value})
				if at(k) {
					out[ptr], out[child] = true, true
				}
				walk(v, child)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, ptr+"/"+strconv.Itoa(i))
			}
		}
	}
	if root != nil {
		walk(root, "")
	}
	return out
}

// covers reports whether schema error e is about one of the values in
// ptrs. JSON Schema reports a repeated item on its list and a bad key on
// its mapping; the loader reports them on the second item and on the key.
func covers(e schemaError, ptrs map[string]bool) bool {
	switch k := e.kind.(type) {
	case *kind.UniqueItems:
		return ptrs[e.loc+"/"+strconv.Itoa(k.Duplicates[1])]
	case *kind.PropertyNames:
		return ptrs[e.loc+pointer([]string{k.Property})]
	}
	return ptrs[e.loc]
}

// notExpressible lists, by a pattern of the loader's message, every kind of
// error in the loader's bad-input fixtures (errorFixtures) that JSON Schema
// cannot catch, with the reason; stops marks errors after which the loader
// reads nothing more of the file. TestSchemaRejectsFixtures requires every
// other error of the fixtures to be caught by the schema at its place,
// every kind here to occur in the fixtures, and none of its errors to be
// caught by the schema (then the kind belongs no longer here).
//
// Rules the loader has that JSON Schema cannot express and that no fixture
// shows (see also docs/fields.md):
//   - text by language must include the default language, and translations
//     must leave it out: which language is the default is said in site.yaml;
//   - text is compared with allowed words after trimming spaces, so the
//     loader accepts gender: " female " in quotes, which the schema rejects;
//   - a page's menu: must be a whole number as the loader reads it: the
//     schema accepts 10.0 and 0x10, the loader does not;
//   - size limits of files (a case file over 256 KB, ...) and symbolic links
//     in content/.
var notExpressible = []struct {
	msg   *regexp.Regexp
	why   string
	stops bool
}{
	{regexp.MustCompile(`is not one of site\.yaml's languages`),
		"which languages a site has is said in another file, site.yaml; a schema sees one file at a time, so it checks only that a key looks like a language code", false},
	{regexp.MustCompile(`^event cites unknown source`),
		"source ids are defined in other files, content/sources/*.yaml; the schema checks only that a cited id looks like one", false},
	{regexp.MustCompile(`^source id .* is (already used|used again) at`),
		"ids must be unique across several files, and JSON Schema cannot require one field to be unique within a list of objects either", false},
	{regexp.MustCompile(`^fallbacks.*(falls back to itself|is the default language)`),
		"which language is the default, and which language a list of fallbacks is for, are other values of the file; JSON Schema cannot compare a value with another", false},
	{regexp.MustCompile(`is given twice in`),
		"a repeated key is gone once YAML becomes JSON; the editor's YAML parser reports it on its own", false},
	{regexp.MustCompile(`^anchors and aliases`),
		"YAML syntax that the editor expands before the schema sees the data", true},
	// The YAML syntax errors of the fixtures (internal/content/yamlsyntax.go
	// says each where the mistake is, so each kind has its own words).
	{regexp.MustCompile(`^this line is not lined up with the list|^this "\[" opens a list|^this double quote \("\) opens a text|^this line has no ":"`),
		"a file that does not parse has no data to check; the editor's YAML parser reports it on its own", true},
	{regexp.MustCompile(`^a tab is not allowed here`),
		"a tab in the indentation is YAML syntax: the file does not parse, and the editor's YAML parser reports it", true},
	{regexp.MustCompile(`^the file is not UTF-8 text`),
		"an encoding problem: the bytes never become text", true},
	{regexp.MustCompile(`is not a slug|is taken by the pages of the people list|^unexpected (file|entry|folder)|^missing case file|is the default language: name this file|is taken by the site's own pages|must start with front matter|^this translates the page`),
		"names of files and folders, not what one file says", false},
	{regexp.MustCompile(`is not a JPEG, PNG or WebP image`),
		"photos are images, not YAML", false},
	{regexp.MustCompile(`^raw HTML is not allowed|^link .* or a path on this site|^image .* is not allowed`),
		"the Markdown text of profiles and pages, not YAML", false},
}

// exceptionFor returns the index in notExpressible of the kind of loader
// error msg, or -1.
func exceptionFor(msg string) int {
	return slices.IndexFunc(notExpressible, func(x struct {
		msg   *regexp.Regexp
		why   string
		stops bool
	}) bool {
		return x.msg.MatchString(msg)
	})
}

// wantLine parses one line of a fixture's want section:
// path[:line[:col]]: message.
var wantLine = regexp.MustCompile(`^([^:]+?)(?::(\d+))?(?::(\d+))?: (.*)$`)

// errorFixtures returns the loader's bad-input fixtures, each a small site
// laid over internal/content/testdata/base.txtar with the errors it must
// give: the golden files of internal/content and the hostile corpus.
func errorFixtures(t *testing.T) []string {
	t.Helper()
	paths, _ := filepath.Glob("internal/content/testdata/errors/*.txtar")
	hostile, _ := filepath.Glob("testdata/hostile/errors/*.txtar")
	if len(paths) == 0 {
		t.Fatal("no fixtures")
	}
	return append(paths, hostile...)
}

// TestSchemaRejectsFixtures runs the schemas over the files of the loader's
// bad-input fixtures: each error the loader reports there must be caught by
// the schema at the same place, unless notExpressible lists its kind; and
// the schema must find nothing the loader does not.
func TestSchemaRejectsFixtures(t *testing.T) {
	paths := errorFixtures(t)
	used := make([]int, len(notExpressible))
	caught := 0
	for _, fixture := range paths {
		t.Run(strings.TrimPrefix(strings.TrimSuffix(fixture, ".txtar"), "internal/content/testdata/errors/"), func(t *testing.T) {
			data, err := os.ReadFile(fixture)
			if err != nil {
				t.Fatal(err)
			}
			a := testsite.Parse(data)
			type want struct {
				line, col int
				msg       string
			}
			wants := make(map[string][]want)
			for _, l := range strings.Split(strings.TrimSpace(string(a.Get("want"))), "\n") {
				m := wantLine.FindStringSubmatch(l)
				if m == nil {
					t.Fatalf("cannot read want line %q", l)
				}
				line, _ := strconv.Atoi(m[2])
				col, _ := strconv.Atoi(m[3])
				wants[m[1]] = append(wants[m[1]], want{line, col, m[4]})
			}
			files := make(map[string][]byte)
			for _, f := range a.Files {
				files[f.Name] = f.Data
			}
			for p, ws := range wants {
				var root *yaml.Node
				var errs []schemaError
				parsed := false
				if ref := schemaFor(p); ref != "" && files[p] != nil {
					var v any
					if root, v, err = parseContent(p, files[p]); err == nil {
						parsed = true
						errs = validate(t, ref, v)
					}
				}
				explained := make([]bool, len(errs))
				for _, w := range ws {
					if x := exceptionFor(w.msg); x >= 0 && notExpressible[x].stops {
						// The loader read no further: the schema's findings
						// have nothing to be compared with.
						for i := range explained {
							explained[i] = true
						}
					}
				}
				for _, w := range ws {
					ptrs := pointersAt(root, w.line, w.col)
					hit := false
					for i, e := range errs {
						if w.line > 0 && covers(e, ptrs) {
							hit, explained[i] = true, true
						}
					}
					if x := exceptionFor(w.msg); x >= 0 {
						used[x]++
						if hit {
							t.Errorf("%s:%d:%d: %s\n  the schema catches this, so it is not an exception (%s): make notExpressible more precise",
								p, w.line, w.col, w.msg, notExpressible[x].why)
						}
						continue
					}
					switch {
					case !parsed:
						t.Errorf("%s:%d:%d: %s\n  the file has no schema or does not parse, and notExpressible does not list this error", p, w.line, w.col, w.msg)
					case !hit:
						t.Errorf("%s:%d:%d: %s\n  the schema does not catch this; it reports: %v", p, w.line, w.col, w.msg, errs)
					default:
						caught++
					}
				}
				for i, e := range errs {
					if !explained[i] {
						t.Errorf("%s: the schema reports %v, which the loader does not", p, e)
					}
				}
			}
			// A fixture file the loader finds nothing wrong in must pass the schema too.
			for p, data := range files {
				if ref := schemaFor(p); ref != "" && wants[p] == nil {
					if _, v, err := parseContent(p, data); err == nil {
						if errs := validate(t, ref, v); errs != nil {
							t.Errorf("%s: the loader accepts it, the schema reports %v", p, errs)
						}
					}
				}
			}
		})
	}
	for i, n := range used {
		if n == 0 {
			t.Errorf("notExpressible[%d] (%s) matches no error of the fixtures: remove it", i, notExpressible[i].msg)
		}
	}
	if caught < 30 {
		t.Errorf("the schemas catch only %d errors of the fixtures", caught)
	}
	excepted := 0
	for _, n := range used {
		excepted += n
	}
	t.Logf("the schemas catch %d errors of the fixtures at their place; %d are of kinds JSON Schema cannot express", caught, excepted)
}

// contentFiles returns every file of the shipped content/ that a schema
// describes, by path.
func contentFiles(t *testing.T) map[string][]byte {
	t.Helper()
	out := make(map[string][]byte)
	err := fs.WalkDir(os.DirFS("."), "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || schemaFor(p) == "" {
			return err
		}
		out[p], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSchemaAcceptsContent validates the shipped content, the loader's
// valid base fixture and the case file `tizim new person` writes.
func TestSchemaAcceptsContent(t *testing.T) {
	files := contentFiles(t)
	kinds := make(map[string]int)
	for p := range files {
		kinds[schemaFor(p)]++
	}
	if kinds["case.schema.json"] < 13 || kinds["sources.schema.json"] < 2 || kinds["site.schema.json"] != 1 || kinds["page.schema.json"] < 4 {
		t.Fatalf("found too few content files: %v", kinds)
	}
	base, err := os.ReadFile("internal/content/testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range testsite.Parse(base).Files {
		files["base.txtar/"+f.Name] = f.Data
	}
	files["new/content/people/x/case.yaml"] = content.CaseTemplate("Қайрат Қылышев", "2024-05-06", "https://example.org/schema/case.schema.json")
	for p, data := range files {
		ref := schemaFor(p[strings.Index(p, "content/"):])
		_, v, err := parseContent(p, data)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if errs := validate(t, ref, v); errs != nil {
			t.Errorf("%s: %v", p, errs)
		}
	}
}

// TestSchemasAreValid compiles every schema as draft 2020-12 and checks
// what maintainers see on hover: every property has a title, a description
// and examples, and the definitions that several files share are the same.
func TestSchemasAreValid(t *testing.T) {
	entries, err := os.ReadDir("schema")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := slices.Sorted(slices.Values(schemaFiles)); !slices.Equal(names, want) {
		t.Errorf("schema/ holds %v, want %v", names, want)
	}
	shared := make(map[string]any)
	sharedIn := make(map[string]string)
	for _, file := range schemaFiles {
		compileSchema(t, file)
		s := readSchema(t, file)
		if s["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
			t.Errorf("%s: $schema is %v, want draft 2020-12", file, s["$schema"])
		}
		eachProperty(s, func(ptr, name string, p map[string]any) {
			for _, key := range []string{"title", "description", "examples"} {
				if p[key] == nil {
					t.Errorf("%s: property %s has no %s", file, ptr, key)
				}
			}
		})
		defs, _ := s["$defs"].(map[string]any)
		for name, def := range defs {
			if first, ok := shared[name]; ok && !reflect.DeepEqual(first, def) {
				t.Errorf("$defs/%s differs between %s and %s; keep the copies the same", name, sharedIn[name], file)
			} else if !ok {
				shared[name], sharedIn[name] = def, file
			}
		}
	}
	// The published copy is the embedded one.
	for _, file := range schemaFiles {
		embedded, err := fs.ReadFile(tizim.DefaultTheme, "schema/"+file)
		disk, _ := os.ReadFile(filepath.Join("schema", file))
		if err != nil || !bytes.Equal(embedded, disk) {
			t.Errorf("schema/%s is not embedded in tizim.DefaultTheme: %v", file, err)
		}
	}
}

// eachProperty calls fn for every property a schema declares, at any depth,
// with its JSON pointer, except those in "if" and "then", which only
// restate properties declared elsewhere.
func eachProperty(s map[string]any, fn func(ptr, name string, p map[string]any)) {
	var walk func(v any, ptr string)
	walk = func(v any, ptr string) {
		switch v := v.(type) {
		case map[string]any:
			for _, k := range slices.Sorted(mapKeys(v)) {
				if k == "if" || k == "then" || k == "examples" || k == "defaultSnippets" {
					continue
				}
				if k == "properties" {
					props, _ := v[k].(map[string]any)
					for _, name := range slices.Sorted(mapKeys(props)) {
						if p, ok := props[name].(map[string]any); ok {
							fn(ptr+"/properties/"+name, name, p)
						}
					}
				}
				walk(v[k], ptr+"/"+k)
			}
		case []any:
			for i, x := range v {
				walk(x, ptr+"/"+strconv.Itoa(i))
			}
		}
	}
	walk(s, "")
}

// mapKeys iterates over the keys of m.
func mapKeys(m map[string]any) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// loadOver loads the loader's base fixture with files laid over it and
// returns what content.Load returns as its error.
func loadOver(t *testing.T, files map[string]string) error {
	t.Helper()
	base, err := os.ReadFile("internal/content/testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := testsite.Parse(base).FS("")
	for p, data := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(data), Mode: 0o644}
	}
	_, err = content.Load(fsys)
	return err
}

// loadWith loads the loader's base fixture with files laid over it and
// returns the loader's messages by file.
func loadWith(t *testing.T, files map[string]string) map[string][]string {
	t.Helper()
	err := loadOver(t, files)
	out := make(map[string][]string)
	var list content.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			out[e.Path] = append(out[e.Path], e.Msg)
		}
	} else if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSchemaFieldsMatchLoader asks the loader which fields each kind of
// mapping allows and requires, by giving it one with an unknown field and
// nothing else, and compares the answer with the schema's properties and
// required lists; and compares the schema's lists of words (event types,
// sentence kinds, statuses, genders) with the loader's.
func TestSchemaFieldsMatchLoader(t *testing.T) {
	probes := []struct {
		file, data     string // a file with a mapping holding only zzz: 1
		schema, object string // the mapping's schema: file and JSON pointer
	}{
		{"content/people/p/case.yaml", "zzz: 1\n", "case.schema.json", ""},
		{"content/people/p/case.yaml", "name: P\nevents: [{zzz: 1}]\n", "case.schema.json", "/$defs/event"},
		{"content/people/p/case.yaml", "name: P\ncharges: [{zzz: 1}]\nevents: [{date: 2020, type: other, text: T, sources: [src-a]}]\n", "case.schema.json", "/$defs/charge"},
		{"content/people/p/case.yaml", "name: P\nevents: [{date: 2020, type: sentenced, text: T, sources: [src-a], sentence: {zzz: 1}}]\n", "case.schema.json", "/$defs/sentence"},
		{"content/sources/p.yaml", "- zzz: 1\n", "sources.schema.json", "/$defs/source"},
		{"content/site.yaml", "zzz: 1\n", "site.schema.json", ""},
		{"content/site.yaml", "title: T\nfacilities: {F: {zzz: 1}}\n", "site.schema.json", "/$defs/facility"},
		{"content/pages/p.md", "---\nzzz: 1\n---\nText.\n", "page.schema.json", ""},
	}
	allowedRE := regexp.MustCompile(`^unknown field "zzz" in .*; allowed: (.*)$`)
	requiredRE := regexp.MustCompile(`has no "(\w+)"; it is required$`)
	for _, p := range probes {
		var allowed, required []string
		for _, msg := range loadWith(t, map[string]string{p.file: p.data})[p.file] {
			if m := allowedRE.FindStringSubmatch(msg); m != nil {
				allowed = strings.Split(m[1], ", ")
			}
			if m := requiredRE.FindStringSubmatch(msg); m != nil {
				required = append(required, m[1])
			}
		}
		if allowed == nil {
			t.Fatalf("%s: the loader did not list the allowed fields of %s", p.file, p.object)
		}
		obj := schemaAt(t, readSchema(t, p.schema), p.object)
		props, _ := obj["properties"].(map[string]any)
		if got := slices.Sorted(mapKeys(props)); !slices.Equal(got, slices.Sorted(slices.Values(allowed))) {
			t.Errorf("%s#%s: properties %v, the loader allows %v", p.schema, p.object, got, allowed)
		}
		if obj["additionalProperties"] != false {
			t.Errorf("%s#%s: additionalProperties must be false, as the loader rejects unknown fields", p.schema, p.object)
		}
		if got := slices.Sorted(slices.Values(stringList(obj["required"]))); !slices.Equal(got, slices.Sorted(slices.Values(required))) {
			t.Errorf("%s#%s: required %v, the loader requires %v", p.schema, p.object, got, required)
		}
	}

	caseSchema := readSchema(t, "case.schema.json")
	enum := func(s map[string]any, ptr string) []string { return stringList(schemaAt(t, s, ptr)["enum"]) }
	var types, kinds, statuses, noSentence, noBy []string
	for _, e := range content.EventTypes {
		types = append(types, string(e))
		if !e.CarriesSentence() {
			noSentence = append(noSentence, string(e))
		}
		if !e.CarriesBy() {
			noBy = append(noBy, string(e))
		}
	}
	for _, k := range content.SentenceKinds {
		kinds = append(kinds, string(k))
	}
	for _, s := range content.Statuses {
		statuses = append(statuses, string(s))
	}
	genderMsg := loadWith(t, map[string]string{"content/people/p/case.yaml": "name: P\ngender: zzz\nevents: [{date: 2020, type: other, text: T, sources: [src-a]}]\n"})["content/people/p/case.yaml"]
	var genders []string
	if len(genderMsg) == 1 {
		if _, list, ok := strings.Cut(genderMsg[0], "allowed: "); ok {
			genders = strings.Split(list, ", ")
		}
	}
	for _, c := range []struct {
		what      string
		got, want []string
	}{
		{"event types", enum(caseSchema, "/$defs/event/properties/type"), types},
		{"event types without a sentence", enum(caseSchema, "/$defs/event/allOf/0/if/properties/type"), noSentence},
		{"event types without by", enum(caseSchema, "/$defs/event/allOf/1/if/properties/type"), noBy},
		{"sentence kinds", enum(caseSchema, "/$defs/sentence/properties/kind"), kinds},
		{"genders", enum(caseSchema, "/properties/gender"), genders},
		{"statuses", enum(readSchema(t, "site.schema.json"), "/properties/current_statuses/items"), statuses},
	} {
		if !slices.Equal(c.got, c.want) || len(c.want) == 0 {
			t.Errorf("%s: the schema has %v, the loader %v", c.what, c.got, c.want)
		}
	}
	// The descriptions of the words follow the words.
	for _, ptr := range []string{"/$defs/event/properties/type", "/$defs/sentence/properties/kind"} {
		if s := schemaAt(t, caseSchema, ptr); len(stringList(s["enumDescriptions"])) != len(stringList(s["enum"])) {
			t.Errorf("%s: one enumDescription per enum value, please", ptr)
		}
	}
}

// TestSchemaDatesAndTerms compares the schema's patterns for dates and
// sentence terms with the loader's parsers over many written forms, right
// and wrong.
func TestSchemaDatesAndTerms(t *testing.T) {
	var dates []string
	for _, y := range []string{"0999", "1000", "1900", "1999", "2000", "2001", "2004", "2023", "2024", "2100", "2400", "2999", "3000", "20", "20201"} {
		dates = append(dates, y)
		for m := 0; m <= 13; m++ {
			ym := fmt.Sprintf("%s-%02d", y, m)
			dates = append(dates, ym)
			if y != "2004" && y != "2023" && y != "2024" && y != "1900" && y != "2000" && y != "2100" && y != "2400" && y != "1000" {
				continue
			}
			for d := 0; d <= 32; d++ {
				dates = append(dates, fmt.Sprintf("%s-%02d", ym, d))
			}
		}
	}
	for _, d := range slices.Clone(dates) {
		dates = append(dates, d+"~", d+"?", d+"~?", d+"?~")
	}
	dates = append(dates, "", " ", "2020 ", " 2020", "2020-7", "2020-07-1", "2020-", "2020--01", "2020-01-01-01",
		"2020/01/01", "２０２０", "c. 2020", "2020-07~~", "~2020", "2020-02-29T00:00:00", "2020-02-29\n")
	dateSchema := "case.schema.json#/$defs/date"
	for _, s := range dates {
		_, err := date.Parse(s)
		if got := validate(t, dateSchema, s) == nil; got != (err == nil) {
			t.Errorf("date %q: schema accepts: %v, loader: %v", s, got, err)
		}
	}
	// A year alone is a number in YAML.
	for _, n := range []int{-2020, 0, 61, 999, 1000, 2020, 2999, 3000, 20200} {
		_, err := date.Parse(strconv.Itoa(n))
		if got := validate(t, dateSchema, json.Number(strconv.Itoa(n))) == nil; got != (err == nil) {
			t.Errorf("date %d: schema accepts: %v, loader: %v", n, got, err)
		}
	}

	nums := []string{"", "0", "1", "01", "7", "12", "9999", "10000"}
	var terms []string
	for _, y := range nums {
		for _, m := range nums {
			for _, d := range nums {
				terms = append(terms, y+"y"+m+"m"+d+"d", y+"y"+m+"m", m+"m"+d+"d", y+"y"+d+"d", y+"y", m+"m", d+"d")
			}
		}
	}
	terms = append(terms, "", "7", "y", "1m1y", "1d1m", "1y1y", "7Y", "7 years", " 7y", "7y ", "1y6m14d", "7y\n", "-1y", "+1y", "1.5y", "1w")
	termSchema := "case.schema.json#/$defs/sentence/properties/term"
	for _, s := range terms {
		_, err := date.ParseTerm(s)
		if got := validate(t, termSchema, s) == nil; got != (err == nil) {
			t.Errorf("term %q: schema accepts: %v, loader: %v", s, got, err)
		}
	}
}

// TestSchemaAgreesWithLoader feeds small files to both the loader (laid
// over its base fixture) and the schema, for rules the fixtures do not
// show: both must accept, or both reject.
func TestSchemaAgreesWithLoader(t *testing.T) {
	person := func(lines string) string {
		return "name: P\nevents:\n  - date: 2020\n    type: other\n    text: T\n    sources: [src-a]\n" + lines
	}
	event := func(lines string) string {
		return "name: P\nevents:\n  - date: 2020\n    text: T\n    sources: [src-a]\n" + lines
	}
	source := func(lines string) string { return "- id: s-x\n  title: T\n" + lines }
	site := func(lines string) string { return "title: T\nlanguages: [en, ru]\n" + lines }
	const c, s, st, pg = "content/people/p/case.yaml", "content/sources/x.yaml", "content/site.yaml", "content/pages/p.md"
	cases := []struct{ file, data string }{
		// case files
		{c, person("")},
		{c, person("names: {en: P, ru: П}\n")},
		{c, person("names: {Russian: П}\n")},
		{c, person("names: [П]\n")},
		{c, person("names: {ru: \"\"}\n")},
		{c, person("aliases: []\n")},
		{c, person("aliases: [a, 2, \"\"]\n")},
		{c, person("aliases: [a, null]\n")},
		{c, person("born: 1961?\n")},
		{c, person("born: 1961\n")},
		{c, person("born: 61\n")},
		{c, person("gender: other\n")},
		{c, person("gender: Female\n")},
		{c, person("region: 2020\n")},
		{c, person("region: yes\n")},
		{c, person("region: true\n")},
		{c, person("region: \" \"\n")},
		{c, person("region: \"\u00a0\u3000\"\n")},
		{c, person("region: \"Alma\u200bty\"\n")},
		{c, person("region: \"\u202eAlmaty\"\n")},
		{c, person("region: \"Almaty\u2069\"\n")},
		{c, person("region: \"\ufeffAlmaty\"\n")},
		{c, person("region: \"Alma\u200dty\u200e\"\n")},
		{c, person("names: {ru: \"Ива\u2060нов\"}\n")},
		{c, person("gender: \"fe\u200bmale\"\n")},
		{c, person("occupation: {en: a, ru: б}\n")},
		{c, person("occupation: {}\n")},
		{c, person("occupation: [a]\n")},
		{c, person("groups: [A, B]\n")},
		{c, person("tags: tag\n")},
		{c, person("charges: [{text: x}, {article: \"art. 1\", text: {en: x, ru: y}}]\n")},
		{c, person("charges: [{article: 174, text: x}]\n")},
		{c, person("charges: [{article: art. 1}]\n")},
		{c, person("charges: {text: x}\n")},
		{c, person("draft: true\n")},
		{c, person("draft: false\n")},
		{c, person("draft: \"true\"\n")},
		{c, person("draft: yes\n")},
		{c, person("internal:\n  notes: [anything, {at: all}]\n")},
		{c, person("internal: null\n")},
		{c, "name: P\nevents: {date: 2020}\n"},
		{c, "name: P\nevents:\n" + strings.Repeat("  - {date: 2020, type: other, text: T, sources: [src-a]}\n", content.MaxEvents)},
		{c, "name: P\nevents:\n" + strings.Repeat("  - {date: 2020, type: other, text: T, sources: [src-a]}\n", content.MaxEvents+1)},
		// events
		{c, event("    type: recognized\n    by: Ar.Rukh.Khaq\n")},
		{c, event("    type: delisted\n    by: Ar.Rukh.Khaq\n")},
		{c, event("    type: released\n    by: Ar.Rukh.Khaq\n")},
		{c, event("    type: appeal\n    by: Ar.Rukh.Khaq\n")},
		{c, event("    type: appeal\n    sentence: {kind: prison}\n")},
		{c, event("    type: sentence_changed\n    sentence: {kind: fine, amount: {en: 5, ru: пять}}\n")},
		{c, event("    type: sentence_changed\n    sentence: {kind: fine, amount: \"\"}\n")},
		{c, event("    type: sentence_changed\n    sentence: {kind: fine}\n    internal: {lead: anything}\n")},
		{c, event("    type: sentenced\n    sentence: {kind: prison, term: 7}\n")},
		{c, event("    type: sentenced\n    sentence: {kind: prison, term: null}\n")},
		{c, event("    type: sentenced\n    sentence: prison\n")},
		{c, event("    type: released\n    sentence: {kind: none}\n")},
		{c, event("    type: transferred\n    facility: Colony 1\n    court: C\n    judge: J\n")},
		{c, event("    type: transferred\n    facility: [Colony 1]\n")},
		{c, event("    type: Detained\n")},
		{c, "name: P\nevents:\n  - date: 2020-02-30\n    type: other\n    text: T\n    sources: [src-a]\n"},
		{c, "name: P\nevents:\n  - date: 2020\n    type: other\n    text: T\n    sources: []\n"},
		{c, "name: P\nevents:\n  - date: 2020\n    type: other\n    text: T\n    sources: [Src-A]\n"},
		{c, "name: P\nevents:\n  - date: 2020\n    type: other\n    text: T\n    sources: [src-a, src-b]\n"},
		{c, "name: P\nevents:\n  - date: 2020\n    type: other\n    text: {EN: T}\n    sources: [src-a]\n"},
		{c, "name: P\nevents:\n  - date: null\n    type: other\n    text: T\n    sources: [src-a]\n"},
		// sources
		{s, source("")},
		{s, "[]\n"},
		{s, "id: s-x\ntitle: T\n"},
		{s, source("  publisher: P\n  date: 2020-10-01?\n  lang: en\n")},
		{s, source("  lang: EN\n")},
		{s, source("  lang: english\n")},
		{s, source("  date: 2020-10-32\n")},
		{s, "- id: s--x\n  title: T\n"},
		{s, "- id: 2020\n  title: T\n"},
		{s, source("  url: https://example.org/a?b=c#d\n")},
		{s, source("  url: HTTPS://EXAMPLE.ORG\n")},
		{s, source("  url: https://x\n")},
		{s, source("  url: http://x\n")},
		{s, source("  url: http://xy\n")},
		{s, source("  url: https://\n")},
		{s, source("  url: https:///x\n")},
		{s, source("  url: \"https://a b\"\n")},
		{s, source("  url: https://a<b\n")},
		{s, source("  url: mailto:us@example.org\n")},
		{s, source("  url: ftp://example.org/\n")},
		{s, source("  url: //example.org/\n")},
		{s, source("  url: \"https://example.org/\u200b\"\n")},
		{s, source("  url: \"https://exam\u202eple.org/\"\n")},
		{s, source("  title: \"\u2066\"\n")},
		{s, source("  archive_url: https://web.archive.org/web/2020/https://example.org/\n")},
		{s, source("  archive_url: javascript:alert(1)\n")},
		// site.yaml
		{st, site("")},
		{st, "title: {en: T, ru: Т}\nlanguages: [en, ru]\n"},
		{st, "title: {}\n"},
		{st, "description: D\n"},
		{st, site("base_url: https://example.org/reg/\n")},
		{st, site("base_url: https://example.org/reg\n")},
		{st, site("base_url: HTTP://EXAMPLE.ORG\n")},
		{st, site("base_url: /reg/\n")},
		{st, site("base_url: /\n")},
		{st, site("base_url: //example.org/\n")},
		{st, site("base_url: example.org/reg/\n")},
		{st, site("base_url: https://example.org/?q=1\n")},
		{st, site("base_url: https://example.org/#top\n")},
		{st, site("base_url: https:///reg/\n")},
		{st, site("base_url: mailto:x@example.org\n")},
		{st, site("base_url: \"https://example.org/re\u200bg/\"\n")},
		{st, site("base_url: \"/re\u2060g/\"\n")},
		{st, site("translations:\n  \"Alma\u200bty\": {ru: Алматы}\n")},
		{st, "title: T\nlanguages: []\n"},
		{st, "title: T\nlanguages: en\n"},
		{st, "title: T\nlanguages: [en, russian]\n"},
		{st, site("current_statuses: [imprisoned, restricted, free, died, pretrial_detention, house_arrest]\n")},
		{st, site("current_statuses: []\n")},
		{st, site("current_statuses: imprisoned\n")},
		{st, site("repo_url: https://github.com/tizim/tizim\nrepo_branch: main\nlicense: CC BY 4.0\n")},
		{st, site("repo_url: git@github.com:tizim/tizim.git\n")},
		{st, site("repo_branch: \"\"\n")},
		{st, site("facilities:\n  Colony 1: {address: Street 1}\n")},
		{st, site("facilities:\n  Colony 1: {}\n")},
		{st, site("facilities:\n  Colony 1: Street 1\n")},
		{st, site("facilities:\n  Colony 1: {address: Street 1, phone: 1}\n")},
		{st, site("facilities: [Colony 1]\n")},
		{st, site("translations:\n  Almaty: {ru: Алматы}\n  Our Right: {}\n")},
		{st, site("translations:\n  Almaty: Алматы\n")},
		{st, site("translations:\n  Almaty: {Russian: Алматы}\n")},
		{st, site("translations:\n  Almaty: {ru: \"\"}\n")},
		{st, site("translations:\n  \" \": {ru: Алматы}\n")},
		{st, site("translations: [Almaty]\n")},
		// pages
		{pg, "---\ntitle: P\ndescription: D\nmenu: 3\ndraft: false\n---\nText.\n"},
		{pg, "---\ntitle: P\nmenu: -1\n---\nText.\n"},
		{pg, "---\ntitle: {en: P}\n---\nText.\n"},
		{pg, "---\ndescription: D\n---\nText.\n"},
		{pg, "---\ntitle: P\nmenu: \"3\"\n---\nText.\n"},
		{pg, "---\ntitle: P\nmenu: 2.5\n---\nText.\n"},
		{pg, "---\ntitle: P\nlang: en\n---\nText.\n"},
	}
	rejected := 0
	for _, tc := range cases {
		loaderErrs := loadWith(t, map[string]string{tc.file: tc.data})[tc.file]
		_, v, err := parseContent(tc.file, []byte(tc.data))
		if err != nil {
			t.Fatalf("%s %q: %v", tc.file, tc.data, err)
		}
		errs := validate(t, schemaFor(tc.file), v)
		if (errs == nil) != (loaderErrs == nil) {
			t.Errorf("%s:\n%s\nloader: %q\nschema: %v", tc.file, tc.data, loaderErrs, errs)
		}
		if errs != nil {
			rejected++
		}
	}
	if rejected < len(cases)/3 || rejected == len(cases) {
		t.Errorf("%d of %d cases rejected: the table should hold both good and bad files", rejected, len(cases))
	}
}

// TestCaseSchemaURL checks where `tizim new person` points editors: at the
// case schema under an absolute base_url, and nowhere when site.yaml gives
// only a path, nothing, or cannot be read.
func TestCaseSchemaURL(t *testing.T) {
	for _, tt := range []struct{ site, want string }{
		{"title: T\nbase_url: https://example.org/reg/\n", "https://example.org/reg/schema/case.schema.json"},
		{"title: T\nbase_url: https://example.org/reg\n", "https://example.org/reg/schema/case.schema.json"},
		{"title: T\nlanguages: [en, EN]\nbase_url: HTTP://example.org\n", "HTTP://example.org/schema/case.schema.json"},
		{"title: T\nbase_url: /reg/\n", ""},
		{"title: T\n", ""},
		{"title: T\nbase_url: ftp://example.org/\n", ""},
		{"base_url: [https://example.org/]\n", ""},
		{"[not, a, mapping]\n", ""},
		{"base_url: https://example.org/\n  bad: indent\n", ""},
		{"", ""},
	} {
		fsys := fstest.MapFS{}
		if tt.site != "" {
			fsys["content/site.yaml"] = &fstest.MapFile{Data: []byte(tt.site)}
		}
		if got := content.CaseSchemaURL(fsys); got != tt.want {
			t.Errorf("site.yaml %q: got %q, want %q", tt.site, got, tt.want)
		}
	}
	if got, want := content.CaseSchemaURL(os.DirFS(".")), "https://tizim.github.io/kazakhstan/schema/case.schema.json"; got != want {
		t.Errorf("shipped site: got %q, want %q", got, want)
	}
	data := content.CaseTemplate("A", "2024-05-06", "https://example.org/schema/case.schema.json")
	if first, _, _ := strings.Cut(string(data), "\n"); first != "# yaml-language-server: $schema=https://example.org/schema/case.schema.json" {
		t.Errorf("first line of a new case file: %q", first)
	}
	if data := content.CaseTemplate("A", "2024-05-06", ""); bytes.Contains(data, []byte("yaml-language-server")) {
		t.Errorf("a new case file without a schema address mentions one:\n%s", data)
	}
}

// TestVSCodeSettings keeps .vscode/settings.json, which tells VS Code and
// Codespaces which schema checks which file, pointing at schemas that
// exist and at the files they are for.
func TestVSCodeSettings(t *testing.T) {
	data, err := os.ReadFile(".vscode/settings.json")
	if err != nil {
		t.Fatal(err)
	}
	var settings struct {
		Schemas map[string]string `json:"yaml.schemas"`
	}
	if err := json.Unmarshal(data, &settings); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"./schema/case.schema.json":    "content/people/*/case.yaml",
		"./schema/sources.schema.json": "content/sources/*.yaml",
		"./schema/site.schema.json":    "content/site.yaml",
	}
	for schema, glob := range want {
		if settings.Schemas[schema] != glob {
			t.Errorf("yaml.schemas[%q] = %q, want %q", schema, settings.Schemas[schema], glob)
		}
		if _, err := os.Stat(schema); err != nil {
			t.Errorf("%s: %v", schema, err)
		}
		if m, _ := filepath.Glob(glob); len(m) == 0 {
			t.Errorf("%s matches no file", glob)
		}
	}
}
