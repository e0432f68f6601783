package site

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"sync"
)

// Lazy is a site whose files are rendered only when asked for, each at
// most once. The live preview serves one: after an edit it needs only the
// page the browser reloads, not the tens of thousands a large register
// has. It is safe for concurrent use.
type Lazy struct {
	files  map[string]*lazyFile // by output path
	groups []*lazyGroup         // pages listed only when one of them is asked for
	many   []*lazyFile          // jobs that make several files, by prefix
	pages  []*lazyFile          // the jobs that have a kind, in site order
}

// lazyGroup is the pages of a folder of one language that are not even
// listed until one of them is asked for: the people's pages (30,000 at
// 10,000 people in three languages) and the change log's (which need the
// log sorted out). A rebuild of the preview need not list them.
type lazyGroup struct {
	prefix string
	list   func() []job
	// one, when set, finds the job of one page without listing them all
	// (a person's page, by the slug in its path).
	one func(name string) (job, bool)

	mu     sync.Mutex
	files  map[string]*lazyFile // found or listed; nil for a name found to be no page
	order  []*lazyFile          // once listed
	listed bool
}

// find returns the page called name, or nil.
func (g *lazyGroup) find(name string) *lazyFile {
	g.mu.Lock()
	defer g.mu.Unlock()
	if f, ok := g.files[name]; ok || g.listed {
		return f
	}
	if g.one == nil {
		g.listLocked()
		return g.files[name]
	}
	var f *lazyFile
	if j, ok := g.one(name); ok {
		f = &lazyFile{job: j}
	}
	g.add(name, f)
	return f
}

// all returns every page of the group, in order.
func (g *lazyGroup) all() []*lazyFile {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.listLocked()
	return g.order
}

func (g *lazyGroup) listLocked() {
	if g.listed {
		return
	}
	g.listed = true
	for _, j := range g.list() {
		f := g.files[j.name] // one may have found it already
		if f == nil {
			f = &lazyFile{job: j}
			g.add(j.name, f)
		}
		g.order = append(g.order, f)
	}
}

func (g *lazyGroup) add(name string, f *lazyFile) {
	if g.files == nil {
		g.files = make(map[string]*lazyFile)
	}
	g.files[name] = f
}

// lazyFile is one job and, once it has run, what it wrote.
type lazyFile struct {
	job  job
	once sync.Once
	out  map[string][]byte
	err  error
}

// Lazy returns the site's files, none rendered yet. site.zip, the whole
// site again, is made only if it is asked for, like any other file.
func (s *Site) Lazy() *Lazy {
	l := &Lazy{files: make(map[string]*lazyFile)}
	for _, lang := range s.reg.Site.Languages {
		l.groups = append(l.groups,
			&lazyGroup{prefix: s.urls.LangPath(lang, "changes/"), list: func() []job { return s.pageJobs(lang, s.changePages(lang)) }},
			&lazyGroup{prefix: s.urls.LangPath(lang, "people/"), list: func() []job { return s.pageJobs(lang, s.personPages(lang)) },
				one: func(name string) (job, bool) {
					slug, ok := strings.CutSuffix(strings.TrimPrefix(name, s.urls.LangPath(lang, "people/")), "/index.html")
					p := s.reg.Person(slug)
					if !ok || p == nil {
						return job{}, false
					}
					return s.pageJobs(lang, []pageSpec{s.personPage(p)})[0], true
				}})
	}
	eager := func(lang string) []pageSpec { return append(s.listPages(lang), s.groupPages(lang)...) }
	for _, j := range s.jobsWith(s.offersZip(), eager) {
		f := &lazyFile{job: j}
		if j.many {
			l.many = append(l.many, f)
		} else {
			l.files[j.name] = f
		}
		if j.kind != "" {
			l.pages = append(l.pages, f)
		}
	}
	return l
}

// Get returns the file at the slash-separated path name (relative to the
// output folder, like "people/x/index.html"), rendering it if need be;
// ok is false when the site has no such file, and err says why a file
// could not be rendered.
func (l *Lazy) Get(name string) (data []byte, ok bool, err error) {
	if f := l.files[name]; f != nil {
		return f.file(name)
	}
	for _, g := range l.groups {
		if !strings.HasPrefix(name, g.prefix) {
			continue
		}
		if f := g.find(name); f != nil {
			return f.file(name)
		}
	}
	for _, f := range l.many {
		if !strings.HasPrefix(name, f.job.name) {
			continue
		}
		out, err := f.get()
		if err != nil {
			return nil, true, err
		}
		if data, ok := out[name]; ok {
			return data, true, nil
		}
	}
	return nil, false, nil
}

// Names lists the files of the site, in order. It renders the jobs that
// make several files, since only they know their names.
func (l *Lazy) Names() ([]string, error) {
	names := slices.Collect(maps.Keys(l.files))
	for _, g := range l.groups {
		for _, f := range g.all() {
			names = append(names, f.job.name)
		}
	}
	for _, f := range l.many {
		out, err := f.get()
		if err != nil {
			return nil, err
		}
		names = slices.AppendSeq(names, maps.Keys(out))
	}
	slices.Sort(names)
	return names, nil
}

// Check renders the first page of each template in each language, the
// feeds and the 404 page, and returns the first error: a template that
// fails on every page shows at once, not when a page is opened.
func (l *Lazy) Check() error {
	seen := make(map[string]bool)
	pages := l.pages
	for _, g := range l.groups {
		pages = append(pages, g.all()...)
	}
	for _, f := range pages {
		if seen[f.job.kind] {
			continue
		}
		seen[f.job.kind] = true
		if _, err := f.get(); err != nil {
			return err
		}
	}
	return nil
}

// file returns the file called name, which f makes; ok as Get says.
func (f *lazyFile) file(name string) (data []byte, ok bool, err error) {
	out, err := f.get()
	data, ok = out[name]
	return data, ok || err != nil, err
}

func (f *lazyFile) get() (map[string][]byte, error) {
	f.once.Do(func() {
		w := &memFiles{files: make(map[string][]byte)}
		f.err = f.job.run(w)
		f.out = w.files
	})
	return f.out, f.err
}

// memFiles is a Writer into a map.
type memFiles struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (w *memFiles) Write(p string, data []byte) error {
	data = bytes.Clone(data) // a renderer may reuse its buffer
	w.mu.Lock()
	defer w.mu.Unlock()
	w.files[p] = data
	return nil
}

// fileOf returns the file that serves site path p: a folder's index.html.
func fileOf(p string) string {
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}
