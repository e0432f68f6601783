package site

import "testing"

func TestMinifyCSS(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"a { color : red ; }\n/* note */\nb{x:1}", "a{color :red}b{x:1}"},
		{".a :hover{x:calc(1px + 2px)}", ".a :hover{x:calc(1px + 2px)}"},
		{".a  .b > .c,\n.d{margin:0 0 1em;}", ".a .b>.c,.d{margin:0 0 1em}"},
		{`a::after{content:" <" attr(href) ">";}`, `a::after{content:" <" attr(href) ">"}`},
		{"@media (min-width:40em){.w{padding:0 1.5rem;}}", "@media (min-width:40em){.w{padding:0 1.5rem}}"},
		{"a{font:1rem/1.6 var(--sans), serif}", "a{font:1rem/1.6 var(--sans),serif}"},
		{":root{--x:'a  b'}", ":root{--x:'a  b'}"},
		{"a{b:c}/* unterminated", "a{b:c}"},
	} {
		if got := minifyCSS(tt.in); got != tt.want {
			t.Errorf("minifyCSS(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
