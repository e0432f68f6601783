package content

import (
	"io/fs"
	"path"
	"strings"
)

// A Loader loads one site again and again, as the live preview does after
// every edit. It reads again only the people's folders that changed since
// its last load and keeps what it read of the others, so that an edit to
// one person of a large register does not mean parsing every case file.
// Everything else (site.yaml, sources, pages) is read every time, and
// every check across files runs every time: one file can break another.
// A Loader is not safe for concurrent use.
type Loader struct {
	fsys   fs.FS
	people map[string]*Person // by slug: the folders last read without error
	langs  []string           // the languages they were read with
}

// NewLoader returns a Loader of the site in fsys that has read nothing yet.
func NewLoader(fsys fs.FS) *Loader { return &Loader{fsys: fsys} }

// Load reads and validates the content as [Load] does. changed lists the
// files changed since the previous call (slash-separated paths relative to
// the root of fsys, as "content/people/x/case.yaml"); nil means unknown,
// and everything is read again.
//
// The people of folders not read again are the very values the previous
// call returned, shared with whoever still holds that content (the live
// preview serves the last site while it builds the next): a caller sets a
// field of a person, as a build sets Changed, only on the people read
// again (see [Person.SameRead]), or on a copy.
func (l *Loader) Load(changed []string) (*Content, error) {
	kept := l.people // load makes a new map for the next time
	if changed == nil {
		kept = nil
	}
	for _, p := range changed {
		if slug := personFolder(p); slug != "" {
			delete(kept, slug)
		}
	}
	c, read, langs, err := load(l.fsys, kept, l.langs, kept == nil || touchesSources(changed), nil)
	l.people, l.langs = read, langs
	return c, err
}

// personFolder returns the slug of the person's folder that path p is in
// or is, or "" when p is not in one. (The people folder itself is listed
// anew on every load.)
func personFolder(p string) string {
	rest, ok := strings.CutPrefix(path.Clean(p), Dir+"/people/")
	if !ok {
		return ""
	}
	slug, _, _ := strings.Cut(rest, "/")
	return slug
}

// touchesSources reports whether a changed file is a sources file (or
// their folder), after which every citation is checked again.
func touchesSources(changed []string) bool {
	for _, p := range changed {
		if p == Dir+"/sources" || strings.HasPrefix(p, Dir+"/sources/") {
			return true
		}
	}
	return false
}
