package serve

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/tizim/tizim/internal/build"
	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/date"
	"github.com/tizim/tizim/internal/site"
)

// Site is one build's output, as `tizim build` would write it.
type Site struct {
	// Files maps slash-separated paths relative to the output folder
	// ("index.html", "people/x/index.html") to their bytes. Never modified
	// once built: a rebuild makes a new map (it may share unchanged
	// slices), so that requests being served keep a consistent site.
	Files map[string][]byte
	// Base is the URL path the site lives under, from base_url: "/" or
	// e.g. "/kazakhstan/" (unescaped, beginning and ending in "/").
	Base string
}

// BuildFunc makes the site anew. prev is the current site (nil before the
// first good build) and changed lists the files edited since it was made,
// as slash-separated paths relative to the site folder (nil: unknown, build
// everything). A full build ignores both; an incremental one can render
// only what changed and share the rest of prev.Files.
//
// On error the returned Site may be nil, or carry just Base, where the
// site should be served once it builds.
type BuildFunc func(prev *Site, changed []string) (*Site, error)

// FullBuild returns a BuildFunc that loads, checks and renders the whole
// site in root into memory, the way `tizim build` does onto disk.
func FullBuild(root string, asOf time.Time) BuildFunc {
	return func(*Site, []string) (*Site, error) {
		return IncrementalBuild(root, asOf)(nil, nil) // with nothing before it, it renders all
	}
}

// memWriter is a site.Writer into a map.
type memWriter struct {
	mu    sync.Mutex // Write is called from several goroutines
	files map[string][]byte
}

func (w *memWriter) Write(p string, data []byte) error {
	data = bytes.Clone(data) // the renderer may reuse its buffer
	w.mu.Lock()
	defer w.mu.Unlock()
	w.files[p] = data
	return nil
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
	data, err := os.ReadFile(filepath.Join(root, content.Dir, "site.yaml"))
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

// IncrementalBuild returns a BuildFunc that renders only what an edit
// affects when it can. The whole content is always loaded and checked,
// since one file can break another (a source id, a duplicate). When every
// changed file lies in people's folders and the register's latest event
// date (shown on every page) did not move, it renders the changed people's
// pages and every shared page (lists, statistics, changes, feeds, search,
// data) and keeps all other people's pages from prev; otherwise, and for
// the first build, it renders everything. site.zip is refreshed only by
// full builds: the preview keeps the previous one.
func IncrementalBuild(root string, asOf time.Time) BuildFunc {
	var latest date.Date // the latest event date of the site prev holds
	return func(prev *Site, changed []string) (*Site, error) {
		reg, files, err := build.Load(root, asOf)
		if err != nil {
			return &Site{Base: guessBase(root)}, err
		}
		base := basePath(reg.Site.BaseURL)
		s, err := site.New(reg, files, build.Theme(files))
		if err != nil {
			return &Site{Base: base}, err
		}
		edited, ok := editedPeople(changed)
		incremental := ok && prev != nil && prev.Files != nil && reg.Latest == latest
		w := &memWriter{files: make(map[string][]byte)}
		if !incremental {
			if err := s.Render(w); err != nil {
				return &Site{Base: base}, err
			}
			latest = reg.Latest
			return &Site{Files: w.files, Base: base}, nil
		}
		kept := make(map[string]bool) // people whose pages prev has right
		for _, p := range reg.People {
			if !edited[p.Slug] {
				kept[p.Slug] = true
			}
		}
		if err := s.RenderExcept(w, func(slug string) bool { return kept[slug] }); err != nil {
			return &Site{Base: base}, err
		}
		for p, data := range prev.Files {
			if slug := s.PersonOf(p); (slug != "" && kept[slug]) || p == site.ZipFile {
				w.files[p] = data
			}
		}
		return &Site{Files: w.files, Base: base}, nil
	}
}

// editedPeople returns the slugs of the people whose folders the changed
// paths are in, and false when some path is elsewhere (or unknown).
func editedPeople(changed []string) (map[string]bool, bool) {
	if len(changed) == 0 {
		return nil, false
	}
	slugs := make(map[string]bool)
	for _, p := range changed {
		rest, ok := strings.CutPrefix(p, content.Dir+"/people/")
		slug, _, inFolder := strings.Cut(rest, "/")
		if !ok || !inFolder || slug == "" {
			return nil, false
		}
		slugs[slug] = true
	}
	return slugs, true
}
