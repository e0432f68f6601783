package content

import (
	"bytes"
	"strings"
)

// ytoken is a token of YAML text as yamlTokens reads it.
type ytoken struct {
	start, end int  // offsets in the text
	kind       byte // its first character: one of -?:,[]{}"'|>&*!%, 'p' for a plain text, 'D' for "---" or "..."
	open       bool // a text in quotes that is never closed
	depth      int  // for "[" and "{": how many brackets are open after it
	match      int  // for "[" and "{": the index of the token that closes it ("]" or "}", maybe the wrong one), or -1
}

// yamlTokens reads src as yaml.v3's scanner would, well enough to tell
// where its tokens start, which quote is never closed and which bracket
// closes which. It does not know about indentation except to skip blocks
// of text after "|" and ">", and it reads any text without failing: it is
// used on text that yaml.v3 rejected, to point at the mistake.
func yamlTokens(src []byte) []ytoken {
	var toks []ytoken
	var open []int // indices of the "[" and "{" not closed yet
	lineStart := 0
	for i := 0; i < len(src); {
		if w := breakLen(src, i); w > 0 {
			i += w
			lineStart = i
			continue
		}
		c := src[i]
		if c == ' ' || c == '\t' {
			i++
			continue
		}
		if i == lineStart && bytes.HasPrefix(src[i:], []byte("\ufeff")) {
			i += 3 // yaml.v3 allows a byte order mark to start any line
			continue
		}
		if c == '#' {
			i = lineEnd(src, i)
			continue
		}
		tok := ytoken{start: i, end: i + 1, kind: c, match: -1}
		flow := len(open) > 0
		switch {
		case i == lineStart && c == '%':
			tok.end = lineEnd(src, i)
		case i == lineStart && docMarker(src, i):
			tok.end, tok.kind = i+3, 'D'
		case c == '[' || c == '{':
			open = append(open, len(toks))
			tok.depth = len(open)
		case c == ']' || c == '}':
			if len(open) > 0 {
				toks[open[len(open)-1]].match = len(toks)
				open = open[:len(open)-1]
			}
		case c == ',':
		case c == '-' && blankz(src, i+1), (c == '?' || c == ':') && (flow || blankz(src, i+1)):
		case c == '*' || c == '&':
			for tok.end < len(src) && anchorChar(src[tok.end]) {
				tok.end++
			}
		case c == '!':
			// A tag may contain ",", "[" and "]", even inside brackets.
			for tok.end < len(src) && !blankz(src, tok.end) && src[tok.end] != '{' && src[tok.end] != '}' {
				tok.end++
			}
		case (c == '|' || c == '>') && !flow:
			tok.end = lineEnd(src, i)
			toks = append(toks, tok)
			i = skipBlock(src, toks, lineStart)
			continue
		case c == '"' || c == '\'':
			tok.end, tok.open = quotedEnd(src, i)
			lineStart = lineStartOf(src, tok.start, tok.end) // it may end on a later line
		default:
			tok.kind = 'p'
			tok.end = plainEnd(src, i, flow)
		}
		toks = append(toks, tok)
		i = tok.end
	}
	return toks
}

// lineStartOf returns the offset at which the line of offset i starts, or
// from if that is after it.
func lineStartOf(src []byte, from, i int) int {
	for ; i > from; i-- {
		if src[i-1] == '\n' || src[i-1] == '\r' || i >= 2 && breakLen(src, i-2) == 2 || i >= 3 && breakLen(src, i-3) == 3 {
			return i
		}
	}
	return from
}

// anchorChar reports whether c may be part of an anchor's name.
func anchorChar(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c == '-'
}

// breakLen returns the length of the line break at src[i], or 0.
func breakLen(src []byte, i int) int {
	if i >= len(src) {
		return 0
	}
	switch src[i] {
	case '\n':
		return 1
	case '\r':
		if i+1 < len(src) && src[i+1] == '\n' {
			return 2
		}
		return 1
	case 0xC2: // NEL
		if i+1 < len(src) && src[i+1] == 0x85 {
			return 2
		}
	case 0xE2: // LS, PS
		if i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xA8 || src[i+2] == 0xA9) {
			return 3
		}
	}
	return 0
}

// blankz reports whether src[i] is a space, a tab, a line break or the end
// of the text: what must follow "-", "?" and ":" for them to be indicators.
func blankz(src []byte, i int) bool {
	return i >= len(src) || src[i] == ' ' || src[i] == '\t' || breakLen(src, i) > 0
}

// lineEnd returns the offset of the line break after i, or the text's end.
func lineEnd(src []byte, i int) int {
	for i < len(src) && breakLen(src, i) == 0 {
		i++
	}
	return i
}

// docMarker reports whether a document marker, "---" or "...", is at i.
func docMarker(src []byte, i int) bool {
	return (bytes.HasPrefix(src[i:], []byte("---")) || bytes.HasPrefix(src[i:], []byte("..."))) && blankz(src, i+3)
}

// quotedEnd returns the offset after the text in quotes that starts at i,
// and whether it is never closed: then it ends where yaml.v3 gives up, at
// the end of the text or at a line that starts with a document marker.
func quotedEnd(src []byte, i int) (end int, open bool) {
	q := src[i]
	for j := i + 1; j < len(src); {
		if w := breakLen(src, j); w > 0 {
			j += w
			if docMarker(src, j) {
				return j, true
			}
			continue
		}
		switch {
		case src[j] == '\\' && q == '"':
			j++
			if w := breakLen(src, j); w > 0 {
				continue // an escaped line break: the check above sees the next line
			}
		case src[j] == '\'' && q == '\'' && j+1 < len(src) && src[j+1] == '\'':
			j++ // '' is a quote inside the text
		case src[j] == q:
			return j + 1, false
		}
		j++
	}
	return len(src), true
}

// plainEnd returns the offset where the plain (unquoted) text that starts
// at i ends on its line: at ": ", at " #", at the line's end, and inside
// brackets also at ",", "?" and brackets.
func plainEnd(src []byte, i int, flow bool) int {
	j := i + 1
	for j < len(src) && breakLen(src, j) == 0 {
		c := src[j]
		if c == ':' && blankz(src, j+1) ||
			flow && strings.IndexByte(",?[]{}", c) >= 0 ||
			(c == ' ' || c == '\t') && j+1 < len(src) && src[j+1] == '#' {
			break
		}
		j++
	}
	for j > i+1 && (src[j-1] == ' ' || src[j-1] == '\t') {
		j--
	}
	return j
}

// skipBlock returns the offset after the block of text whose header, "|" or
// ">", is the last of toks, on the line that starts at lineStart: the
// lines below that are blank or indented more than the field (or list
// item) the block is the value of.
func skipBlock(src []byte, toks []ytoken, lineStart int) int {
	header := toks[len(toks)-1]
	parent := header.start - lineStart - 1
	for k := len(toks) - 1; k >= 0 && toks[k].start >= lineStart; k-- {
		switch toks[k].kind {
		case 'p', '"', '\'':
			parent = toks[k].start - lineStart // the field's name
		case '-':
			if parent == header.start-lineStart-1 {
				parent = toks[k].start - lineStart // "- |"
			}
		}
	}
	i := lineEnd(src, header.start)
	for i < len(src) {
		next := i + breakLen(src, i)
		j := next
		for j < len(src) && src[j] == ' ' {
			j++
		}
		k := j
		for k < len(src) && src[k] == '\t' {
			k++
		}
		if k < len(src) && breakLen(src, k) == 0 && j-next <= parent {
			return next
		}
		i = lineEnd(src, next)
	}
	return len(src)
}
