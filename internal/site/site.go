// Package site renders a register into a static website.
//
// The output, for the default language (every other language of site.yaml
// gets the same pages under /<lang>/; photos and static files exist once):
//
//	index.html                 home: the count as of the site's date, latest events
//	current/index.html         the current list
//	people/index.html          everyone on the register, with an alphabet index
//	people/<slug>/index.html   a person: facts, status, timeline, sources, profile
//	people/<slug>/photo.jpg    the portrait, re-encoded without metadata
//	groups/, groups/<slug>/    groups (movements, parties, cases) and their people
//	regions/, regions/<slug>/  regions and their people
//	<name>/index.html          each free page of content/pages/, in every
//	                           language (the default language's text, marked,
//	                           where a translation is missing)
//	404.html, .nojekyll        for GitHub Pages (404 in the default language)
//	static/...                 the theme's static files
//
// Templates come from a theme file system holding templates/, static/ and
// i18n/: the site's own folders over the defaults embedded in the binary
// (see [Overlay]); i18n files are merged key by key rather than replaced
// (see [i18n.Load]). Each page template is parsed together with
// templates/base.html and executes "base". Templates see a [*Page]; every
// link in them is built with its URL method, which knows the base path and
// the language, and every word comes from its T method. What templates may
// use of the page is [ThemeAPI], which docs/theme.md documents for forks.
package site

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/yuin/goldmark"
	"golang.org/x/sync/errgroup"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/export"
	"github.com/tizim/tizim/internal/i18n"
	"github.com/tizim/tizim/internal/register"
	"github.com/tizim/tizim/internal/search"
)

// Writer receives the site's files. Write is called from several goroutines
// at once, each time with a different path.
type Writer interface {
	Write(path string, data []byte) error
}

// A StreamWriter is a Writer that can also take a file as it is made, so
// that the data files of a large register (hundreds of megabytes) are
// never held in memory whole. The build's folder writer is one.
type StreamWriter interface {
	Writer
	// Stream makes the file at path from what write writes to its
	// argument; there is no file if write fails.
	Stream(path string, write func(io.Writer) error) error
}

// Stream makes the file p with write, through w's Stream if it has one,
// else in memory and then with w's Write.
func Stream(w Writer, p string, write func(io.Writer) error) error {
	if sw, ok := w.(StreamWriter); ok {
		return sw.Stream(p, write)
	}
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return err
	}
	return w.Write(p, b.Bytes())
}

// Site renders one register with one theme.
type Site struct {
	*Theme
	reg       *register.Register
	files     fs.FS // the site root, for photos
	urls      URLs
	md        goldmark.Markdown
	ranks     *once[map[string]map[*register.Person]int] // language -> position in its alphabetical order; see rank
	changes   *once[changeLog]                           // made when a page first shows it; see changeLog
	stats     *once[*statistics]                         // made when a page first shows them: the preview's person pages never do
	docs      *once[[]search.Doc]                        // what the search index is made from, for its key and the index
	rows      *sync.Map                                  // rowKey -> template.HTML, see Page.PersonRow
	fragments *sync.Map                                  // fragmentKey -> template.HTML, see Page.fragment
	rendered  *recentMarkdown                            // profiles just rendered, for the person's other languages; see markdown
	sizes     map[string]*atomic.Int64                   // page template -> size of its last page, see execute
	plain     *sync.Map                                  // language + "\x00" + key -> T's text without placeholders
	chains    map[string]content.Chain                   // language -> where its texts are looked for (see content.Settings.Chain)
	keys      *keyer                                     // nil: no page has a key (see SetKeys)
}

// Theme is a theme made ready to render with: its templates parsed, its
// interface text loaded for the site's languages, its static files read.
// It depends on no content, so the live preview keeps one across rebuilds
// until a file of the theme or the languages change.
type Theme struct {
	theme    fs.FS
	langs    []string
	tmpl     map[string]*template.Template
	strings  *i18n.Strings
	assetVer map[string]string // static file -> short content hash, for cache busting
	static   map[string][]byte // static file -> its published bytes (stylesheets minified)
	// personReads is what person pages' templates use of the whole
	// register, for their keys (see key.go); rowReads what the row of a
	// table of people uses; changeReads what the change log's pages use
	// besides the changes they list, and changeUsed every name they use;
	// groupReads what a group's or region's page uses besides its people.
	personReads, rowReads, changeReads, groupReads reads
	changeUsed                                     map[string]bool
	// factsOnly holds the page templates whose pages do not show the text
	// of events, nor do the rows of their tables (see readsTexts): a
	// template the check did not see is not in it.
	factsOnly map[string]bool
}

// pageTemplates are the page templates every theme must have.
var pageTemplates = []string{"home.html", "current.html", "people.html", "person.html", "groups.html", "group.html", "changes.html", "data.html", "stats.html", "search.html", "page.html", "404.html"}

// New prepares to render reg, whose content was loaded from files, with the
// templates and static files of theme.
func New(reg *register.Register, files, theme fs.FS) (*Site, error) {
	th, err := LoadTheme(theme, reg.Site.Languages)
	if err != nil {
		return nil, err
	}
	return NewWithTheme(reg, files, th)
}

// NewWithTheme is New with the theme already loaded for the site's
// languages.
func NewWithTheme(reg *register.Register, files fs.FS, th *Theme) (*Site, error) {
	if !slices.Equal(th.langs, reg.Site.Languages) {
		return nil, fmt.Errorf("the theme was loaded for the languages %v, the site has %v", th.langs, reg.Site.Languages)
	}
	chains := make(map[string]content.Chain, len(reg.Site.Languages))
	for _, lang := range reg.Site.Languages {
		chains[lang] = reg.Site.Chain(lang)
	}
	return &Site{
		chains:    chains,
		Theme:     th,
		reg:       reg,
		files:     files,
		urls:      NewURLs(reg.Site.BaseURL, reg.Site.Languages.Default()),
		md:        markdownRenderer(),
		changes:   new(once[changeLog]),
		stats:     new(once[*statistics]),
		docs:      new(once[[]search.Doc]),
		ranks:     new(once[map[string]map[*register.Person]int]),
		sizes:     pageSizes(),
		rows:      new(sync.Map),
		fragments: new(sync.Map),
		rendered:  newRecentMarkdown(),
		plain:     new(sync.Map),
	}, nil
}

// pageSizes makes the size hints of execute, one per page template.
func pageSizes() map[string]*atomic.Int64 {
	m := make(map[string]*atomic.Int64, len(pageTemplates))
	for _, name := range pageTemplates {
		m[name] = new(atomic.Int64)
	}
	return m
}

// Langs returns the languages the theme was loaded for.
func (th *Theme) Langs() []string { return th.langs }

// LoadTheme reads the templates, interface text and static files of theme
// for a site in langs (the default first).
func LoadTheme(theme fs.FS, langs []string) (*Theme, error) {
	th := &Theme{
		theme:    theme,
		langs:    slices.Clone(langs),
		tmpl:     make(map[string]*template.Template),
		assetVer: make(map[string]string),
		static:   make(map[string][]byte),
	}
	str, err := i18n.Load(langs, layers(theme)...)
	if err != nil {
		return nil, err
	}
	th.strings = str
	for _, name := range pageTemplates {
		t, err := template.New(name).Funcs(funcs).ParseFS(theme, "templates/base.html", "templates/"+name)
		if err != nil {
			if placed := th.placeError(err, ""); placed != nil {
				return nil, placed
			}
			return nil, fmt.Errorf("templates: %w", err)
		}
		th.tmpl[name] = t
	}
	if err := th.checkTemplates(); err != nil {
		return nil, err
	}
	err = fs.WalkDir(theme, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(theme, p)
		if err != nil {
			return err
		}
		if strings.HasSuffix(p, ".css") {
			data = []byte(minifyCSS(string(data)))
		}
		name := strings.TrimPrefix(p, "static/")
		sum := sha256.Sum256(data)
		th.assetVer[name] = hex.EncodeToString(sum[:4])
		th.static[name] = data
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("static files: %w", err)
	}
	return th, nil
}

var funcs = template.FuncMap{
	"inc":  func(i int) int { return i + 1 },
	"list": func(s ...string) []string { return s },
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

// once is a value made when first needed.
type once[T any] struct {
	sync.Once
	v T
}

func (o *once[T]) get(make func() T) T {
	o.Do(func() { o.v = make() })
	return o.v
}

// changeLog returns the change log, made once, when first needed: the
// preview's person pages never are.
func (s *Site) changeLog() changeLog {
	return s.changes.get(func() changeLog { return newChangeLog(s.reg) })
}

// rank returns each person's position in the alphabetical order of lang,
// sorting once for all languages when a page first needs it (the preview's
// person pages never do).
func (s *Site) rank(lang string) map[*register.Person]int {
	return s.ranks.get(func() map[string]map[*register.Person]int {
		out := make(map[string]map[*register.Person]int)
		for lang, sorted := range sortPeople(s.reg.People, s.reg.Site.Languages, s.chains) {
			out[lang] = rankOf(sorted)
		}
		return out
	})[lang]
}

// job makes one output file, name, or, when many, files whose names all
// begin with name (the search index, the schemas and the sitemap, whose
// files are known only once they are made). Names let [Site.Lazy] render
// a file only when it is asked for.
type job struct {
	name string
	many bool
	kind string // pages and feeds: template and language, for [Lazy.Check]
	run  func(w Writer) error
	// rows are, for a page that may show tables of people (any page but
	// a person's), the language and depth of its rendered rows
	// (Page.PersonRow), which the build keeps until the last such page
	// is done.
	rows rowSet
	// noCheck: [Site.Check] leaves the file out, since no template makes
	// it and it can fail only in writing.
	noCheck bool
	// check, when set, is what [Site.Check] runs instead of run: what
	// finds the same errors for less.
	check func(w Writer) error
	// key, when set, gives the key of the file (see key.go), so that a
	// [Keeper] may keep the earlier build's file instead of run making it
	// again.
	key func() Key
	// facts marks a file whose bytes do not depend on the text of events
	// (see [Site.wideKey]): a page whose templates do not show it (see
	// readsTexts), or a file that Go makes from other facts (the search
	// index, the sitemap, the filters, the badge and the count), as
	// TestFactsFiles checks.
	facts bool
	// long marks a file that takes long to make and cannot be split (a
	// data file, the search index): started first, so that the build does
	// not end waiting on one of them while the other cores are idle.
	long bool
	// person marks a person's page: jobsWith puts the person's pages in
	// every language next to each other, so that a profile shown on
	// several is rendered once (see Site.markdown).
	person bool
}

// Render writes the whole site to w, rendering pages in parallel, and
// site.zip, if the site offers it, from the same files as they are
// written.
func (s *Site) Render(w Writer) error {
	if s.offersZip() {
		return s.renderZip(w)
	}
	return s.render(w, s.jobs(false))
}

func (s *Site) render(w Writer, jobs []job) error {
	// The rows of a language's tables at one depth of folders are dropped
	// once its last page with tables at that depth is done: they were a
	// seventh of the live heap at 10,000 people (34 of 222 MB), and person
	// pages, most of the work, come after and need none. A page that needs
	// one after all renders it again: the cache only saves work.
	pending := make(map[rowSet]*atomic.Int64)
	for _, j := range jobs {
		if j.rows != (rowSet{}) {
			if pending[j.rows] == nil {
				pending[j.rows] = new(atomic.Int64)
			}
			pending[j.rows].Add(1)
		}
	}
	// Every job runs, and the first error in the order of the jobs is
	// returned, not the first to happen, so that a broken template gives
	// the same message every time.
	errs := make([]error, len(jobs))
	keeper, _ := w.(Keeper)
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, i := range runOrder(jobs) {
		g.Go(func() error {
			if !keeps(keeper, jobs[i]) {
				errs[i] = jobs[i].run(w)
			}
			if rs := jobs[i].rows; rs != (rowSet{}) && pending[rs].Add(-1) == 0 {
				s.dropRows(rs)
			}
			// Done with: a job's closures and names were a twelfth of
			// the live heap at 30,000 people, the pages of each language
			// a third of that.
			jobs[i] = job{}
			return nil
		})
	}
	g.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// runOrder returns the indexes of jobs in the order they are started: the
// long jobs first, then the rest in order. After an edit at 10,000 people
// the data files came last and were made alone for a third of a second
// while the other core was idle.
func runOrder(jobs []job) []int {
	order := make([]int, 0, len(jobs))
	for _, long := range []bool{true, false} {
		for i, j := range jobs {
			if j.long == long {
				order = append(order, i)
			}
		}
	}
	return order
}

// keeps reports whether the keeper k, if any, keeps the file of job j
// from the earlier build, which is then not made again.
func keeps(k Keeper, j job) bool {
	if k == nil || j.key == nil {
		return false
	}
	key := j.key()
	if key.IsZero() {
		return false
	}
	if j.many {
		_, ok := k.KeepAll(j.name, key)
		return ok
	}
	return k.Keep(j.name, key)
}

// pageSpec is one HTML page of a language: its site path without the
// language prefix, its template, and what it shows.
type pageSpec struct {
	rel  string
	tmpl string
	fill func(*Page)
}

// pages lists every HTML page of one language, in the order of the
// sitemap. Every language has the same paths, so that the language menu
// and hreflang links always resolve.
func (s *Site) pages(lang string) []pageSpec {
	out := s.listPages(lang)
	out = append(out, s.changePages(lang)...)
	out = append(out, s.personPages(lang)...)
	return append(out, s.groupPages(lang)...)
}

// listPages are the home page, the lists and the pages about the register.
func (s *Site) listPages(lang string) []pageSpec {
	r := s.reg
	title := func(key string) func(*Page) {
		return func(pg *Page) { pg.Title = s.strings.Text(lang, key, 0) }
	}
	out := []pageSpec{
		{"", "home.html", nil},
		{"stats/", "stats.html", title("stats.title")},
		{"search/", "search.html", func(pg *Page) {
			pg.Title = s.strings.Text(lang, "search.title", 0)
			pg.NoSearchForm = true // the page has its own
		}},
		{"data/", "data.html", func(pg *Page) {
			pg.Title = s.strings.Text(lang, "data.title", 0)
			pg.DataFiles = export.Files(r.Site.Languages, s.gzipData())
		}},
		{"changes/", "changes.html", func(pg *Page) {
			pg.Title = s.strings.Text(lang, "changes.title", 0)
			pg.Changes = s.changeLog().latest
			pg.ChangeYears = s.changeLog().years
		}},
	}
	out = append(out, s.paged(lang, "current/", "current.html", r.Current, title("current.title"))...)
	out = append(out, s.paged(lang, "people/", "people.html", r.People, title("people.title"))...)
	return out
}

// changePages are the change log's pages of each year and of each month
// of a long year.
func (s *Site) changePages(lang string) []pageSpec {
	log := s.changeLog()
	var out []pageSpec
	for _, y := range log.years {
		out = append(out, pageSpec{"changes/" + y.Slug + "/", "changes.html", func(pg *Page) {
			pg.Title = s.strings.Text(lang, "changes.title", 0) + " · " + y.Slug
			pg.ChangeYears = log.years
			pg.ChangeYear = y.Slug
			if y.Split {
				pg.ChangeMonths = y.Months // listed with links, each on its own page
			} else {
				pg.Changes = y.Months
			}
		}})
		if !y.Split {
			continue
		}
		for _, m := range y.Months {
			// A month longer than a page (a wave of arrests on a large
			// register) is split into pages like a list.
			parts := m.parts(changesPerPage)
			from := 1
			for i, part := range parts {
				var pager *Pager
				if len(parts) > 1 {
					pager = newPager(i+1, len(parts), from, from+part.Count-1, m.Count, func(j int) string { return pagePath(m.Rel(), j) })
				}
				from += part.Count
				out = append(out, pageSpec{pagePath(m.Rel(), i+1), "changes.html", func(pg *Page) {
					pg.Title = s.strings.Text(lang, "changes.title", 0) + " · " + m.ID
					pg.Changes = []ChangeMonth{part}
					pg.ChangeYears = log.years
					pg.ChangeYear = y.Slug
					pg.Pager = pager
				}})
			}
		}
	}
	return out
}

// personPages are the people's pages.
func (s *Site) personPages(lang string) []pageSpec {
	out := make([]pageSpec, len(s.reg.People))
	for i, p := range s.reg.People {
		out[i] = s.personPage(p)
	}
	return out
}

// personPage is a person's page.
func (s *Site) personPage(p *register.Person) pageSpec {
	return pageSpec{"people/" + p.Slug + "/", "person.html", func(pg *Page) {
		pg.Person = p
		pg.Title = pg.name(p)
		pg.Kind = "profile"
		pg.Description = pg.Title + " — " + pg.Status(p.Status)
		if !p.Since.IsZero() {
			pg.Description += ", " + pg.Date(p.Since)
		}
	}}
}

// groupPages are the pages of groups and regions, and the free pages.
func (s *Site) groupPages(lang string) []pageSpec {
	r := s.reg
	var out []pageSpec
	for _, kind := range []struct {
		dir, titleKey string
		groups        []*register.Group
	}{{"groups/", "groups.title", r.Groups}, {"regions/", "regions.title", r.Regions}} {
		out = append(out, pageSpec{kind.dir, "groups.html", func(pg *Page) {
			pg.Title = s.strings.Text(lang, kind.titleKey, 0)
			pg.Groups, pg.GroupDir = kind.groups, kind.dir
		}})
		for _, g := range kind.groups {
			out = append(out, s.paged(lang, kind.dir+g.Slug+"/", "group.html", g.People, func(pg *Page) {
				pg.Group, pg.GroupDir = g, kind.dir
				pg.Title, _ = pg.Reg.Site.Name(g.Name, s.chain(lang))
				pg.GroupsTitle = s.strings.Text(lang, kind.titleKey, 0)
			})...)
		}
	}
	for _, fp := range s.freePages(lang) {
		out = append(out, pageSpec{fp.Name + "/", "page.html", func(pg *Page) {
			pg.FreePage = fp
			pg.Title = fp.Title
			pg.Description = fp.Description
		}})
	}
	return out
}

// jobs lists every file of the site, with site.zip only if zip.
func (s *Site) jobs(zip bool) []job { return s.jobsWith(zip, s.pages) }

// jobsWith lists the files of the site, with the pages of each language that
// pages gives, and site.zip only if zip.
func (s *Site) jobsWith(zip bool, pages func(lang string) []pageSpec) []job {
	r := s.reg
	var jobs []job
	persons := make([][]job, 0, len(r.Site.Languages)) // per language, see job.person
	for _, lang := range r.Site.Languages {
		pj := s.pageJobs(lang, pages(lang))
		n := len(pj)
		for n > 0 && pj[n-1].person {
			n--
		}
		jobs = append(jobs, pj[:n]...)
		persons = append(persons, pj[n:])
		jobs = append(jobs, job{name: s.urls.LangPath(lang, "feed.xml"), kind: "feed " + lang, run: func(w Writer) error { return s.feed(w, lang) }},
			job{name: s.urls.LangPath(lang, BadgeFile), facts: true, run: func(w Writer) error { return s.badgeSVG(w, lang) }},
			job{name: s.urls.LangPath(lang, CountFile), facts: true, run: func(w Writer) error { return s.countJSON(w, lang) }})
		for _, rel := range []string{"current/", "people/"} {
			if s.facetsFor(rel) != nil {
				name := s.urls.LangPath(lang, rel+FacetsFile)
				jobs = append(jobs, job{name: name, facts: true, run: func(w Writer) error { return s.facets(w, lang, rel) }})
			}
		}
	}
	for i := 0; ; i++ {
		more := false
		for _, pj := range persons {
			if i < len(pj) {
				jobs, more = append(jobs, pj[i]), true
			}
		}
		if !more {
			break
		}
	}
	// GitHub Pages serves one 404.html for the whole site.
	jobs = append(jobs, job{name: NotFoundPage, kind: "404", run: func(w Writer) error {
		pg := s.newPage(r.Site.Languages.Default(), NotFoundPage)
		pg.Title = s.strings.Text(pg.Lang, "notfound.title", 0)
		return s.execute(w, "404.html", pg)
	}})
	jobs = append(jobs,
		job{name: "sitemap", many: true, run: s.sitemap, noCheck: true, facts: true}, // sitemap.xml, sitemap-1.xml, ...
		job{name: "robots.txt", run: s.robots, noCheck: true},
		job{name: "search/", many: true, run: s.searchIndex, long: true, key: s.searchKey},
		job{name: "schema/", many: true, run: s.schemas})
	if zip {
		jobs = append(jobs, job{name: ZipFile, run: s.zip, noCheck: true})
	}
	for _, file := range []string{export.JSONFile, export.PeopleFile, export.EventsFile} {
		name := "data/" + file
		if s.gzipData() {
			name += ".gz"
		}
		jobs = append(jobs, job{name: name, noCheck: true, long: true, run: func(w Writer) error {
			err := Stream(w, name, func(out io.Writer) error {
				if !s.gzipData() {
					// Uncompressed, the parts of the people who did not
					// change are where the earlier file has them.
					var parts export.Parts
					if k, ok := w.(PartKeeper); ok && s.keys != nil {
						if ps := k.Parts(name); ps != nil {
							parts = dataParts{s.partKeys(), ps}
						}
					}
					return export.WriteFile(out, r, file, parts)
				}
				gz := export.NewGzip(out)
				if err := export.WriteFile(gz, r, file, nil); err != nil {
					return err
				}
				return gz.Close()
			})
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			return nil
		}})
	}
	for _, p := range r.People {
		if p.Photo != "" {
			jobs = append(jobs, job{name: photoPath(p), run: func(w Writer) error { return s.photo(w, p) },
				key:   func() Key { return s.photoKey(p) },
				check: func(Writer) error { _, err := s.decodePhoto(p); return err }})
		}
	}
	jobs = append(jobs, job{name: ".nojekyll", noCheck: true, run: func(w Writer) error { return w.Write(".nojekyll", nil) }})
	for _, name := range slices.Sorted(maps.Keys(s.assetVer)) {
		jobs = append(jobs, job{name: "static/" + name, noCheck: true, run: func(w Writer) error { return w.Write("static/"+name, s.static[name]) }})
	}
	for i := range jobs {
		if jobs[i].key == nil {
			name := jobs[i].name
			facts := jobs[i].facts
			jobs[i].key = func() Key { return s.wideKey(name, facts) }
		}
	}
	return jobs
}

// gzipAbove is export.GzipAbove, a variable so that tests can compress the
// data files of a small register.
var gzipAbove = export.GzipAbove

// gzipData reports whether the site publishes its data files compressed.
func (s *Site) gzipData() bool { return len(s.reg.People) > gzipAbove }

// pageJobs returns the jobs that render the pages of one language, person
// pages last, so that the pages with tables of people are done first, and
// those in order of the depth of their folders (see render).
func (s *Site) pageJobs(lang string, pages []pageSpec) []job {
	jobs := make([]job, 0, len(pages))
	var persons []job
	kinds := make(map[string]string) // template -> kind, one string for all its pages
	for _, ps := range pages {
		kind, ok := kinds[ps.tmpl]
		if !ok {
			kind = ps.tmpl + " " + lang
			kinds[ps.tmpl] = kind
		}
		j := job{name: fileOf(s.urls.LangPath(lang, ps.rel)), kind: kind, run: func(w Writer) error { return s.renderPage(w, lang, ps) }}
		if ps.tmpl == "person.html" {
			j.person = true
			if p := s.reg.Person(strings.TrimSuffix(strings.TrimPrefix(ps.rel, "people/"), "/")); p != nil {
				j.key = func() Key { return s.personKey(p, lang) }
				// The page's spec is made again when it is rendered,
				// not held from now until then with its path and
				// closure: the jobs were 31 MB of the live heap of a
				// build of 30,000 people (heap profile), most of them
				// person pages. personPage makes every person page.
				j.run = func(w Writer) error { return s.renderPage(w, lang, s.personPage(p)) }
			}
			persons = append(persons, j)
			continue
		}
		j.facts = s.factsOnly[ps.tmpl]
		if ps.tmpl == "changes.html" || ps.tmpl == "group.html" {
			name, facts, key := j.name, j.facts, s.changeKey
			if ps.tmpl == "group.html" {
				key = s.groupKey
			}
			j.key = func() Key {
				pg := s.newPage(lang, ps.rel)
				ps.fill(pg)
				return key(name, pg, facts)
			}
		}
		j.rows = rowSet{lang, s.newPage(lang, ps.rel).Root("")}
		jobs = append(jobs, j)
	}
	// A table's rows are links, relative to the page's folder: the people
	// list's second page and a region's page show the same person in
	// rows that differ. Grouped by depth, the pages keep the rows of one
	// depth at a time, not of all: rows of every depth were a fifth of the
	// peak live heap of a build of 10,000 people (30 of 149 MB).
	slices.SortStableFunc(jobs, func(a, b job) int { return cmp.Compare(len(a.rows.root), len(b.rows.root)) })
	return append(jobs, persons...)
}

// renderPage renders the page ps of lang into its file.
func (s *Site) renderPage(w Writer, lang string, ps pageSpec) error {
	pg := s.newPage(lang, ps.rel)
	if ps.fill != nil {
		ps.fill(pg)
	}
	return s.execute(w, ps.tmpl, pg)
}

// schemas publishes the theme's schema/ folder, the JSON Schemas of the
// content files, under /schema/, where the yaml-language-server line of
// case files points editors.
func (s *Site) schemas(w Writer) error {
	return fs.WalkDir(s.theme, "schema", func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == "schema" {
			return fs.SkipAll // a theme without schemas
		}
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(s.theme, p)
		if err != nil {
			return err
		}
		return w.Write(p, data)
	})
}

// searchInput is all the search index is made from (see [Site.searchKey]),
// made once for the key and the index.
func (s *Site) searchInput() ([]search.Doc, search.Options) {
	docs := s.docs.get(func() []search.Doc { return search.Docs(s.reg) })
	return docs, search.Options{Langs: s.reg.Site.Languages}
}

// searchIndex writes the search index under search/: one set of files for
// every language, since every name in every script finds the person.
func (s *Site) searchIndex(w Writer) error {
	files, err := search.Index(s.searchInput())
	if err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if err := w.Write(name, files[name]); err != nil {
			return err
		}
	}
	return nil
}

// freePages returns the free pages to publish in lang: each page in the
// first language of lang's chain that has it (see [Site.chain]), so that
// every language has the same pages and the language menu never leads
// nowhere.
func (s *Site) freePages(lang string) []*content.Page {
	chain := s.chain(lang)
	byName := make(map[string]*content.Page)
	for _, fp := range s.reg.Pages {
		i := slices.Index(chain, fp.Lang)
		if cur := byName[fp.Name]; i >= 0 && (cur == nil || i < slices.Index(chain, cur.Lang)) {
			byName[fp.Name] = fp
		}
	}
	return slices.SortedFunc(maps.Values(byName), func(a, b *content.Page) int { return strings.Compare(a.Name, b.Name) })
}

// chain is where lang's texts are looked for: lang, its fallbacks, the
// default language.
func (s *Site) chain(lang string) content.Chain {
	if c, ok := s.chains[lang]; ok {
		return c
	}
	return s.reg.Site.Chain(lang)
}

// execute renders template tmpl for pg into the page's file.
func (s *Site) execute(w Writer, tmpl string, pg *Page) error {
	// A buffer about the size of the template's last page: grown from
	// empty, it was allocated, cleared and copied a dozen times a page,
	// a tenth of the rendering time in profiles.
	size := s.sizes[tmpl]
	var buf bytes.Buffer
	if size != nil {
		n := size.Load()
		buf.Grow(int(n + n/4))
	}
	if err := s.tmpl[tmpl].ExecuteTemplate(&buf, "base", pg); err != nil {
		if placed := s.placeError(err, pg.File()); placed != nil {
			return placed
		}
		return fmt.Errorf("rendering %s: %w", pg.File(), err)
	}
	if size != nil {
		size.Store(int64(buf.Len()))
	}
	return w.Write(pg.File(), buf.Bytes())
}

// markdown renders a content Markdown file to HTML. Headings are raised to
// at least minLevel, so that a "#" in a profile does not compete with the
// page's own title and sections.
func (s *Site) markdown(md *content.Markdown, from, lang string, minLevel int) (template.HTML, error) {
	if md == nil {
		return "", nil
	}
	// A profile is shown on the person's page in every language that has
	// none of its own, and renders the same on each unless it links into
	// the site (those links are relative to the page and in its
	// language): rendered once, it is taken from s.rendered by the other
	// pages, which jobsWith makes next to each other.
	r, made := s.rendered.get(markdownKey{md, minLevel}), false
	r.once.Do(func() {
		r.html, r.pageLinks, r.err = s.renderMarkdown(md, from, lang, minLevel)
		made = true
	})
	if made || !r.pageLinks || r.err != nil {
		return r.html, r.err
	}
	h, _, err := s.renderMarkdown(md, from, lang, minLevel)
	return h, err
}

// renderMarkdown renders md for the page at from in lang, and reports
// whether it links into the site, which makes it the page's own.
func (s *Site) renderMarkdown(md *content.Markdown, from, lang string, minLevel int) (template.HTML, bool, error) {
	src, err := md.Read(s.files)
	if err != nil {
		return "", false, err
	}
	var buf bytes.Buffer
	ctx := newRenderContext(s.urls, from, lang, minLevel)
	if err := s.md.Convert(src, &buf, withContext(ctx)); err != nil {
		return "", false, fmt.Errorf("%s: %w", md.Path, err)
	}
	// Safe: the renderer leaves raw HTML out and the loader admits only
	// http, https, mailto and site links.
	return template.HTML(buf.String()), ctx.Get(renderKey).(*renderContext).pageLinks, nil
}

// asset returns the link to a static file, with a content hash so that
// browsers fetch it anew only when it changes.
func (s *Site) asset(from, name string) string {
	v := s.assetVer[name]
	u := s.urls.Link(from, path.Join("static", name))
	if v != "" {
		u += "?v=" + v
	}
	return u
}
