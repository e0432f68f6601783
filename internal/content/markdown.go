package content

import (
	"bytes"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Goldmark returns the format's Markdown dialect: CommonMark with GitHub's
// extensions (tables, strikethrough, autolinks, task lists), and raw HTML
// left out, so that content can never inject markup or script.
func Goldmark() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.GFM))
}

// checkParser is the one parser checkMarkdown uses: making one per profile
// was a tenth of the profiles' checking time. Goldmark's parsers keep
// their state in the parse context, so one serves every goroutine (its
// author's word: github.com/gohugoio/hugo/pull/6484).
var checkParser = sync.OnceValue(func() parser.Parser { return Goldmark().Parser() })

// checkMarkdown reports raw HTML and links a reader's browser should not
// follow. Content may link to http, https and mailto addresses and to the
// site's own pages by a path starting with "/" or a "#fragment"; images may
// come only from the site itself, since any other host would learn who reads
// the register.
func checkMarkdown(md *Markdown, errs *ErrorList) {
	src := md.Source
	doc := checkParser().Parse(text.NewReader(src))
	seen := make(map[int]bool) // lines with raw HTML already reported
	report := func(n ast.Node, msg string) {
		line, col := position(n, src)
		if _, raw := n.(*ast.RawHTML); raw {
			if seen[line] {
				return
			}
			seen[line] = true
		}
		*errs = append(*errs, &Error{Path: md.Path, Line: md.Line + line - 1, Col: col, Msg: msg})
	}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock, *ast.RawHTML:
			report(n, "raw HTML is not allowed in Markdown; use Markdown syntax (write **bold**, [text](https://…)); to show a < sign, write \\<")
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			if msg := checkMarkdownLink(string(n.Destination), true); msg != "" {
				report(n, msg)
			}
		case *ast.AutoLink:
			if msg := checkMarkdownLink(string(n.URL(src)), true); msg != "" {
				report(n, msg)
			}
		case *ast.Image:
			if d := string(n.Destination); !strings.HasPrefix(d, "/") || strings.HasPrefix(d, "//") {
				report(n, "image "+quote(d)+" is not allowed: images must come from the site itself (a path starting with /static/), because an image from another host tells that host who reads the page")
			}
		}
		return ast.WalkContinue, nil
	})
}

func checkMarkdownLink(dest string, mailto bool) string {
	if strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "/") && !strings.HasPrefix(dest, "//") {
		return ""
	}
	if msg := checkLink(dest, mailto); msg != "" {
		return "link " + msg + ", or a path on this site starting with /"
	}
	return ""
}

// position finds the 1-based line and column of an inline or block node,
// from the first text segment under it.
func position(n ast.Node, src []byte) (line, col int) {
	offset := -1
	if r, ok := n.(*ast.RawHTML); ok && r.Segments.Len() > 0 {
		offset = r.Segments.At(0).Start
	}
	for c := n; offset < 0 && c != nil; c = c.Parent() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			offset = c.Lines().At(0).Start
			break
		}
		if t, ok := c.(*ast.Text); ok {
			offset = t.Segment.Start
			break
		}
		if fc := c.FirstChild(); fc != nil {
			if t, ok := fc.(*ast.Text); ok {
				offset = t.Segment.Start
				break
			}
		}
		if a, ok := c.(*ast.AutoLink); ok {
			// An autolink keeps its text private: find it after its block's start.
			start := 0
			for b := c.Parent(); b != nil; b = b.Parent() {
				if b.Type() == ast.TypeBlock && b.Lines().Len() > 0 {
					start = b.Lines().At(0).Start
					break
				}
			}
			if i := bytes.Index(src[start:], a.Label(src)); i >= 0 {
				offset = start + i
				break
			}
		}
	}
	if offset < 0 {
		return 1, 0
	}
	before := src[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	col = len([]rune(string(before[bytes.LastIndexByte(before, '\n')+1:]))) + 1
	return line, col
}
