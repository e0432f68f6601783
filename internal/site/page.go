package site

import (
	"cmp"
	"encoding/json"
	"fmt"
	"html/template"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/date"
	"github.com/tizim/tizim/internal/export"
	"github.com/tizim/tizim/internal/i18n"
	"github.com/tizim/tizim/internal/register"
)

// Page is what a template sees: the register, the page's own subject, and
// methods for links and language-dependent text.
type Page struct {
	site        *Site
	Lang        string
	Path        string // site path with the language prefix, e.g. "ru/people/x/"
	Rel         string // the same without the language prefix, e.g. "people/x/"
	Title       string // "" on the home page
	Description string
	Reg         *register.Register

	Person       *register.Person // person.html
	Group        *register.Group  // group.html
	Groups       []*register.Group
	GroupDir     string // "groups/" or "regions/"
	GroupsTitle  string
	FreePage     *content.Page      // page.html
	Chunk        []*register.Person // the people a list page shows (see Pager)
	Pager        *Pager
	Changes      []ChangeMonth // changes.html
	ChangeMonths []ChangeMonth // the months of a year too long for one page
	ChangeYears  []ChangeYear
	ChangeYear   string        // the year a year page shows, "" on /changes/
	Kind         string        // Open Graph type: "website" or "profile"
	DataFiles    []export.File // data.html
	NoSearchForm bool          // the page has its own search form (search.html)

	listFilters func() []FilterField // the whole list's filters (see ListFilters)
	listLetters func() []listLetter  // where each letter begins (see AlphabetLinks)

	shared bool   // the page a shared template sees (see Shared)
	root   string // Root(""), once computed, for the keys of shared fragments
}

func (s *Site) newPage(lang, p string) *Page {
	desc, _ := s.reg.Site.Description.Pick(s.chain(lang))
	return &Page{site: s, Lang: lang, Path: s.urls.LangPath(lang, p), Rel: p, Description: desc, Reg: s.reg}
}

// SiteTitle is the site's title in the page's language, as plain text.
func (pg *Page) SiteTitle() string {
	t, _ := pg.Reg.Site.Title.Pick(pg.chain())
	return t
}

// File is the output file the page is written to.
func (pg *Page) File() string {
	if pg.Path == "" || strings.HasSuffix(pg.Path, "/") {
		return pg.Path + "index.html"
	}
	return pg.Path
}

// URL returns the link to site path p (without a leading slash) in the
// page's language.
func (pg *Page) URL(p string) string {
	return pg.site.urls.Link(pg.Path, pg.site.urls.LangPath(pg.Lang, p))
}

// Canonical is the page's absolute address.
func (pg *Page) Canonical() string { return pg.site.urls.Abs(pg.Path) }

// Alternate is the same page in another language.
type Alternate struct {
	Lang    string
	Name    string // the language's name in itself
	URL     string // root-relative, for the language menu
	Abs     string // absolute, for hreflang links
	Current bool
}

// Alternates lists the page in every language of the site, the default
// first. The 404 page has none: it is served for every language.
func (pg *Page) Alternates() []Alternate {
	if pg.Rel == "404.html" {
		return nil
	}
	var out []Alternate
	for _, lang := range pg.Reg.Site.Languages {
		p := pg.site.urls.LangPath(lang, pg.Rel)
		out = append(out, Alternate{
			Lang:    lang,
			Name:    pg.site.strings.Text(lang, "language.name", 0),
			URL:     pg.site.urls.Link(pg.Path, p),
			Abs:     pg.site.urls.Abs(p),
			Current: lang == pg.Lang,
		})
	}
	return out
}

// DefaultURL is the absolute address of the page in the default language,
// for hreflang="x-default".
func (pg *Page) DefaultURL() string { return pg.site.urls.Abs(pg.Rel) }

// Asset returns the link to a static file.
func (pg *Page) Asset(name string) string { return pg.site.asset(pg.Path, name) }

// Is reports whether the page is path p or below it, for marking the
// current section in the navigation.
func (pg *Page) Is(p string) (bool, error) {
	if err := pg.isShared(p); err != nil {
		return false, err
	}
	if p == "" {
		return pg.Rel == "", nil
	}
	return strings.HasPrefix(pg.Rel, p), nil
}

// T returns the interface text key in the page's language with its
// placeholders filled from name, value pairs: T "footer.as_of" "date" d.
// Values are escaped unless they are template.HTML; a date.Date becomes a
// <time> element, content.Text the text in the page's language, an int a
// number written the language's way. An int named "n" also picks the
// plural form.
func (pg *Page) T(key string, args ...any) (template.HTML, error) {
	if len(args) == 0 { // most calls: the same text on every page
		ck := pg.Lang + "\x00" + key
		if h, ok := pg.site.plain.Load(ck); ok {
			return h.(template.HTML), nil
		}
		h, err := pg.t(key)
		if err == nil {
			pg.site.plain.Store(ck, h)
		}
		return h, err
	}
	return pg.t(key, args...)
}

func (pg *Page) t(key string, args ...any) (template.HTML, error) {
	if len(args)%2 != 0 {
		return "", fmt.Errorf("T %q: placeholders need name, value pairs", key)
	}
	n := 0
	vals := make(map[string]template.HTML, len(args)/2)
	for i := 0; i < len(args); i += 2 {
		name, ok := args[i].(string)
		if !ok {
			return "", fmt.Errorf("T %q: placeholder name %v is not text", key, args[i])
		}
		switch v := args[i+1].(type) {
		case template.HTML:
			vals[name] = v
		case string:
			vals[name] = template.HTML(template.HTMLEscapeString(v))
		case int:
			vals[name] = template.HTML(pg.Num(v))
			if name == "n" {
				n = v
			}
		case date.Date:
			vals[name] = pg.Time(v)
		case content.Text:
			vals[name] = pg.local(v)
		default:
			return "", fmt.Errorf("T %q: cannot show a %T in placeholder %s", key, v, name)
		}
	}
	msg := pg.site.strings.Text(pg.Lang, key, n)
	var b strings.Builder
	for {
		i := strings.IndexByte(msg, '{')
		j := strings.IndexByte(msg[max(i, 0):], '}')
		if i < 0 || j < 0 {
			break
		}
		name := msg[i+1 : i+j]
		v, ok := vals[name]
		if !ok {
			return "", fmt.Errorf("T %q: the text has {%s}, which the template does not fill", key, name)
		}
		b.WriteString(template.HTMLEscapeString(msg[:i]))
		b.WriteString(string(v))
		msg = msg[i+j+1:]
	}
	b.WriteString(template.HTMLEscapeString(msg))
	return template.HTML(b.String()), nil
}

// Raw is interface text with its placeholders left in, for scripts that
// fill them in the browser.
func (pg *Page) Raw(key string) string { return pg.site.strings.Text(pg.Lang, key, 0) }

// Strong wraps text (escaped unless it is already HTML) in <strong>, for
// a placeholder of T that needs emphasis.
func (pg *Page) Strong(x any) template.HTML { return "<strong>" + htmlOf(x) + "</strong>" }

// Link is a link to site path p in the page's language with the given
// text, for a placeholder of T that is a link.
func (pg *Page) Link(p string, x any) template.HTML {
	return template.HTML(`<a href="`+template.HTMLEscapeString(pg.URL(p))+`">`) + htmlOf(x) + "</a>"
}

func htmlOf(x any) template.HTML {
	if h, ok := x.(template.HTML); ok {
		return h
	}
	return template.HTML(template.HTMLEscapeString(fmt.Sprint(x)))
}

// text is T for Go code: the plain message with placeholders filled.
func (pg *Page) text(key string, n int, repl ...string) string {
	return fill(pg.site.strings.Text(pg.Lang, key, n), repl...)
}

// fill replaces the placeholders of msg that repl names, in pairs of a
// placeholder ("{name}") and its value, in one pass: what
// strings.NewReplacer(repl...).Replace(msg) does with such pairs, without
// building a Replacer, which for Sentence, called for every row of every
// table, was 1.6% of the CPU of a build of 10,000 people.
func fill(msg string, repl ...string) string {
	if len(repl) == 0 || !strings.Contains(msg, "{") {
		return msg
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(msg, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(msg[i:], '}')
		if j < 0 {
			break
		}
		k := 0
		for k+1 < len(repl) && repl[k] != msg[i:i+j+1] {
			k += 2
		}
		if k+1 >= len(repl) { // not a placeholder of repl: the brace stays
			b.WriteString(msg[:i+1])
			msg = msg[i+1:]
			continue
		}
		b.WriteString(msg[:i])
		b.WriteString(repl[k+1])
		msg = msg[i+j+1:]
	}
	b.WriteString(msg)
	return b.String()
}

// Num writes a whole number the language's way (see [i18n.Number]): 12,345
// in English, 12 345 (with a no-break space) in Russian and Kazakh.
func (pg *Page) Num(n int) string { return i18n.Number(pg.Lang, n) }

// Time is a date as a <time> element, formatted for the page's language.
func (pg *Page) Time(d date.Date) template.HTML {
	if d.IsZero() {
		return ""
	}
	return template.HTML(`<time datetime="` + d.ISO() + `">` + template.HTMLEscapeString(pg.Date(d)) + `</time>`)
}

// Date formats a date for the page's language.
func (pg *Page) Date(d date.Date) string { return d.Format(pg.site.strings.Locale(pg.Lang)) }

// AsOf is the site's date.
func (pg *Page) AsOf() date.Date { return date.Of(pg.Reg.AsOf) }

// ConfirmedRange says when the people's statuses were last confirmed: one
// date, or the oldest and the newest joined by a dash; "" for none.
func (pg *Page) ConfirmedRange(people []*register.Person) string {
	oldest, newest := register.ConfirmedRange(people)
	switch {
	case oldest.IsZero():
		return ""
	case oldest == newest:
		return pg.Date(oldest)
	}
	return pg.Date(oldest) + " – " + pg.Date(newest)
}

// Term formats a sentence term.
func (pg *Page) Term(t date.Term) string { return t.Format(pg.site.strings.Locale(pg.Lang)) }

// Status is the label of a status.
func (pg *Page) Status(s content.Status) string { return pg.text("status."+string(s), 0) }

// EventType is the label of an event type.
func (pg *Page) EventType(t content.EventType) string { return pg.text("event."+string(t), 0) }

// EventLabel is the label that names what event e of person p did, from
// its type, its sentence and the sentence in force before it (see
// [register.Act]): "Sentence reduced on appeal", "Court ruling".
func (pg *Page) EventLabel(p *register.Person, e *content.Event) string {
	return pg.text(register.Act(p, e), 0)
}

// Sentence describes a sentence: "7 years in prison", "fine of 56,000
// tenge", "suspended sentence of 6 years". An amount in another language
// than the page's is marked as [Page.Local] marks it.
func (pg *Page) Sentence(s *content.Sentence) template.HTML {
	if s == nil {
		return ""
	}
	key := "sentence." + string(s.Kind)
	if !s.Term.IsZero() {
		key += ".term"
	}
	amount, lang := s.Amount.Pick(pg.chain())
	if amount != "" {
		key += ".amount"
	}
	msg := template.HTMLEscapeString(pg.text(key, 0))
	return template.HTML(fill(msg, "{term}", template.HTMLEscapeString(pg.Term(s.Term)), "{amount}", string(pg.marked(amount, lang, true))))
}

// Local returns content text (a [content.Text]), or a name that content
// writes in the default language (a region, group, tag, court, facility,
// who recognized someone), in the first language of the page's chain that
// has it (see [content.Settings.Chain]). Text in another language than the
// page's is marked twice: with its lang attribute, so that screen readers
// pronounce it right, and with a visible note after it in the page's
// language ([Page.FallbackNote]).
func (pg *Page) Local(x any) (template.HTML, error) {
	switch v := x.(type) {
	case content.Text:
		return pg.local(v), nil
	case string:
		s, lang := pg.Reg.Site.Name(v, pg.chain())
		return pg.marked(s, lang, true), nil
	}
	return "", fmt.Errorf("Local: cannot show a %T; it shows content text or a name from content", x)
}

// local is Local for content text.
func (pg *Page) local(t content.Text) template.HTML {
	s, lang := t.Pick(pg.chain())
	return pg.marked(s, lang, true)
}

// marked returns s, in lang, as HTML: as it is in the page's language,
// else in a span with its lang attribute and, when note, the visible
// note that it is not translated yet.
func (pg *Page) marked(s, lang string, note bool) template.HTML {
	h := template.HTMLEscapeString(s)
	if lang == pg.Lang || s == "" {
		return template.HTML(h)
	}
	h = `<span lang="` + lang + `">` + h + `</span>`
	if note {
		h += ` <small class="fallback">` + string(pg.FallbackNote(lang)) + `</small>`
	}
	return template.HTML(h)
}

// FallbackNote says, in the page's language, that a text is shown in lang
// because it is not translated into the page's language yet: "In Russian
// — not yet translated into English". It is "" when lang is the page's.
func (pg *Page) FallbackNote(lang string) template.HTML {
	if lang == pg.Lang || lang == "" {
		return ""
	}
	key := pg.Lang + "\x00language.fallback\x00" + lang
	if h, ok := pg.site.plain.Load(key); ok {
		return h.(template.HTML)
	}
	// The language as the page's language names it ("Орысша"), or, where
	// its i18n file has no word for it, its own name ("Русский").
	name := pg.site.strings.Text(pg.Lang, "language.in."+lang, 0)
	if name == "language.in."+lang {
		name = pg.site.strings.Text(lang, "language.name", 0)
	}
	h := template.HTML(template.HTMLEscapeString(pg.text("language.fallback", 0, "{language}", name)))
	pg.site.plain.Store(key, h)
	return h
}

// Translate returns a name that content writes in the default language
// (a region, group, tag, court or facility) in the first language of the
// page's chain that site.yaml's translations give it in, or the name
// itself; in another language than the page's, with its lang attribute
// only, for tables, lists and filters. [Page.Local] also marks it
// visibly.
func (pg *Page) Translate(name string) template.HTML {
	s, lang := pg.Reg.Site.Name(name, pg.chain())
	return pg.marked(s, lang, false)
}

// chain is where the page's texts are looked for: its language, its
// fallbacks, the default language.
func (pg *Page) chain() content.Chain { return pg.site.chain(pg.Lang) }

// Markdown renders a profile or free page body, with headings at least at
// minLevel.
func (pg *Page) Markdown(md *content.Markdown, minLevel int) (template.HTML, error) {
	return pg.site.markdown(md, pg.Path, pg.Lang, minLevel)
}

// Profile returns the person's profile in the first language of the
// page's chain that has one (see [content.Settings.Chain]), or nil.
func (pg *Page) Profile() *content.Markdown {
	md, _ := pg.Person.Profile(pg.chain())
	return md
}

// ProfileLang is the language of the profile [Page.Profile] returns.
func (pg *Page) ProfileLang() string {
	_, lang := pg.Person.Profile(pg.chain())
	return lang
}

// PhotoURL is the link to the person's published photo, or "".
func (pg *Page) PhotoURL(p *register.Person) string {
	if p.Photo == "" {
		return ""
	}
	return pg.site.urls.Link(pg.Path, photoPath(p))
}

// EditURL is the link to edit a file in the content repository, or "".
func (pg *Page) EditURL(file string) string {
	s := pg.Reg.Site
	if s.RepoURL == "" {
		return ""
	}
	return s.RepoURL + "/edit/" + s.RepoBranch + "/" + file
}

// HistoryURL is the link to the history of a person's folder in the
// content repository ("how this record changed"), or "".
func (pg *Page) HistoryURL(p *register.Person) string {
	s := pg.Reg.Site
	if s.RepoURL == "" {
		return ""
	}
	return s.RepoURL + "/commits/" + s.RepoBranch + "/" + path.Dir(p.Path)
}

// Changed is the day the person's record last changed, or the zero Date
// when the site was not built from a git checkout.
func (pg *Page) Changed(p *register.Person) date.Date {
	if p.Changed.IsZero() {
		return date.Date{}
	}
	return date.Of(p.Changed)
}

// Name is a person's name in the first language of the page's chain that
// names: gives it in; in another language than the page's, with its lang
// attribute.
func (pg *Page) Name(p *register.Person) template.HTML {
	n, lang := p.NameIn(pg.chain())
	return pg.marked(n, lang, false)
}

// name is a person's name as [Page.Name] picks it, as plain text.
func (pg *Page) name(p *register.Person) string { return pg.site.name(p, pg.Lang) }

// NameIn is a name and the language it is written in ("" for aliases,
// which may be in any).
type NameIn struct{ Lang, Name string }

// OtherNames lists the person's names other than the one the page shows:
// the name in each other language, where it differs, then the aliases.
func (pg *Page) OtherNames(p *register.Person) []NameIn {
	shown := pg.name(p)
	var out []NameIn
	seen := map[string]bool{shown: true}
	for i, lang := range pg.Reg.Site.Languages {
		n := p.Names[lang]
		if i == 0 {
			n = p.Name // name:, in the default language
		}
		if n != "" && !seen[n] {
			seen[n] = true
			out = append(out, NameIn{lang, n})
		}
	}
	// Names in languages the site is not written in come after, in the
	// order of their language codes.
	for _, lang := range slices.Sorted(maps.Keys(p.Names)) {
		if n := p.Names[lang]; n != "" && !seen[n] && !slices.Contains(pg.Reg.Site.Languages, lang) {
			seen[n] = true
			out = append(out, NameIn{lang, n})
		}
	}
	for _, a := range p.Aliases {
		if !seen[a] {
			seen[a] = true
			out = append(out, NameIn{"", a})
		}
	}
	return out
}

// Sorted returns people in the alphabetical order of their names in the
// page's language.
func (pg *Page) Sorted(people []*register.Person) []*register.Person {
	return pg.site.sortedIn(pg.Lang, people)
}

// sortedIn returns people in the alphabetical order of lang.
func (s *Site) sortedIn(lang string, people []*register.Person) []*register.Person {
	r := s.rank(lang)
	out := slices.Clone(people)
	slices.SortFunc(out, func(a, b *register.Person) int { return cmp.Compare(r[a], r[b]) })
	return out
}

// EventID is the anchor of event e on person p's page.
//
// It is made anew at each call: kept for the whole build, the anchors of
// every person's events, which the change log lists, were 17 of 560 MB
// of the live heap at 30,000 people, and making one reads only the
// person's timeline.
func (pg *Page) EventID(p *register.Person, e *content.Event) string {
	return eventID(p, e)
}

// Letters returns the postal address, line by line, at which the page's
// person can be written to: that of the facility where they are held, when
// site.yaml lists it and they are in custody now.
func (pg *Page) Letters() []string { return pg.Reg.Letters(pg.Person) }

// OGImage is the absolute address of the page's picture for link
// previews: the person's photo, or "".
func (pg *Page) OGImage() string {
	if pg.Person == nil || pg.Person.Photo == "" {
		return ""
	}
	return pg.site.urls.Abs(photoPath(pg.Person))
}

// PersonJSONLD is the schema.org Person description of the page's person,
// for search engines. It has only what the page itself shows.
func (pg *Page) PersonJSONLD() (template.JS, error) {
	p := pg.Person
	v := personJSONLD{Context: "https://schema.org", Type: "Person", Name: pg.name(p), URL: pg.Canonical(), Image: pg.OGImage()}
	for _, n := range pg.OtherNames(p) {
		v.AlternateName = append(v.AlternateName, n.Name)
	}
	if !p.Born.IsZero() && !p.Born.Approximate && !p.Born.Uncertain {
		v.BirthDate = p.Born.ISO()
	}
	v.JobTitle, _ = p.Occupation.Pick(pg.chain())
	switch p.Gender {
	case "female":
		v.Gender = "Female"
	case "male":
		v.Gender = "Male"
	}
	// encoding/json escapes <, > and &, so nothing here can close the
	// script element.
	data, err := json.Marshal(v)
	return template.JS(data), err
}

// personJSONLD is what PersonJSONLD writes, its fields in the order of
// their names, as a map of them was written: a map, sorted for every
// page, was 1.5% of the CPU of a build of 10,000 people.
type personJSONLD struct {
	Context       string   `json:"@context"`
	Type          string   `json:"@type"`
	AlternateName []string `json:"alternateName,omitempty"`
	BirthDate     string   `json:"birthDate,omitempty"`
	Gender        string   `json:"gender,omitempty"`
	Image         string   `json:"image,omitempty"`
	JobTitle      string   `json:"jobTitle,omitempty"`
	Name          string   `json:"name"`
	URL           string   `json:"url"`
}

// Root returns the link to site path p outside any language, for files
// that exist once: the search index, data exports, photos.
func (pg *Page) Root(p string) string { return pg.site.urls.Link(pg.Path, p) }

// Cites returns the numbers under which the page's person lists the
// sources of event e, in ascending order.
func (pg *Page) Cites(e *content.Event) []int {
	var out []int
	for _, id := range e.Sources {
		if n := pg.Person.CitationNumber(id); n > 0 {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

// Letter is one section of an alphabet index.
type Letter struct {
	Letter string
	ID     string
	People []*register.Person
}

// Alphabet groups people (sorted by name) by the first letter of their name.
func (pg *Page) Alphabet(people []*register.Person) []Letter {
	var out []Letter
	for _, p := range people {
		l := pg.initial(p)
		if len(out) == 0 || out[len(out)-1].Letter != l {
			out = append(out, Letter{Letter: l, ID: "letter-" + strconv.Itoa(len(out)+1)})
		}
		out[len(out)-1].People = append(out[len(out)-1].People, p)
	}
	return out
}

// initial is the letter p's name is listed under, "#" if it starts with
// none.
func (pg *Page) initial(p *register.Person) string {
	for _, r := range pg.name(p) {
		if unicode.IsLetter(r) {
			return string(unicode.ToUpper(r))
		}
		break
	}
	return "#"
}

// LetterLink is a letter of the alphabet index and where its people begin.
type LetterLink struct {
	Letter string
	URL    string
}

// AlphabetLinks is the alphabet index of a list page: every letter of the
// whole list, also one split into pages, linked to the section on the page
// where its people begin, so that a reader can reach any name without
// search.
func (pg *Page) AlphabetLinks() []LetterLink {
	if pg.listLetters == nil {
		return nil // not a page of a list of people
	}
	var out []LetterLink
	for _, l := range pg.listLetters() {
		u := "#" + l.id
		if l.page != pg.Pager.Page {
			u = pg.URL(l.rel) + u
		}
		out = append(out, LetterLink{l.letter, u})
	}
	return out
}

// listLetter is where a letter's people begin in a list split into pages:
// the page's number and site path, and the section's id on it (as
// Alphabet numbers the page's sections).
type listLetter struct {
	letter, rel, id string
	page            int
}

// letterStarts finds the first person of each letter in sorted, the list
// at rel split into pages of PerPage, and the section that begins there.
func (pg *Page) letterStarts(rel string, sorted []*register.Person) []listLetter {
	var out []listLetter
	seen := make(map[string]bool)
	section, last := 0, ""
	for i, p := range sorted {
		l := pg.initial(p)
		if i%PerPage == 0 {
			section, last = 0, "" // a new page numbers its sections from 1
		}
		if l != last {
			section++
			last = l
		}
		if !seen[l] {
			seen[l] = true
			n := i/PerPage + 1
			out = append(out, listLetter{letter: l, rel: pagePath(rel, n), id: "letter-" + strconv.Itoa(section), page: n})
		}
	}
	return out
}

// Menu lists the free pages that ask to be in the main navigation, in
// their order.
func (pg *Page) Menu() []*content.Page {
	var out []*content.Page
	for _, fp := range pg.site.freePages(pg.Lang) {
		if fp.Menu > 0 {
			out = append(out, fp)
		}
	}
	slices.SortStableFunc(out, func(a, b *content.Page) int { return cmp.Compare(a.Menu, b.Menu) })
	return out
}

// Recent is the latest events across the register up to the site's date.
func (pg *Page) Recent(n int) []register.Entry { return pg.Reg.EventsUpTo(n) }

// Recognized is the person's latest recognition as of the site's date.
func (pg *Page) Recognized() *content.Event { return pg.Person.RecognizedBy(pg.Reg.AsOf) }
