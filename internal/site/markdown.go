package site

import (
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
	urls  URLs
	shift int
}

func newRenderContext(u URLs, shift int) parser.Context {
	pc := parser.NewContext()
	pc.Set(renderKey, &renderContext{urls: u, shift: shift})
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
			return []byte(rc.urls.Path(strings.TrimPrefix(d, "/")))
		}
		return dest
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			n.Level = min(n.Level+rc.shift, 6)
		case *ast.Link:
			n.Destination = site(n.Destination)
			if !strings.HasPrefix(string(n.Destination), "/") && !strings.HasPrefix(string(n.Destination), "#") {
				n.SetAttributeString("rel", []byte("noopener noreferrer"))
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
