package content

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// A YAML syntax error from yaml.v3 is a sentence for programmers ("did not
// find expected key") with a line that is often not the mistake's: yaml.v3
// names the line of the construct it was reading when it failed (the list
// that a badly indented line breaks, the quote that is never closed), it
// counts that line from 0 for parser errors and from 1 for scanner errors,
// and it names no line at all when the mark is on the first line. It never
// gives a column.
//
// syntaxError turns it into the position of the mistake and a sentence a
// maintainer can act on. It asks yaml.v3 again, in three ways:
//
//   - the text after one empty line: every mark is then past line 0, so the
//     line yaml.v3 names is always that of the same mark, and is exact once
//     its 0- or 1-based counting is undone;
//   - prefixes of the text: the shortest prefix with the same error ends at
//     the character that causes it, which finds the mistake when yaml.v3
//     names the line of an enclosing construct instead;
//   - its own reading of the text's tokens (yamlTokens), to tell which "[",
//     quote or colon of a line yaml.v3 means and whether a "[" is ever closed.
//
// The searches give yaml.v3 at most syntaxBudget bytes to parse in all: a
// large sources file gets a coarser position rather than a slow check.

// syntaxBudget is how many bytes syntaxError may give yaml.v3 to parse
// while looking for a mistake: 16 MB takes about a second, and is about
// sixty parses of the largest case file.
const syntaxBudget = 16 << 20

// tabMsg is the message for a tab where YAML wants spaces, the most common
// syntax error of text copied from other programs.
const tabMsg = "a tab is not allowed here: YAML indents with spaces only; replace the tab with spaces"

// syntaxError returns the line and column (1-based, in characters) of the
// mistake that makes yaml.v3 reject data with err, and a sentence saying
// what is wrong there and how to fix it.
func syntaxError(data []byte, err error) (line, col int, msg string) {
	// yaml.v3 drops a leading byte order mark before counting columns.
	src := bytes.TrimPrefix(data, []byte("\ufeff"))
	t := &yamlText{src: src, budget: syntaxBudget}
	t.lines, t.ends = lineStarts(src)
	t.want = t.parse(src)
	n, problem := splitYAMLError(t.want)
	if t.want == "" {
		// Not expected: the same text parses after an empty line. Keep
		// what yaml.v3 said of the text as it is.
		n, problem = splitYAMLError(err.Error())
		return clamp(n, 1, len(t.lines)), 0, "YAML cannot read this: " + problem + "; check the indentation and put texts with special signs in double quotes"
	}
	// The line of the mark yaml.v3 reported, in data: parser errors count
	// lines from 0, which the empty line before the text makes 1-based;
	// scanner errors count from 1, and the empty line adds one.
	if n > 0 && !parserProblems[problem] {
		n--
	}
	t.line = clamp(n, 1, len(t.lines))
	t.pastEnd = n > len(t.lines)
	off, msg := t.explain(problem)
	if off < 0 {
		return t.line, 0, msg
	}
	line, col = t.pos(off)
	return line, col, msg
}

// parserProblems are the messages of yaml.v3's parser, as opposed to its
// scanner: they name the line of their mark counted from 0.
var parserProblems = map[string]bool{
	"did not find expected <stream-start>":   true,
	"did not find expected <document start>": true,
	"found undefined tag handle":             true,
	"did not find expected node content":     true,
	"did not find expected '-' indicator":    true,
	"did not find expected key":              true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found duplicate %TAG directive":         true,
}

// splitYAMLError splits yaml.v3's "yaml: line N: problem" into N (0 when
// there is no line) and the problem.
func splitYAMLError(s string) (int, string) {
	s = strings.TrimPrefix(s, "yaml: ")
	if rest, ok := strings.CutPrefix(s, "line "); ok {
		if num, problem, ok := strings.Cut(rest, ": "); ok {
			if n, err := strconv.Atoi(num); err == nil {
				return n, problem
			}
		}
	}
	return 0, s
}

func clamp(n, lo, hi int) int {
	return max(lo, min(n, hi))
}

// yamlText is the text of a YAML file that yaml.v3 rejected, with what
// syntaxError has learnt of it.
type yamlText struct {
	src   []byte
	lines []int    // the offset at which each line starts
	ends  []int    // and ends, before its line break
	toks  []ytoken // yamlTokens(src), read when first needed
	want  string   // yaml.v3's error for src after an empty line
	line  int      // the line of the mark that yaml.v3 names
	// pastEnd says that the mark is after the text: yaml.v3 ends a last
	// line that has no line break with one of its own.
	pastEnd bool
	budget  int // bytes that parse may still give yaml.v3
}

// parse returns yaml.v3's error for src after an empty line, or "" if it
// parses.
func (t *yamlText) parse(src []byte) string {
	t.budget -= len(src) + 1
	var doc yaml.Node
	if err := yaml.Unmarshal(append([]byte("\n"), src...), &doc); err != nil {
		return err.Error()
	}
	return ""
}

// same reports whether yaml.v3 rejects src with the same error as the
// whole text, on the same line. It says no once the budget is spent.
func (t *yamlText) same(src []byte) bool {
	if t.budget < len(src) {
		return false
	}
	return t.parse(src) == t.want
}

// tokens returns the text's tokens.
func (t *yamlText) tokens() []ytoken {
	if t.toks == nil {
		t.toks = yamlTokens(t.src)
	}
	return t.toks
}

// lineStarts returns the offsets at which the lines of src start and
// end (before the line break), with yaml.v3's line breaks: \n, \r\n, \r
// and the Unicode ones, so that line numbers agree with those of nodes.
func lineStarts(src []byte) (starts, ends []int) {
	starts = []int{0}
	for i := 0; i < len(src); {
		if w := breakLen(src, i); w > 0 {
			ends = append(ends, i)
			i += w
			starts = append(starts, i)
			continue
		}
		i++
	}
	return starts, append(ends, len(src))
}

// pos returns the 1-based line and column, in characters, of offset off.
func (t *yamlText) pos(off int) (line, col int) {
	off = clamp(off, 0, len(t.src))
	line = sort.Search(len(t.lines), func(i int) bool { return t.lines[i] > off })
	return line, utf8.RuneCount(t.src[t.lines[line-1]:off]) + 1
}

// span returns the offsets at which line n (1-based) starts and ends,
// without its line break.
func (t *yamlText) span(n int) (start, end int) {
	return t.lines[n-1], t.ends[n-1]
}

// indentOf returns the offset of the first character of line n that is not
// a space, or the line's end.
func (t *yamlText) indentOf(n int) int {
	i, end := t.span(n)
	for i < end && t.src[i] == ' ' {
		i++
	}
	return i
}

// firstOn returns the offset of the first token on line n, or else of its
// first character that is not a space, or -1 for a blank line.
func (t *yamlText) firstOn(n int) int {
	for _, tok := range t.tokensOn(n) {
		return tok.start
	}
	if i := t.indentOf(n); i < t.ends[n-1] {
		return i
	}
	return -1
}

// tokensOn returns the tokens that start on line n.
func (t *yamlText) tokensOn(n int) []ytoken {
	start, end := t.span(n)
	toks := t.tokens()
	i := sort.Search(len(toks), func(i int) bool { return toks[i].start >= start })
	j := i
	for j < len(toks) && toks[j].start < end {
		j++
	}
	return toks[i:j]
}

// firstSame returns the first offset among candidates on line n for which
// yaml.v3 gives the same error to the text cut after that offset plus
// extra bytes, or -1. That is the place of a scanner error that yaml.v3
// reports where it stops: the text before it reads the same whatever
// follows.
func (t *yamlText) firstSame(n int, candidate func(i int) bool, extra int) int {
	start, end := t.span(n)
	tries := 0
	for i := start; i < end && tries < 64; i++ {
		if candidate(i) {
			tries++
			if t.same(t.src[:min(i+1+extra, len(t.src))]) {
				return i
			}
		}
	}
	return -1
}

// cutAfter returns where to cut the text to keep toks[i] whole for the
// scanner: the token's first character, or, for a text (or a tag, anchor
// or alias) followed on its line by ":", up to that colon, since yaml.v3
// fails differently on a field's name cut short: it requires the colon of
// a name that starts a line, and reports a failure at the name's start.
func (t *yamlText) cutAfter(toks []ytoken, i int) int {
	if strings.IndexByte("p\"'*!&", toks[i].kind) < 0 {
		return toks[i].start + 1
	}
	for j := i + 1; j < len(toks) && bytes.IndexAny(t.src[toks[j-1].end:toks[j].start], "\r\n") < 0; j++ {
		if toks[j].kind == ':' {
			return toks[j].end
		}
		if strings.IndexByte("p\"'*!&", toks[j].kind) < 0 {
			break
		}
	}
	return toks[i].end
}

// q quotes the character c for a message: "[".
func q(c byte) string {
	return `"` + string(rune(c)) + `"`
}

// closerOf and openerOf pair the brackets of YAML's lists and sets of
// fields.
var (
	closerOf = map[byte]byte{'[': ']', '{': '}'}
	openerOf = map[byte]byte{']': '[', '}': '{'}
)

// bracketed names what a bracket opens, for messages.
func bracketed(opener byte) string {
	if opener == '{' {
		return "set of fields"
	}
	return "list"
}

// explain returns the offset of the mistake behind yaml.v3's problem
// (-1 if only t.line is known) and what to tell the maintainer.
func (t *yamlText) explain(problem string) (int, string) {
	switch problem {
	case "found character that cannot start any token":
		off := t.firstSame(t.line, func(i int) bool { return strings.IndexByte("\t%@`|>", t.src[i]) >= 0 }, 0)
		if off < 0 {
			return t.firstOn(t.line), "YAML cannot read a character on this line; put the text in double quotes"
		}
		switch c := t.src[off]; c {
		case '\t':
			return off, tabMsg
		case '|', '>':
			return off, "a value inside [ ] or { } cannot start with " + q(c) + "; put the value in double quotes"
		default:
			return off, "a value cannot start with " + q(c) + " in YAML; put the whole value in double quotes"
		}

	case "found a tab character that violates indentation", "found a tab character where an indentation space is expected":
		// yaml.v3 names the line where the text that the tab interrupts
		// starts; the tab is in the indentation of a line below.
		return t.tabBelow(), tabMsg

	case "could not find expected ':'":
		return t.firstOn(t.line), `this line has no ":" after a field's name; add the ":", or, if the line continues the text of the line above, indent it more than that text's field name`

	case "mapping values are not allowed in this context":
		return t.colon()

	case "block sequence entries are not allowed in this context":
		off := t.firstSame(t.line, func(i int) bool { return t.src[i] == '-' && blankz(t.src, i+1) }, 1)
		if off < 0 {
			off = t.firstOn(t.line)
		}
		return off, `a list item ("- ") cannot start here; put it on a line of its own, or, if the "-" is part of a text, put the text in double quotes`

	case "mapping keys are not allowed in this context":
		off := t.firstSame(t.line, func(i int) bool { return t.src[i] == '?' && blankz(t.src, i+1) }, 1)
		if off < 0 {
			off = t.firstOn(t.line)
		}
		return off, `"? " starts a YAML key, which is not allowed here; put the text in double quotes`

	case "found unexpected end of stream", "found unexpected document indicator":
		return t.unclosedQuote()

	case "found unknown escape character", "did not find expected hexdecimal number", "found invalid Unicode character escape code":
		return t.badEscape()

	case "did not find expected alphabetic or numeric character":
		off := t.tokenOfKind("&*")
		if off >= 0 && t.src[off] == '*' {
			return off, `"*" at the start of a value marks a YAML alias, which is not allowed; put the whole value in double quotes`
		}
		return off, `"&" at the start of a value marks a YAML anchor, which is not allowed; put the whole value in double quotes`

	case "did not find expected key", "did not find expected '-' indicator":
		return t.misplaced(problem == "did not find expected key")

	case "did not find expected ',' or ']'", "did not find expected ',' or '}'":
		return t.flowProblem(openerOf[problem[len(problem)-2]])

	case "did not find expected node content":
		return t.nodeContent()

	case "control characters are not allowed":
		return t.control()

	case "found an indentation indicator equal to 0", "did not find expected comment or line break":
		if t.isDirective() {
			break
		}
		return t.tokenOfKind("|>"), `after "|" or ">", which start a block of text, only a comment may follow on the same line; start the text on the next line, indented, or put the value in double quotes`

	case "found undefined tag handle", "did not find the expected '>'", "did not find expected '!'", "did not find expected tag URI",
		"did not find URI escaped octet", "found an incorrect leading UTF-8 octet", "found an incorrect trailing UTF-8 octet",
		"did not find expected whitespace or line break":
		if t.isDirective() {
			break
		}
		return t.tokenOfKind("!"), `"!" at the start of a value marks a YAML tag, which is not used here; put the whole value in double quotes`

	case "did not find expected <document start>":
		// After a directive, YAML wants a line "---": the directive is
		// the mistake.
		for n := t.line; n >= 1; n-- {
			if start, end := t.span(n); start < end && t.src[start] == '%' {
				return start, directiveMsg
			}
		}
		return t.firstOn(t.line), `YAML cannot read the file from here on: a line "---" or "..." above ends the content; remove that line`
	}
	switch {
	case t.isDirective():
		off, _ := t.span(t.line)
		return off, directiveMsg
	case strings.HasPrefix(problem, "exceeded max depth"):
		return t.tooDeep(), `lists or sets of fields are nested more than 10000 deep here; look for stray "[", "{" or "- "`
	case strings.HasPrefix(problem, "unknown anchor"):
		return t.tokenOfKind("*"), "anchors and aliases (& and *) are not allowed; write the value out"
	}
	// Not expected: yaml.v3's reader errors are about bytes that are not
	// UTF-8, which checkText rejects first, and the rest are its own.
	return -1, "YAML cannot read this: " + problem + "; check the indentation and put texts with special signs in double quotes"
}

const directiveMsg = `a line starting with "%" is a YAML directive, which is not used here; remove the "%", or put the text in double quotes`

// isDirective reports whether the line of the mark starts with "%", as
// directives do: some messages are shared by directives and values.
func (t *yamlText) isDirective() bool {
	start, end := t.span(t.line)
	return start < end && t.src[start] == '%'
}

// tokenOfKind returns the token that yaml.v3 stopped at among those that
// start with one of kinds on the line of the mark or the two lines after
// it: the first after which, with one more character, the text cut gives
// the same error. Failing that, it returns the first such token, or else
// the line's first token.
func (t *yamlText) tokenOfKind(kinds string) int {
	first := -1
	for n := t.line; n <= min(t.line+2, len(t.lines)); n++ {
		for _, tok := range t.tokensOn(n) {
			if strings.IndexByte(kinds, tok.kind) < 0 {
				continue
			}
			if first < 0 {
				first = tok.start
			}
			if t.same(t.src[:min(tok.end+1, len(t.src))]) {
				return tok.start
			}
		}
	}
	if first < 0 {
		return t.firstOn(t.line)
	}
	return first
}

// tabBelow returns the offset of the tab, in the indentation of a line
// below the mark, that yaml.v3 stopped at.
func (t *yamlText) tabBelow() int {
	first, tries := -1, 0
	for n := t.line + 1; n <= len(t.lines) && tries < 64; n++ {
		start, end := t.span(n)
		for i := start; i < end && (t.src[i] == ' ' || t.src[i] == '\t'); i++ {
			if t.src[i] != '\t' {
				continue
			}
			if first < 0 {
				first = i
			}
			tries++
			if t.same(t.src[:i+1]) {
				return i
			}
			break
		}
	}
	return first
}

// colon explains "mapping values are not allowed": a ": " where YAML cannot
// start a field. Inside a text, the text needs quotes; at the start of a
// line, the line is a field indented under one that has its value, or the
// line above lacks its colon.
func (t *yamlText) colon() (int, string) {
	off := t.firstSame(t.line, func(i int) bool { return t.src[i] == ':' && blankz(t.src, i+1) }, 1)
	if off < 0 {
		return t.firstOn(t.line), `YAML cannot start a field here; check the indentation, and put a text that contains ": " in double quotes`
	}
	for _, tok := range t.tokensOn(t.line) {
		if tok.kind == ':' && tok.start < off {
			return off, `this ": " is inside a text that is not in quotes, so YAML takes it for a new field; put the whole text in double quotes`
		}
	}
	// A line above, as indented, with no colon is most likely a field
	// whose colon is missing; a directive above wants a line "---".
	if prev := t.prevContentLine(t.line); prev > 0 && t.indentOf(prev)-t.lines[prev-1] == t.indentOf(t.line)-t.lines[t.line-1] {
		toks := t.tokensOn(prev)
		if toks[0].kind == '%' && t.onlyDirectivesBefore(t.lines[t.line-1]) {
			return toks[0].start, directiveMsg
		}
		plain := len(toks) > 0 && toks[0].kind == 'p'
		for _, tok := range toks {
			plain = plain && tok.kind != ':' && tok.kind != '-'
		}
		if plain {
			return toks[0].start, `this line has no ":" after the field's name; write it as name: value`
		}
	}
	return off, `YAML cannot start a field here: this line is indented more than the field above it, which already has a value; line it up with the other fields, or, if it continues the text above, put that whole text in double quotes`
}

// onlyDirectivesBefore reports whether all tokens before offset off are
// directives: then a line starting with "%" is one for yaml.v3 too, rather
// than part of a text.
func (t *yamlText) onlyDirectivesBefore(off int) bool {
	for _, tok := range t.tokens() {
		if tok.start >= off {
			break
		}
		if tok.kind != '%' {
			return false
		}
	}
	return true
}

// prevContentLine returns the nearest line above n, within 100 lines, that
// has a token, or 0.
func (t *yamlText) prevContentLine(n int) int {
	for m := n - 1; m >= 1 && m >= n-100; m-- {
		if len(t.tokensOn(m)) > 0 {
			return m
		}
	}
	return 0
}

// quoteName names a quote character for messages: a quote inside quotes
// reads badly.
func quoteName(c byte) string {
	if c == '"' {
		return `double quote (")`
	}
	return `single quote (')`
}

// unclosedQuote finds the quote, on the line of the mark, that opens a text
// that is never closed.
func (t *yamlText) unclosedQuote() (int, string) {
	for _, tok := range t.tokensOn(t.line) {
		if (tok.kind == '"' || tok.kind == '\'') && tok.open {
			if tok.end < len(t.src) { // stopped at a document marker
				l, _ := t.pos(tok.end)
				return tok.start, fmt.Sprintf("this %s opens a text that is still open at the line %q (line %d); add %c at the end of the text", quoteName(tok.kind), t.src[tok.end:tok.end+3], l, tok.kind)
			}
			return tok.start, fmt.Sprintf("this %s opens a text that is never closed; add %c at the end of the text", quoteName(tok.kind), tok.kind)
		}
	}
	return t.tokenOfKind(`"'`), `a text in quotes that starts on this line is never closed; add the closing quote at the end of the text`
}

// badEscape finds the backslash of the escape that yaml.v3 rejects, in the
// text in double quotes that starts on the line of the mark.
func (t *yamlText) badEscape() (int, string) {
	const fix = `; to write a backslash, double it (\\), or put the text in single quotes instead`
	for _, tok := range t.tokensOn(t.line) {
		if tok.kind != '"' {
			continue
		}
		end := tok.end - 1 // the closing quote
		if tok.open {
			end = tok.end
		}
		for i := tok.start + 1; i < end; i++ {
			if t.src[i] != '\\' {
				continue
			}
			if i++; i == len(t.src) {
				return i - 1, `this backslash at the end of the file starts no escape` + fix
			}
			if breakLen(t.src, i) > 0 || strings.IndexByte("0abt\tnvfre \"/\\N_LP", t.src[i]) >= 0 {
				continue
			}
			digits := map[byte]int{'x': 2, 'u': 4, 'U': 8}[t.src[i]]
			if digits == 0 {
				return i - 1, `this backslash starts an escape that YAML does not know: in a text in double quotes, a backslash starts an escape such as \n or \"` + fix
			}
			hex := t.src[i+1 : min(i+1+digits, len(t.src))]
			v, err := strconv.ParseUint(string(hex), 16, 32)
			if len(hex) < digits || err != nil {
				return i - 1, fmt.Sprintf(`this backslash starts an escape that needs %d hexadecimal digits after \%c`, digits, t.src[i]) + fix
			}
			if v >= 0xD800 && v <= 0xDFFF || v > 0x10FFFF {
				return i - 1, `this backslash starts an escape of a character that does not exist` + fix
			}
			i += digits
		}
	}
	return t.tokenOfKind(`"`), `a text in double quotes on this line has a backslash that does not start a valid escape` + fix
}

// misplaced explains a line or token that breaks the list or set of
// fields that starts on the line of the mark.
func (t *yamlText) misplaced(inFields bool) (int, string) {
	off := t.problemAt()
	if off < 0 {
		return t.firstOn(t.line), "YAML cannot read the indentation below this line; fields of the same set must start in the same column, and so must the items of a list"
	}
	line, col := t.pos(off)
	if _, fieldCol := t.pos(t.firstOn(t.line)); inFields && col == fieldCol && t.firstOn(line) == off {
		// Lined up with the fields, so the indentation is right: the line
		// goes wrong further on, typically after a quote that ends a text
		// too early.
		if after := t.afterValue(line); after >= 0 {
			off = after
		}
	}
	switch c := t.src[off]; {
	case c == ']' || c == '}':
		return off, "this " + q(c) + " closes nothing: there is no " + q(openerOf[c]) + " before it; remove it"
	case t.firstOn(line) != off:
		return off, "this text comes after the value has ended (at a closing quote or bracket); put the whole value in double quotes, or remove it"
	case inFields && c == '-' && blankz(t.src, off+1):
		return off, fmt.Sprintf(`this list item ("- ") is among fields (name: value) that start on line %d; indent it under the field it belongs to`, t.line)
	case c == ':':
		return off, `this line starts with ":" but has no field name before it; write it as name: value`
	case inFields:
		return off, fmt.Sprintf("this line is indented differently from the fields above it (from line %d); fields of the same set must start in the same column", t.line)
	}
	return off, fmt.Sprintf(`this line is not lined up with the list it is in (from line %d); each item starts with "- " in the same column, and an item's fields line up under each other`, t.line)
}

// problemAt finds the token at which the parser failed when yaml.v3 names
// the line of an enclosing list or set of fields: the first line that ends
// a cut of the text with the same error, then the first token on it after
// which the text, cut there, gives the same error. It returns -1 if the
// search finds nothing within the budget.
func (t *yamlText) problemAt() int {
	cut := func(n int) bool {
		_, end := t.span(n)
		return t.same(t.src[:end])
	}
	// Grow the step until a line gives the same error, then halve it:
	// the mistake is usually a few lines below the mark.
	lo, hi := t.line-1, 0 // cut(lo) is false, cut(hi) true
	for step := 1; hi == 0; step *= 2 {
		n := min(t.line-1+step, len(t.lines))
		if cut(n) {
			hi = n
		} else if lo = n; n == len(t.lines) || t.budget <= 0 {
			return -1
		}
	}
	for hi-lo > 1 {
		if mid := (lo + hi) / 2; cut(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	toks := t.tokensOn(hi)
	for i, tok := range toks {
		if t.same(t.src[:t.cutAfter(toks, i)]) {
			return tok.start
		}
	}
	return t.firstOn(hi)
}

// afterValue returns the first token on line n that follows a closed quote
// or bracket and is not a colon or comma, or -1: the text that a quote
// meant to be part of it ended too early.
func (t *yamlText) afterValue(n int) int {
	toks := t.tokensOn(n)
	for i := 1; i < len(toks); i++ {
		if strings.IndexByte("\"']}", toks[i-1].kind) >= 0 && strings.IndexByte(":,]}", toks[i].kind) < 0 {
			return toks[i].start
		}
	}
	return -1
}

// flowProblem explains "did not find expected ',' or ']'" (or '}'): the
// list (or set of fields) in brackets that starts on the line of the mark
// is not closed, is closed by the wrong bracket, or has something between
// its brackets that YAML cannot read.
func (t *yamlText) flowProblem(opener byte) (int, string) {
	closer, what := closerOf[opener], bracketed(opener)
	toks := t.tokens()
	k, in := t.insideFlow()
	if in < 0 || t.lineOf(toks[in].start) != t.line || toks[in].kind != opener {
		// Not found within the budget: the last bracket on the line that
		// is not closed, or closed by the wrong one (the innermost, as
		// yaml.v3 names it), or else the first.
		in = -1
		for _, i := range t.tokenIndicesOn(t.line) {
			if toks[i].kind != opener {
				continue
			}
			if m := toks[i].match; in < 0 || m < 0 || toks[m].kind != closer {
				in = i
			}
		}
		if in < 0 {
			return t.firstOn(t.line), "YAML cannot read the " + what + " in brackets on this line; separate its items with commas, close it with " + q(closer) + `, and put a text that contains ": " or "," in double quotes`
		}
	}
	open := toks[in]
	line := t.lineOf(open.start)
	unclosed := "this " + q(opener) + " opens a " + what + " that is never closed; add " + q(closer) + " at the end of the " + what + ", or put the text in double quotes"
	switch {
	case k < 0 && open.match < 0:
		return open.start, unclosed
	case k < 0 && toks[open.match].kind != closer:
		k = open.match
	case k < 0:
		return open.start, "YAML cannot read the " + what + " that this " + q(opener) + " opens; separate its items with commas, and put a text that contains \": \" or \",\" in double quotes"
	}
	p := toks[k]
	pline := t.lineOf(p.start)
	switch {
	case p.kind == ']' || p.kind == '}':
		return p.start, fmt.Sprintf("the %s opened by %s on line %d must be closed by %s, not by this %s", what, q(opener), line, q(closer), q(p.kind))
	case pline > line && t.indentOf(pline)-t.lines[pline-1] <= t.indentOf(line)-t.lines[line-1]:
		// The mistake is on a line no more indented than the bracket's: the
		// bracket was meant to be closed before.
		if open.match < 0 {
			return open.start, unclosed
		}
		return open.start, fmt.Sprintf("this %s opens a %s that is not closed before line %d; add %s at the end of the %s, or put the text in double quotes", q(opener), what, pline, q(closer), what)
	case p.kind == ':':
		return p.start, fmt.Sprintf(`YAML cannot read this ":" in the %s opened by %s on line %d: if a field starts here, put a "," before its name; if the ":" is part of a text, put the text in double quotes`, what, q(opener), line)
	}
	return p.start, fmt.Sprintf(`YAML expected "," or %s before this, in the %s opened by %s on line %d; separate the items with commas, and put a text that contains ": " or "," in double quotes`, q(closer), what, q(opener), line)
}

// lineOf returns the 1-based line of offset off.
func (t *yamlText) lineOf(off int) int {
	line, _ := t.pos(off)
	return line
}

// tokenIndicesOn returns the indices in t.tokens() of the tokens that start
// on line n.
func (t *yamlText) tokenIndicesOn(n int) []int {
	start, end := t.span(n)
	toks := t.tokens()
	var out []int
	for i := sort.Search(len(toks), func(i int) bool { return toks[i].start >= start }); i < len(toks) && toks[i].start < end; i++ {
		out = append(out, i)
	}
	return out
}

// insideFlow finds the token at which the parser failed inside brackets:
// the first token, from the line of the mark, after which the text, cut
// there and its open brackets closed, gives the same error (closing them
// keeps yaml.v3 from failing at the cut instead). When that token is a
// text followed by ":", it tells whether the text or the colon is the
// problem. It returns the token's index and that of the innermost bracket
// open before it, or -1.
func (t *yamlText) insideFlow() (k, in int) {
	toks := t.tokens()
	start, _ := t.span(t.line)
	var open []int
	closed := func(end int) []byte {
		cut := append(append([]byte{}, t.src[:end]...), ' ')
		for i := len(open) - 1; i >= 0; i-- {
			cut = append(cut, closerOf[toks[open[i]].kind])
		}
		return cut
	}
	tries := 0
	for k, tok := range toks {
		in = -1
		if len(open) > 0 {
			in = open[len(open)-1]
		}
		switch tok.kind {
		case '[', '{':
			open = append(open, k)
		case ']', '}':
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
		if tok.start < start {
			continue
		}
		if tries++; tries > 64 || t.budget <= 0 {
			break
		}
		end := t.cutAfter(toks, k)
		if !t.same(closed(end)) {
			continue
		}
		if end > tok.end && !t.same(closed(tok.end)) {
			return k + 1, in // the colon after the text
		}
		return k, in
	}
	return -1, -1
}

// nodeContent explains "did not find expected node content": a token that
// cannot be a value, such as "- " or "," inside brackets or "]" after a
// field's name, or the end of the text inside brackets.
func (t *yamlText) nodeContent() (int, string) {
	toks := t.tokens()
	if t.pastEnd || len(toks) == 0 || toks[len(toks)-1].start < t.lines[t.line-1] {
		// The mark is past the last token: the text ends inside brackets.
		for _, tok := range toks {
			if (tok.kind == '[' || tok.kind == '{') && tok.match < 0 {
				return tok.start, "this " + q(tok.kind) + " opens a " + bracketed(tok.kind) + " that is never closed; add " + q(closerOf[tok.kind]) + " at the end of the " + bracketed(tok.kind) + ", or put the text in double quotes"
			}
		}
	}
	off := -1
	if k, _ := t.insideFlow(); k >= 0 {
		off = toks[k].start
	} else {
		for _, tok := range t.tokensOn(t.line) {
			if strings.IndexByte("-,]}?:", tok.kind) >= 0 {
				off = tok.start
				break
			}
		}
	}
	if off < 0 {
		return t.firstOn(t.line), "YAML expected a value on this line; check the brackets and commas, and put texts with special signs in double quotes"
	}
	switch c := t.src[off]; c {
	case '-':
		return off, `a list item ("- ") cannot start inside [ ] or { }; separate the items with commas instead, or put a text that starts with "-" in double quotes`
	case ',':
		return off, `YAML expected a value before this ","; remove the extra comma, or put the text in double quotes`
	default:
		return off, "YAML expected a value here, not " + q(c) + "; put the text in double quotes, or remove the " + q(c)
	}
}

// control finds the first character that yaml.v3's reader rejects.
func (t *yamlText) control() (int, string) {
	for i := 0; i < len(t.src); {
		r, size := utf8.DecodeRune(t.src[i:])
		switch {
		case r == 0x09, r == 0x0A, r == 0x0D, r >= 0x20 && r <= 0x7E, r == 0x85,
			r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
			i += size
			continue
		}
		return i, fmt.Sprintf("the invisible control character U+%04X is not allowed; delete it (it often comes with text copied from another program)", r)
	}
	return -1, "the file contains an invisible control character, which is not allowed; delete it"
}

// tooDeep returns the "[" or "{" at which brackets nest more than yaml.v3
// allows, or the first token of the line of the mark.
func (t *yamlText) tooDeep() int {
	for _, tok := range t.tokens() {
		if tok.depth > 10000 {
			return tok.start
		}
	}
	return t.firstOn(t.line)
}
