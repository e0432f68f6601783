package content

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// syntaxCases are one broken text for each kind of syntax error yaml.v3
// can report on UTF-8 text (its reader's errors for other bytes never get
// there: checkText rejects them first), with the position of the mistake
// and a part of what the maintainer reads. Each position differs from the
// one that yaml.v3's own message gives (see oldPosition).
var syntaxCases = []struct {
	name      string
	yaml      string
	line, col int
	msg       string
}{
	// Scanner errors: yaml.v3 names the line of its mark counted from 1,
	// and no line on line 1.
	{"tab in the indentation of line 1", "\tname: X\n", 1, 1, "a tab is not allowed here"},
	{"tab after a list item's dash", "-\tdate: 2020\n", 1, 2, "a tab is not allowed here"},
	{"tab in the indentation of a text's next line", "name: X\ntext: some text\n\tcontinued\n", 3, 1, "a tab is not allowed here"},
	{"tab in the indentation of a block of text", "name: X\ntext: |\n  first\n\tsecond\n", 4, 1, "a tab is not allowed here"},
	{"value starting with @", "name: X\nregion: @home\n", 2, 9, `a value cannot start with "@"`},
	{"value starting with a backtick", "name: `X`\n", 1, 7, "a value cannot start with \"`\""},
	{"value starting with %", "name: X\ntext: %20 less\n", 2, 7, `a value cannot start with "%"`},
	{"| inside brackets", "name: X\naliases: [a, |b]\n", 2, 14, `a value inside [ ] or { } cannot start with "|"`},
	{"line without colon", "name: X\ntext: Police detained\nher at home.\n", 3, 1, `this line has no ":" after a field's name`},
	{"colon inside a text", "name: X\nevents:\n  - text: Police detain her at home: her lawyer says so.\n", 3, 36, `this ": " is inside a text that is not in quotes`},
	{"colon inside a text on line 1", "name: A: B\n", 1, 8, `this ": " is inside a text`},
	{"field indented under a field with a value", "name: X\n  born: 2020\n", 2, 7, "indented more than the field above it"},
	{"missing colon on the line above", "name X\nevents: []\n", 1, 1, `this line has no ":" after the field's name`},
	{"list item after a field's name", "aliases: - X\n", 1, 10, `a list item ("- ") cannot start here`},
	{"list item after brackets", "name: X\naliases: [a] - b\n", 2, 14, `a list item ("- ") cannot start here`},
	{"key indicator after a quote", "name: \"X\" ? Y\n", 1, 11, `"? " starts a YAML key`},
	{"unclosed double quote", "name: \"X\nevents: []\n", 1, 7, `this double quote (") opens a text that is never closed`},
	{"unclosed single quote", "name: X\ntext: 'it''s\nmore: x\n", 2, 7, `this single quote (') opens a text that is never closed`},
	{"quote open at a document marker", "name: X\ntext: \"abc\n---\nx: y\"\n", 2, 7, `is still open at the line "---" (line 3)`},
	{"unknown escape", "name: X\ntext: \"a\\qb\"\n", 2, 9, "a backslash starts an escape such as"},
	{"unknown escape on a later line of a text", "name: X\ntext: \"abc\n  def\\q\"\n", 3, 6, "a backslash starts an escape such as"},
	{"short hexadecimal escape", "name: \"a\\x4\"\n", 1, 9, `needs 2 hexadecimal digits after \x`},
	{"escape of no character", "name: X\ntext: \"\\uD800\"\n", 2, 8, "escape of a character that does not exist"},
	{"anchor without a name", "name: X\ntext: & x\n", 2, 7, `"&" at the start of a value marks a YAML anchor`},
	{"alias without a name", "name: X\ntext: *\n", 2, 7, `"*" at the start of a value marks a YAML alias`},
	{"tag without >", "name: X\ntext: !<x\n", 2, 7, `"!" at the start of a value marks a YAML tag`},
	{"tag followed by a bracket", "name: !x{\n", 1, 7, `"!" at the start of a value marks a YAML tag`},
	{"tag without URI", "name: X\ntext: !a!\n", 2, 7, `"!" at the start`},
	{"tag with a bad escape", "name: !x%\n", 1, 7, `"!" at the start`},
	{"tag with a bad leading octet", "name: !%ff\n", 1, 7, `"!" at the start`},
	{"tag with a bad trailing octet", "name: !%c3%41\n", 1, 7, `"!" at the start`},
	{"block of text with indentation 0", "name: X\ntext: |0\n  a\n", 2, 7, `after "|" or ">", which start a block of text`},
	{"block of text with text after |", "name: X\ntext: |x\n  a\n", 2, 7, `after "|" or ">"`},
	{"unknown directive", "name: X\n%FOO\n", 2, 1, `a line starting with "%" is a YAML directive`},
	{"directive without a name", "%\n---\nname: X\n", 1, 1, "YAML directive"},
	{"directive name with a sign", "%A!\n---\nname: X\n", 1, 1, "YAML directive"},
	{"YAML directive without a version", "%YAML x\n---\nname: X\n", 1, 1, "YAML directive"},
	{"YAML directive without a minor version", "%YAML 1\n---\nname: X\n", 1, 1, "YAML directive"},
	{"YAML directive with a long version", "%YAML 1234567890.1\n---\nname: X\n", 1, 1, "YAML directive"},
	{"YAML directive with text after it", "%YAML 1.1 x\n---\nname: X\n", 1, 1, "YAML directive"},
	{"TAG directive without a prefix", "%TAG !\n---\nname: X\n", 1, 1, "YAML directive"},
	{"TAG directive with a bad handle", "%TAG !x ! \n---\nname: X\n", 1, 1, "YAML directive"},
	{"TAG directive with text after it", "%TAG ! x y\n---\nname: X\n", 1, 1, "YAML directive"},
	{"nesting too deep", "name: X\naliases: " + strings.Repeat("[", 10001) + "\n", 2, 10010, "nested more than 10000 deep"},

	// Parser errors: yaml.v3 names the line of its mark counted from 0,
	// which is the line above the mark's, and the mark is often that of
	// the list or set of fields that the mistake breaks.
	{"field indented less than the others", "name: X\nevents:\n  - date: 2020\n    type: detained\n   text: bad indent\n", 5, 4, "not lined up with the list it is in (from line 3)"},
	{"field lined up with a list's dashes", "name: X\nevents:\n    - date: 2019\n    type: released\n", 4, 5, "not lined up with the list"},
	{"field indented more than the others", "name: X\nevents: []\n born: 2020\n", 3, 2, "indented differently from the fields above it (from line 1)"},
	{"list item among fields", "name: X\n- a\n", 2, 1, `this list item ("- ") is among fields`},
	{"text after a closing quote", "name: X\ntext: \"a\" b\n", 2, 11, "this text comes after the value has ended"},
	{"text after a quote that ends it too early", "name: X\n\"a, b: {x: \"y, z\", w: \"v\"}\n", 2, 13, "this text comes after the value has ended"},
	{"extra closing bracket", "name: X\naliases: [a]]\n", 2, 13, `this "]" closes nothing: there is no "[" before it`},
	{"line starting with a colon", "name: X\n: y\n", 2, 1, `this line starts with ":"`},
	{"unclosed [", "name: X\naliases: [a, b\nregion: Almaty\n", 2, 10, `this "[" opens a list that is never closed; add "]" at the end of the list`},
	{"unclosed [ at the end", "name: X\naliases: [a, b\n", 2, 10, `this "[" opens a list that is never closed`},
	{"unclosed {", "name: X\nsentence: {kind: prison\nevents: []\n", 2, 11, `this "{" opens a set of fields that is never closed; add "}"`},
	{"[ closed by }", "name: X\naliases: [a, b}\n", 2, 15, `the list opened by "[" on line 2 must be closed by "]", not by this "}"`},
	{"{ closed by ]", "name: X\nsentence: {kind: prison]\n", 2, 24, `must be closed by "}", not by this "]"`},
	{"missing comma between fields", "name: X\nsentence: {kind: prison term: 5y}\n", 2, 29, `YAML cannot read this ":" in the set of fields opened by "{" on line 2`},
	{"text after a quote in brackets", "name: X\naliases: [\"a\" b]\n", 2, 15, `YAML expected "," or "]" before this`},
	{"[ not closed before the next field", "name: X\naliases: [a, b,\n  c\nregion: Almaty\n", 2, 10, `this "[" opens a list that is never closed`},
	{"list item inside brackets", "name: X\naliases: [a, - b]\n", 2, 14, `a list item ("- ") cannot start inside [ ] or { }`},
	{"comma first inside brackets", "name: X\naliases: [, a]\n", 2, 11, `YAML expected a value before this ","`},
	{"closing bracket after a field's name", "name: X\nregion: ]\n", 2, 9, `YAML expected a value here, not "]"`},
	{"[ open at the end", "name: X\naliases: [a,\n", 2, 10, `this "[" opens a list that is never closed`},
	{"undefined tag handle", "name: X\ntext: !x!y z\n", 2, 7, `"!" at the start of a value marks a YAML tag`},
	{"directive without --- before a field", "%YAML 1.1\nname: X\n", 1, 1, `a line starting with "%" is a YAML directive`},
	{"directive without --- before a text", "%YAML 1.1\nX\n", 1, 1, `a line starting with "%" is a YAML directive`},
	{"duplicate YAML directive", "%YAML 1.1\n%YAML 1.1\n---\nname: X\n", 2, 1, "YAML directive"},
	{"incompatible YAML version", "%YAML 2.0\n---\nname: X\n", 1, 1, "YAML directive"},
	{"duplicate TAG directive", "%TAG ! a\n%TAG ! b\n---\nname: X\n", 2, 1, "YAML directive"},

	// Columns count characters, as those of nodes do, and lines count
	// \r\n as one line break; a byte order mark is not a character.
	{"colon inside a Cyrillic text", "name: Жанболат: Мамай\n", 1, 15, `this ": " is inside a text`},
	{"unclosed [ with \\r\\n line breaks", "name: X\r\naliases: [a, b\r\nregion: Almaty\r\n", 2, 10, `this "[" opens a list that is never closed`},
	{"unclosed [ after a byte order mark", "\ufeffname: X\naliases: [a, b\n", 2, 10, `this "[" opens a list that is never closed`},

	// Errors with no line at all: the reader's and the composer's.
	{"control character", "name: X\ntext: a\x07b\n", 2, 8, "the invisible control character U+0007 is not allowed"},
	{"alias to no anchor", "name: X\ntext: *a\n", 2, 7, "anchors and aliases (& and *) are not allowed"},
}

// oldPosition is where parseYAML put a syntax error before it looked for
// the mistake: on the line yaml.v3 names, at a tab in its indentation.
func oldPosition(data []byte, err error) (line, col int) {
	if m := regexp.MustCompile(`^yaml: line (\d+): `).FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
	}
	lines := bytes.Split(data, []byte("\n"))
	if line < 1 || line > len(lines) {
		return line, 0
	}
	for i, c := range lines[line-1] {
		switch c {
		case '\t':
			return line, i + 1
		case ' ', '-':
			continue
		}
		break
	}
	return line, 0
}

// TestSyntaxErrors checks the position and message of each kind of YAML
// syntax error, and that each was wrong before.
func TestSyntaxErrors(t *testing.T) {
	for _, tt := range syntaxCases {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.yaml)
			var doc yaml.Node
			yerr := yaml.Unmarshal(data, &doc)
			if yerr == nil {
				t.Fatal("yaml.v3 accepts the text")
			}
			var errs ErrorList
			d := &decoder{path: "case.yaml", errs: &errs}
			if d.parseYAML(data) != nil || len(errs) != 1 {
				t.Fatalf("parseYAML: %v", errs)
			}
			e := errs[0]
			if e.Line != tt.line || e.Col != tt.col || !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("got %d:%d: %s\nwant %d:%d: ...%s... (yaml.v3: %v)", e.Line, e.Col, e.Msg, tt.line, tt.col, tt.msg, yerr)
			}
			if line, col := oldPosition(data, yerr); line == tt.line && col == tt.col {
				t.Errorf("the position was right before, at %d:%d: the case shows nothing", line, col)
			}
		})
	}
}

// FuzzParseYAML parses arbitrary bytes as a YAML file: parseYAML must never
// panic, and every error it records must be on a line of the file (counted
// as yaml.v3 counts them) and, unless it is about the whole file, at a
// column of that line.
func FuzzParseYAML(f *testing.F) {
	for _, tt := range syntaxCases {
		if len(tt.yaml) < 1000 { // long seeds make the fuzzer crawl
			f.Add([]byte(tt.yaml))
		}
	}
	f.Add([]byte("name: X\nevents:\n  - {date: 2020, type: other, text: x, sources: [src-a]}\n"))
	breaks := strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u0085", "\n", "\u2028", "\n", "\u2029", "\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		var errs ErrorList
		d := &decoder{path: "case.yaml", errs: &errs}
		if d.parseYAML(data) != nil {
			return
		}
		if len(errs) == 0 {
			t.Fatal("no node and no error")
		}
		lines := strings.Split(breaks.Replace(strings.TrimPrefix(string(data), "\ufeff")), "\n")
		for _, e := range errs {
			if e.Msg == "" || len(e.Msg) > 400 {
				t.Errorf("message of %d bytes: %q", len(e.Msg), e.Msg)
			}
			if e.Line == 0 && e.Msg == "the file is empty" {
				continue
			}
			if e.Line < 1 || e.Line > len(lines) {
				t.Fatalf("%v: line %d, the file has %d", e, e.Line, len(lines))
			}
			if n := utf8.RuneCountInString(lines[e.Line-1]); utf8.Valid(data) && (e.Col < 0 || e.Col > n+1) {
				t.Fatalf("%v: column %d, the line has %d characters", e, e.Col, n)
			}
		}
	})
}
