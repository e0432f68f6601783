package site

import "strings"

// minifyCSS removes comments and the whitespace CSS does not need, so the
// stylesheets that every page loads stay small on slow connections while
// the files in static/ stay readable. It keeps quoted strings as they are
// and is deliberately simple: it never reorders or merges rules.
func minifyCSS(src string) string {
	var b strings.Builder
	b.Grow(len(src))
	space := false // whitespace seen since the last byte written
	last := byte(0)
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				return b.String()
			}
			i += end + 3
			space = true
			continue
		case c == '"' || c == '\'':
			if space && needsSpace(last) {
				b.WriteByte(' ')
			}
			space = false
			j := i + 1
			for j < len(src) && src[j] != c {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j, len(src)-1)
			b.WriteString(src[i : j+1])
			last = c
			i = j
			continue
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			space = true
			continue
		}
		if space && needsSpace(last) && !strings.ContainsRune("{};,>)", rune(c)) {
			b.WriteByte(' ')
		}
		if c == '}' && last == ';' {
			s := b.String() // drop the last declaration's semicolon
			b.Reset()
			b.WriteString(s[:len(s)-1])
		}
		b.WriteByte(c)
		last = c
		space = false
	}
	return b.String()
}

// needsSpace reports whether whitespace after c may matter: not after
// punctuation that ends a token anyway.
func needsSpace(c byte) bool {
	return c != 0 && !strings.ContainsRune("{};:,>(", rune(c))
}
