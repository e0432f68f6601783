package site

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"hash"
	"io"
	"io/fs"
	"maps"
	"math"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
)

// The keys of pages, for a build that keeps the files of the last one
// (see [Keeper]). A page's key is a digest of everything it shows: when
// two builds give a page the same key, they would render the same bytes,
// so the second need not render it. A wrong key would publish a stale
// page, so keys are made by rule, not by hand:
//
//   - every key holds the site's: the program (Keys.Program, from the
//     build), the theme's files (templates, static, i18n, schemas), the
//     settings of site.yaml and the languages;
//   - a person page's key holds the person whole, with every fact the
//     register derived for them, the sources they cite, and the names of
//     their groups and region — but not the people of those groups;
//   - and, when the templates of person pages use anything of the whole
//     register (the list, its events, its counts, the site's date), the
//     digest of that too. Which they use is read from the templates' parse
//     trees, so a fork that shows the count on person pages gets keys that
//     change with the count (see [Theme.personReads]).
//
// A page of the change log lists some of the register's events: its key
// holds each of them with its person's digest, the months and years it
// links to (as much of them as the template shows), and what the template
// reads of the whole register besides (see [Site.changeKey]), so that an
// edit makes again only the months it touches.
//
// A page of a group or region lists the group's people: its key holds
// each of them with their digest and their place in the order of everyone
// (which their rows show), and what the template reads of the whole
// register besides (see [Site.groupKey]), so that an edit makes again the
// pages of the person's own groups and region. The template's uses of
// .Group are told from those of another group's (a person's .Group), which
// count as the whole register.
//
// Every other file — lists, statistics, feeds, the search index, the data
// files, static files — has a key made of the site's and of the whole
// register (every person's digest, every source, the free
// pages, the site's date): it is kept when nothing of the register
// changed, and made again when anything did. A file made again whose
// bytes are the same as before is still not written again.
//
// The text of an event is what maintainers edit most, and few files show
// it. A file that does not is keyed with the register's facts: the same
// digest with the text of every event left out (see [Site.wideKey]), so
// that such an edit makes again the person's pages, the data files, the
// feeds and the home page, not every list. Which pages show it is read
// from the templates (see readsTexts): a fork whose list shows a line of
// each event's text gets keys with it. The files Go makes from other facts
// (the search index, the sitemap, the filters, the badge, the count) are
// marked by hand (job.facts), and TestFactsFiles holds them to it.

// Key identifies what a file was made from; the zero Key means "unknown":
// the file is made on every build.
type Key [sha256.Size]byte

// IsZero reports whether k is the zero Key.
func (k Key) IsZero() bool { return k == Key{} }

// A Keeper is a Writer that has the files of an earlier build at hand and
// what each was made from. The build renders a file with a key only when
// Keep, asked first, says the earlier one cannot stay.
type Keeper interface {
	Writer
	// Keep reports whether the file at path, which the earlier build made
	// from inputs with the same key, is still there as it made it; if so
	// it counts as written. If not, the file is rendered and written with
	// Write, and the writer records key with it.
	Keep(path string, key Key) bool
	// KeepAll is Keep for the files of a job that makes many, whose
	// paths all begin with prefix: it keeps every earlier file with the
	// prefix and the key, if there is one and all are intact, and returns
	// their paths.
	KeepAll(prefix string, key Key) ([]string, bool)
	// Previous returns the bytes of the earlier build's file at path, if
	// it is still there as that build made it: site.zip, whose kept files
	// are copied from it as they were compressed.
	Previous(path string) ([]byte, bool)
}

// A PartKeeper is a Keeper that keeps parts of files too: of a data file,
// made of one part per person (see export.Parts), the parts of the people
// who did not change are taken from the earlier build's file rather than
// made again.
type PartKeeper interface {
	// Parts returns the parts of the earlier build's file at path, if it
	// is still there as that build made it, and records the parts of the
	// new file at path, which is about to be made.
	Parts(path string) Parts
}

// Parts are the parts of one file, by key (see [PartKeeper]).
type Parts interface {
	// Part appends to b the earlier file's part with key, if it had one.
	// It is called from several goroutines at once.
	Part(b []byte, key Key) ([]byte, bool)
	// Wrote records that the new file's part with key is its n bytes at
	// offset off.
	Wrote(key Key, off, n int64)
}

// dataParts are the parts of a data file as export.Parts: a person's
// part has the key keys gives them (see [Site.partKeys]). The parts of a
// file are looked up only in that file's, so one key serves all three.
type dataParts struct {
	keys  map[*register.Person]Key
	parts Parts
}

func (d dataParts) Part(b []byte, p *register.Person) ([]byte, bool) {
	return d.parts.Part(b, d.keys[p])
}

func (d dataParts) Wrote(p *register.Person, off, n int64) {
	d.parts.Wrote(d.keys[p], off, n)
}

// partKeys are the keys of the people's parts of the data files: the
// site's key and the person whole, with every fact derived for them,
// which is all a data file shows of a person. Made once, for the three
// files, each of which needs each key twice.
func (s *Site) partKeys() map[*register.Person]Key {
	return s.keys.parts.get(func() map[*register.Person]Key {
		digests := s.personDigests()
		keys := make(map[*register.Person]Key, len(digests))
		b := make([]byte, 0, 128)
		for p, d := range digests {
			b = append(append(appendString(b[:0], "part"), s.keys.site[:]...), d[:]...)
			keys[p] = sha256.Sum256(b)
		}
		return keys
	})
}

// reads is what templates of a page use of the whole register, as read
// from their parse trees. rank: they use .Row, whose Rank is a person's
// place in the alphabetical order of everyone, which a key that holds
// only some people must hold too.
type reads struct {
	asOf, latest, pages, all, rank bool
}

// textNames are the names by which templates reach the text of an event,
// and "event$", which the check of templates records where they turn a
// value that may hold an event into text (see checker.shown).
var textNames = []string{"content.Event.Text", "site.TimelineEvent.Text", "?Text", "event$"}

// readsTexts reports whether templates that use these names may show the
// text of an event. Those that do not render the same bytes after an edit
// to an event's text alone, the edit maintainers make most: their pages
// are keyed without it (see [Site.wideKey]).
func readsTexts(used map[string]bool) bool {
	for _, n := range textNames {
		if used[n] {
			return true
		}
	}
	return false
}

// wideNames are the names of the theme's interface and of the register's
// types whose values depend on more than one person, and what they depend
// on: "asof" the site's date, "latest" the latest event, "pages" the free
// pages, "all" anything.
// A name used where the check of templates does not know the type of the
// value before it ("?" + name) counts by its name alone, so a name that a
// person also has (Current, Events) counts as "all" there.
var wideNames = map[string]string{
	"Page.AsOf": "asof", "Page.Recent": "all", "Page.Badge": "all", "Page.Confirmation": "all",
	"Page.ConfirmedRange": "all", "Page.Stats": "all", "Page.MonthlyChart": "all",
	"Page.BarsChart": "all", "Page.Bars": "all", "Page.Menu": "pages", "Page.Chunk": "all",
	"Page.Groups": "all", "Page.ListFilters": "all", "Page.AlphabetLinks": "all",
	"Page.Changes": "all", "Page.ChangeMonths": "all", "Page.ChangeYears": "all",
	"Page.Recognized": "asof", "Page.CustodyDays": "asof", "Page.Row": "asof", "Page.PersonRow": "all", "Page.PersonRows": "all",
	"Page.Reg$": "all", "register.Register.AsOf": "asof", "register.Register.Latest": "latest",
	"register.Register.Pages": "pages", "register.Group.People": "all", "register.Group.Current": "all",
	"Page.Group.People": "all", "Page.Group.Current": "all",
}

// narrowRegister are the members of the register that depend only on the
// settings, which every key holds.
var narrowRegister = map[string]bool{"Site": true, "Letters": true}

// untypedWide are the names that count when the type before them is not
// known: every member of the register's types and of the page that is
// "wide" above, by name.
var untypedWide = func() map[string]string {
	m := map[string]string{}
	for k, v := range wideNames {
		name := k[strings.LastIndexByte(k, '.')+1:]
		if v == "all" || m[name] == "" {
			m[name] = v
		}
	}
	for i := range reflect.TypeFor[register.Register]().NumField() {
		f := reflect.TypeFor[register.Register]().Field(i)
		if f.IsExported() && !narrowRegister[f.Name] && m[f.Name] == "" {
			m[f.Name] = "all"
		}
	}
	m["Reg"] = "all"
	return m
}()

// readsOf classifies the names a set of templates uses (see checker.used).
func readsOf(used map[string]bool) reads {
	var r reads
	for name := range used {
		kind := wideNames[name]
		if kind == "" {
			if untyped, ok := strings.CutPrefix(name, "?"); ok {
				kind = untypedWide[untyped]
			} else if member, ok := strings.CutPrefix(name, "register.Register."); ok && !narrowRegister[member] {
				kind = "all"
			}
		}
		if name == "Page.Row" {
			r.rank = true
		}
		switch kind {
		case "asof":
			r.asOf = true
		case "latest":
			r.latest = true
		case "pages":
			r.pages = true
		case "all":
			r.all = true
		}
	}
	return r
}

// Keys are what the keys of a site's pages are made of that the site
// itself does not know.
type Keys struct {
	// Program identifies the program that renders: a digest of its
	// executable, so that a new version of tizim renders every page anew.
	Program []byte
	// Rows, when set, keeps the rows of tables of people between builds
	// (see [Page.PersonRow]).
	Rows RowCache
}

// A RowCache keeps rendered rows of tables of people between builds, by
// key: a list page made again after an edit then renders only the rows of
// the people who changed. Its methods are called from several goroutines
// at once.
type RowCache interface {
	Row(key Key) (string, bool)
	SetRow(key Key, html string)
}

// keyer makes the keys of one site's pages.
type keyer struct {
	site    Key // the program, theme, settings and languages
	asOf    Key
	latest  Key
	pages   Key        // the free pages, which the menu lists
	all     *once[Key] // the whole register, made when a key needs it
	facts   *once[Key] // the same without the text of events
	persons *once[personDigests]
	parts   *once[map[*register.Person]Key] // see partKeys
	rows    RowCache                        // nil: rows are rendered anew in every build
}

// themeDirs are the folders of a theme (see [Overlay]).
var themeDirs = []string{"i18n", "schema", "static", "templates"}

// themeDigest is a digest of every file of the theme, in name order.
func themeDigest(theme fs.FS) (Key, error) {
	h := sha256.New()
	for _, dir := range themeDirs {
		err := fs.WalkDir(theme, dir, func(p string, d fs.DirEntry, err error) error {
			if errors.Is(err, fs.ErrNotExist) && p == dir {
				return fs.SkipAll // a theme without it
			}
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(theme, p)
			if err != nil {
				return err
			}
			writeString(h, p)
			writeString(h, string(data))
			return nil
		})
		if err != nil {
			return Key{}, err
		}
	}
	return Key(h.Sum(nil)), nil
}

// SetKeys prepares the site to give its pages keys (see [Keeper]); without
// it every page is rendered.
func (s *Site) SetKeys(k Keys) error {
	th, err := themeDigest(s.theme)
	if err != nil {
		return err
	}
	h := sha256.New()
	writeString(h, "tizim site key 1")
	writeString(h, string(k.Program))
	h.Write(th[:])
	digest(h, reflect.ValueOf(s.reg.Site))
	digest(h, reflect.ValueOf(s.offersZip()))
	kr := &keyer{
		rows:    k.Rows,
		site:    Key(h.Sum(nil)),
		all:     new(once[Key]),
		facts:   new(once[Key]),
		persons: new(once[personDigests]),
		parts:   new(once[map[*register.Person]Key]),
	}
	kr.asOf = keyOf(func(h hash.Hash) { digest(h, reflect.ValueOf(s.reg.AsOf)) })
	kr.latest = keyOf(func(h hash.Hash) { digest(h, reflect.ValueOf(s.reg.Latest)) })
	kr.pages = keyOf(func(h hash.Hash) { digest(h, reflect.ValueOf(s.reg.Pages)) })
	s.keys = kr
	return nil
}

func keyOf(write func(hash.Hash)) Key {
	h := sha256.New()
	write(h)
	return Key(h.Sum(nil))
}

// personDigests are the digests of every person: whole, and their facts,
// which leave out the text of their events.
type personDigests struct {
	whole, facts map[*register.Person]Key
}

// personDigests returns the digests of every person, whole.
func (s *Site) personDigests() map[*register.Person]Key { return s.digests().whole }

// digests makes the digests of every person once, in parallel, both in
// one walk of the person.
func (s *Site) digests() personDigests {
	return s.keys.persons.get(func() personDigests {
		people := s.reg.People
		whole, facts := make([]Key, len(people)), make([]Key, len(people))
		var g errgroup.Group
		g.SetLimit(runtime.GOMAXPROCS(0))
		for i, p := range people {
			g.Go(func() error {
				// Into a buffer, hashed once: a hash written to a few
				// bytes at a time was most of the cost. The buffers are
				// used again: growing a new one was the next.
				b, texts := digestBufs.Get().(*[]byte), digestBufs.Get().(*[]byte)
				*texts = (*texts)[:0]
				*b = appendDigestTexts((*b)[:0], reflect.ValueOf(p), texts)
				// The whole person is the facts, then the texts left out
				// of them, in the order they were met: one hash, read
				// once before the texts.
				h := sha256.New()
				h.Write(*b)
				h.Sum(facts[i][:0])
				h.Write(appendString(nil, "texts"))
				h.Write(*texts)
				h.Sum(whole[i][:0])
				digestBufs.Put(b)
				digestBufs.Put(texts)
				return nil
			})
		}
		g.Wait()
		d := personDigests{make(map[*register.Person]Key, len(people)), make(map[*register.Person]Key, len(people))}
		for i, p := range people {
			d.whole[p], d.facts[p] = whole[i], facts[i]
		}
		return d
	})
}

// digestBufs are buffers for people's digests.
var digestBufs = sync.Pool{New: func() any { return new([]byte) }}

// allDigest is the digest of the whole register: every person, source and
// free page, the date and the settings.
func (s *Site) allDigest() Key {
	return s.keys.all.get(func() Key { return s.registerDigest(s.digests().whole) })
}

// factsDigest is allDigest without the text of events.
func (s *Site) factsDigest() Key {
	return s.keys.facts.get(func() Key { return s.registerDigest(s.digests().facts) })
}

// registerDigest is the digest of the register with the people's digests
// persons.
func (s *Site) registerDigest(persons map[*register.Person]Key) Key {
	h := sha256.New()
	h.Write(s.keys.asOf[:])
	for _, p := range s.reg.People {
		k := persons[p]
		h.Write(k[:])
	}
	h.Write(s.keys.pages[:])
	h.Write(s.keys.latest[:])
	// Every source, cited or not, through the register's own map.
	digest(h, reflect.ValueOf(s.reg).Elem().FieldByName("sources"))
	return Key(h.Sum(nil))
}

// wideKey is the key of the file name, made from the whole register (see
// the comment at the top); when facts, from the register without the text
// of events, for a file that does not show it, so that an edit to an
// event's text alone does not make it again.
func (s *Site) wideKey(name string, facts bool) Key {
	if s.keys == nil {
		return Key{}
	}
	reg := s.allDigest
	if facts {
		reg = s.factsDigest
	}
	d := reg()
	return keyOf(func(h hash.Hash) {
		writeString(h, "file")
		writeString(h, name)
		h.Write(s.keys.site[:])
		if facts {
			writeString(h, "facts")
		}
		h.Write(d[:])
	})
}

// searchKey is the key of the search index: all it is made from (the
// people's names, statuses and confirmations, see [Site.searchInput]), so
// that an edit that changes none of them, as most do, leaves it as it was.
func (s *Site) searchKey() Key {
	if s.keys == nil {
		return Key{}
	}
	return keyOf(func(h hash.Hash) {
		writeString(h, "search")
		h.Write(s.keys.site[:])
		docs, opts := s.searchInput()
		digest(h, reflect.ValueOf(docs))
		digest(h, reflect.ValueOf(opts))
	})
}

// personKey is the key of p's page in lang.
func (s *Site) personKey(p *register.Person, lang string) Key {
	if s.keys == nil {
		return Key{}
	}
	k := s.personDigests()[p]
	h := sha256.New()
	writeString(h, "person")
	writeString(h, lang)
	h.Write(s.keys.site[:])
	h.Write(k[:])
	if s.personReads.rank {
		digest(h, reflect.ValueOf(s.rank(lang)[p]))
	}
	s.writeReads(h, s.personReads)
	return Key(h.Sum(nil))
}

// writeReads writes to h the digests of what templates that read r of
// the whole register show of it.
func (s *Site) writeReads(h hash.Hash, r reads) {
	if r.all {
		all := s.allDigest()
		h.Write(all[:])
		return
	}
	for _, part := range []struct {
		read bool
		key  *Key
	}{{r.asOf, &s.keys.asOf}, {r.latest, &s.keys.latest}, {r.pages, &s.keys.pages}} {
		if part.read {
			h.Write(part.key[:])
		}
	}
}

// changeNames are what the change log's template uses to reach the
// changes its page lists, which [Site.changeKey] holds one by one.
var changeNames = []string{"Page.Changes", "Page.ChangeMonths", "Page.ChangeYears"}

// without is used without names: what a template uses besides what the
// key of its pages holds one by one (changeNames, groupNames).
func without(used map[string]bool, names []string) map[string]bool {
	out := maps.Clone(used)
	for _, n := range names {
		delete(out, n)
	}
	return out
}

// changeKey is the key of pg, a page of the change log at the file name.
// It holds what the page lists: its months and, in each, every entry by
// its person's digest (which holds the person's name and every event) and
// its event; the years and months it links to, with the members of
// ChangeYear and ChangeMonth that the template uses; and what the
// template reads of the whole register besides. A template that reads
// more of the register than that (a fork's) gets the whole register's key.
// When facts, the templates do not show the text of events (job.facts),
// and the key leaves it out.
func (s *Site) changeKey(name string, pg *Page, facts bool) Key {
	if s.keys == nil {
		return Key{}
	}
	if s.changeReads.all || s.changeReads.rank {
		return s.wideKey(name, facts)
	}
	persons := s.personDigests()
	if facts {
		// The log's templates do not show the text of events: an edit
		// to one alone makes no page of it again.
		persons = s.digests().facts
	}
	used := func(typ, member string) bool {
		return s.changeUsed["site."+typ+"."+member] || s.changeUsed["?"+member]
	}
	var b []byte
	month := func(m ChangeMonth) {
		b = appendDigest(b, reflect.ValueOf(m.Date))
		b = appendDigest(b, reflect.ValueOf(m.YearOnly))
		b = appendString(b, m.ID)
		b = appendDigest(b, reflect.ValueOf(m.Count))
	}
	b = appendString(b, "changes")
	b = appendString(b, name)
	b = append(b, s.keys.site[:]...)
	b = appendString(b, pg.Title)
	b = appendString(b, pg.ChangeYear)
	b = appendDigest(b, reflect.ValueOf(pg.Pager))
	b = appendDigest(b, reflect.ValueOf(len(pg.ChangeYears)))
	for _, y := range pg.ChangeYears {
		// The years' menu links each year: its other members change
		// with every event added, and are held only if shown.
		b = appendString(b, y.Slug)
		if used("ChangeYear", "Count") {
			b = appendDigest(b, reflect.ValueOf(y.Count))
		}
		if used("ChangeYear", "Split") {
			b = appendDigest(b, reflect.ValueOf(y.Split))
		}
		if used("ChangeYear", "Months") {
			b = appendDigest(b, reflect.ValueOf(len(y.Months)))
			for _, m := range y.Months {
				month(m)
			}
		}
	}
	b = appendDigest(b, reflect.ValueOf(len(pg.ChangeMonths)))
	for _, m := range pg.ChangeMonths {
		month(m)
	}
	b = appendDigest(b, reflect.ValueOf(len(pg.Changes)))
	for _, m := range pg.Changes {
		month(m)
		for _, k := range m.Kinds() {
			b = appendString(b, k.Kind)
			b = appendDigest(b, reflect.ValueOf(len(k.Entries)))
			for _, e := range k.Entries {
				p := persons[e.Person]
				b = append(b, p[:]...)
				// The person's digest holds the event: its place in
				// the timeline says which, for a tenth of the cost.
				// Looked for in the timeline, a few events long: a
				// map of every event's place was 12 MB of the live
				// heap of a build of 30,000 people, held to its end.
				if i := slices.Index(e.Person.Timeline, e.Event); i >= 0 {
					b = binary.LittleEndian.AppendUint64(b, uint64(i))
				} else {
					b = appendDigest(b, reflect.ValueOf(e.Event))
				}
			}
		}
	}
	h := sha256.New()
	h.Write(b)
	s.writeReads(h, s.changeReads)
	return Key(h.Sum(nil))
}

// groupNames are what a group's or region's page uses to reach its own
// people, which [Site.groupKey] holds one by one. On such a page the
// list's chunk, filters and letters are the group's.
var groupNames = []string{"Page.Group.People", "Page.Group.Current", "Page.Chunk", "Page.ListFilters", "Page.AlphabetLinks", "Page.PersonRow", "Page.PersonRows"}

// groupKey is the key of pg, a page of a group or region at the file
// name: the group, the page's place in its pages, each of its people by
// digest and by place in the alphabetical order of everyone (which their
// rows show), what the rows read of the whole register, and what the
// template reads of it besides its people. An edit then makes again the
// pages of the edited person's groups and region, not every group's. A
// template that reads more of the register than that (a fork's that
// shows the current list's count, or another group's people) gets the
// whole register's key. When facts, the pages do not show the text of
// events (job.facts), and the key leaves it out.
func (s *Site) groupKey(name string, pg *Page, facts bool) Key {
	if s.keys == nil {
		return Key{}
	}
	g := pg.Group
	if s.groupReads.all || s.rowReads.all || g == nil {
		return s.wideKey(name, facts)
	}
	persons := s.personDigests()
	if facts {
		persons = s.digests().facts
	}
	rank := s.rank(pg.Lang)
	b := appendString(nil, "group")
	b = appendString(b, name)
	b = append(b, s.keys.site[:]...)
	b = appendString(b, g.Name)
	b = appendString(b, g.Slug)
	b = appendDigest(b, reflect.ValueOf(g.Current))
	b = appendString(b, pg.GroupDir)
	b = appendString(b, pg.Title)
	b = appendString(b, pg.GroupsTitle)
	b = appendDigest(b, reflect.ValueOf(pg.Pager))
	b = appendDigest(b, reflect.ValueOf(len(g.People)))
	for _, p := range g.People {
		k := persons[p]
		b = append(b, k[:]...)
		b = appendDigest(b, reflect.ValueOf(rank[p]))
	}
	h := sha256.New()
	h.Write(b)
	s.writeReads(h, s.groupReads)
	s.writeReads(h, s.rowReads)
	return Key(h.Sum(nil))
}

// rowCacheKey is the key of p's row in a table of people in lang, on a page
// whose links reach the site's root by root, or the zero Key when rows
// are not kept between builds. A row shows the person and their place in
// the alphabetical order of everyone (its sort value).
func (s *Site) rowCacheKey(p *register.Person, lang, root string) Key {
	if s.keys == nil || s.keys.rows == nil || s.rowReads.all {
		return Key{}
	}
	k := s.personDigests()[p]
	h := sha256.New()
	writeString(h, "row")
	writeString(h, lang)
	writeString(h, root)
	h.Write(s.keys.site[:])
	h.Write(k[:])
	digest(h, reflect.ValueOf(s.rank(lang)[p]))
	s.writeReads(h, s.rowReads)
	return Key(h.Sum(nil))
}

// photoKey is the key of p's published photo: the photo file's bytes and
// the program that re-encodes it.
func (s *Site) photoKey(p *register.Person) Key {
	if s.keys == nil {
		return Key{}
	}
	data, err := fs.ReadFile(s.files, p.Photo)
	if err != nil {
		return Key{} // made, and the error reported, as without keys
	}
	return keyOf(func(h hash.Hash) {
		writeString(h, "photo")
		h.Write(s.keys.site[:])
		writeString(h, string(data))
	})
}

// digest writes to h all that v holds (see [appendDigest]).
func digest(h io.Writer, v reflect.Value) {
	h.Write(appendDigest(nil, v))
}

// appendDigest appends to b all that v holds, following pointers, slices
// and maps (in the order of their keys), unexported fields included. A
// group or a region is written as its name and slug: a person's page names
// them but does not show their people, whose changes must not change it.
// It appends to a slice rather than writing to a hash or a buffer: the
// person's digests of every build were mostly allocations of the small
// buffers and strings that writing through an io.Writer costs.
func appendDigest(b []byte, v reflect.Value) []byte { return appendDigestTexts(b, v, nil) }

// eventText is the index of content.Event's Text.
var eventText = func() int {
	f, _ := reflect.TypeFor[content.Event]().FieldByName("Text")
	return f.Index[0]
}()

// appendDigestTexts is appendDigest, but when texts is not nil, the text
// of every event it meets goes to texts instead of b.
func appendDigestTexts(b []byte, v reflect.Value, texts *[]byte) []byte {
	switch v.Kind() {
	case reflect.Invalid:
		return append(b, 0)
	case reflect.Bool:
		if v.Bool() {
			return binary.LittleEndian.AppendUint64(b, 1)
		}
		return binary.LittleEndian.AppendUint64(b, 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return binary.LittleEndian.AppendUint64(b, uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return binary.LittleEndian.AppendUint64(b, v.Uint())
	case reflect.Float32, reflect.Float64:
		return binary.LittleEndian.AppendUint64(b, math.Float64bits(v.Float()))
	case reflect.String:
		return appendString(b, v.String())
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return append(b, 0)
		}
		b = append(b, 1)
		if g, ok := groupOf(v); ok {
			return appendString(appendString(b, g.Name), g.Slug)
		}
		return appendDigestTexts(b, v.Elem(), texts)
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			b = binary.LittleEndian.AppendUint64(b, uint64(v.Len()))
			return append(b, v.Bytes()...)
		}
		fallthrough
	case reflect.Array:
		b = binary.LittleEndian.AppendUint64(b, uint64(v.Len()))
		for i := range v.Len() {
			b = appendDigestTexts(b, v.Index(i), texts)
		}
		return b
	case reflect.Map:
		b = binary.LittleEndian.AppendUint64(b, uint64(v.Len()))
		keys := v.MapKeys()
		slices.SortFunc(keys, compareKeys)
		for _, k := range keys {
			b = appendDigestTexts(b, k, texts)
			b = appendDigestTexts(b, v.MapIndex(k), texts)
		}
		return b
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() && v.CanInterface() {
			t := v.Interface().(time.Time)
			b = binary.LittleEndian.AppendUint64(b, uint64(t.UnixNano()))
			return appendString(b, t.Location().String())
		}
		event := texts != nil && v.Type() == reflect.TypeFor[content.Event]()
		for i := range v.NumField() {
			if event && i == eventText {
				*texts = appendDigest(*texts, v.Field(i))
				continue
			}
			b = appendDigestTexts(b, v.Field(i), texts)
		}
		return b
	default:
		// Functions and channels are not data a page shows.
		return appendString(b, v.Type().String())
	}
}

// groupOf reports whether v is a *register.Group.
func groupOf(v reflect.Value) (*register.Group, bool) {
	if v.Kind() != reflect.Pointer || v.Type() != reflect.TypeFor[*register.Group]() {
		return nil, false
	}
	return (*register.Group)(v.UnsafePointer()), true
}

// compareKeys orders map keys: strings and numbers, the only keys content
// has.
func compareKeys(a, b reflect.Value) int {
	switch a.Kind() {
	case reflect.String:
		return cmp.Compare(a.String(), b.String())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return cmp.Compare(a.Int(), b.Int())
	}
	return 0
}

// writeString writes s with its length, so that no two sequences of
// strings write the same bytes.
func writeString(h io.Writer, s string) {
	h.Write(appendString(nil, s))
}

// appendString appends s with its length (see writeString).
func appendString(b []byte, s string) []byte {
	b = binary.LittleEndian.AppendUint64(b, uint64(len(s)))
	return append(b, s...)
}
