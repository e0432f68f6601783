package content_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/testkit/synth"
	"github.com/tizim/tizim/internal/testkit/testsite"
)

// sameTree returns how a differs from b, the tree yaml.v3 made, or "":
// the kinds, tags, values, styles, anchors, positions and children, all
// but the comments.
func sameTree(a, b *yaml.Node, at string) string {
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || a.Style != b.Style || a.Anchor != b.Anchor ||
		a.Line != b.Line || a.Column != b.Column || len(a.Content) != len(b.Content) || (a.Alias == nil) != (b.Alias == nil) {
		return fmt.Sprintf("%s: fast %s, yaml.v3 %s", at, describe(a), describe(b))
	}
	for i := range a.Content {
		if d := sameTree(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", at, i)); d != "" {
			return d
		}
	}
	return ""
}

func describe(n *yaml.Node) string {
	return fmt.Sprintf("{kind %d tag %q value %q style %d anchor %q at %d:%d, %d children}", n.Kind, n.Tag, n.Value, n.Style, n.Anchor, n.Line, n.Column, len(n.Content))
}

// checkFast parses data with both parsers and fails when the fast one
// accepts what yaml.v3 refuses or makes a different tree. It reports
// whether the fast parser took the file.
func checkFast(t *testing.T, name string, data []byte) bool {
	t.Helper()
	fast := content.FastYAML(data)
	if fast == nil {
		return false
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: the fast parser accepts what yaml.v3 refuses (%v):\n%s", name, err, data)
	}
	if d := sameTree(fast, &doc, "doc"); d != "" {
		t.Fatalf("%s: %s\n%s", name, d, data)
	}
	return true
}

// fastSeeds returns YAML texts for the fast parser: every YAML file of
// the repository, the files of the test sites (many of them wrong on
// purpose), a synthetic register's, and texts at the edges of the subset.
func fastSeeds(t testing.TB) map[string][]byte {
	seeds := map[string][]byte{}
	filepath.WalkDir("../..", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		switch {
		case strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml"):
			if data, err := os.ReadFile(p); err == nil {
				seeds[p] = data
			}
		case strings.HasSuffix(p, ".txtar"):
			if data, err := os.ReadFile(p); err == nil {
				for _, f := range testsite.Parse(data).Files {
					if strings.HasSuffix(f.Name, ".yaml") {
						seeds[p+":"+f.Name] = f.Data
					}
				}
			}
		}
		return nil
	})
	dir := t.TempDir()
	if err := synth.Write(dir, 300, 1); err != nil {
		t.Fatal(err)
	}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".yaml") {
			if data, err := os.ReadFile(p); err == nil {
				seeds["synth:"+strings.TrimPrefix(p, dir)] = data
			}
		}
		return nil
	})
	for i, s := range fastEdges {
		seeds[fmt.Sprint("edge ", i)] = []byte(s)
	}
	return seeds
}

var fastEdges = []string{
	"a: 1\n", "a: 1", "a: b\n  c\n", "a:\n  - b\n  - c\n", "a:\n- b\n- c\nd: e\n", "- a\n- b\n", "- a: 1\n  b: 2\n- c: 3\n",
	"a: [b, c]\n", "a: []\n", "a: {}\n", "a: {k: v, l: \"w\"}\n", "a: [b, c,]\n", "a: [b, [c]]\n", "a: \"x\\\"y\"\n",
	"a: 'it''s'\n", "a: \"x\" # c\n", "a: x # c\n", "a: x#c\n", "# c\na: 1\n", "a: 1\n# c\n  \nb: 2\n", "a:\n", "a:\nb: 1\n",
	"a: b: c\n", "a: b:\n", "a: -\n", "a: - b\n", "a: true\n", "a: null\n", "a: ~\n", "a: 2020-01-02\n", "a: 2020-13-45\n",
	"a: 1.5\n", "a: 0x1F\n", "a: .inf\n", "a: yes\n", "a: <<\n", "1: a\n", "true: a\n", "a: \"\"\n", "a: ''\n",
	"a:\n  b:\n    c: d\n  e: f\n", "a:\n    b: 1\n  c: 2\n", "- a: 1\n   b: 2\n", "-  a: 1\n   b: 2\n", "- - a\n",
	"a: Жанна Гусейнова\nb: [Жанна, \"Ж\"]\n", "a: [Ж, b]\nc: {d: Ж}\n", "---\na: 1\n", "a: 1\n...\n", "%YAML 1.2\n---\na: 1\n",
	"a: &x 1\nb: *x\n", "a: !!str 1\n", "a: |\n  x\n", "a: >\n  x\n", "\ta: 1\n", "a:\t1\n", "a: 1\r\n", "a: x\u00a0y\n",
	"  a: 1\n  b: 2\n", "  a: 1\n b: 2\n", "a:\n  - b\n  c: d\n", "a: b\n- c\n", "a:\n- b: 1\n  c:\n  - d\n", "a: [\"x, y\", 'z']\n",
	"a: [b c, d]\n", "a: {b: [c]}\n", "a: \"x\\ty\"\n", "a: \"x\\u0041\"\n", "a: \"unclosed\n", "a: 'x\n  y'\n", "a: x\n\n\n",
	"a: [a:b]\n", "a: [?x]\n", "a: {b: c d, e: f}\n", "a: {b:c}\n", "a: {b: }\n", "a: x: y\n", "a: C#\n", "a: x  \n", "a: 'x' y\n",
	"a: \"x\":\n", "a: [x]: y\n", "a: 12:30\n", "a: https://x.org/a#b\n", "a: x,y\n", "a: x [y] {z}\n", "key-with-dash: 1\n", "_a: 1\n",
	"a: 1\na: 2\n", "a:\n  # c\n  b: 1\n", "a:   \n  b: 1\n", "a: -1\n", "a: +1\n", "a: .5\n", "a: 0o17\n", "a: 1_000\n", "a: x\n  # c\nb: y\n",
}

// TestFastYAML holds the fast parser to yaml.v3's trees on the seeds, and
// requires it to take every case file and sources file of the synthetic
// register (site.yaml, with names of facilities as keys, is one file), so that a
// change that sends them to yaml.v3 shows here and not only as time.
func TestFastYAML(t *testing.T) {
	taken, synthFiles, synthTaken := 0, 0, 0
	seeds := fastSeeds(t)
	for name, data := range seeds {
		ok := checkFast(t, name, data)
		if ok {
			taken++
		}
		if strings.HasPrefix(name, "synth:") && !strings.HasSuffix(name, "/site.yaml") {
			synthFiles++
			if ok {
				synthTaken++
			} else {
				t.Errorf("%s: the fast parser does not take a file of the synthetic register:\n%s", name, data)
			}
		}
	}
	t.Logf("the fast parser took %d of %d texts (%d of %d of the synthetic register)", taken, len(seeds), synthTaken, synthFiles)
}

// FuzzFastYAML: whatever the fast parser takes, yaml.v3 takes too, with
// the same tree.
func FuzzFastYAML(f *testing.F) {
	for _, data := range fastSeeds(f) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) {
			return // checkText refuses it before either parser
		}
		checkFast(t, "fuzz", data)
	})
}

// TestPlainTag holds plainTag to yaml.v3's own resolution of plain texts,
// on the texts it tells apart itself: words, numbers and dates as content
// writes them, and their near misses.
func TestPlainTag(t *testing.T) {
	texts := []string{"", "~", "<<", "<", "<a", "true", "True", "TRUE", "tRUE", "false", "FALSE", "null", "Null", "NULL", "nULL",
		"yes", "Yes", "no", "on", "off", "y", "n", "Y", "N", "name", "type", "text", "en", "ru", "kk", "other", "Otto", "~x",
		".inf", ".nan", "+.inf", "-.inf", ".5", "+1", "-1", "0", "00", "01", "09", "0x1F", "0o17", "0b101", "1_000", "1e3", "1.5",
		"1", "12", "1981", "123456789012345678", "1234567890123456789", "12345678901234567890", "1981?", "1981~",
		"2022-08", "2022-08~", "2022-08?", "2022-8", "2022-08-24", "2022-08-24~", "2022-08-24?", "2022-8-24", "2022-08-4",
		"2022-02-29", "2024-02-29", "2000-02-29", "1900-02-29", "2022-02-30", "2022-04-31", "2022-12-31", "2022-13-01",
		"2022-00-10", "2022-01-00", "0000-01-01", "9999-12-31", "2022-08-24T10:00:00Z", "2022-08-24 10:00:00", "2022-08-24x",
		"2022-08-2x", "2022-0x", "2022-08-24-1", "2022--08", "20220-08-24", "2022-08-24~~", "2022-08x", "2022-08-",
	}
	for _, s := range texts {
		want := (&yaml.Node{Kind: yaml.ScalarNode, Value: s}).ShortTag()
		if got := content.PlainTag(s); got != want {
			t.Errorf("plainTag(%q) = %s, yaml.v3 says %s", s, got, want)
		}
	}
	for y := 1999; y <= 2001; y++ {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				for _, s := range []string{fmt.Sprintf("%04d-%02d-%02d", y, m, d), fmt.Sprintf("%04d-%02d", y, m), fmt.Sprintf("%d", y*100+d)} {
					want := (&yaml.Node{Kind: yaml.ScalarNode, Value: s}).ShortTag()
					if got := content.PlainTag(s); got != want {
						t.Errorf("plainTag(%q) = %s, yaml.v3 says %s", s, got, want)
					}
				}
			}
		}
	}
}
