// Package build runs the pipeline from a site folder to a published output
// folder: load and validate content, derive the register, render, and swap
// the result in only when everything succeeded.
package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"time"

	"github.com/tizim/tizim"
	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
	"github.com/tizim/tizim/internal/site"
)

// Options says what to build.
type Options struct {
	Root string    // the site folder holding content/ (and optionally templates/, static/)
	Out  string    // the output folder, replaced as a whole on success
	AsOf time.Time // the site's date
	// Portable is accepted for older scripts and changes nothing: every
	// link of every build is relative, so every build works from file://
	// or any path.
	Portable bool
	// BaseURL, when set, replaces site.yaml's base_url: the publishing
	// workflow passes the address GitHub Pages gives the site.
	BaseURL string
	// NoCache makes every file anew, as if no build had been made before,
	// and removes the build cache (see cache.go).
	NoCache bool

	wrap func(Writer) Writer // tests: slow down or fail writes
}

// Stats describes a finished build.
type Stats struct {
	People, Current, Files int
	// The current list in three (register.Register's lists of the names).
	Confirmed, Unconfirmed, TermEnded int
	Unchanged                         int       // files identical to the previous build's, kept as they were
	Bytes                             int64     // the size of the site: of all its files
	Twins                             []Warning // people who may be recorded twice ([Twins])
}

// A Warning is something the maintainers of a site should know of it that
// does not stop it from being published. Path and Line are 0 and "" when
// it is about the whole site.
type Warning struct {
	Path string // slash-separated, relative to the site folder
	Line int
	Msg  string // a sentence
}

func (w Warning) String() string {
	switch {
	case w.Path == "":
		return w.Msg
	case w.Line > 0:
		return fmt.Sprintf("%s:%d: %s", w.Path, w.Line, w.Msg)
	}
	return w.Path + ": " + w.Msg
}

// PagesLimit is the largest site GitHub Pages publishes, in bytes:
// "Published GitHub Pages sites may be no larger than 1 GB" (GitHub's
// documentation of its usage limits). A larger one may still deploy, or
// fail without a clear message.
const PagesLimit = 1_000_000_000

// Warnings are what the maintainers of a built site should know of it,
// though it is published as it is: people who may be recorded twice, and
// that it is larger than GitHub Pages publishes, which the site's workflow
// would otherwise find out only when the deployment fails.
func (s Stats) Warnings() []Warning {
	out := slices.Clone(s.Twins)
	if s.Bytes > PagesLimit {
		out = append(out, Warning{Msg: fmt.Sprintf("the site is %s, and GitHub Pages publishes sites of at most %s: its deployment may fail. Publish it elsewhere, or in fewer languages; README.md says where a register passes the limit (\"GitHub Pages' 1 GB\").", Size(s.Bytes), Size(PagesLimit))})
	}
	return out
}

// Size writes a number of bytes as people read it: 825 MB, 7.5 GB, in
// powers of 1000, as GitHub states its limits.
func Size(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d bytes", n)
	case n < 1_000_000:
		return fmt.Sprintf("%.0f KB", float64(n)/1e3)
	case n < 10_000_000:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	case n < 1_000_000_000:
		return fmt.Sprintf("%.0f MB", float64(n)/1e6)
	default:
		return fmt.Sprintf("%.1f GB", float64(n)/1e9)
	}
}

// Load reads and validates the site at root and derives its register.
func Load(root string, asOf time.Time) (*register.Register, fs.FS, error) {
	reg, files, _, err := load(root, asOf, nil, nil, nil, true)
	return reg, files, err
}

// load is Load that also returns the warnings about the content. last,
// if not nil, is the cache of the last build, which says which Markdown
// passed its checks (see content.LoadKnown) and what it read of the git
// history; next, if not nil, is given what this build read of it. ps, if
// not nil, is the people's cache: the people it keeps are not read again,
// and it is given the people loaded. Without dates, the people's "last
// changed" days are not read.
func load(root string, asOf time.Time, last, next *manifest, ps *people, dates bool) (*register.Register, fs.FS, []Warning, error) {
	files := content.Files(root)
	var (
		c   *content.Content
		err error
	)
	if ps != nil {
		c, err = content.LoadKept(files, ps.kept, ps.langs, knownMarkdown(last))
	} else {
		c, err = content.LoadKnown(files, knownMarkdown(last))
	}
	if err != nil {
		return nil, nil, nil, err
	}
	if ps != nil {
		ps.loaded, ps.loadedLangs = c.People, c.Site.Languages
	}
	// The profiles are read again as their pages are made (see
	// content.Content.DropProfiles): a build or a check of a large
	// register would hold them all the time it renders.
	c.DropProfiles()
	if err := content.CheckDates(c, time.Now().UTC()); err != nil {
		return nil, nil, nil, err
	}
	c.DropPositions() // only the checks above say where things are
	if dates {
		var h *gitHistory
		if last != nil {
			h = last.History
		}
		h = history(root, c.People, h)
		if next != nil {
			next.History = h
		}
	}
	// The warnings of people recorded twice read only names: made while
	// the register is derived, they cost no time of their own (50 ms at
	// 10,000 people, before).
	twins := make(chan []Warning, 1)
	go func() { twins <- Twins(c.People) }()
	reg := register.New(c, asOf)
	return reg, files, <-twins, nil
}

// A Loader is [Load] for a site loaded again after each edit, as the live
// preview does: it reads again only what changed (see [content.Loader]),
// and reads the git history for the "last changed" dates once, at the
// first load, since a preview session is about edits, not commits.
type Loader struct {
	root    string
	asOf    time.Time
	files   fs.FS
	content *content.Loader
	history map[string]time.Time
	read    bool               // history was read
	last    *register.Register // the last load's, whose people the next reuses
}

// NewLoader returns a Loader for the site at root, dated asOf.
func NewLoader(root string, asOf time.Time) *Loader {
	files := content.Files(root)
	return &Loader{root: root, asOf: asOf, files: files, content: content.NewLoader(files)}
}

// Load reads and validates the site and derives its register. changed
// lists the files changed since the last call, relative to the site
// folder with slashes; nil means unknown, and everything is read again.
func (l *Loader) Load(changed []string) (*register.Register, fs.FS, error) {
	c, err := l.content.Load(changed)
	if err != nil {
		return nil, nil, err
	}
	if !l.read {
		l.history, l.read = readHistory(l.root), true
	}
	// The people of the last register may still be in use, by the site
	// the preview serves while it builds this one: they are shared with
	// this load by the content loader, unless read again (see
	// content.Person.SameRead). The others are this load's own.
	// The shared ones have their day already, from the load that read
	// them: the history is read once.
	var fresh []*content.Person
	for _, p := range c.People {
		// l.last is nil at the first load; its map is the one Next uses.
		if old := l.last.Person(p.Slug); old == nil || !old.SameRead(p) {
			fresh = append(fresh, p)
			p.Changed = l.history[path.Dir(p.Path)]
		}
	}
	// A date that was not after an earlier day is not after today: only
	// the people read again need their dates checked.
	if err := content.CheckPeopleDates(fresh, time.Now().UTC()); err != nil {
		return nil, nil, err
	}
	if l.last == nil {
		l.last = register.New(c, l.asOf)
	} else {
		l.last = l.last.Next(c, l.asOf)
	}
	return l.last, l.files, nil
}

// Check does what Build does to find errors, without writing and without
// rendering every page: it loads and validates the content, the interface
// text and the templates (parsing them and checking what they use of the
// theme's interface), and then runs each page template once or a few times
// in each language, on pages chosen to take its branches (the person with
// the most kinds of events, facts and sources, the one with the fewest, a
// list split into pages and one that is not, ...), and makes the feeds,
// the search index and the photos (see [site.Site.Check]). A template that
// fails on every page fails here with the message a build gives. An error
// that only some person's or list's data brings out, in a branch none of
// the chosen pages takes, shows only in a build, which renders everything.
//
// Besides errors it returns warnings: what maintainers should see but
// that does not stop the site (people who may be recorded twice).
func Check(root string, asOf time.Time) (*register.Register, []Warning, error) {
	// No "last changed" days: reading the git history takes long on a
	// large register, and check writes no page that shows them.
	reg, files, warnings, err := load(root, asOf, nil, nil, nil, false)
	if err != nil {
		return nil, nil, err
	}
	s, err := site.New(reg, files, ThemeFiles(files))
	if err != nil {
		return nil, nil, err
	}
	return reg, warnings, s.Check(discard{})
}

type discard struct{}

func (discard) Write(string, []byte) error { return nil }

// ThemeFiles returns the files of the site's theme: its own templates/,
// static/, i18n/ and schema/ over the embedded defaults.
func ThemeFiles(files fs.FS) fs.FS { return site.Overlay(files, tizim.DefaultTheme) }

// Build renders the site into a temporary folder beside opts.Out and then
// puts it in place of opts.Out. On any error opts.Out is left as it was;
// if the build is killed, opts.Out is the old site or the new one, never
// a mix or nothing, and the next build clears what was left behind.
func Build(opts Options) (Stats, error) {
	out, err := filepath.Abs(opts.Out)
	if err != nil {
		return Stats{}, err
	}
	parent, base := filepath.Dir(out), filepath.Base(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return Stats{}, fmt.Errorf("cannot create %s: %w", parent, err)
	}
	unlock, err := lock(filepath.Join(parent, "."+base+".lock"))
	if err != nil {
		return Stats{}, err
	}
	defer unlock()
	clearLeftovers(parent, base)
	var (
		inputs  site.Key
		m       *manifest
		inPlace bool
		next    manifest // what this build records for the next
		ps      *people
	)
	if !opts.NoCache {
		m, inPlace = readManifest(out)
		inputs, next.Read, next.ReadAt = inputsDigest(opts, m)
		if m != nil {
			m.Read = nil // only inputsDigest reads it
		}
		next.Inputs = inputs
		if inPlace && unchanged(out, m, inputs) {
			st := m.Stats
			st.Unchanged = st.Files
			return st, nil
		}
		// What the files read tell of the people's folders, before the
		// record of them is held encoded; neither is needed when there
		// is nothing to do.
		ps = readPeople(out, personFolders(next.Read))
		next.holdRead()
	}
	reg, files, twins, err := load(opts.Root, opts.AsOf, m, &next, ps, true)
	if err != nil {
		return Stats{}, err
	}
	ps.start(out, !inPlace)
	defer ps.abandon()
	defer limitMemory(len(reg.People))()
	if opts.BaseURL != "" {
		u, err := content.ParseBaseURL(opts.BaseURL)
		if err != nil {
			return Stats{}, err
		}
		reg.Site.BaseURL = u
	}
	s, err := site.New(reg, files, ThemeFiles(files))
	if err != nil {
		return Stats{}, err
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return Stats{}, fmt.Errorf("cannot write beside %s: %w", out, err)
	}
	defer os.RemoveAll(tmp) // the staging folder, or what is left of it
	st := Stats{People: len(reg.People), Current: len(reg.Current),
		Confirmed: len(reg.Confirmed), Unconfirmed: len(reg.Unconfirmed), TermEnded: len(reg.TermEnded), Twins: twins}
	var rows *rowStore
	if !opts.NoCache {
		rows = newRows(out, inPlace)
		defer rows.close()
		keys := site.Keys{Program: program()}
		if rows.keeps() {
			keys.Rows = rows
		}
		if keys.Program != nil {
			if err := s.SetKeys(keys); err != nil {
				return Stats{}, err
			}
		}
		if inPlace {
			next.Markdown = markdownSums(reg)
			st, err := buildInPlace(s, opts, out, tmp, m, rows, &next, st)
			if err == nil {
				err = finishPeople(out, ps)
			}
			return st, err
		}
	}
	dw := &DirWriter{Dir: tmp}
	if fi, err := os.Stat(out); err == nil && fi.IsDir() {
		dw.Prev = out
	}
	var w Writer = dw
	if opts.wrap != nil {
		w = opts.wrap(w)
	}
	var rec *recorder
	if !opts.NoCache {
		rec = newRecorder(w, tmp)
		w = rec
	}
	if err := s.Render(w); err != nil {
		return Stats{}, fmt.Errorf("writing the site: %w (the previous site in %s is unchanged)", err, opts.Out)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return Stats{}, err
	}
	// The old cache describes the old site: gone before the site is.
	if err := dropCache(out); err != nil {
		return Stats{}, err
	}
	if err := swap(tmp, out); err != nil {
		return Stats{}, err
	}
	st.Files, st.Unchanged, st.Bytes = int(dw.files.Load()), int(dw.kept.Load()), dw.bytes.Load()
	if rec != nil {
		next.Version, next.Out, next.Files, next.Stats, next.Markdown = cacheVersion, out, rec.files, st, markdownSums(reg)
		err := writeManifest(out, &next)
		if err == nil {
			err = rows.write(out)
		}
		if err == nil {
			err = ps.finish(out)
		}
		if err != nil {
			dropCache(out)
			return Stats{}, fmt.Errorf("the site is built, but its build cache could not be written: %w", err)
		}
	}
	return st, nil
}

// buildInPlace is Build with a cache m that matches the output folder
// (see cache.go): the files that changed are made in the staging folder
// tmp and, when all are, moved into out. st holds what Build knows of the
// site; the files' counts are added here.
func buildInPlace(s *site.Site, opts Options, out, tmp string, m *manifest, rows *rowStore, next *manifest, st Stats) (Stats, error) {
	stage := &DirWriter{Dir: tmp}
	w := newInPlace(out, stage, m)
	if opts.wrap != nil {
		w.write = opts.wrap(stage)
	}
	if err := s.Render(w); err != nil {
		return Stats{}, fmt.Errorf("writing the site: %w (the previous site in %s is unchanged)", err, opts.Out)
	}
	st.Files, st.Unchanged, st.Bytes = len(w.files), int(w.kept.Load()), siteBytes(w.files)
	next.Stats = st
	if err := w.apply(next); err != nil {
		return Stats{}, fmt.Errorf("updating %s: %w", opts.Out, err)
	}
	if err := rows.write(out); err != nil {
		dropCache(out)
		return Stats{}, fmt.Errorf("the site is built, but its build cache could not be written: %w", err)
	}
	return st, nil
}

// finishPeople records the people's cache of out after a build in place.
func finishPeople(out string, ps *people) error {
	if err := ps.finish(out); err != nil {
		dropCache(out)
		return fmt.Errorf("the site is built, but its build cache could not be written: %w", err)
	}
	return nil
}

// Writer is where a build writes files (site.Writer).
type Writer = site.Writer

// clearLeftovers removes the temporary folders of builds that were killed
// before they finished: ".public.new-*" (unfinished), ".public.old-*",
// ".public.rows-*" (see newRows) and ".public.people-*" (see people.start).
func clearLeftovers(parent, base string) {
	for _, pattern := range []string{"." + base + ".new-*", "." + base + ".old-*", "." + base + ".rows-*", "." + base + ".people-*"} {
		matches, _ := filepath.Glob(filepath.Join(parent, pattern))
		for _, m := range matches {
			os.RemoveAll(m)
		}
	}
}

// swap puts the new folder in place of out. Where the system can exchange
// two folders in one step it does; otherwise it moves the old folder aside
// first and back if the second move fails.
func swap(tmp, out string) error {
	if _, err := os.Stat(out); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(tmp, out)
	} else if err != nil {
		return err
	}
	if err := exchange(tmp, out); err == nil {
		return os.RemoveAll(tmp) // now the old site
	}
	old := filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".old-"+strconv.Itoa(os.Getpid()))
	if err := os.Rename(out, old); err != nil {
		return fmt.Errorf("cannot replace %s: %w", out, err)
	}
	if err := os.Rename(tmp, out); err != nil {
		os.Rename(old, out) // put the previous site back
		return fmt.Errorf("cannot move the new site into %s: %w", out, err)
	}
	return os.RemoveAll(old)
}

// memoryLimit is the soft limit of the memory a build of a register of
// the given size asks the Go runtime to keep to, unless GOMEMLIMIT says
// otherwise: at least heapLimitFloor, and at least heapPerPerson for each
// person.
//
// The collector otherwise lets the heap grow to twice what was live at
// its last cycle, and the live heap of a build is 11 to 13 KB a person
// (GODEBUG=gctrace=1: at most 349 MiB at 30,000 people, 1,210 MiB at
// 99,000 without the limit, counting what the templates allocated while
// the collector marked): a build of 99,000 people without it peaked at
// 2.92 GiB, 4.55 GiB before this branch's other changes and the earlier
// ones that lowered the peak at 30,000 people. A register whose
// build stays under the floor pays nothing (30,000 people peak under
// 1 GB); at 99,000 people the build collects more often, and a build
// that rendered every page again peaked at 1.70 GiB (1.83 GB) in 372 s
// of user CPU. heapPerPerson keeps the limit well above the live heap of
// registers larger still, so that a build that needs more memory than
// the floor collects more often, not without end.
//
// The floor was 1.75 GiB until builds at 99,000 people were seen to peak
// up to 124 MiB above it (1.83 GiB, 1.97 GB: stacks, the runtime's own
// structures and what the collector had not yet returned), too close to
// the 2 GB goal for a register a little denser than the synthetic one;
// the same build as above peaked at 1.75 GiB in 377 s with it. One run
// each: another with GOMEMLIMIT at 1,640 MiB took 441 s, so what the
// lower floor costs in collection is within this machine's swing from
// run to run, not measured apart from it.
func memoryLimit(people int) int64 {
	return max(heapLimitFloor, int64(people)*heapPerPerson)
}

const (
	heapLimitFloor = 1650 << 20 // 1.61 GiB: 1.73 GB, with room under 2 GB for what is not the Go heap
	heapPerPerson  = 16 << 10
)

// limitMemory sets the soft memory limit of the Go runtime for a build of
// a register of people (see memoryLimit), unless GOMEMLIMIT sets one,
// and returns what puts the earlier limit back.
func limitMemory(people int) func() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	old := debug.SetMemoryLimit(memoryLimit(people))
	return func() { debug.SetMemoryLimit(old) }
}
