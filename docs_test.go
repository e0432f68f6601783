package tizim_test

// Tests of the maintainers' guide in docs/: it documents every field the
// schemas (and so the loader) know, every event type, sentence kind and
// status; the error messages it quotes are the ones tizim prints; and its
// links lead somewhere.

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/testkit/phototest"
)

// readDoc returns the text of docs/<name>.
func readDoc(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("docs", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// docLine is one line of a Markdown file, with whether it is inside a
// fenced code block.
type docLine struct {
	text   string
	inCode bool
}

// docLines splits a Markdown file into lines, marking those in ``` blocks
// (the fence lines themselves count as code).
func docLines(doc string) []docLine {
	var out []docLine
	in := false
	for _, l := range strings.Split(doc, "\n") {
		fence := strings.HasPrefix(strings.TrimSpace(l), "```")
		out = append(out, docLine{l, in || fence})
		if fence {
			in = !in
		}
	}
	return out
}

// section returns the part of doc under the level-2 heading that starts
// with heading, up to the next level-2 heading (code blocks included).
func section(t *testing.T, doc, heading string) string {
	t.Helper()
	var b strings.Builder
	inside := false
	for _, l := range docLines(doc) {
		if !l.inCode && strings.HasPrefix(l.text, "## ") {
			inside = strings.HasPrefix(l.text, heading)
		}
		if inside {
			b.WriteString(l.text + "\n")
		}
	}
	if b.Len() == 0 {
		t.Fatalf("no section %q", heading)
	}
	return b.String()
}

// TestDocsMentionEveryField requires docs/fields.md to mention each
// property of each schema, as `name`, in the section about its file and
// part: a field the loader and schema know but the guide does not explain
// fails here.
func TestDocsMentionEveryField(t *testing.T) {
	fields := readDoc(t, "fields.md")
	// Which section documents the properties under a pointer of a schema.
	sections := []struct{ schema, under, heading string }{
		{"case.schema.json", "/properties/", "## `case.yaml`"},
		{"case.schema.json", "/$defs/event/", "## The fields of an event"},
		{"case.schema.json", "/$defs/sentence/", "## The fields of a sentence"},
		{"case.schema.json", "/$defs/charge/", "## The fields of a charge"},
		{"sources.schema.json", "/$defs/source/", "## Sources files"},
		{"site.schema.json", "/properties/", "## `site.yaml`"},
		{"site.schema.json", "/$defs/facility/", "## `site.yaml`"},
		{"page.schema.json", "/properties/", "## Page front matter"},
	}
	count := 0
	for _, file := range schemaFiles {
		eachProperty(readSchema(t, file), func(ptr, name string, _ map[string]any) {
			count++
			i := slices.IndexFunc(sections, func(s struct{ schema, under, heading string }) bool {
				return s.schema == file && strings.HasPrefix(ptr, s.under)
			})
			if i < 0 {
				t.Errorf("%s: property %s: no section of docs/fields.md is said to document it; add one to this test", file, ptr)
				return
			}
			if !strings.Contains(section(t, fields, sections[i].heading), "`"+name+"`") {
				t.Errorf("docs/fields.md: section %q does not mention `%s` (%s#%s)", sections[i].heading, name, file, ptr)
			}
		})
	}
	if count < 40 {
		t.Errorf("found only %d properties in the schemas", count)
	}
}

// TestDocsMentionEveryWord requires every event type to have its own
// heading in docs/events.md, and every event type, sentence kind and status
// to appear in both docs/events.md and docs/fields.md.
func TestDocsMentionEveryWord(t *testing.T) {
	events, fields := readDoc(t, "events.md"), readDoc(t, "fields.md")
	var words []string
	for _, e := range content.EventTypes {
		words = append(words, string(e))
		if !strings.Contains(events, "\n### `"+string(e)+"`\n") {
			t.Errorf("docs/events.md has no heading ### `%s`", e)
		}
	}
	for _, k := range content.SentenceKinds {
		words = append(words, string(k))
	}
	for _, s := range content.Statuses {
		words = append(words, string(s))
	}
	for _, w := range words {
		for name, doc := range map[string]string{"events.md": events, "fields.md": fields} {
			if !strings.Contains(doc, "`"+w+"`") {
				t.Errorf("docs/%s does not mention `%s`", name, w)
			}
		}
	}
}

// docsExamples are broken files, laid over the loader's base fixture, whose
// errors docs/fix-errors.md quotes besides those of the loader's golden
// fixtures (internal/content/testdata/errors, testdata/hostile/errors).
var docsExamples = map[string]string{
	"content/site.yaml": "title: Test Register\nlanguages: [en, ru]\ntranslations:\n  Almaty: {en: Almaty, ru: Алматы}\n",
	"content/people/aigerim-nurlanova/case.yaml": `name: Aigerim Nurlanova
events:
  - date: 2024-03-05
    type: detained
    text: Police detain her at home: her lawyer says so.
    sources: [src-a]
`,
	"content/people/qairat-example/case.yaml": `name: Qairat Example
occupation: {ru: журналист}
region: true
draft: yes
events:
  - date: 2024
    type: released
    by: the court
    text: Released.
    sources: [src-a]
`,
	"content/people/big/case.yaml": "name: Big\nevents: [{date: 2020, type: other, text: T, sources: [src-a]}]\n#" + strings.Repeat(" pasted text", content.MaxCaseFile/10) + "\n",
	"content/people/x/photo.jpg":   string(phototest.PhoneJPEG()),
	"content/people/y/photo.jpg":   cutJPEG(),
}

// cutJPEG returns a JPEG whose last segment runs past the end of the file.
func cutJPEG() string {
	data := phototest.JPEG()
	return string(data[:len(data)-2]) + "\xff\xe1\x10\x00"
}

// knownMessages returns every error line tizim prints for the loader's
// bad-input fixtures and for docsExamples.
func knownMessages(t *testing.T) map[string]bool {
	t.Helper()
	known := make(map[string]bool)
	for _, p := range errorFixtures(t) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		_, want, _ := strings.Cut(string(data), "\n-- want --\n")
		for _, l := range strings.Split(strings.TrimSpace(want), "\n") {
			known[l] = true
		}
	}
	if err := loadOver(t, docsExamples); err != nil {
		for _, l := range strings.Split(err.Error(), "\n") {
			known[l] = true
		}
	}
	return known
}

var (
	// errorLine is a line that looks like tizim's report of an error.
	errorLine = regexp.MustCompile(`^content/\S*?(:\d+)?(:\d+)?: .`)
	// annotation is a line that looks like an error as a GitHub annotation.
	annotation = regexp.MustCompile(`^::error title=tizim check,file=([^,:]+)(?:,line=(\d+))?(?:,col=(\d+))?::(.*)$`)
)

// TestDocsQuoteRealErrors requires every error quoted in a code block of
// docs/ to be one tizim prints, word for word: from the loader's golden
// fixtures or from docsExamples. When a message changes, the guide must
// follow.
func TestDocsQuoteRealErrors(t *testing.T) {
	known := knownMessages(t)
	docs, _ := filepath.Glob("docs/*.md")
	quoted := 0
	for _, p := range docs {
		for i, l := range docLines(readDoc(t, filepath.Base(p))) {
			if !l.inCode {
				continue
			}
			text := strings.TrimSpace(l.text)
			if m := annotation.FindStringSubmatch(text); m != nil {
				text = m[1]
				for _, n := range m[2:4] {
					if n != "" {
						text += ":" + n
					}
				}
				text += ": " + m[4]
			} else if !errorLine.MatchString(text) {
				continue
			}
			quoted++
			if !known[text] {
				t.Errorf("%s:%d: this error is not one tizim prints (copy it from the want section of a fixture, or add a file that causes it to docsExamples):\n%s", p, i+1, text)
			}
		}
	}
	if quoted < 25 {
		t.Errorf("docs quote only %d errors", quoted)
	}
}

// anchor is the id GitHub gives a heading: lower case, punctuation
// dropped, spaces turned into hyphens.
func anchor(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

// anchors returns the ids of the headings of a Markdown file, numbering
// repeats as GitHub does (x, x-1, x-2).
func anchors(doc string) map[string]bool {
	out := make(map[string]bool)
	seen := make(map[string]int)
	for _, l := range docLines(doc) {
		if l.inCode || !strings.HasPrefix(l.text, "#") {
			continue
		}
		a := anchor(strings.TrimLeft(l.text, "#"))
		if n := seen[a]; n > 0 {
			out[fmt.Sprintf("%s-%d", a, n)] = true
		} else {
			out[a] = true
		}
		seen[a]++
	}
	return out
}

// mdLink is a Markdown link to a relative file or an anchor.
var mdLink = regexp.MustCompile(`\]\(([^)\s]+)\)`)

// TestDocsLinks checks that every relative link in docs/ leads to a file
// of the repository and, with a #fragment, to a heading of a Markdown file,
// and that the index links every page.
func TestDocsLinks(t *testing.T) {
	docs, _ := filepath.Glob("docs/*.md")
	for _, page := range []string{"README.md", "fields.md", "events.md", "add-a-person.md", "record-a-detention.md",
		"record-a-sentence.md", "record-a-release.md", "add-a-source.md", "translate.md", "fix-errors.md", "editing-on-github.md"} {
		if !slices.Contains(docs, filepath.Join("docs", page)) {
			t.Errorf("docs/%s is missing", page)
		}
	}
	index := readDoc(t, "README.md")
	for _, p := range docs {
		name := filepath.Base(p)
		if name != "README.md" && !strings.Contains(index, "]("+name+")") {
			t.Errorf("docs/README.md does not link %s", name)
		}
		for _, l := range docLines(readDoc(t, name)) {
			if l.inCode {
				continue
			}
			for _, m := range mdLink.FindAllStringSubmatch(l.text, -1) {
				target := m[1]
				if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
					continue
				}
				file, frag, _ := strings.Cut(target, "#")
				if file == "" {
					file = name
				}
				data, err := os.ReadFile(filepath.Join("docs", file))
				if err != nil {
					t.Errorf("%s: link %s: %v", p, target, err)
					continue
				}
				if frag != "" && !anchors(string(data))[frag] {
					t.Errorf("%s: link %s: %s has no heading #%s", p, target, file, frag)
				}
			}
		}
	}
}

// TestDocsSchemaAddresses checks the schema addresses the guide shows: the
// shipped site's base_url followed by schema/ and an existing schema file.
func TestDocsSchemaAddresses(t *testing.T) {
	base := strings.TrimSuffix(content.CaseSchemaURL(os.DirFS(".")), "case.schema.json")
	re := regexp.MustCompile(`(https?://[^\s"'` + "`" + `]*/schema/[^\s"'` + "`" + `]*)`)
	docs, _ := filepath.Glob("docs/*.md")
	found := 0
	for _, p := range docs {
		for _, m := range re.FindAllStringSubmatch(readDoc(t, filepath.Base(p)), -1) {
			found++
			file, ok := strings.CutPrefix(m[1], base)
			if !ok || !slices.Contains(schemaFiles, file) {
				t.Errorf("%s: %s is not %s followed by one of %v", p, m[1], base, schemaFiles)
			}
		}
	}
	if found == 0 {
		t.Error("the docs show no schema address")
	}
}
