package site

import (
	"path"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/tizim/tizim/internal/content"
)

var renderKey = parser.NewContextKey()

// renderContext is what the Markdown transformer needs from the page being
// rendered.
type renderContext struct {
	urls     URLs
	from     string // the page's site path, for relative links
	lang     string // links to pages stay in the page's language
	minLevel int
}

func newRenderContext(u URLs, from, lang string, minLevel int) parser.Context {
	pc := parser.NewContext()
	pc.Set(renderKey, &renderContext{urls: u, from: from, lang: lang, minLevel: minLevel})
	return pc
}

func withContext(pc parser.Context) parser.ParseOption { return parser.WithContext(pc) }

// markdownRenderer is the format's dialect with a transformer that sends
// site links through [URLs] (so they work under a base path) and keeps
// outbound links from telling the other site where the reader came from.
func markdownRenderer() goldmark.Markdown {
	md := content.Goldmark()
	md.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(linkTransformer{}, 100)))
	return md
}

type linkTransformer struct{}

func (linkTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	rc, _ := pc.Get(renderKey).(*renderContext)
	if rc == nil {
		return
	}
	site := func(dest []byte) []byte {
		d := string(dest)
		if strings.HasPrefix(d, "/") && !strings.HasPrefix(d, "//") {
			p, rest := d[1:], ""
			if i := strings.IndexAny(p, "?#"); i >= 0 {
				p, rest = p[:i], p[i:]
			}
			// A page ("/about/") is linked in the reader's language; a
			// file ("/static/a.pdf", "/data/register.csv") exists once.
			if path.Ext(p) == "" {
				p = rc.urls.LangPath(rc.lang, p)
			}
			return []byte(rc.urls.Link(rc.from, p) + rest)
		}
		return dest
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			n.Level = max(n.Level, rc.minLevel)
		case *ast.Link:
			outbound := strings.Contains(string(n.Destination), "://") || strings.HasPrefix(string(n.Destination), "mailto:")
			n.Destination = site(n.Destination)
			if outbound {
				n.SetAttributeString("rel", []byte("noreferrer"))
			}
		case *ast.AutoLink:
			// goldmark renders autolinks without attributes; they are
			// outbound by construction and the page's referrer policy
			// (no-referrer) covers them.
		case *ast.Image:
			n.Destination = site(n.Destination)
		}
		return ast.WalkContinue, nil
	})
}
