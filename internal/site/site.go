// Package site renders a register into a static website.
//
// The output, for the default language (other languages get the same tree
// under /<lang>/):
//
//	index.html                 home: the count as of the site's date, latest events
//	current/index.html         the current list
//	people/index.html          everyone on the register, with an alphabet index
//	people/<slug>/index.html   a person: facts, status, timeline, sources, profile
//	people/<slug>/photo.jpg    the portrait, re-encoded without metadata
//	groups/, groups/<slug>/    groups (movements, parties, cases) and their people
//	regions/, regions/<slug>/  regions and their people
//	<name>/index.html          each free page of content/pages/
//	404.html, .nojekyll        for GitHub Pages
//	static/...                 the theme's static files
//
// Templates come from a theme file system holding templates/ and static/:
// the site's own folders over the defaults embedded in the binary (see
// [Overlay]). Each page template is parsed together with templates/base.html
// and executes "base". Templates see a [*Page]; every link in them is built
// with its URL method, which knows the base path and the language.
package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/yuin/goldmark"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
)

// Writer receives the site's files. Write is called from several goroutines
// at once, each time with a different path.
type Writer interface {
	Write(path string, data []byte) error
}

// Site renders one register with one theme.
type Site struct {
	reg      *register.Register
	files    fs.FS // the site root, for photos
	theme    fs.FS
	urls     URLs
	tmpl     map[string]*template.Template
	md       goldmark.Markdown
	assetVer map[string]string // static file -> short content hash, for cache busting
}

// pageTemplates are the page templates every theme must have.
var pageTemplates = []string{"home.html", "current.html", "people.html", "person.html", "groups.html", "group.html", "page.html", "404.html"}

// New prepares to render reg, whose content was loaded from files, with the
// templates and static files of theme.
func New(reg *register.Register, files, theme fs.FS) (*Site, error) {
	s := &Site{
		reg:      reg,
		files:    files,
		theme:    theme,
		urls:     NewURLs(reg.Site.BaseURL, reg.Site.Languages[0]),
		tmpl:     make(map[string]*template.Template),
		md:       markdownRenderer(),
		assetVer: make(map[string]string),
	}
	for _, name := range pageTemplates {
		t, err := template.New(name).Funcs(funcs).ParseFS(theme, "templates/base.html", "templates/"+name)
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		s.tmpl[name] = t
	}
	err := fs.WalkDir(theme, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(theme, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		s.assetVer[strings.TrimPrefix(p, "static/")] = hex.EncodeToString(sum[:4])
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("static files: %w", err)
	}
	return s, nil
}

var funcs = template.FuncMap{
	"inc": func(i int) int { return i + 1 },
	// dict passes several values to a shared template ("person-table").
	"dict": func(kv ...any) (map[string]any, error) {
		if len(kv)%2 != 0 {
			return nil, fmt.Errorf("dict needs key, value pairs")
		}
		m := make(map[string]any, len(kv)/2)
		for i := 0; i < len(kv); i += 2 {
			k, ok := kv[i].(string)
			if !ok {
				return nil, fmt.Errorf("dict key %v is not a string", kv[i])
			}
			m[k] = kv[i+1]
		}
		return m, nil
	},
}

// job renders one output file.
type job func(w Writer) error

// Render writes the whole site to w, rendering pages in parallel.
func (s *Site) Render(w Writer) error {
	jobs := s.jobs()
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = jobs[i](w)
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// jobs lists every file of the site.
func (s *Site) jobs() []job {
	r := s.reg
	var jobs []job
	for _, lang := range r.Site.Languages[:1] { // other languages: a later step
		page := func(p, title, tmpl string, fill func(*Page)) {
			jobs = append(jobs, func(w Writer) error {
				pg := s.newPage(lang, p, title)
				if fill != nil {
					fill(pg)
				}
				return s.execute(w, tmpl, pg)
			})
		}
		page("", "", "home.html", nil)
		page("current/", "Current list", "current.html", nil)
		page("people/", "Everyone on the register", "people.html", nil)
		for _, p := range r.People {
			page("people/"+p.Slug+"/", p.Name, "person.html", func(pg *Page) { pg.Person = p })
			if p.Photo != "" {
				jobs = append(jobs, func(w Writer) error { return s.photo(w, lang, p) })
			}
		}
		for _, kind := range []struct {
			dir, title string
			groups     []*register.Group
		}{{"groups/", "Groups and cases", r.Groups}, {"regions/", "Regions", r.Regions}} {
			page(kind.dir, kind.title, "groups.html", func(pg *Page) { pg.Groups, pg.GroupDir = kind.groups, kind.dir })
			for _, g := range kind.groups {
				page(kind.dir+g.Slug+"/", g.Name, "group.html", func(pg *Page) {
					pg.Group, pg.GroupDir, pg.GroupsTitle = g, kind.dir, kind.title
				})
			}
		}
		for _, fp := range r.Pages {
			if fp.Lang != lang {
				continue
			}
			page(fp.Name+"/", fp.Title, "page.html", func(pg *Page) {
				pg.FreePage = fp
				pg.Description = fp.Description
			})
		}
		page("404.html", "Page not found", "404.html", nil)
	}
	jobs = append(jobs, func(w Writer) error { return w.Write(".nojekyll", nil) })
	for _, name := range slices.Sorted(maps.Keys(s.assetVer)) {
		jobs = append(jobs, func(w Writer) error {
			data, err := fs.ReadFile(s.theme, "static/"+name)
			if err != nil {
				return err
			}
			return w.Write("static/"+name, data)
		})
	}
	return jobs
}

// execute renders template tmpl for pg into the page's file.
func (s *Site) execute(w Writer, tmpl string, pg *Page) error {
	var buf bytes.Buffer
	if err := s.tmpl[tmpl].ExecuteTemplate(&buf, "base", pg); err != nil {
		return fmt.Errorf("rendering %s: %w", pg.File(), err)
	}
	return w.Write(pg.File(), buf.Bytes())
}

// markdown renders a content Markdown file to HTML. Headings are raised to
// at least minLevel, so that a "#" in a profile does not compete with the
// page's own title and sections.
func (s *Site) markdown(md *content.Markdown, minLevel int) (template.HTML, error) {
	if md == nil {
		return "", nil
	}
	var buf bytes.Buffer
	ctx := newRenderContext(s.urls, minLevel)
	if err := s.md.Convert(md.Source, &buf, withContext(ctx)); err != nil {
		return "", fmt.Errorf("%s: %w", md.Path, err)
	}
	// Safe: the renderer leaves raw HTML out and the loader admits only
	// http, https, mailto and site links.
	return template.HTML(buf.String()), nil
}

// asset returns the link to a static file, with a content hash so that
// browsers fetch it anew only when it changes.
func (s *Site) asset(name string) string {
	v := s.assetVer[name]
	u := s.urls.Path(path.Join("static", name))
	if v != "" {
		u += "?v=" + v
	}
	return u
}
