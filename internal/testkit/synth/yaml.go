package synth

import (
	"bytes"
	"regexp"
	"strings"
)

// The generator writes YAML by hand, in the style maintainers use (plain
// scalars where they are safe, flow lists for short lists), so that the
// output is byte-stable and reads like a real register.

var (
	numberLike = regexp.MustCompile(`^[-+.0-9][-+.0-9_eE:xXoO]*$`)
	otherTypes = map[string]bool{"true": true, "false": true, "yes": true, "no": true, "on": true, "off": true, "y": true, "n": true, "null": true, "~": true}
)

// plain reports whether s can be written as a plain scalar; inFlow asks
// for the stricter rules inside [a, b] and {k: v}.
func plain(s string, inFlow bool) bool {
	if s == "" || strings.TrimSpace(s) != s || otherTypes[strings.ToLower(s)] || numberLike.MatchString(s) {
		return false
	}
	if strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`") {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") || strings.ContainsAny(s, "\n\t\\\"") {
		return false
	}
	if inFlow && strings.ContainsAny(s, ",[]{}") {
		return false
	}
	return true
}

var quoter = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`)

// scalar writes s as a YAML scalar, quoted where it must be.
func scalar(s string) string {
	if plain(s, false) {
		return s
	}
	return `"` + quoter.Replace(s) + `"`
}

// flowScalar writes s as an item of a flow list or map.
func flowScalar(s string) string {
	if plain(s, true) {
		return s
	}
	return `"` + quoter.Replace(s) + `"`
}

// flowList writes a list as [a, b, c].
func flowList(items []string) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, s := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(flowScalar(s))
	}
	b.WriteByte(']')
	return b.String()
}

// yw is a YAML writer with a buffer.
type yw struct{ bytes.Buffer }

func (w *yw) line(indent int, parts ...string) {
	for range indent {
		w.WriteByte(' ')
	}
	for _, p := range parts {
		w.WriteString(p)
	}
	w.WriteByte('\n')
}

// text writes key: with a local text: a plain string when only the
// default language is given, else a map by language.
func (w *yw) text(indent int, key string, t ltext) {
	if t.ru == "" && t.kk == "" {
		w.line(indent, key, ": ", scalar(t.en))
		return
	}
	w.line(indent, key, ":")
	in := indent + 2
	if strings.HasPrefix(key, "- ") {
		in += 2 // under a list item's first key
	}
	w.line(in, "en: ", scalar(t.en))
	if t.ru != "" {
		w.line(in, "ru: ", scalar(t.ru))
	}
	if t.kk != "" {
		w.line(in, "kk: ", scalar(t.kk))
	}
}

// ltext is text in the site's languages; ru and kk may be empty.
type ltext = name3
