package site

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
)

// fragmentKey names a cached rendering of a shared template (see
// [Page.fragment]), in Site.fragments.
type fragmentKey struct {
	tmpl, name, lang string
	section          string // see Page.section
	root             string // the link to the site's root, which tells the page's depth (links are relative)
	noSearchForm     bool
	of               any // what the fragment shows, e.g. a source
}

// Shared renders the named template for the page and returns it, rendered
// once for all the pages that share the page's language and section: the
// site header and footer are the same on thousands of pages, and rendering
// them was a third of the work of a person page.
//
// A shared template sees a page that has only the language, the links and
// the section: .Is can test only a section ("people/"), and what is
// particular to one page (its title, person or languages) is not there.
func (pg *Page) Shared(name string) (template.HTML, error) {
	return pg.fragment("home.html", name, nil, func(sp *Page) any { return sp })
}

// fragment returns template name of the template set tmpl executed with
// data(sp), where sp is the page a shared template sees (see Shared). It
// is rendered once for every page of the same language, section and depth
// and every value of of: the caller promises that of and sp decide what
// data gives.
func (pg *Page) fragment(tmpl, name string, of any, data func(sp *Page) any) (template.HTML, error) {
	if pg.root == "" {
		pg.root = pg.Root("")
	}
	key := fragmentKey{tmpl, name, pg.Lang, pg.section(), pg.root, pg.NoSearchForm, of}
	if h, ok := pg.site.fragments.Load(key); ok {
		return h.(template.HTML), nil
	}
	sp := &Page{site: pg.site, Lang: pg.Lang, Path: pg.Path, Rel: pg.section(), Reg: pg.Reg, NoSearchForm: pg.NoSearchForm, shared: true}
	var buf bytes.Buffer
	if err := pg.site.tmpl[tmpl].ExecuteTemplate(&buf, name, data(sp)); err != nil {
		return "", err
	}
	// Safe: the output of html/template, escaped in its HTML context.
	h := template.HTML(buf.String())
	pg.site.fragments.Store(key, h)
	return h, nil
}

// section is the first folder of the page's path ("people/"), or the
// path of a page at the top ("", "404.html").
func (pg *Page) section() string {
	if i := strings.IndexByte(pg.Rel, '/'); i >= 0 {
		return pg.Rel[:i+1]
	}
	return pg.Rel
}

// isShared reports, for Is, whether p is more than a section, which a
// shared template cannot test.
func (pg *Page) isShared(p string) error {
	if pg.shared && strings.Contains(strings.TrimSuffix(p, "/"), "/") {
		return fmt.Errorf("Is %q: a shared template (see Page.Shared) can test only a section, such as \"people/\"", p)
	}
	return nil
}
