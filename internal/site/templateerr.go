package site

import (
	"errors"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tizim/tizim/internal/content"
)

// templateErrRE reads the place out of the errors of text/template and
// html/template: "template: person.html:5:33: executing ..." (execution),
// "template: person.html:5: function ..." (parsing) and
// "html/template:person.html:5:33: ..." (escaping).
var templateErrRE = regexp.MustCompile(`^(?:html/)?template: ?([^:\s]+\.html):(\d+)(?::(\d+))?: (?s)(.*)$`)

// placeError gives a template's parse, escape or execution error the place
// a maintainer can open: the file in templates/, with its line and column,
// as a [content.ErrorList] of one, so that every --format of check puts it
// on the line (GitHub's annotations need the file). page, when not empty,
// is the page being rendered. It returns nil for an error that names no
// template.
func (th *Theme) placeError(err error, page string) error {
	m := templateErrRE.FindStringSubmatch(err.Error())
	if m == nil {
		return nil
	}
	p := "templates/" + m[1]
	line, _ := strconv.Atoi(m[2])
	col := 0
	if m[3] != "" {
		// Go counts the column from 0, in bytes; tizim's errors count
		// characters from 1.
		b, _ := strconv.Atoi(m[3])
		col = runeColumn(th.theme, p, line, b)
	}
	msg := m[4]
	if page != "" {
		msg = "while rendering " + page + ": " + msg
	}
	if siteOwns(th.theme, p) {
		msg += " (in the site's own " + p + ", which replaces tizim's built-in one)"
	} else {
		msg += " (in tizim's built-in " + p + ": the site has no file of that name)"
	}
	return content.ErrorList{&content.Error{Path: p, Line: line, Col: col, Msg: msg, Err: err}}
}

// siteOwns reports whether the file at p of theme comes from the site's
// own folders rather than from tizim's embedded default theme.
func siteOwns(theme fs.FS, p string) bool {
	o, ok := theme.(overlay)
	if !ok {
		return true // a theme of one layer is the site's
	}
	_, err := fs.Stat(o.upper, p)
	return err == nil || !errors.Is(err, fs.ErrNotExist)
}

// runeColumn turns the 0-based byte offset b on line of the file at p into
// a 1-based count of characters, as every other tizim error counts.
func runeColumn(theme fs.FS, p string, line, b int) int {
	data, err := fs.ReadFile(theme, p)
	if err != nil {
		return b + 1
	}
	lines := strings.SplitN(string(data), "\n", line+1)
	if line < 1 || line > len(lines) || b > len(lines[line-1]) {
		return b + 1
	}
	return utf8.RuneCountInString(lines[line-1][:b]) + 1
}
