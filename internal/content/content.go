// Package content loads and validates a register's content folder.
//
// The folder is the contract with maintainers (see README.md and
// docs of the format); this package is its one reader:
//
//	content/site.yaml                       site settings
//	content/people/<slug>/case.yaml         one person: names, facts, dated events
//	content/people/<slug>/profile.md        optional profile, default language
//	content/people/<slug>/profile.<lang>.md optional profile in another language
//	content/people/<slug>/photo.jpg|png|webp optional portrait, without metadata
//	content/sources/*.yaml                  lists of sources that events cite by id
//	content/pages/<name>.md                 free pages: front matter + Markdown
//	content/pages/<name>.<lang>.md          a free page in another language
//
// Loading is strict: an unknown field, a value of the wrong type, a bad date,
// term, event type or source id, a misplaced file or a file that is not
// UTF-8 is an [Error] naming file, line and column. So is a photo that
// carries metadata (a GPS location, the camera's serial number): the file
// in the repository is public, whatever the site publishes. Load reports
// every problem of the folder at once, as an [ErrorList] sorted by file
// and line.
//
// Nothing here derives status or membership: that is package register's
// work. Content keeps what the files say, including drafts and the
// free-form internal notes, which the register drops before rendering.
package content

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/tizim/tizim/internal/date"
)

// Content is a loaded, validated content folder.
type Content struct {
	Site    *Settings
	People  []*Person // sorted by slug; includes drafts
	Sources []*Source // sorted by id
	Pages   []*Page   // sorted by name, then language
	byID    map[string]*Source
}

// Source returns the source with the given id, or nil.
func (c *Content) Source(id string) *Source { return c.byID[id] }

// Settings are content/site.yaml: the site's own settings.
type Settings struct {
	Title           Text
	Description     Text
	BaseURL         string    // absolute URL ending in "/", e.g. "https://x.github.io/register/"
	Languages       Languages // the first is the default language
	CurrentStatuses []Status  // statuses that put a listed person on the current list
	// ConfirmWithin is how recent a source must be for a status in custody
	// to count as confirmed (default: DefaultConfirmWithin).
	ConfirmWithin date.Term
	RepoURL       string // optional: the content's repository, for "edit this page" links
	RepoBranch    string // default "main"
	License       string // optional: the licence of the content, as text
	Facilities    map[string]Facility
	// OfflineZip says whether the site offers site.zip; nil leaves it to
	// the site's size (see package site).
	OfflineZip *bool
	// Translations gives names that content writes in the default language
	// (regions, groups, tags, courts, facilities, recognizing bodies) in the
	// other languages: name -> language -> name.
	Translations map[string]map[string]string
	// Fallbacks are the languages each language shows, in order, where it
	// has nothing of its own, before the default language (see [Settings.Chain]).
	Fallbacks map[string][]string

	// Contact is how relatives and readers reach the maintainers, shown on
	// every person page and in the footer; nil when site.yaml gives none.
	Contact *Contact

	translationLines map[string]int // name -> line of its entry under translations:
	titleLine        int
	descriptionLine  int
}

// Chain is the one order in which the site looks for a text in lang: lang
// itself, then its fallbacks from site.yaml, then the default language,
// always last. The default language's chain is itself alone. Every text a
// page shows (event texts, names, profiles, pages) is picked along it.
func (s *Settings) Chain(lang string) Chain {
	def := s.Languages.Default()
	if lang == def || def == "" {
		return Chain{def}
	}
	out := make(Chain, 0, len(s.Fallbacks[lang])+2)
	out = append(out, lang)
	out = append(out, s.Fallbacks[lang]...)
	return append(out, def)
}

// Chain is the languages in which a text is looked for, in order; the
// last is the site's default language, in which every text exists.
type Chain []string

// Default returns the chain's last language, the site's default.
func (c Chain) Default() string {
	if len(c) == 0 {
		return ""
	}
	return c[len(c)-1]
}

// Name returns a name that content writes in the default language (a
// region, group, tag, court, facility or who recognized someone) in the
// first language of c that site.yaml's translations give it in, and that
// language; the name itself, in the default language, when none does.
func (s *Settings) Name(name string, c Chain) (string, string) {
	for _, lang := range c[:max(len(c)-1, 0)] {
		if t, ok := s.Translations[name][lang]; ok && t != "" {
			return t, lang
		}
	}
	return name, c.Default()
}

// Languages are a site's languages, as site.yaml lists them. The first is
// the default language: content is written in it, its pages are at the
// site's root, and it is the last language every other one falls back to
// wherever it has nothing of its own (see [Settings.Chain]).
type Languages []string

// Default returns the default language, or "" when there is none, which
// only a Site that was not loaded from site.yaml can have.
func (l Languages) Default() string {
	if len(l) == 0 {
		return ""
	}
	return l[0]
}

// Facility is a place of detention listed in site.yaml, so that readers can
// write to the people held there.
type Facility struct {
	Address string
}

// Person is one case file with its profiles and photo.
type Person struct {
	Slug       string // the folder name, used in URLs
	Path       string // of case.yaml, e.g. "content/people/x/case.yaml"
	Line       int    // of name: in case.yaml, where a message about the whole person points
	Name       string
	Names      map[string]string // language -> name
	Aliases    []string
	Born       date.Date // zero when unknown
	Gender     string
	Region     string
	Occupation Text
	Groups     []string
	Tags       []string
	Charges    []Charge
	Events     []*Event // in file order
	Draft      bool
	Profiles   map[string]*Markdown // language -> profile; the default language's key is its code
	Photo      string               // path of the photo file, "" when there is none
	Changed    time.Time            // day of the latest commit to the person's folder; zero when unknown (set by package build from git)
	bornPos    [2]int32             // line and column of born:, for messages
	eventPos   []eventPos           // of each of Events, for messages; nil once dropped
	lines      fieldLines           // lines of the fields that may need translating, for Untranslated
	read       *reading             // which reading of the folder this is; see SameRead
	// Internal notes are never kept: the loader checks the block is there
	// and drops it, so no later stage can publish it by mistake.
}

// SameRead reports whether p and q come from one reading of a person's
// folder: a [Loader] that was not told the folder changed hands out what
// it read before (or p and q are copies of it), and what is derived from
// the one holds for the other (apart from the fields a build sets, such as
// Changed). A folder read again is a new reading, even if its files are
// the same.
func (p *Person) SameRead(q *Person) bool { return p.read != nil && p.read == q.read }

// reading is the identity of one reading of a person's folder. It is not
// empty, since pointers to distinct zero-size values may be equal, and it
// holds nothing, so that what digests or compares people sees no
// difference between readings of the same files.
type reading struct{ _ byte }

// NameIn returns the person's name in the first language of c that names:
// gives, and that language; name:, in the default language, when none does.
func (p *Person) NameIn(c Chain) (string, string) {
	for _, lang := range c[:max(len(c)-1, 0)] {
		if n := p.Names[lang]; n != "" {
			return n, lang
		}
	}
	return p.Name, c.Default()
}

// Profile returns the person's profile in the first language of c that
// has one, and that language; nil and "" when the person has none.
func (p *Person) Profile(c Chain) (*Markdown, string) {
	for _, lang := range c {
		if md := p.Profiles[lang]; md != nil {
			return md, lang
		}
	}
	return nil, ""
}

// fieldLines are where a case file gives the fields that may need
// translating.
type fieldLines struct{ occupation, region, groups, tags int32 }

// Charge is one criminal charge as the sources word it.
type Charge struct {
	Article string // optional, e.g. "art. 174"
	Text    Text
	Line    int // of the charge in case.yaml, for messages
}

// Event is one dated fact in a person's case.
type Event struct {
	Date     date.Date
	Type     EventType
	Text     Text
	Court    string
	Judge    string
	Facility string
	By       string    // who recognized or delisted, on recognized and delisted
	Sentence *Sentence // only on sentenced, sentence_changed and appeal
	Sources  []string  // source ids
	Line     int       // of the event in case.yaml, for messages and tie-breaks
	Index    int       // position in the file's events list
}

// eventPos is where an event's date and source ids are in its file, for
// messages. They are kept beside the events, not in them, so that a build
// can let go of them once the content is checked (see
// [Content.DropPositions]): in each event they made it 240 bytes, not 208,
// and the source ids' 16 more.
type eventPos struct {
	date    [2]int32   // line and column of the date
	sources [][2]int32 // line and column of each source id
}

// Sentence is a court's sentence as an event records it.
type Sentence struct {
	Kind   SentenceKind
	Term   date.Term // zero when not given
	Amount Text      // e.g. for a fine: "56,000 tenge"
}

// Text is content text that may be given in several languages. In YAML it
// is either a plain string, in the default language, or a map from language
// code to text that includes the default language:
//
//	text: The court sentences him to seven years in prison.
//	text:
//	  en: The court sentences him to seven years in prison.
//	  ru: Суд приговаривает его к семи годам лишения свободы.
type Text struct {
	Default string       // in the site's default language; never empty once loaded
	Other   Translations // the other languages' texts, only where given
}

// Translations are a text's other languages, in the order of their codes.
// A site has two or three languages, so they are a short list, not a map:
// at 10,000 people the maps were a seventh of the live heap (32.5 of 222
// MB), the lists are 6 MB.
type Translations []Translation

// Translation is a text in one language.
type Translation struct{ Lang, Text string }

// Get returns the text in lang; ok reports whether there is one.
func (ts Translations) Get(lang string) (s string, ok bool) {
	for _, t := range ts {
		if t.Lang == lang {
			return t.Text, true
		}
	}
	return "", false
}

// Set returns ts with the text in lang set to s, kept in code order.
func (ts Translations) Set(lang, s string) Translations {
	i, found := slices.BinarySearchFunc(ts, lang, func(t Translation, lang string) int { return strings.Compare(t.Lang, lang) })
	if found {
		ts[i].Text = s
		return ts
	}
	return slices.Insert(ts, i, Translation{lang, s})
}

// TranslationsOf returns the texts of m (language -> text) as Translations.
func TranslationsOf(m map[string]string) Translations {
	if len(m) == 0 {
		return nil
	}
	ts := make(Translations, 0, len(m))
	for _, lang := range slices.Sorted(maps.Keys(m)) {
		ts = append(ts, Translation{lang, m[lang]})
	}
	return ts
}

// Pick returns the text in the first language of c that it is given in,
// and that language: the default-language text when it has none of the
// others.
func (t Text) Pick(c Chain) (s, lang string) {
	for _, l := range c[:max(len(c)-1, 0)] {
		if s, ok := t.Other.Get(l); ok {
			return s, l
		}
	}
	return t.Default, c.Default()
}

// Has reports whether the text is given in lang itself, def being the
// site's default language.
func (t Text) Has(lang, def string) bool {
	if lang == def {
		return t.Default != ""
	}
	_, ok := t.Other.Get(lang)
	return ok
}

// String returns the default-language text.
func (t Text) String() string { return t.Default }

// IsZero reports whether no text is given.
func (t Text) IsZero() bool { return t.Default == "" && len(t.Other) == 0 }

// Source is a document that events cite.
type Source struct {
	ID         string
	Title      string
	Publisher  string
	Date       date.Date
	URL        string
	ArchiveURL string
	Lang       string
	Path       string
	Line       int
	col        int
}

// Page is a free page such as about or methodology.
type Page struct {
	Name        string // file name without extension and language, used in URLs
	Lang        string
	Title       string
	Description string
	Menu        int // position in the main navigation; 0 = not in it
	Draft       bool
	Body        *Markdown
}

// Markdown is a Markdown file's body and where it comes from.
type Markdown struct {
	Path string
	Line int // the line of the file on which Source starts
	// Source is the body, or nil once [Content.DropProfiles] dropped it;
	// [Markdown.Read] reads it again then.
	Source []byte
	// sum is the SHA-256 of Source as it was loaded and checked, so that
	// a profile read again is known to be the same (see Read), and a
	// page's key (package site) changes with it when Source is dropped.
	sum     [sha256.Size]byte
	dropped bool
}

// newMarkdown is a Markdown with its sum.
func newMarkdown(p string, line int, src []byte) *Markdown {
	return &Markdown{Path: p, Line: line, Source: src, sum: sha256.Sum256(src)}
}

// Sum returns the SHA-256 of the body as loaded, whether or not it is
// still held.
func (md *Markdown) Sum() [sha256.Size]byte { return md.sum }

// Read returns the body: Source, or, once dropped, the file read again
// from fsys, the site folder it was loaded from. A file that changed
// since it was loaded is an error, since only the loaded bytes passed the
// checks of Markdown.
func (md *Markdown) Read(fsys fs.FS) ([]byte, error) {
	if !md.dropped {
		return md.Source, nil
	}
	data, err := fs.ReadFile(fsys, md.Path)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read the file again: %w", md.Path, err)
	}
	src := trimBOM(data)
	if sha256.Sum256(src) != md.sum {
		return nil, fmt.Errorf("%s changed during the build; build again", md.Path)
	}
	return src, nil
}

// DropPositions lets go of where each event's date and source ids are in
// its file, which only the checks of loading use, for their messages: a
// build needs them no more once [CheckDates] passed. They were 48 bytes of
// every event (a build of 30,000 people has 254,000).
func (c *Content) DropPositions() {
	for _, p := range c.People {
		p.eventPos = nil
	}
}

// DropProfiles lets go of the bodies of the people's profiles, which
// [Markdown.Read] reads again from the site folder when a page shows them:
// held all the time a build renders, they were 34.5 MB of the 397 MB live
// heap of a build of 30,000 people, and the heap's peak is about twice
// the live heap. Free pages are few and are kept.
func (c *Content) DropProfiles() {
	for _, p := range c.People {
		for _, md := range p.Profiles {
			md.Source, md.dropped = nil, true
		}
	}
}

// EventType is the kind of an event; see [EventTypes].
type EventType string

// The event types of the format. Their effect on status is package
// register's; the set is the format's.
const (
	Detained        EventType = "detained"
	HouseArrest     EventType = "house_arrest"
	Restricted      EventType = "restricted"
	Sentenced       EventType = "sentenced"
	SentenceChanged EventType = "sentence_changed"
	Appeal          EventType = "appeal"
	Released        EventType = "released"
	Acquitted       EventType = "acquitted"
	Pardoned        EventType = "pardoned"
	Amnesty         EventType = "amnesty"
	Died            EventType = "died"
	Recognized      EventType = "recognized"
	Delisted        EventType = "delisted"
	Charged         EventType = "charged"
	Trial           EventType = "trial"
	HungerStrike    EventType = "hunger_strike"
	Health          EventType = "health"
	Transferred     EventType = "transferred"
	Confirmed       EventType = "confirmed"
	Other           EventType = "other"
)

// EventTypes lists every event type in the order of the format's table.
var EventTypes = []EventType{
	Detained, HouseArrest, Restricted, Sentenced, SentenceChanged, Appeal,
	Released, Acquitted, Pardoned, Amnesty, Died, Recognized, Delisted,
	Charged, Trial, HungerStrike, Health, Transferred, Confirmed, Other,
}

// CarriesSentence reports whether an event of type t may have a sentence.
func (t EventType) CarriesSentence() bool {
	return t == Sentenced || t == SentenceChanged || t == Appeal
}

// CarriesBy reports whether an event of type t may name who took the step.
func (t EventType) CarriesBy() bool {
	return t == Recognized || t == Delisted
}

// SentenceKind is the kind of punishment a sentence imposes.
type SentenceKind string

// The sentence kinds of the format.
const (
	Prison            SentenceKind = "prison"
	RestrictedFreedom SentenceKind = "restricted_freedom"
	Suspended         SentenceKind = "suspended"
	Probation         SentenceKind = "probation"
	Fine              SentenceKind = "fine"
	TimeServed        SentenceKind = "time_served"
	NoPunishment      SentenceKind = "none"
)

// SentenceKinds lists every sentence kind.
var SentenceKinds = []SentenceKind{Prison, RestrictedFreedom, Suspended, Probation, Fine, TimeServed, NoPunishment}

// Status is where a person stands at a date: the format names the statuses
// so that site.yaml can choose which of them make the current list.
type Status string

// The statuses of the format.
const (
	Free              Status = "free"
	PretrialDetention Status = "pretrial_detention"
	HouseArrested     Status = "house_arrest"
	Imprisoned        Status = "imprisoned"
	RestrictedStatus  Status = "restricted"
	Dead              Status = "died"
)

// Statuses lists every status, most severe custody first.
var Statuses = []Status{Imprisoned, PretrialDetention, HouseArrested, RestrictedStatus, Free, Dead}

// DefaultCurrentStatuses are the statuses on the current list when site.yaml
// does not say.
var DefaultCurrentStatuses = []Status{PretrialDetention, HouseArrested, Imprisoned}

// DefaultConfirmWithin is how recent, unless site.yaml says otherwise, the
// latest source on a person held must be for the register to count them
// as held today: a year, the rhythm in which registers such as Viasna's and
// Memorial's re-issue their lists.
var DefaultConfirmWithin = date.Term{Years: 1}

// Names returns the values of a list of format words (event types,
// statuses) as strings, for messages and choices.
func Names[T ~string](list []T) []string {
	out := make([]string, len(list))
	for i, x := range list {
		out[i] = string(x)
	}
	return out
}
