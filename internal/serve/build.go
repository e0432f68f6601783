package serve

import (
	"io/fs"
	"net/url"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tizim/tizim/internal/build"
	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/site"
)

// Snapshot is one build's output, as `tizim build` would write it.
type Snapshot struct {
	// Files are the site's files; nil until there is a good build. Never
	// changed once built: a rebuild makes a new Snapshot, so that requests
	// being served keep a consistent site.
	Files Files
	// Base is the URL path the site lives under, from base_url: "/" or
	// e.g. "/kazakhstan/" (unescaped, beginning and ending in "/").
	Base string
}

// Files are a site's files by slash-separated path relative to the output
// folder ("index.html", "people/x/index.html"). Get reports whether the
// site has the file and, if it is made on demand and could not be, why.
type Files interface {
	Get(name string) (data []byte, ok bool, err error)
}

// MapFiles are files held in a map.
type MapFiles map[string][]byte

// Get returns the file called name.
func (m MapFiles) Get(name string) ([]byte, bool, error) {
	data, ok := m[name]
	return data, ok, nil
}

// BuildFunc makes the site anew. changed lists the files edited since the
// last build, as slash-separated paths relative to the site folder (nil:
// unknown, everything may have changed).
//
// On error the returned Snapshot may be nil, or carry just Base, where the
// site should be served once it builds.
type BuildFunc func(changed []string) (*Snapshot, error)

// Build returns a BuildFunc that loads and checks the whole site in root,
// reading again only the people's folders that changed ([build.Loader]),
// and renders its pages on demand ([site.Lazy]): after an edit only the
// pages the browser asks for are rendered, so that the preview keeps up
// with a register of any size. Unless only people's folders changed, each
// page template is tried once in every language at build time, so that a
// template error shows at once.
func Build(root string, asOf time.Time) BuildFunc {
	loader := build.NewLoader(root, asOf)
	var theme *site.Theme // kept while no file of it changes
	return func(changed []string) (*Snapshot, error) {
		reg, files, err := loader.Load(changed)
		if err != nil {
			return &Snapshot{Base: guessBase(root)}, err
		}
		base := basePath(reg.Site.BaseURL)
		// The theme (templates, static files, interface text) reads
		// nothing in content/.
		if theme == nil || !allUnder(changed, content.Dir+"/") || !slices.Equal(theme.Langs(), reg.Site.Languages) {
			if theme, err = site.LoadTheme(build.ThemeFiles(files), reg.Site.Languages); err != nil {
				return &Snapshot{Base: base}, err
			}
		}
		s, err := site.NewWithTheme(reg, files, theme)
		if err != nil {
			return &Snapshot{Base: base}, err
		}
		lazy := s.Lazy()
		if !allUnder(changed, content.Dir+"/people/") { // an edit there cannot break a template that worked
			if err := lazy.Check(); err != nil {
				return &Snapshot{Base: base}, err
			}
		}
		return &Snapshot{Files: lazy, Base: base}, nil
	}
}

// basePath returns the path of base_url as the server matches requests:
// unescaped, beginning and ending in "/".
func basePath(baseURL string) string {
	p := "/"
	if u, err := url.Parse(baseURL); err == nil && u.Path != "" {
		p = u.Path
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

// guessBase reads base_url from site.yaml without validating anything, so
// that even when the first build fails the error page is served where the
// site will be (and its links work as soon as it builds).
func guessBase(root string) string {
	data, err := fs.ReadFile(content.Files(root), content.Dir+"/site.yaml")
	if err != nil {
		return "/"
	}
	var s struct {
		BaseURL string `yaml:"base_url"`
	}
	if yaml.Unmarshal(data, &s) != nil {
		return "/"
	}
	return basePath(s.BaseURL)
}

// allUnder reports whether every changed file is under the folder dir
// (given with its final slash). Unknown changes (nil) are under none.
func allUnder(changed []string, dir string) bool {
	for _, p := range changed {
		if !strings.HasPrefix(p, dir) {
			return false
		}
	}
	return changed != nil
}
