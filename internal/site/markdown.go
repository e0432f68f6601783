package site

import (
	"html/template"
	"path"
	"strings"
	"sync"

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
	// pageLinks is set by the transformer when the document links into
	// the site: its HTML then depends on from and lang.
	pageLinks bool
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
			rc.pageLinks = true
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

// markdownKey names a rendering of a Markdown file: the file, and the
// level its headings start at.
type markdownKey struct {
	md       *content.Markdown
	minLevel int
}

// renderedMarkdown is one rendering, made once by the first page that
// asks for it; the others wait for it.
type renderedMarkdown struct {
	once      sync.Once
	html      template.HTML
	pageLinks bool // the HTML is the first page's own (see renderContext)
	err       error
}

// recentMarkdown holds the last few renderings (recentMarkdownSize): the
// pages that share one are rendered one after the other, and holding them
// all would hold every profile of the register.
type recentMarkdown struct {
	mu    sync.Mutex
	m     map[markdownKey]*renderedMarkdown
	order []markdownKey // oldest first
}

// recentMarkdownSize is how many renderings recentMarkdown holds: many
// more than the pages rendered at once, a few hundred kilobytes.
const recentMarkdownSize = 128

func newRecentMarkdown() *recentMarkdown {
	return &recentMarkdown{m: make(map[markdownKey]*renderedMarkdown)}
}

// get returns the rendering of k, new and not yet made if it is not held.
func (c *recentMarkdown) get(k markdownKey) *renderedMarkdown {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r := c.m[k]; r != nil {
		return r
	}
	if len(c.order) == recentMarkdownSize {
		delete(c.m, c.order[0])
		c.order = append(c.order[:0], c.order[1:]...)
	}
	r := new(renderedMarkdown)
	c.m[k] = r
	c.order = append(c.order, k)
	return r
}
