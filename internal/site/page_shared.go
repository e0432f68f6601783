package site

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
)

// sharedKey names a cached rendering of a shared template (see
// [Page.Shared]). It is stored in Site.rows, which a portable copy of the
// site does not share.
type sharedKey struct {
	name, lang, section string
	root                string // the link to the site's root, which tells a portable page's depth
	noSearchForm        bool
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
	section := pg.Rel
	if i := strings.IndexByte(section, '/'); i >= 0 {
		section = section[:i+1]
	}
	key := sharedKey{name, pg.Lang, section, pg.Root(""), pg.NoSearchForm}
	if h, ok := pg.site.rows.Load(key); ok {
		return h.(template.HTML), nil
	}
	sp := &Page{site: pg.site, Lang: pg.Lang, Path: pg.Path, Rel: section, Reg: pg.Reg, NoSearchForm: pg.NoSearchForm, shared: true}
	var buf bytes.Buffer
	if err := pg.site.tmpl["home.html"].ExecuteTemplate(&buf, name, sp); err != nil {
		return "", err
	}
	// Safe: the output of html/template, escaped in its HTML context.
	h := template.HTML(buf.String())
	pg.site.rows.Store(key, h)
	return h, nil
}

// isShared reports, for Is, whether p is more than a section, which a
// shared template cannot test.
func (pg *Page) isShared(p string) error {
	if pg.shared && strings.Contains(strings.TrimSuffix(p, "/"), "/") {
		return fmt.Errorf("Is %q: a shared template (see Page.Shared) can test only a section, such as \"people/\"", p)
	}
	return nil
}
