package content

import (
	"strings"
	"sync"
	"time"
	"unicode/utf8"
	"unsafe"

	"go.yaml.in/yaml/v3"
)

// fastYAML parses data into the document node yaml.v3 would make of it
// (the same kinds, tags, values, styles, lines, columns and children; the
// comments, which no reader of content looks at, are left out), or returns
// nil when data is not in the plain subset of YAML it knows: then the
// caller asks yaml.v3, which also says what is wrong with a file.
//
// Parsing was most of loading a large register, and yaml.v3 allocates a
// node and several strings for every token. The subset is what the content
// format's files are written in: block mappings with plain keys, block
// lists, and on one line plain, quoted and flow ([a, b], {k: v}) values.
// Anything else (a value on several lines, a block of text after | or >,
// anchors, tags, a tab, a carriage return, an empty value, a document
// marker, escapes other than \" \\ \/ \n \t) is not in the subset.
// FuzzFastYAML holds the two parsers to the same trees.
//
// The values are slices of data, which must not change while they are in
// use (the decoder copies what it keeps), and the nodes are a's, when a is
// not nil, until a is reset.
func fastYAML(data []byte, a *yamlArena) *yaml.Node {
	if !plainText(data) {
		return nil
	}
	if a == nil {
		a = new(yamlArena)
	}
	p := &fastParser{src: unsafe.String(unsafe.SliceData(data), len(data)), arena: a}
	p.next()
	if p.eof {
		return nil // empty, or only comments: yaml.v3 says which
	}
	doc := p.node()
	doc.Kind, doc.Line, doc.Column = yaml.DocumentNode, p.lineNo, p.indent+1
	root := p.block(p.indent)
	if root == nil || !p.eof {
		return nil
	}
	p.stack = append(p.stack, root)
	doc.Content = p.children(0)
	return doc
}

// plainText reports whether data has none of what the subset leaves to
// yaml.v3: control characters (tabs and carriage returns among them),
// characters YAML does not allow, byte order marks and the Unicode line
// breaks (NEL, LS, PS). data is valid UTF-8.
func plainText(data []byte) bool {
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' || c == 0x7F {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r < 0xA0, r == 0x2028, r == 0x2029, r == 0xFEFF,
			r >= 0xD800 && r < 0xE000, r == 0xFFFE, r == 0xFFFF:
			return false
		}
		i += size
	}
	return true
}

type fastParser struct {
	src string
	// The current line: its number, its start and end (before "\n"), the
	// offset of its first character that is not a space, and that
	// character's column (0-based). pos is where parsing is on the line.
	lineNo, start, end, indent, pos int
	eof                             bool
	arena                           *yamlArena
	// stack holds the children of the collections being parsed, each
	// collection's after those of the ones it is in.
	stack []*yaml.Node
}

// A yamlArena holds the nodes of parsed files in blocks, which a loader
// uses again for the next file once it has decoded one: a case file has
// hundreds of nodes, and allocating them one by one was a tenth of
// loading.
type yamlArena struct {
	nodes       [][]yaml.Node
	ptrs        [][]*yaml.Node
	node, ptr   int // the blocks in use
	nodeN, ptrN int // how many of the last block in use are used
	// strs holds a copy of the texts the decoder kept, so that the people
	// of a register share one copy of each source id, court, region,
	// group, tag, language code and recurring phrase. Whole sentences
	// recur too ("A court in Almaty places him under house arrest.", in
	// each language): kept only up to 64 bytes, copies of the longer ones
	// were a seventh of the live heap of a build of 30,000 people (80 of
	// 560 MB) and 13% of its peak memory.
	strs map[string]string
}

// keepUpTo is the length of the longest text keep shares: longer ones are
// paragraphs, which seldom recur. keepMost is how many texts a loader
// shares, so that the map of them stays small.
const (
	keepUpTo = 1 << 10
	keepMost = 1 << 14
)

// keep returns a copy of s that holds no part of a file: the one copy of
// a text kept before by a loader that used a, or a new one. a may be nil.
func (a *yamlArena) keep(s string) string {
	if a == nil || len(s) > keepUpTo {
		return strings.Clone(s)
	}
	if k, ok := a.strs[s]; ok {
		return k
	}
	k := strings.Clone(s)
	if len(a.strs) < keepMost {
		if a.strs == nil {
			a.strs = make(map[string]string)
		}
		a.strs[k] = k
	}
	return k
}

const arenaBlock = 256

var arenas = sync.Pool{New: func() any { return new(yamlArena) }}

// reset lets the arena's nodes be used again: no node of it may be in use.
func (a *yamlArena) reset() {
	a.node, a.ptr, a.nodeN, a.ptrN = 0, 0, 0, 0
}

func (p *fastParser) node() *yaml.Node {
	a := p.arena
	if a.node == 0 || a.nodeN == arenaBlock {
		if a.node == len(a.nodes) {
			a.nodes = append(a.nodes, make([]yaml.Node, arenaBlock))
		}
		a.node, a.nodeN = a.node+1, 0
	}
	n := &a.nodes[a.node-1][a.nodeN]
	a.nodeN++
	*n = yaml.Node{}
	return n
}

// children returns the children of a collection, the top of p.stack from
// base, in a block of the arena, and takes them off the stack.
func (p *fastParser) children(base int) []*yaml.Node {
	kids := p.stack[base:]
	p.stack = p.stack[:base]
	if len(kids) == 0 {
		return nil
	}
	a := p.arena
	if a.ptr == 0 || arenaBlock-a.ptrN < len(kids) {
		if len(kids) > arenaBlock {
			return append([]*yaml.Node(nil), kids...)
		}
		if a.ptr == len(a.ptrs) {
			a.ptrs = append(a.ptrs, make([]*yaml.Node, arenaBlock))
		}
		a.ptr, a.ptrN = a.ptr+1, 0
	}
	block := a.ptrs[a.ptr-1]
	out := block[a.ptrN : a.ptrN+len(kids) : a.ptrN+len(kids)]
	copy(out, kids)
	a.ptrN += len(kids)
	return out
}

// next moves to the next line that is neither blank nor only a comment,
// or sets eof.
func (p *fastParser) next() {
	for {
		if p.lineNo > 0 {
			if p.end >= len(p.src) {
				p.eof = true
				return
			}
			p.start = p.end + 1
		}
		p.lineNo++
		p.end = len(p.src)
		if i := strings.IndexByte(p.src[p.start:], '\n'); i >= 0 {
			p.end = p.start + i
		}
		i := p.start
		for i < p.end && p.src[i] == ' ' {
			i++
		}
		if i == p.end || p.src[i] == '#' {
			if p.end >= len(p.src) {
				p.eof = true
				return
			}
			continue
		}
		p.indent, p.pos = i-p.start, i
		return
	}
}

// col returns the 0-based column, in characters, of offset off on the
// current line.
func (p *fastParser) col(off int) int {
	s := p.src[p.start:off]
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return utf8.RuneCountInString(s)
		}
	}
	return len(s)
}

// dash reports whether the current position starts a list item: "-"
// followed by a space or the line's end.
func (p *fastParser) dash() bool {
	return p.src[p.pos] == '-' && (p.pos+1 == p.end || p.src[p.pos+1] == ' ')
}

// block parses the mapping or list that starts at the current position,
// at column ind.
func (p *fastParser) block(ind int) *yaml.Node {
	if p.dash() {
		return p.sequence(ind)
	}
	return p.mapping(ind)
}

func (p *fastParser) sequence(ind int) *yaml.Node {
	n := p.node()
	n.Kind, n.Tag, n.Line, n.Column = yaml.SequenceNode, "!!seq", p.lineNo, ind+1
	base := len(p.stack)
	for !p.eof && p.indent == ind && p.dash() {
		p.pos++
		for p.pos < p.end && p.src[p.pos] == ' ' {
			p.pos++
		}
		if p.pos == p.end || p.src[p.pos] == '#' || p.dash() {
			return nil // the item on the next lines, or a list in a list
		}
		var item *yaml.Node
		if p.keyAhead() {
			item = p.mapping(p.col(p.pos))
		} else {
			item = p.value()
		}
		if item == nil {
			return nil
		}
		p.stack = append(p.stack, item)
	}
	if !p.eof && p.indent > ind {
		return nil
	}
	n.Content = p.children(base)
	return n
}

// keyAhead reports whether a field's name and ": " (or ":" at the end of
// the line) are at the current position.
func (p *fastParser) keyAhead() bool {
	i := p.keyEnd(p.pos)
	return i > p.pos && i < p.end && p.src[i] == ':' && (i+1 == p.end || p.src[i+1] == ' ')
}

// keyEnd returns the end of the field name that starts at i: ASCII
// letters, digits, "_" and "-", not first, up to 100 characters.
func (p *fastParser) keyEnd(i int) int {
	start := i
	for ; i < p.end && i-start <= 100; i++ {
		c := p.src[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-' && i > start) {
			break
		}
	}
	if i-start > 100 {
		return start
	}
	return i
}

// mapping parses the block mapping whose first key is at the current
// position, at column ind.
func (p *fastParser) mapping(ind int) *yaml.Node {
	n := p.node()
	n.Kind, n.Tag, n.Line, n.Column = yaml.MappingNode, "!!map", p.lineNo, ind+1
	base := len(p.stack)
	first := true
	for !p.eof && (first || p.indent == ind) {
		first = false
		if !p.keyAhead() {
			return nil
		}
		k := p.scalar(p.pos, p.pos, p.keyEnd(p.pos), 0)
		p.stack = append(p.stack, k)
		p.pos = p.keyEnd(p.pos) + 1
		for p.pos < p.end && p.src[p.pos] == ' ' {
			p.pos++
		}
		var v *yaml.Node
		if p.pos == p.end || p.src[p.pos] == '#' {
			// The value is on the lines below: a block further in,
			// or a list at the key's own column.
			p.next()
			switch {
			case p.eof:
				return nil // an empty value
			case p.indent > ind:
				v = p.block(p.indent)
			case p.indent == ind && p.dash():
				v = p.sequence(ind)
			default:
				return nil
			}
		} else {
			v = p.value()
		}
		if v == nil {
			return nil
		}
		p.stack = append(p.stack, v)
	}
	if !p.eof && p.indent > ind {
		return nil
	}
	n.Content = p.children(base)
	return n
}

// value parses a value on the rest of the current line and moves to the
// next line.
func (p *fastParser) value() *yaml.Node {
	var v *yaml.Node
	switch p.src[p.pos] {
	case '"', '\'':
		v = p.quoted()
	case '[':
		v = p.flowSeq()
	case '{':
		v = p.flowMap()
	default:
		v = p.plain()
	}
	if v == nil || !p.lineDone() {
		return nil
	}
	// A line below that is further in than the block the value is in
	// would continue a text, or be an error: the blocks refuse it.
	p.next()
	return v
}

// lineDone reports whether only spaces, or a comment after a space, are
// left on the line.
func (p *fastParser) lineDone() bool {
	i := p.pos
	for i < p.end && p.src[i] == ' ' {
		i++
	}
	return i == p.end || i > p.pos && p.src[i] == '#'
}

// scalar makes the scalar node of src[from:to] with style, which starts
// at offset at on the current line (its quote, if quoted).
func (p *fastParser) scalar(at, from, to int, style yaml.Style) *yaml.Node {
	n := p.node()
	n.Kind, n.Value, n.Style, n.Line, n.Column = yaml.ScalarNode, p.src[from:to], style, p.lineNo, p.col(at)+1
	if style == 0 {
		n.Tag = plainTag(n.Value)
	} else {
		n.Tag = "!!str"
	}
	return n
}

// plainIndicators are the characters a plain value may not start with.
const plainIndicators = "-?:,[]{}#&*!|>'\"%@`"

// plain parses a plain text to the end of the line (or a comment).
func (p *fastParser) plain() *yaml.Node {
	if strings.IndexByte(plainIndicators, p.src[p.pos]) >= 0 {
		return nil
	}
	s := p.src[p.pos:p.end]
	if i := strings.Index(s, " #"); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimRight(s, " ")
	if strings.Contains(s, ": ") || strings.HasSuffix(s, ":") {
		return nil
	}
	n := p.scalar(p.pos, p.pos, p.pos+len(s), 0)
	p.pos += len(s)
	return n
}

// quoted parses a text in double or single quotes that ends on its line.
func (p *fastParser) quoted() *yaml.Node {
	q, start := p.src[p.pos], p.pos
	var buf []byte   // the text unescaped, once there is an escape
	seg := start + 1 // the start of what is not in buf yet
	i := start + 1
	for ; i < p.end; i++ {
		c := p.src[i]
		if c == q && q == '\'' && i+1 < p.end && p.src[i+1] == '\'' {
			buf = append(append(buf, p.src[seg:i]...), '\'')
			i++
			seg = i + 1
			continue
		}
		if c == q {
			break
		}
		if c == '\\' && q == '"' {
			if i+1 == p.end {
				return nil
			}
			e := unescape(p.src[i+1])
			if e == 0 {
				return nil
			}
			buf = append(append(buf, p.src[seg:i]...), e)
			i++
			seg = i + 1
		}
	}
	if i >= p.end {
		return nil // not closed on this line
	}
	style := yaml.DoubleQuotedStyle
	if q == '\'' {
		style = yaml.SingleQuotedStyle
	}
	n := p.scalar(start, start+1, i, style)
	if buf != nil {
		n.Value = string(append(buf, p.src[seg:i]...))
	}
	p.pos = i + 1
	return n
}

func unescape(c byte) byte {
	switch c {
	case '"', '\\', '/':
		return c
	case 'n':
		return '\n'
	case 't':
		return '\t'
	}
	return 0
}

// flowPlain parses a plain text inside brackets, up to "," or the closing
// bracket.
func (p *fastParser) flowPlain() *yaml.Node {
	start := p.pos
	if strings.IndexByte(plainIndicators, p.src[start]) >= 0 {
		return nil
	}
	i := p.pos
	for i < p.end && strings.IndexByte(",[]{}#:?", p.src[i]) < 0 {
		i++
	}
	s := strings.TrimRight(p.src[start:i], " ")
	p.pos = i
	return p.scalar(start, start, start+len(s), 0)
}

func (p *fastParser) skipSpaces() {
	for p.pos < p.end && p.src[p.pos] == ' ' {
		p.pos++
	}
}

// flowItem parses a scalar in brackets.
func (p *fastParser) flowItem() *yaml.Node {
	p.skipSpaces()
	if p.pos == p.end {
		return nil
	}
	if c := p.src[p.pos]; c == '"' || c == '\'' {
		return p.quoted()
	}
	return p.flowPlain()
}

func (p *fastParser) flowSeq() *yaml.Node {
	n := p.node()
	n.Kind, n.Tag, n.Style, n.Line, n.Column = yaml.SequenceNode, "!!seq", yaml.FlowStyle, p.lineNo, p.col(p.pos)+1
	p.pos++
	base := len(p.stack)
	p.skipSpaces()
	if p.pos < p.end && p.src[p.pos] == ']' {
		p.pos++
		return n
	}
	for {
		item := p.flowItem()
		if item == nil {
			return nil
		}
		p.stack = append(p.stack, item)
		p.skipSpaces()
		if p.pos == p.end {
			return nil
		}
		switch p.src[p.pos] {
		case ',':
			p.pos++
			continue
		case ']':
			p.pos++
			n.Content = p.children(base)
			return n
		}
		return nil
	}
}

func (p *fastParser) flowMap() *yaml.Node {
	n := p.node()
	n.Kind, n.Tag, n.Style, n.Line, n.Column = yaml.MappingNode, "!!map", yaml.FlowStyle, p.lineNo, p.col(p.pos)+1
	p.pos++
	base := len(p.stack)
	p.skipSpaces()
	if p.pos < p.end && p.src[p.pos] == '}' {
		p.pos++
		return n
	}
	for {
		p.skipSpaces()
		e := p.keyEnd(p.pos)
		if e == p.pos || e+1 >= p.end || p.src[e] != ':' || p.src[e+1] != ' ' {
			return nil
		}
		k := p.scalar(p.pos, p.pos, e, 0)
		p.pos = e + 1
		p.stack = append(p.stack, k)
		v := p.flowItem()
		if v == nil {
			return nil
		}
		p.stack = append(p.stack, v)
		p.skipSpaces()
		if p.pos == p.end {
			return nil
		}
		switch p.src[p.pos] {
		case ',':
			p.pos++
			continue
		case '}':
			p.pos++
			n.Content = p.children(base)
			return n
		}
		return nil
	}
}

// plainTag returns the tag yaml.v3 gives the plain text s: !!str, !!int,
// !!float, !!bool, !!null, !!timestamp or !!merge. The texts of content
// are told apart here as yaml.v3's resolve tells them (TestPlainTag holds
// the two together); anything else is left to resolve itself, which
// parses dates as timestamps and numbers in four ways (a twentieth of
// checking a large register when every text went to it).
func plainTag(s string) string {
	if s == "" {
		return "!!null"
	}
	c := s[0]
	switch {
	case !resolvable[c]:
		return "!!str" // what resolve returns at once for these
	case c == '~' || c == '<' || c >= 'A':
		// resolve looks these up in its table of words, and they are
		// text otherwise.
		if t, ok := resolveWords[s]; ok {
			return t
		}
		return "!!str"
	case '1' <= c && c <= '9' && len(s) <= 18 && digits(s) == len(s):
		return "!!int" // not a timestamp: it has no "-"
	case len(s) >= 7 && digits(s) == 4 && s[4] == '-' && digits(s[5:]) == 2:
		// YYYY-MM or YYYY-MM-DD, maybe followed by ~ or ?: a timestamp
		// if it is a date that exists and nothing follows, text
		// otherwise, since no number has a "-" after four digits.
		switch rest := s[7:]; {
		case rest == "" || rest == "~" || rest == "?":
			return "!!str"
		case len(rest) == 3 && rest[0] == '-' && digits(rest[1:]) == 2:
			if validDate(s) {
				return "!!timestamp"
			}
			return "!!str"
		case len(rest) == 4 && rest[0] == '-' && digits(rest[1:]) == 2 && (rest[3] == '~' || rest[3] == '?'):
			return "!!str"
		}
	}
	return (&yaml.Node{Kind: yaml.ScalarNode, Value: s}).ShortTag() // yaml.v3's own resolution
}

// resolveWords are the words resolve gives a tag other than !!str, among
// those that start with a letter, "~" or "<".
var resolveWords = map[string]string{
	"true": "!!bool", "True": "!!bool", "TRUE": "!!bool", "false": "!!bool", "False": "!!bool", "FALSE": "!!bool",
	"~": "!!null", "null": "!!null", "Null": "!!null", "NULL": "!!null", "<<": "!!merge",
}

// digits returns how many ASCII digits s starts with.
func digits(s string) int {
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	return i
}

// validDate reports whether YYYY-MM-DD is a day of the calendar, as
// time.Parse requires.
func validDate(s string) bool {
	y := int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
	m := int(s[5]-'0')*10 + int(s[6]-'0')
	d := int(s[8]-'0')*10 + int(s[9]-'0')
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// resolvable are the first characters of the plain texts that yaml.v3's
// resolve looks at further (its resolveTable): a sign, a digit, a dot, the
// first letters of true, false, null, yes, no, on, off, "~" and "<<".
var resolvable = func() (t [256]bool) {
	for _, c := range "+-0123456789.yYnNtTfFoO~<" {
		t[c] = true
	}
	return t
}()
