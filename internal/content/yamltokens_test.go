package content

import (
	"fmt"
	"strings"
	"testing"
)

// TestYAMLTokens checks where yamlTokens finds tokens, which quotes it
// finds open and which brackets it pairs. Each token is shown as its kind
// and text; an open quote gets "!", a bracket the index of the one that
// closes it. A "," starts a token even outside brackets, as in yaml.v3.
func TestYAMLTokens(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"name: X\n", `p"name" :":" p"X"`},
		{"text: Police: here: it\n", `p"text" :":" p"Police" :":" p"here" :":" p"it"`},
		{"a: b:c #x: y\n", `p"a" :":" p"b:c"`},
		{"a: \"b: c\" # x\n", `p"a" :":" ""\"b: c\""`},
		{"a: 'it''s', \"say \\\"hi\\\"\"\n", `p"a" :":" '"'it''s'" ,"," ""\"say \\\"hi\\\"\""`},
		{"a: \"never\nb: c\n", `p"a" :":" "!"\"never\nb: c\n"`},
		{"a: \"open\n---\nb: c\n", `p"a" :":" "!"\"open\n" D"---" p"b" :":" p"c"`},
		{"a: [b, {c: d}, e]\n", `p"a" :":" [→12"[" p"b" ,"," {→9"{" p"c" :":" p"d" }"}" ,"," p"e" ]"]"`},
		{"a: [b, c}\nd: [e\n", `p"a" :":" [→6"[" p"b" ,"," p"c" }"}" p"d" :":" [→-"[" p"e"`},
		{"a: |\n  b: [\n\n  c\nd: e\n", `p"a" :":" |"|" p"d" :":" p"e"`},
		{"- text: >\n    x\n  next: y\n", `-"-" p"text" :":" >">" p"next" :":" p"y"`},
		{"- |\n  x\n- y\n", `-"-" |"|" -"-" p"y"`},
		{"a: !x,[y] &b-1 *c]\n", `p"a" :":" !"!x,[y]" &"&b-1" *"*c" ]"]"`},
		{"%YAML 1.1\n---\na\n...\n", `%"%YAML 1.1" D"---" p"a" D"..."`},
		{"a: [x\r\n, y]\r\n", `p"a" :":" [→6"[" p"x" ,"," p"y" ]"]"`},
	} {
		var got []string
		for _, tok := range yamlTokens([]byte(tt.src)) {
			s := string(tok.kind)
			if tok.open {
				s += "!"
			}
			if tok.kind == '[' || tok.kind == '{' {
				if tok.match < 0 {
					s += "→-"
				} else {
					s += fmt.Sprintf("→%d", tok.match)
				}
			}
			got = append(got, s+fmt.Sprintf("%q", tt.src[tok.start:tok.end]))
		}
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("%q:\ngot  %s\nwant %s", tt.src, s, tt.want)
		}
	}
}
