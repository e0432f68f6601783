package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/tizim/tizim/internal/date"
)

// decoder walks one YAML file's node tree and records every problem with its
// position. It decodes by hand rather than with yaml.Unmarshal into structs
// because maintainers need the line and column of an unknown field, a wrong
// type or a duplicate key, which struct decoding either loses or rejects.
type decoder struct {
	path  string
	errs  *ErrorList
	langs Languages // site.yaml's languages, the default first, for texts given per language
	// arena, when not nil, holds the nodes of the file, which must not be
	// in use once its decoding is done (see yamlArena).
	arena *yamlArena
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	e := &Error{Path: d.path, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Col = n.Line, n.Column
	}
	*d.errs = append(*d.errs, e)
}

// readYAML reads and parses the YAML file p, returning a decoder for it
// and its root node, or a nil node after recording why it cannot.
func readYAML(fsys fs.FS, p string, errs *ErrorList) (*decoder, *yaml.Node) {
	return readYAMLIn(fsys, p, errs, nil)
}

// readYAMLIn is readYAML with the nodes in arena a (see yamlArena).
func readYAMLIn(fsys fs.FS, p string, errs *ErrorList, a *yamlArena) (*decoder, *yaml.Node) {
	d := &decoder{path: p, errs: errs, arena: a}
	data, ok := readLimited(fsys, p, errs)
	if !ok {
		return d, nil
	}
	return d, d.parseYAML(data)
}

// parseYAML checks that data is UTF-8 text and parses it into a document
// node. It returns nil after recording an error.
func (d *decoder) parseYAML(data []byte) *yaml.Node {
	if !d.checkText(data) {
		return nil
	}
	if doc := fastYAML(data, d.arena); doc != nil {
		return doc.Content[0] // the subset has no aliases
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, col, msg := syntaxError(data, err)
		*d.errs = append(*d.errs, &Error{Path: d.path, Line: line, Col: col, Msg: msg})
		return nil
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		d.errorf(nil, "the file is empty")
		return nil
	}
	if !d.noAliases(doc.Content[0]) {
		return nil
	}
	return doc.Content[0]
}

// checkText rejects bytes that are not UTF-8, naming the first bad byte's
// position, since a wrongly encoded file would otherwise reach readers as
// mojibake.
func (d *decoder) checkText(data []byte) bool {
	if utf8.Valid(data) {
		return true
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	*d.errs = append(*d.errs, &Error{Path: d.path, Line: line, Col: col, Msg: "the file is not UTF-8 text; save it with the UTF-8 encoding"})
	return false
}

// noAliases rejects YAML anchors and aliases: content never needs them, and
// they allow a few lines to expand into gigabytes (the "billion laughs").
func (d *decoder) noAliases(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		d.errorf(n, "anchors and aliases (& and *) are not allowed; write the value out")
		return false
	}
	for _, c := range n.Content {
		if !d.noAliases(c) {
			return false
		}
	}
	return true
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a set of fields"
	case yaml.SequenceNode:
		return "a list"
	}
	switch n.Tag {
	case "!!null":
		return "nothing"
	case "!!bool":
		return "yes/no (" + n.Value + ")"
	case "!!int", "!!float":
		return "a number (" + n.Value + ")"
	}
	return fmt.Sprintf("%q", n.Value)
}

// fields checks that n is a mapping whose keys are all in allowed and none
// repeats, and calls fn for each field in file order.
func (d *decoder) fields(n *yaml.Node, what string, allowed []string, fn func(key string, v *yaml.Node)) bool {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s must be a set of fields (key: value), not %s", what, kindName(n))
		return false
	}
	var seen map[string]*yaml.Node // for large mappings; small ones are searched
	if len(n.Content) > 32 {
		seen = make(map[string]*yaml.Node)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		var first *yaml.Node
		if seen != nil {
			first = seen[key]
			if first == nil {
				seen[key] = k
			}
		} else {
			for j := 0; j < i; j += 2 {
				if n.Content[j].Value == key {
					first = n.Content[j]
					break
				}
			}
		}
		if first != nil {
			d.errorf(k, "%q is given twice in %s (first on line %d); keep one", key, what, first.Line)
			continue
		}
		if !slices.Contains(allowed, key) {
			d.errorf(k, "unknown field %q in %s%s; allowed: %s", key, what, suggest(key, allowed), strings.Join(allowed, ", "))
			continue
		}
		fn(key, v)
	}
	return true
}

// require reports each name in required that the mapping n lacks.
func (d *decoder) require(n *yaml.Node, what string, required ...string) {
	if n.Kind != yaml.MappingNode {
		return
	}
	for _, r := range required {
		found := false
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == r {
				found = true
				break
			}
		}
		if !found {
			d.errorf(n, "%s has no %q; it is required", what, r)
		}
	}
}

// text decodes a scalar as text. Numbers are kept as written; yes/no and
// empty values are errors because they are almost always a slip.
func (d *decoder) text(v *yaml.Node, key string) string {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" || v.Tag == "!!bool" {
		d.errorf(v, "%q must be text, not %s; put the text in quotes if it looks like something else", key, kindName(v))
		return ""
	}
	s := strings.TrimSpace(v.Value)
	if s == "" {
		d.errorf(v, "%q is empty; give a value or remove the field", key)
	}
	if i := indexInvisible(s); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		d.errorf(v, "%q contains the invisible character U+%04X (%s) at character %d; remove it: it can make text display or match differently from what it says", key, r, invisibleNames[r], utf8.RuneCountInString(s[:i])+1)
		return ""
	}
	// A copy: the fast parser's values are slices of the whole file,
	// which a kept value would keep in memory (internal notes and all).
	return d.arena.keep(s)
}

// indexInvisible returns the offset of the first invisible character in
// s, or -1. Every one of them is encoded in UTF-8 from a byte 0xE2 or
// 0xEF, which most texts do not have: then s is not read rune by rune.
func indexInvisible(s string) int {
	if strings.IndexByte(s, 0xE2) < 0 && strings.IndexByte(s, 0xEF) < 0 {
		return -1
	}
	return strings.IndexFunc(s, invisible)
}

// invisible reports characters that show nothing yet change how text
// reads or matches: a right-to-left override can make a name display
// reversed, a zero-width space makes two names that look alike differ.
// Joiners (U+200C, U+200D) and direction marks (U+200E, U+200F), which
// some scripts need, are allowed.
func invisible(r rune) bool {
	if r < 0x200B { // every letter of most texts: no map lookup
		return false
	}
	_, ok := invisibleNames[r]
	return ok
}

var invisibleNames = map[rune]string{
	0x200B: "zero-width space",
	0x2060: "word joiner",
	0xFEFF: "zero-width no-break space",
	0x202A: "left-to-right embedding",
	0x202B: "right-to-left embedding",
	0x202C: "pop directional formatting",
	0x202D: "left-to-right override",
	0x202E: "right-to-left override",
	0x2066: "left-to-right isolate",
	0x2067: "right-to-left isolate",
	0x2068: "first strong isolate",
	0x2069: "pop directional isolate",
}

func (d *decoder) textList(v *yaml.Node, key string) []string {
	if v.Kind != yaml.SequenceNode {
		d.errorf(v, "%q must be a list of text, like [\"first\", \"second\"], not %s", key, kindName(v))
		return nil
	}
	var out []string
	for _, item := range v.Content {
		if s := d.text(item, key); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (d *decoder) textMap(v *yaml.Node, key string, keyOK func(string) string) map[string]string {
	if v.Kind != yaml.MappingNode {
		d.errorf(v, "%q must be a set of fields (key: value), not %s", key, kindName(v))
		return nil
	}
	out := make(map[string]string)
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		if _, dup := out[k.Value]; dup {
			d.errorf(k, "%q is given twice in %q; keep one", k.Value, key)
			continue
		}
		if msg := keyOK(k.Value); msg != "" {
			d.errorf(k, "%s", msg)
			continue
		}
		out[d.arena.keep(k.Value)] = d.text(val, key+"."+k.Value)
	}
	return out
}

// langKey returns a check for the language keys of the map field key:
// each must be one of the site's languages, and the default language only
// where withDefault allows it.
func (d *decoder) langKey(key string, withDefault bool) func(string) string {
	return func(lang string) string {
		if !langRE.MatchString(lang) {
			return key + ": " + quote(lang) + " is not a language code; use a two- or three-letter code such as ru or kk"
		}
		if !slices.Contains(d.langs, lang) {
			return key + ": language " + quote(lang) + " is not one of site.yaml's languages (" + strings.Join(d.langs, ", ") + ")"
		}
		if !withDefault && lang == d.langs.Default() {
			return key + ": " + quote(lang) + " is the default language; this field gives names in the other languages only"
		}
		return ""
	}
}

// nameLang checks a language key of names: any language code, not only
// the site's, since a person's name may be known in languages and scripts the
// site is not written in (a Kazakh name on an English-Russian site).
func nameLang(lang string) string {
	if !langRE.MatchString(lang) {
		return "names: " + quote(lang) + " is not a language code; use a two- or three-letter code such as ru or kk"
	}
	return ""
}

// localText decodes a [Text]: a plain string in the default language, or a
// map by language that must include the default language.
func (d *decoder) localText(v *yaml.Node, key string) Text {
	if v.Kind != yaml.MappingNode {
		return Text{Default: d.text(v, key)}
	}
	m := d.textMap(v, key, d.langKey(key, true))
	def := d.langs.Default()
	t := Text{Default: m[def]}
	if _, ok := m[def]; !ok {
		d.errorf(v, "%q has no text in the default language %q; give it as %s: ... (or write the field as plain text)", key, def, def)
	}
	delete(m, def)
	t.Other = TranslationsOf(m)
	return t
}

func (d *decoder) date(v *yaml.Node, key string) date.Date {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		d.errorf(v, "%q must be a date like 2021-01-22, 2020-07~ or 2019?, not %s", key, kindName(v))
		return date.Date{}
	}
	dt, err := date.Parse(v.Value)
	if err != nil {
		d.errorf(v, "%s", err)
	}
	return dt
}

func (d *decoder) boolean(v *yaml.Node, key string) bool {
	if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" {
		d.errorf(v, "%q must be true or false, not %s", key, kindName(v))
		return false
	}
	return v.Value == "true"
}

func (d *decoder) integer(v *yaml.Node, key string) int {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!int" {
		if n, err := strconv.Atoi(v.Value); err == nil {
			return n
		}
	}
	d.errorf(v, "%q must be a whole number, not %s", key, kindName(v))
	return 0
}

// oneOf decodes a scalar that must be one of allowed.
func (d *decoder) oneOf(v *yaml.Node, key string, allowed []string) string {
	s := d.text(v, key)
	if s == "" {
		return ""
	}
	i := slices.Index(allowed, s)
	if i < 0 {
		d.errorf(v, "unknown %s %q%s; allowed: %s", key, s, suggest(s, allowed), strings.Join(allowed, ", "))
		return ""
	}
	return allowed[i]
}

// link decodes a URL that readers' browsers will follow. Only http and https
// (and mailto where mail is allowed) are accepted: javascript: or data: links
// would run code or hide content in a reader's browser.
func (d *decoder) link(v *yaml.Node, key string, mailto bool) string {
	s := d.text(v, key)
	if s == "" {
		return ""
	}
	if msg := checkLink(s, mailto); msg != "" {
		d.errorf(v, "%q: %s", key, msg)
		return ""
	}
	return s
}

// splitFrontMatter separates a Markdown file's YAML front matter, between
// "---" lines, from its body. It returns the line on which the body starts.
func splitFrontMatter(data []byte) (front, body []byte, bodyLine int, ok bool) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	nl := []byte("\n")
	if !bytes.HasPrefix(data, []byte("---\n")) && !bytes.HasPrefix(data, []byte("---\r\n")) {
		return nil, data, 1, false
	}
	lines := bytes.SplitAfter(data, nl)
	for i := 1; i < len(lines); i++ {
		if string(bytes.TrimRight(lines[i], "\r\n")) == "---" {
			front = bytes.Join(lines[1:i], nil)
			body = bytes.Join(lines[i+1:], nil)
			return front, body, i + 2, true
		}
	}
	return nil, data, 1, false
}

// suggest returns ` (did you mean "x"?)` for the allowed word closest to s,
// when it is close enough to be a typo.
func suggest(s string, allowed []string) string {
	lower := strings.ToLower(s)
	for _, word := range slices.Sorted(maps.Keys(synonyms)) {
		if meant := synonyms[word]; editDistance(lower, word) <= 2 && slices.Contains(allowed, meant) {
			return fmt.Sprintf(" (did you mean %q?)", meant)
		}
	}
	best, bestDist := "", 3
	for _, a := range allowed {
		if dist := editDistance(strings.ToLower(s), a); dist < bestDist {
			best, bestDist = a, dist
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// synonyms maps words maintainers naturally write to the format's word
// for the same thing, for suggestions that edit distance cannot find.
var synonyms = map[string]string{
	"arrested":  "detained",
	"arrest":    "detained",
	"convicted": "sentenced",
	"verdict":   "sentenced",
	"freed":     "released",
	"jailed":    "imprisoned",
	"jail":      "prison",
	"prisoner":  "imprisoned",
	"dead":      "died",
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// YAMLFile is a YAML file of a site that another package reads, as package
// i18n reads the interface text: it records each problem in the file as an
// [Error] at its line and column, in the same words as the content files
// get, so that every file of a site is checked alike.
type YAMLFile struct {
	// Root is the file's top node, nil when the file could not be read
	// or parsed (which is recorded).
	Root *yaml.Node
	d    *decoder
}

// ReadYAMLFile reads and parses the YAML file p with the checks of every
// content file: its size limit, UTF-8 text, no tab in the indentation, no
// aliases. Problems are added to errs.
func ReadYAMLFile(fsys fs.FS, p string, errs *ErrorList) *YAMLFile {
	d, root := readYAML(fsys, p, errs)
	return &YAMLFile{Root: root, d: d}
}

// Errorf records a problem at node n, or with the whole file when n is nil.
func (f *YAMLFile) Errorf(n *yaml.Node, format string, args ...any) { f.d.errorf(n, format, args...) }

// Text decodes v, the value of key, as text, as content fields are: a
// number is kept as written; yes/no, an empty value and invisible
// characters are errors.
func (f *YAMLFile) Text(v *yaml.Node, key string) string { return f.d.text(v, key) }

// KindName says what node n holds, for an error that expected something
// else: "a list", "a set of fields", "nothing", "a number (3)" or the text
// in quotes.
func KindName(n *yaml.Node) string { return kindName(n) }

// IsLangCode reports whether s has the form of a language code in
// site.yaml: two or three lower-case ASCII letters.
func IsLangCode(s string) bool { return langRE.MatchString(s) }

// Hidden reports whether a folder entry's name starts with a dot, as the
// files editors and systems leave beside the ones maintainers edit: tizim
// never reads them, in content/ or in i18n/.
func Hidden(e fs.DirEntry) bool { return hidden(e) }
