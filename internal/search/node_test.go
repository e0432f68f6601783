package search

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The tests here run static/search.js under node, when node is installed,
// so that the browser's half of the search is checked against the Go
// half: the same folding, the same choice of shard, the same matches.

func nodeOrSkip(t *testing.T) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Skip("node is not installed; skipping the static/search.js tests (fine in CI)")
		}
		t.Skip("node is not installed: install Node.js to test static/search.js against the Go code")
	}
	return node
}

func searchJS(t *testing.T) string {
	t.Helper()
	js, err := filepath.Abs("../../static/search.js")
	if err != nil {
		t.Fatal(err)
	}
	return js
}

// runNode runs script with node, with args, and decodes its JSON output
// into out.
func runNode(t *testing.T, script string, out any, args ...string) {
	t.Helper()
	node := nodeOrSkip(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "driver.js")
	if err := os.WriteFile(file, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, append([]string{file}, args...)...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	data, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	if err := json.Unmarshal(data, out); err != nil {
		t.Fatalf("node output: %v\n%.500s", err, data)
	}
}

func writeJSON(t *testing.T, v any) string {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "data.json")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

const foldDriver = `
const s = require(process.argv[2]);
const fs = require('fs');
const f = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const cases = JSON.parse(fs.readFileSync(process.argv[4], 'utf8'));
process.stdout.write(JSON.stringify(cases.map(c => s.fold(c, f))));
`

func TestNodeFold(t *testing.T) {
	cases := foldCases()
	var got []string
	runNode(t, foldDriver, &got, searchJS(t), writeJSON(t, manifestTable(t)), writeJSON(t, cases))
	if len(got) != len(cases) {
		t.Fatalf("node folded %d strings, want %d", len(got), len(cases))
	}
	for i, s := range cases {
		if want := Fold(s); got[i] != want {
			t.Errorf("search.js folds %q to %q, Fold to %q", s, got[i], want)
		}
	}
}

// findDriver answers queries [query, lang] from an index in a folder, as
// search.js would in a browser, and reports the files each one fetched.
const findDriver = `
const s = require(process.argv[2]);
const fs = require('fs'), path = require('path');
const dir = process.argv[3];
const queries = JSON.parse(fs.readFileSync(process.argv[4], 'utf8'));
(async () => {
  const out = [];
  for (const [q, lang] of queries) {
    const files = [];
    const ix = s.Index('https://example.org/site/search/index.json', u => {
      const p = new URL(u).pathname.replace('/site/', '');
      files.push(p);
      return Promise.resolve(JSON.parse(fs.readFileSync(path.join(dir, p), 'utf8')));
    });
    const r = await s.find(ix, q, lang);
    out.push({files, full: r ? r.full : true, slugs: r ? r.list.map(x => x[0][0]) : [], names: r ? r.list.map(x => x[1]) : []});
  }
  process.stdout.write(JSON.stringify(out));
})().catch(e => { console.error(e); process.exit(1); });
`

type found struct {
	Files []string
	Full  bool
	Slugs []string
	Names []string
}

func findWithNode(t *testing.T, files map[string][]byte, queries [][2]string) []found {
	t.Helper()
	nodeOrSkip(t)
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out []found
	runNode(t, findDriver, &out, searchJS(t), dir, writeJSON(t, queries))
	if len(out) != len(queries) {
		t.Fatalf("node answered %d queries, want %d", len(out), len(queries))
	}
	return out
}

func TestNodeFind(t *testing.T) {
	files, err := Index(smallDocs(), Options{Langs: []string{"en", "ru", "kk"}})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		q, lang string
		want    []string
		names   []string
	}{
		{"Qylyshev", "en", []string{"qairat-qylyshev"}, []string{"Qairat Qylyshev"}},
		{"Kylyshev", "kk", []string{"qairat-qylyshev"}, []string{"Қайрат Қылышев"}},
		{"Қылышев", "ru", []string{"qairat-qylyshev"}, []string{"Кайрат Кылышев"}},
		{"КАЙРАТ кылышев", "en", []string{"qairat-qylyshev"}, nil},
		{"Закирова", "en", []string{"sanavar-zakirova"}, nil},
		{"zakirova", "kk", []string{"sanavar-zakirova"}, []string{"Sanavar Zakirova"}}, // no kk name: the default
		{"Zakirva", "en", []string{"sanavar-zakirova"}, nil},                           // a letter missing
		{"Zakriova", "en", []string{"sanavar-zakirova"}, nil},                          // two letters swapped
		{"Zak", "en", []string{"sanavar-zakirova"}, nil},
		{"Janbolat", "en", []string{"zhanbolat-mamai"}, nil},
		{"Жанболат", "en", []string{"zhanbolat-mamai"}, nil},
		{"Mukhtar Zhakishev", "en", []string{"mukhtar-dzhakishev"}, nil},
		{"Жәкішев Мұхтар", "en", []string{"mukhtar-dzhakishev"}, nil},
		{"Boqaev", "en", []string{"max-bokaev"}, nil},
		{"talgat", "en", []string{"max-bokaev"}, nil}, // an alias
		{"Maksim", "en", []string{"max-bokaev"}, nil},
		{"Ерімбетов", "en", []string{"erlan-erimbetov"}, nil},
		{"erim", "en", []string{"erlan-erimbetov"}, nil},
		{"Qylyshev Sanavar", "en", nil, nil},
		{"xyz", "en", nil, nil},
		{"!!", "en", nil, nil},
		{"a", "en", []string{"a-b", "max-bokaev"}, nil}, // the token "a", then the start of one (Ayan)
	}
	var queries [][2]string
	for _, c := range cases {
		queries = append(queries, [2]string{c.q, c.lang})
	}
	all := findWithNode(t, files, queries)
	for i, c := range cases {
		got := all[i]
		if !slices.Equal(got.Slugs, c.want) {
			t.Errorf("%q: found %q, want %q", c.q, got.Slugs, c.want)
		}
		if c.names != nil && !slices.Equal(got.Names, c.names) {
			t.Errorf("%q in %s: names %q, want %q", c.q, c.lang, got.Names, c.names)
		}
	}
}

// On an index with many shards, search.js fetches the manifest and the
// file the Go mirror picks, and finds the person whose name was asked for.
func TestNodeFindSharded(t *testing.T) {
	docs := synthetic(3000, 7)
	files, err := Index(docs, Options{Langs: []string{"en", "ru", "kk"}, MaxShard: 4000, MaxSummary: 2000})
	if err != nil {
		t.Fatal(err)
	}
	c := newClient(t, files, "search")
	var queries [][2]string
	var want []string
	for i := 0; i < len(docs); i += 37 {
		for j, lang := range []string{"en", "ru", "kk"} {
			q := docs[i].Names[lang]
			if j == 1 {
				q = strings.ToUpper(q)
			}
			queries = append(queries, [2]string{q, lang})
			want = append(want, docs[i].Slug)
		}
		queries = append(queries, [2]string{string([]rune(docs[i].Names["kk"])[:3]), "kk"})
		want = append(want, "")
	}
	got := findWithNode(t, files, queries)
	for i, q := range queries {
		f, full := c.pick(Tokens(q[0]), !strings.HasSuffix(q[0], " "))
		if wantFiles := []string{"search/index.json", f}; !slices.Equal(got[i].Files, wantFiles) || got[i].Full != full {
			t.Errorf("%q: fetched %q (complete %v), want %q (%v)", q[0], got[i].Files, got[i].Full, wantFiles, full)
		}
		if want[i] != "" && !slices.Contains(got[i].Slugs, want[i]) {
			t.Errorf("%q: found %q, not %s", q[0], got[i].Slugs, want[i])
		}
	}
}
