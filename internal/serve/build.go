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
		reg, files, err := build.Load(root, asOf)
		if err != nil {
			return &Site{Base: guessBase(root)}, err
		}
		base := basePath(reg.Site.BaseURL)
		s, err := site.New(reg, files, build.Theme(files))
		if err != nil {
			return &Site{Base: base}, err
		}
		w := &memWriter{files: make(map[string][]byte)}
		if err := s.Render(w); err != nil {
			return &Site{Base: base}, err
		}
		return &Site{Files: w.files, Base: base}, nil
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
