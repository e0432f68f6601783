package content

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // photos
	_ "image/png"
	"io"
	"io/fs"
	"path"
	"regexp"
	"runtime"
	"slices"
	"strings"

	_ "golang.org/x/image/webp" // photos
	"golang.org/x/sync/errgroup"

	"github.com/tizim/tizim/internal/photo"
)

// Dir is the content folder's path inside the site's file system.
const Dir = "content"

var langRE = regexp.MustCompile(`^[a-z]{2,3}$`)

// reservedPages are first path segments the site itself uses, so a free page
// may not take them.
var reservedPages = []string{"current", "people", "groups", "regions", "search", "stats", "data", "changes", "schema", "static", "feed", "sitemap", "404"}

// Load reads and validates the content folder of fsys (a site root holding
// content/). On any problem it returns a nil *Content and an [ErrorList].
func Load(fsys fs.FS) (*Content, error) {
	c, _, _, err := load(fsys, nil, nil, true, nil)
	return c, err
}

// LoadKnown is Load for a build that remembers what passed an earlier
// load's checks: known reports whether a Markdown file with exactly these
// bytes did, and such a file is not checked again. The checks of Markdown
// read nothing but its bytes, and parsing the profiles to check them was
// a third of the loading of a large register.
func LoadKnown(fsys fs.FS, known func(md []byte) bool) (*Content, error) {
	c, _, _, err := load(fsys, nil, nil, true, known)
	return c, err
}

// LoadKept is LoadKnown keeping the people of kept, as a [Loader] keeps
// them, but from another process: a build takes from its cache (see
// [PersonDecoder]) the people whose folders did not change since the
// last build, which read them with the languages langs. Kept people are
// not checked again, except what they cite, since sources may have
// changed. Without the positions of their events, a kept person's errors
// would point to lines but not columns: when there are errors, the
// content is loaded again without kept, for the messages a load from
// nothing gives.
func LoadKept(fsys fs.FS, kept map[string]*Person, langs []string, known func(md []byte) bool) (*Content, error) {
	c, _, _, err := load(fsys, kept, langs, true, known)
	if err != nil && len(kept) > 0 {
		return LoadKnown(fsys, known)
	}
	return c, err
}

// load is Load keeping what it can of an earlier load: the people whose
// folders are in kept, read with the languages keptLangs. It also returns
// the people read without error, by slug, and the languages they were read
// with, for the next load to keep. Unless sourcesChanged, the people kept
// are known to cite only sources that exist, and are not checked again.
func load(fsys fs.FS, kept map[string]*Person, keptLangs []string, sourcesChanged bool, known func([]byte) bool) (*Content, map[string]*Person, []string, error) {
	var errs ErrorList
	c := &Content{byID: make(map[string]*Source)}
	if !checkPlain(fsys, &errs) {
		return nil, nil, nil, errs.Err()
	}
	c.Site = loadSite(fsys, &errs)
	langs := Languages{"en"}
	if c.Site != nil {
		langs = c.Site.Languages
	}
	if !slices.Equal(langs, keptLangs) {
		kept = nil // languages decide what a case file may say
	}
	c.Sources = loadSources(fsys, &errs)
	for _, s := range c.Sources {
		c.byID[s.ID] = s
	}
	var read map[string]*Person
	c.People, read = loadPeople(fsys, langs, kept, known, &errs)
	c.Pages = loadPages(fsys, langs, &errs)

	// Source ids are checked after everything is read, since a case file may
	// cite a source from any file.
	ids := make([]string, 0, len(c.Sources))
	for _, s := range c.Sources {
		ids = append(ids, s.ID)
	}
	for _, p := range c.People {
		if !sourcesChanged && kept[p.Slug] != nil {
			continue
		}
		for j, e := range p.Events {
			for i, id := range e.Sources {
				if c.byID[id] == nil {
					delete(read, p.Slug) // read again next time, to say it again
					line, col := e.Line, 0
					if j < len(p.eventPos) && i < len(p.eventPos[j].sources) {
						line, col = int(p.eventPos[j].sources[i][0]), int(p.eventPos[j].sources[i][1])
					}
					errs = append(errs, &Error{Path: p.Path, Line: line, Col: col, Msg: "event cites unknown source " + quote(id) + suggest(id, ids) + "; sources are defined by id in content/sources/*.yaml"})
				}
			}
		}
	}
	if err := errs.Err(); err != nil {
		return nil, read, langs, err
	}
	return c, read, langs, nil
}

func quote(s string) string { return `"` + s + `"` }

// IsSlug reports whether s is runs of lower-case ASCII letters and digits
// joined by single hyphens, as `tizim new person` makes them
// (^[a-z0-9]+(-[a-z0-9]+)*$; a regular expression took a tenth of the
// preview's reload of a large register).
func IsSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// loadPeople reads every people/<slug>/ folder, in parallel since a large
// register has tens of thousands of them, except those in kept, which it
// takes from there (a [Loader] hands them out again). It also returns
// the people it read or kept without error, by slug.
func loadPeople(fsys fs.FS, langs Languages, kept map[string]*Person, known func([]byte) bool, errs *ErrorList) ([]*Person, map[string]*Person) {
	root := path.Join(Dir, "people")
	entries, err := fs.ReadDir(fsys, root)
	if errors.Is(err, fs.ErrNotExist) {
		*errs = append(*errs, &Error{Path: root, Msg: "there is no people folder; each person needs content/people/<slug>/case.yaml"})
		return nil, nil
	}
	if err != nil {
		*errs = append(*errs, &Error{Path: root, Msg: "cannot read the folder: " + err.Error()})
		return nil, nil
	}
	var dirs []string
	for _, e := range entries {
		p := path.Join(root, e.Name())
		switch {
		case hidden(e):
		case notPlain(e):
			*errs = append(*errs, notPlainError(p, e.Type()))
		case !e.IsDir():
			*errs = append(*errs, &Error{Path: p, Msg: "unexpected file; content/people/ holds only one folder per person, named by its slug"})
		case e.Name() == "page":
			*errs = append(*errs, &Error{Path: p, Msg: "the slug \"page\" is taken by the pages of the people list (people/page/2/); choose another, e.g. the person's name"})
		case !IsSlug(e.Name()):
			*errs = append(*errs, &Error{Path: p, Msg: "folder name " + quote(e.Name()) + " is not a slug; use lower-case ASCII letters, digits and single hyphens, as `tizim new person` makes them (e.g. sanavar-zakirova)"})
		default:
			dirs = append(dirs, e.Name())
		}
	}

	people := make([]*Person, len(dirs))
	perErrs := make([]ErrorList, len(dirs))
	var toRead []int
	for i, slug := range dirs {
		if p := kept[slug]; p != nil {
			people[i] = p
		} else {
			toRead = append(toRead, i)
		}
	}
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	inFolders := listed(fsys) // each folder and the folders above it were just listed
	for _, i := range toRead {
		g.Go(func() error {
			people[i] = loadPerson(inFolders, dirs[i], langs, known, &perErrs[i])
			return nil
		})
	}
	g.Wait() // the errors are the content's, in perErrs

	var out []*Person
	read := make(map[string]*Person, len(dirs))
	for i, p := range people {
		*errs = append(*errs, perErrs[i]...)
		if p == nil {
			continue
		}
		if len(perErrs[i]) == 0 {
			read[dirs[i]] = p
		}
		out = append(out, p)
	}
	return out, read // dirs came sorted from ReadDir
}

// loadPerson reads one person's folder.
func loadPerson(fsys fs.FS, slug string, langs Languages, known func([]byte) bool, errs *ErrorList) *Person {
	dir := path.Join(Dir, "people", slug)
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		*errs = append(*errs, &Error{Path: dir, Msg: "cannot read the folder: " + err.Error()})
		return nil
	}
	profiles := make(map[string]*Markdown)
	var photo string
	hasCase := false
	for _, e := range entries {
		name, p := e.Name(), path.Join(dir, e.Name())
		if hidden(e) {
			continue
		}
		if notPlain(e) {
			*errs = append(*errs, notPlainError(p, e.Type()))
			continue
		}
		if e.IsDir() {
			*errs = append(*errs, &Error{Path: p, Msg: "unexpected folder; a person's folder holds case.yaml, profile.md, profile.<lang>.md and photo.jpg, photo.png or photo.webp"})
			continue
		}
		switch {
		case name == "case.yaml":
			hasCase = true
		case name == "profile.md" || strings.HasPrefix(name, "profile.") && strings.HasSuffix(name, ".md"):
			lang := langs.Default()
			if name != "profile.md" {
				lang = strings.TrimSuffix(strings.TrimPrefix(name, "profile."), ".md")
				if !slices.Contains(langs, lang) {
					*errs = append(*errs, &Error{Path: p, Msg: "language " + quote(lang) + " is not one of site.yaml's languages (" + strings.Join(langs, ", ") + "); add it there or rename the file"})
					continue
				}
				if lang == langs.Default() {
					*errs = append(*errs, &Error{Path: p, Msg: quote(lang) + " is the default language: name this file profile.md"})
					continue
				}
			}
			if md := readMarkdown(fsys, p, errs); md != nil {
				if known == nil || !known(md.Source) {
					checkMarkdown(md, errs)
				}
				profiles[lang] = md
			}
		case name == "photo.jpg" || name == "photo.jpeg" || name == "photo.png" || name == "photo.webp":
			if photo != "" {
				*errs = append(*errs, &Error{Path: p, Msg: "a person has one photo; remove " + path.Base(photo) + " or this one"})
				continue
			}
			if checkPhoto(fsys, p, errs) {
				photo = p
			}
		default:
			*errs = append(*errs, &Error{Path: p, Msg: "unexpected file; a person's folder holds case.yaml, profile.md, profile.<lang>.md and photo.jpg, photo.png or photo.webp"})
		}
	}
	if !hasCase {
		*errs = append(*errs, &Error{Path: path.Join(dir, "case.yaml"), Msg: "missing case file: every folder in content/people/ needs a case.yaml (the profile and photo are shown only with it)"})
		return nil
	}
	p := loadCase(fsys, path.Join(dir, "case.yaml"), langs, errs)
	if p == nil {
		return nil
	}
	p.Slug, p.Profiles, p.Photo = slug, profiles, photo
	p.read = new(reading)
	return p
}

func readMarkdown(fsys fs.FS, p string, errs *ErrorList) *Markdown {
	data, ok := readLimited(fsys, p, errs)
	if !ok {
		return nil
	}
	d := &decoder{path: p, errs: errs}
	if !d.checkText(data) {
		return nil
	}
	return newMarkdown(p, 1, trimBOM(data))
}

func trimBOM(b []byte) []byte {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		return b[3:]
	}
	return b
}

// loadPages reads content/pages/*.md.
func loadPages(fsys fs.FS, langs Languages, errs *ErrorList) []*Page {
	root := path.Join(Dir, "pages")
	entries, err := fs.ReadDir(fsys, root)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		*errs = append(*errs, &Error{Path: root, Msg: "cannot read the folder: " + err.Error()})
		return nil
	}
	var pages []*Page
	seen := make(map[string]bool)
	for _, e := range entries {
		p := path.Join(root, e.Name())
		if hidden(e) {
			continue
		}
		if notPlain(e) {
			*errs = append(*errs, notPlainError(p, e.Type()))
			continue
		}
		base, ok := strings.CutSuffix(e.Name(), ".md")
		if e.IsDir() || !ok {
			*errs = append(*errs, &Error{Path: p, Msg: "unexpected entry; content/pages/ holds only Markdown files named <name>.md or <name>.<lang>.md"})
			continue
		}
		name, lang := base, langs.Default()
		if i := strings.IndexByte(base, '.'); i >= 0 {
			name, lang = base[:i], base[i+1:]
			if !slices.Contains(langs, lang) {
				*errs = append(*errs, &Error{Path: p, Msg: "language " + quote(lang) + " is not one of site.yaml's languages (" + strings.Join(langs, ", ") + "); add it there or rename the file"})
				continue
			}
		}
		if !IsSlug(name) {
			*errs = append(*errs, &Error{Path: p, Msg: "page name " + quote(name) + " is not a slug; use lower-case ASCII letters, digits and single hyphens"})
			continue
		}
		if slices.Contains(reservedPages, name) || slices.Contains(langs, name) {
			*errs = append(*errs, &Error{Path: p, Msg: "page name " + quote(name) + " is taken by the site's own pages; choose another (reserved: " + strings.Join(reservedPages, ", ") + " and the language codes)"})
			continue
		}
		if seen[name+"."+lang] {
			*errs = append(*errs, &Error{Path: p, Msg: "a page " + quote(name) + " in language " + quote(lang) + " exists twice"})
			continue
		}
		seen[name+"."+lang] = true
		if pg := loadPage(fsys, p, name, lang, errs); pg != nil {
			pages = append(pages, pg)
		}
	}
	// A translation needs its page in the default language: that is the
	// page the other languages fall back to and link to, and whose draft
	// withholds the page in every language.
	for _, pg := range pages {
		if def := langs.Default(); pg.Lang != def && !seen[pg.Name+"."+def] {
			*errs = append(*errs, &Error{Path: pg.Body.Path, Msg: "this translates the page " + quote(pg.Name) + ", which has no file in the default language " + quote(def) + "; add content/pages/" + pg.Name + ".md (with draft: true to keep it off the site)"})
		}
	}
	slices.SortFunc(pages, func(a, b *Page) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Lang, b.Lang))
	})
	return pages
}

// checkPhoto reports a photo that cannot be decoded, so that the mistake
// shows in check rather than halfway through a build, and a photo that
// carries metadata: the site publishes a copy without it, but the file
// itself is public in the repository and its history, so the metadata
// must be gone before it is committed (see package photo for the rule).
func checkPhoto(fsys fs.FS, p string, errs *ErrorList) bool {
	f, err := fsys.Open(p)
	if err != nil {
		*errs = append(*errs, &Error{Path: p, Msg: "cannot read the file: " + err.Error()})
		return false
	}
	defer f.Close()
	tooLarge := &Error{Path: p, Msg: "the photo is larger than " + size(MaxPhotoFile) + "; save a smaller copy (the site shows at most 800 pixels)"}
	if st, err := f.Stat(); err == nil && st.Size() > MaxPhotoFile {
		*errs = append(*errs, tooLarge)
		return false
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxPhotoFile+1))
	if err != nil {
		*errs = append(*errs, &Error{Path: p, Msg: "cannot read the file: " + err.Error()})
		return false
	}
	if len(data) > MaxPhotoFile {
		*errs = append(*errs, tooLarge)
		return false
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		*errs = append(*errs, &Error{Path: p, Msg: "this is not a JPEG, PNG or WebP image that can be read (" + err.Error() + "); save the portrait as JPEG"})
		return false
	}
	// A small file can declare a huge image, which decoding would have to
	// hold in memory: refuse what no portrait needs.
	if cfg.Width*cfg.Height > MaxPhotoPixels || cfg.Width > 20000 || cfg.Height > 20000 {
		*errs = append(*errs, &Error{Path: p, Msg: fmt.Sprintf("the photo is %d×%d pixels; a portrait needs far fewer (the site shows at most 800): save a smaller copy", cfg.Width, cfg.Height)})
		return false
	}
	md, err := photo.Read(data)
	if err != nil {
		*errs = append(*errs, &Error{Path: p, Msg: err.Error() + "; open it in an image program and save it again"})
		return false
	}
	if len(md.Kinds) > 0 {
		// The message names what was found, never what it says: a
		// location must not reach a public CI log.
		*errs = append(*errs, &Error{Path: p, Msg: "the photo carries metadata that can identify where and by whom it was taken (" + photo.Describe(md.Kinds) +
			"); remove it: run \"go run ./cmd/tizim photo strip " + p + "\" in a codespace or on your computer (or save a copy without metadata) and commit the new file. " +
			"Earlier commits keep the old file: see docs/add-a-person.md#photos."})
		return false
	}
	return true
}

// hidden reports whether a folder entry's name starts with a dot: the
// files editors and systems leave beside the ones maintainers edit (vim's
// .case.yaml.swp, macOS's .DS_Store, .gitkeep). They are never read and
// never published.
func hidden(e fs.DirEntry) bool { return strings.HasPrefix(e.Name(), ".") }

// checkPlain reports the fixed paths of the format (content/, its folders,
// site.yaml) that are symbolic links or special files, and every such entry
// in the folders of the theme (checkFiles).
func checkPlain(fsys fs.FS, errs *ErrorList) bool {
	n := len(*errs)
	for _, p := range []string{Dir + "/site.yaml", Dir + "/people", Dir + "/sources", Dir + "/pages"} {
		if st, err := fs.Lstat(fsys, p); err == nil && notPlainMode(st.Mode()) {
			*errs = append(*errs, notPlainError(p, st.Mode()))
		}
	}
	checkFiles(fsys, errs)
	return len(*errs) == n
}
