package content

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// Error is one problem in the content, at a place a maintainer can open.
// Line and Col are 1-based; they are 0 when the problem is about a whole
// file or folder.
type Error struct {
	Path string // slash-separated, relative to the site root, e.g. "content/people/x/case.yaml"
	Line int
	Col  int
	Msg  string // a sentence: what is wrong and what is allowed
	Err  error  // the cause, when another package's error was put in words here; may be nil
}

// Unwrap returns the cause, so that errors.Is and errors.As see through
// the message to it.
func (e *Error) Unwrap() error { return e.Err }

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Line > 0 {
		b.WriteString(":" + strconv.Itoa(e.Line))
		if e.Col > 0 {
			b.WriteString(":" + strconv.Itoa(e.Col))
		}
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// ErrorList is every problem found in one load, so that a maintainer can fix
// them all in one pass instead of one per build.
type ErrorList []*Error

func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the errors of the list, so that errors.Is and errors.As
// find the cause of any of them.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// Sort orders the list by file, line, column and message, so output is
// stable however the files were loaded.
func (l ErrorList) Sort() {
	slices.SortFunc(l, func(a, b *Error) int {
		return cmp.Or(
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
}

// Err returns the list as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}
