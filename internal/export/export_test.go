package export_test

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"flag"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/export"
	"github.com/tizim/tizim/internal/register"
	"github.com/tizim/tizim/internal/testkit/testsite"
)

var update = flag.Bool("update", false, "rewrite testdata/golden")

// asOf is a date after the fixture's sentences and delisting, before Anna
// Ivanova's term ends.
var asOf = time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC)

// load builds the register of a fixture site.
func load(t testing.TB, files fs.FS) *register.Register {
	t.Helper()
	c, err := content.Load(files)
	if err != nil {
		t.Fatal(err)
	}
	return register.New(c, asOf)
}

func fixture(t testing.TB) fstest.MapFS {
	t.Helper()
	data, err := os.ReadFile("testdata/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	return testsite.Parse(data).FS("")
}

// exportAll runs every export of r, by file name.
func exportAll(t testing.TB, r *register.Register) map[string][]byte {
	t.Helper()
	out := make(map[string][]byte)
	for name, f := range map[string]func(*register.Register) ([]byte, error){
		export.JSONFile:   export.JSON,
		export.PeopleFile: export.PeopleCSV,
		export.EventsFile: export.EventsCSV,
	} {
		data, err := f(r)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = data
	}
	return out
}

// TestGolden compares the fixture's files with testdata/golden (go test
// -update rewrites them; review the diff).
func TestGolden(t *testing.T) {
	for name, got := range exportAll(t, load(t, fixture(t))) {
		path := filepath.Join("testdata", "golden", name)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s; run go test ./internal/export -update and review the diff\n got:\n%s", name, path, got)
		}
	}
}

// TestNothingPrivate checks that drafts, internal notes, profiles' hidden
// text and sources that only drafts cite stay out of every file, and so do
// paths of the maintainer's files.
func TestNothingPrivate(t *testing.T) {
	for name, data := range exportAll(t, load(t, fixture(t))) {
		for _, bad := range []string{"SECRET", "secret-draft", "only-the-draft", "Nowhere", "content/", "case.yaml", "profile", "A teacher."} {
			if bytes.Contains(data, []byte(bad)) {
				t.Errorf("%s contains %q", name, bad)
			}
		}
	}
}

// TestDeterministic loads and exports the fixture twice: map iteration and
// the loader's parallelism must not change a byte.
func TestDeterministic(t *testing.T) {
	a := exportAll(t, load(t, fixture(t)))
	b := exportAll(t, load(t, fixture(t)))
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	if bytes.HasPrefix(data, []byte("\uFEFF")) {
		t.Error("CSV starts with a byte order mark")
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestCSVColumnsDocumented checks that each CSV file's header is exactly
// the documented columns, in order, and that rows have as many cells.
func TestCSVColumnsDocumented(t *testing.T) {
	r := load(t, fixture(t))
	langs := r.Site.Languages
	for _, tc := range []struct {
		file string
		f    func(*register.Register) ([]byte, error)
		cols []export.Column
		rows int
	}{
		{export.PeopleFile, export.PeopleCSV, export.PeopleColumns(langs), 3},
		{export.EventsFile, export.EventsCSV, export.EventColumns(langs), 8},
	} {
		data, err := tc.f(r)
		if err != nil {
			t.Fatal(err)
		}
		rows := readCSV(t, data)
		var want []string
		for _, c := range tc.cols {
			want = append(want, c.Name)
		}
		if !slices.Equal(rows[0], want) {
			t.Errorf("%s header:\n got %q\nwant %q", tc.file, rows[0], want)
		}
		if len(rows)-1 != tc.rows {
			t.Errorf("%s has %d rows, want %d", tc.file, len(rows)-1, tc.rows)
		}
		// Every documented column has a value somewhere in the fixture, so
		// the golden file shows how each is written.
		for i, c := range tc.cols {
			filled := false
			for _, row := range rows[1:] {
				filled = filled || row[i] != ""
			}
			if !filled {
				t.Errorf("%s: column %s is empty in every row of the fixture", tc.file, c.Name)
			}
		}
	}
}

// TestJSONFieldsDocumented checks that every field register.json has for
// the fixture is documented, and that every documented field occurs, so
// that neither the file nor the page can drift.
func TestJSONFieldsDocumented(t *testing.T) {
	data, err := export.JSON(load(t, fixture(t)))
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	documented := make(map[string]export.Column)
	var order []string
	for _, c := range export.JSONFields() {
		if _, dup := documented[c.Name]; dup {
			t.Errorf("field %s is documented twice", c.Name)
		}
		documented[c.Name] = c
		order = append(order, c.Name)
	}
	seen := make(map[string]bool)
	var fields func(prefix string, obj map[string]any)
	value := func(path string, v any) {
		c, ok := documented[path]
		if !ok {
			t.Errorf("register.json has field %s, which JSONFields does not document", path)
			return
		}
		seen[path] = true
		if strings.HasPrefix(c.Type, "object:") {
			return // a map by language or name: documented as a whole
		}
		switch v := v.(type) {
		case map[string]any:
			fields(path+".", v)
		case []any:
			for _, x := range v {
				if obj, ok := x.(map[string]any); ok {
					fields(path+"[].", obj)
				}
			}
		}
	}
	fields = func(prefix string, obj map[string]any) {
		for k, x := range obj {
			value(prefix+k, x)
		}
	}
	fields("", doc.(map[string]any))
	for _, name := range order {
		if !seen[name] {
			t.Errorf("JSONFields documents %s, which the fixture's register.json does not have", name)
		}
	}
	// The documented order is the file's: a field comes after its parent.
	for i, name := range order {
		if parent, _, ok := cutLast(name); ok && !slices.Contains(order[:i], parent) {
			t.Errorf("field %s is documented before its parent %s", name, parent)
		}
	}
}

// TestJSONLines checks the layout of register.json: one document, with a
// line per person and per source, each a JSON object of its own.
func TestJSONLines(t *testing.T) {
	r := load(t, fixture(t))
	data, err := export.JSON(r)
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(data) || !bytes.HasSuffix(data, []byte("]}\n")) {
		t.Fatalf("register.json is not one JSON document ending in a newline")
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	var objects []string
	for _, l := range lines[1:] {
		if strings.HasPrefix(l, "{") {
			objects = append(objects, strings.TrimSuffix(l, ","))
		}
	}
	if want := len(r.People) + 2; len(objects) != want { // two sources
		t.Fatalf("register.json has %d lines holding objects, want %d:\n%s", len(objects), want, data)
	}
	for _, o := range objects {
		if !json.Valid([]byte(o)) {
			t.Errorf("line is not a JSON object: %s", o)
		}
	}
}

// cutLast splits "people[].events[].date" into "people[].events" and
// "date".
func cutLast(path string) (parent, field string, ok bool) {
	i := strings.LastIndexByte(path, '.')
	if i < 0 {
		return "", path, false
	}
	return strings.TrimSuffix(path[:i], "[]"), path[i+1:], true
}

// TestColumnDocs checks the documentation itself: every entry says what it
// is, and the JSON examples are JSON.
func TestColumnDocs(t *testing.T) {
	langs := []string{"en", "ru", "kk"}
	files := export.Files(langs, false)
	if len(files) != 3 || files[0].Name != export.JSONFile || files[1].Name != export.PeopleFile || files[2].Name != export.EventsFile {
		t.Fatalf("Files lists %v", files)
	}
	if !slices.Equal(files[1].Columns, export.PeopleColumns(langs)) || !slices.Equal(files[2].Columns, export.EventColumns(langs)) || !slices.Equal(files[0].Columns, export.JSONFields()) {
		t.Error("Files does not carry the columns of PeopleColumns, EventColumns and JSONFields")
	}
	for _, f := range files {
		if f.Description == "" || len(f.Notes) == 0 {
			t.Errorf("%s has no description or notes", f.Name)
		}
		names := make(map[string]bool)
		for _, c := range f.Columns {
			if names[c.Name] {
				t.Errorf("%s: column %s is documented twice", f.Name, c.Name)
			}
			names[c.Name] = true
			if c.Type == "" || !strings.HasSuffix(c.Description, ".") {
				t.Errorf("%s: column %s needs a type and a one-sentence description", f.Name, c.Name)
			}
			if f.Name == export.JSONFile && c.Example != "" && !json.Valid([]byte(c.Example)) {
				t.Errorf("%s: the example of %s is not JSON: %s", f.Name, c.Name, c.Example)
			}
		}
	}
	if !strings.Contains(strings.Join(files[1].Notes, " "), "apostrophe") {
		t.Error("the CSV notes do not explain the formula guard")
	}
	for i, f := range export.Files(langs, true) {
		if f.Name != files[i].Name+".gz" || !strings.Contains(f.Notes[0], "gzip") || len(f.Notes) != len(files[i].Notes)+1 {
			t.Errorf("compressed: %s, notes %q", f.Name, f.Notes)
		}
	}
}

// TestGzip checks that a compressed file unpacks to the file, and that the
// same file always compresses to the same bytes (a rebuild of an unchanged
// register rewrites nothing).
func TestGzip(t *testing.T) {
	data := bytes.Repeat([]byte("slug,url,name\r\nabai-abishev,https://example.org/people/abai-abishev/,Abai Abishev\r\n"), 5000)
	compress := func(data []byte) []byte {
		var b bytes.Buffer
		gz := export.NewGzip(&b)
		gz.Write(data)
		if err := gz.Close(); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	a := compress(data)
	b := compress(slices.Clone(data))
	if !bytes.Equal(a, b) {
		t.Error("two compressions of the same file differ")
	}
	if len(a) > len(data)/10 {
		t.Errorf("compressed to %d of %d bytes", len(a), len(data))
	}
	r, err := gzip.NewReader(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(r)
	if err != nil || !bytes.Equal(got, data) {
		t.Errorf("unpacked %d bytes (%v), want the %d of the file", len(got), err, len(data))
	}
	if r.Header.Name != "" || !r.Header.ModTime.IsZero() {
		t.Errorf("the header says %q, %v: a name or a time would make builds differ", r.Header.Name, r.Header.ModTime)
	}
}

// TestFormulaInjection checks that no CSV cell starts with a character
// that makes a spreadsheet evaluate it, while register.json keeps the
// values as written. (The loader trims text, so a leading tab or carriage
// return cannot come from content; guard_test.go covers them.)
func TestFormulaInjection(t *testing.T) {
	files := fstest.MapFS{
		"content/site.yaml":      {Data: []byte("title: T\nbase_url: https://example.org/\nlanguages: [en, ru]\n")},
		"content/sources/s.yaml": {Data: []byte("- id: s1\n  title: One\n")},
		"content/people/x/case.yaml": {Data: []byte(`name: '=HYPERLINK("https://evil.example","x")'
names: {ru: "+7 777"}
aliases: ["-2+3", "@SUM(A1:A2)", "ordinary", "a=b"]
region: "+Region"
occupation: "@occupation"
groups: ["=1+1"]
charges: [{article: "-art. 1", text: "=x"}]
events:
  - date: 2020-01-02
    type: sentenced
    text: {en: "=cmd|' /C calc'!A0", ru: "@risk"}
    court: "+court"
    judge: "-judge"
    sentence: {kind: fine, amount: "-500 tenge"}
    sources: [s1]
`)},
	}
	r := load(t, files)
	wantCells := map[string]bool{
		`'=HYPERLINK("https://evil.example","x")`: true,
		"'+7 777":                              true,
		"'-2+3 | @SUM(A1:A2) | ordinary | a=b": true,
		"'+Region":                             true,
		"'@occupation":                         true,
		"'=1+1":                                true,
		"'-art. 1: =x":                         true,
		"'=cmd|' /C calc'!A0":                  true,
		"'@risk":                               true,
		"'+court":                              true,
		"'-judge":                              true,
		"'-500 tenge":                          true,
	}
	found := make(map[string]bool)
	for _, f := range []func(*register.Register) ([]byte, error){export.PeopleCSV, export.EventsCSV} {
		data, err := f(r)
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range readCSV(t, data) {
			for _, cell := range row {
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
					t.Errorf("unguarded cell %q", cell)
				}
				if wantCells[cell] {
					found[cell] = true
				}
			}
		}
	}
	for cell := range wantCells {
		if !found[cell] {
			t.Errorf("no cell %q", cell)
		}
	}
	data, err := export.JSON(r)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(`"name":"=HYPERLINK(\"https://evil.example\",\"x\")"`)) {
		t.Errorf("register.json should keep the name as written:\n%s", data)
	}
}

// TestEmpty checks a register with no published people: valid files with
// headers only, and JSON arrays rather than null.
func TestEmpty(t *testing.T) {
	files := fstest.MapFS{
		"content/site.yaml":          {Data: []byte("title: T\nbase_url: /reg/\n")},
		"content/sources/s.yaml":     {Data: []byte("- id: s1\n  title: SECRET\n")},
		"content/people/d/case.yaml": {Data: []byte("name: D\ndraft: true\nevents: [{date: 2020, type: detained, text: D., sources: [s1]}]\n")},
	}
	out := exportAll(t, load(t, files))
	if want := "{\"title\":{\"en\":\"T\"},\"as_of\":\"2021-06-01\",\"confirm_within\":\"1y\",\"counts\":{\"current\":0,\"confirmed\":0,\"unconfirmed\":0,\"term_ended\":0},\"languages\":[\"en\"],\"base_url\":\"/reg/\",\"people\":[],\"sources\":[]}\n"; string(out[export.JSONFile]) != want {
		t.Errorf("register.json:\n got %s\nwant %s", out[export.JSONFile], want)
	}
	for _, name := range []string{export.PeopleFile, export.EventsFile} {
		if rows := readCSV(t, out[name]); len(rows) != 1 {
			t.Errorf("%s has %d rows, want the header only", name, len(rows))
		}
	}
}
