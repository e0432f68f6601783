package site

import (
	"reflect"
	"slices"

	"github.com/tizim/tizim/internal/register"
)

// The theme's interface: what a template may use of the [*Page] it is
// given. docs/theme.md documents the same names (a test holds the two
// equal), and [LoadTheme] refuses a template that uses anything else, so
// that a fork's templates keep working when tizim changes what is not in
// the list. When a field or method of Page is renamed, this list, the
// templates and docs/theme.md are where the name changes.

// Scope says on which pages a name of the theme's interface has the same
// value, and so in which shared fragments (see [Page.Shared]) it may be
// used: a fragment is rendered once for many pages and sees only what
// they have in common.
type Scope int

const (
	// ScopePage is what only the page itself knows (its title, person,
	// list): empty or wrong in a fragment.
	ScopePage Scope = iota
	// ScopeSection is the same on every page of a language and section
	// ("people/"): usable in the fragments of .Shared and in "cite" and
	// "source".
	ScopeSection
	// ScopeLanguage is the same on every page of a language: usable in
	// every fragment, also "person-row", which every table of people of
	// the language shares.
	ScopeLanguage
)

// An APIName is a field or method of Page that templates may use.
type APIName struct {
	Name  string // as a template writes it after the dot: "Title", "T"
	Scope Scope  // where it may be used
	Doc   string // what it gives, in one line
}

// ThemeAPI is every field and method of Page a template may use, in the
// order of docs/theme.md.
var ThemeAPI = []APIName{
	// The site.
	{"Lang", ScopeLanguage, "the page's language code, e.g. \"en\""},
	{"Reg", ScopeLanguage, "the register (*register.Register): settings, everyone, the current list, groups, regions, events"},
	{"SiteTitle", ScopeLanguage, "the site's title in the page's language, as plain text"},
	{"AsOf", ScopeLanguage, "the site's date, the day the register is as of (date.Date)"},
	{"Menu", ScopeLanguage, "the free pages that ask to be in the main navigation, in their order"},
	{"HasZip", ScopeLanguage, "whether the site offers site.zip, its own files compressed, to read offline"},
	{"Recent", ScopeLanguage, "Recent n: the latest n events of the register up to the site's date"},
	{"Contact", ScopeLanguage, "how relatives and readers reach the maintainers (site.yaml's contact:), or nil"},
	{"Badge", ScopeLanguage, "the language's badge: its text and the addresses of badge.svg, count.json and the current list"},
	{"Shared", ScopeSection, "Shared name: template name, rendered once for every page of the language and section"},

	// This page.
	{"Path", ScopePage, "the page's site path with the language prefix, e.g. \"ru/people/x/\""},
	{"Rel", ScopePage, "the page's site path without the language prefix, e.g. \"people/x/\""},
	{"Title", ScopePage, "the page's title, as plain text; \"\" on the home page"},
	{"Description", ScopePage, "the page's description for search engines and link previews"},
	{"Kind", ScopePage, "the page's Open Graph type: \"profile\" on a person page, else \"\""},
	{"Canonical", ScopePage, "the page's absolute address"},
	{"Alternates", ScopePage, "the page in every language of the site, the default first; none on the 404 page"},
	{"DefaultURL", ScopePage, "the absolute address of the page in the default language"},
	{"OGImage", ScopePage, "the absolute address of the page's picture for link previews, or \"\""},
	{"Is", ScopeSection, "Is p: whether the page is site path p or below it"},
	{"NoSearchForm", ScopeSection, "whether the page has its own search form, so the header shows none"},

	// Links.
	{"URL", ScopeLanguage, "URL p: the link to site path p in the page's language"},
	{"Root", ScopeLanguage, "Root p: the link to site path p outside any language (search index, data files)"},
	{"Asset", ScopeLanguage, "Asset name: the link to static/name, with its fingerprint"},
	{"Link", ScopeLanguage, "Link p text: an <a> to site path p in the page's language, for a placeholder of T"},
	{"EditURL", ScopeLanguage, "EditURL file: the link to edit file in the content repository, or \"\""},
	{"PhotoURL", ScopeLanguage, "PhotoURL p: the link to person p's published photo, or \"\""},
	{"HistoryURL", ScopeLanguage, "HistoryURL p: the link to the history of person p's record, or \"\""},

	// Words, numbers and dates.
	{"T", ScopeLanguage, "T key name value ...: interface text in the page's language, placeholders filled"},
	{"Raw", ScopeLanguage, "Raw key: interface text with its placeholders left in, for scripts"},
	{"Strong", ScopeLanguage, "Strong x: x in <strong>, for a placeholder of T"},
	{"Num", ScopeLanguage, "Num n: a whole number written the language's way"},
	{"Time", ScopeLanguage, "Time d: a date as a <time> element in the page's language"},
	{"Date", ScopeLanguage, "Date d: a date as text in the page's language"},
	{"Term", ScopeLanguage, "Term t: a sentence's term as text"},
	{"Confirmation", ScopeLanguage, "the sentences that say how many on the current list are confirmed in custody and how many are not"},
	{"ConfirmedRange", ScopeLanguage, "ConfirmedRange people: when their statuses were last confirmed, one date or a range"},
	{"Status", ScopeLanguage, "Status s: the label of a status"},
	{"EventType", ScopeLanguage, "EventType t: the label of an event type"},
	{"EventLabel", ScopeLanguage, "EventLabel p e: what event e of person p did, named from its type and sentences"},
	{"Sentence", ScopeLanguage, "Sentence s: a sentence described in words"},
	{"Local", ScopeLanguage, "Local t: content text or a name from content in the page's language, or visibly marked in a fallback"},
	{"Translate", ScopeLanguage, "Translate name: a name from content in the page's language, or in a fallback with its lang"},
	{"FallbackNote", ScopeLanguage, "FallbackNote lang: the note that a text is shown in lang, not yet translated"},
	{"Markdown", ScopeLanguage, "Markdown md level: a profile or page body as HTML, headings at least at level"},

	// People.
	{"Name", ScopeLanguage, "Name p: person p's name in the page's language"},
	{"OtherNames", ScopeLanguage, "OtherNames p: p's names other than the one shown, with their languages"},
	{"Changed", ScopeLanguage, "Changed p: the day p's record last changed, or the zero date"},
	{"Sorted", ScopeLanguage, "Sorted people: people in the alphabetical order of the page's language"},
	{"Alphabet", ScopeLanguage, "Alphabet people: sorted people grouped by the first letter of their names"},
	{"EventID", ScopeLanguage, "EventID p e: the anchor of event e on p's page"},
	{"Row", ScopeLanguage, "Row p: the values by which a table row of p is filtered and sorted"},
	{"PersonRow", ScopeLanguage, "PersonRow p: the table row of p, template \"person-row\" rendered once"},
	{"PersonRows", ScopeLanguage, "PersonRows people: the table rows of people, each after a line break"},

	// A person's page.
	{"Person", ScopePage, "the person of a person page (*register.Person), else nil"},
	{"PersonJSONLD", ScopePage, "the person's schema.org description, for a <script type=\"application/ld+json\">"},
	{"Profile", ScopePage, "the person's profile in the first language of the page's chain that has one, or nil"},
	{"ProfileLang", ScopePage, "the language of the profile Profile gives"},
	{"Letters", ScopePage, "the lines of the address at which the person can be written to, or none"},
	{"Recognized", ScopePage, "the person's latest recognition as of the site's date, or nil"},
	{"Events", ScopePage, "the person's timeline as the page shows it"},
	{"Sources", ScopePage, "the person's sources, numbered, each rendered with template \"source\""},
	{"Cites", ScopePage, "Cites e: the numbers of the sources event e cites"},
	{"CustodyChart", ScopePage, "the person's time in custody as an SVG bar, or \"\""},
	{"CustodyDays", ScopePage, "how long the person has been in custody in all, in words"},

	// Lists of people, groups and regions.
	{"Chunk", ScopePage, "the people a list page shows, in the order of the page's language"},
	{"Pager", ScopePage, "the list page's place among the pages of its list (*Pager), or nil"},
	{"ListFilters", ScopePage, "the filters of a list page, with the whole list's choices and counts"},
	{"AlphabetLinks", ScopePage, "every letter of the whole list, linked to where its people begin"},
	{"Group", ScopePage, "the group or region of a group page (*register.Group), else nil"},
	{"Groups", ScopePage, "the groups or regions a groups page lists"},
	{"GroupDir", ScopePage, "\"groups/\" or \"regions/\" on their pages"},
	{"GroupsTitle", ScopePage, "the title of the groups or regions page, for a group page's breadcrumb"},

	// The change log.
	{"Changes", ScopePage, "the months of changes the page shows, newest first"},
	{"ChangeMonths", ScopePage, "the months of a year too long for one page, each linked to its own"},
	{"ChangeYears", ScopePage, "every year of the change log, newest first"},
	{"ChangeYear", ScopePage, "the year a year's page shows, \"\" on /changes/"},

	// Statistics.
	{"Stats", ScopeLanguage, "the register's statistics: Monthly, Statuses and the bars"},
	{"MonthlyChart", ScopeLanguage, "the current list month by month, stacked by status, as SVG"},
	{"BarsChart", ScopeLanguage, "BarsChart kind: the bar chart of kind region, charge, year or sentence, as SVG"},
	{"Bars", ScopeLanguage, "Bars kind: the data of a bar chart"},
	{"Label", ScopeLanguage, "Label kind bar: the name of a bar in the page's language"},
	{"MonthName", ScopeLanguage, "MonthName t: the month of t, as in \"March 2020\""},

	// Other pages.
	{"FreePage", ScopePage, "the free page of page.html (*content.Page): its Title, Lang and Body"},
	{"DataFiles", ScopePage, "the data files of data.html, with their columns"},
}

// goOnly are the exported fields and methods of Page that are for tizim's
// Go code, not for templates, with what a template uses instead.
var goOnly = map[string]string{
	"File":     "it is the file the page is written to; a template links with .Canonical or .URL",
	"Filters":  "it counts the choices of a list, which tizim does once for all its pages; a template uses .ListFilters",
	"BarLabel": "it gives a Go function; a template names a bar with .Label",
}

// A fragment is a template that Go code renders once and shares between
// pages, with what it is given.
type fragment struct {
	name  string // the template
	set   string // the page template whose set Go executes it in
	scope Scope  // the least scope of what it may use of the page
	// shared says which pages share one rendering, for messages.
	shared string
	// data is what it is given; nil for the page itself.
	data func(page view) view
}

// fragments are the templates Go code executes besides "base". Every
// template a page names with .Shared is also one (see sharedFragment).
var fragments = []fragment{
	{"person-row", "home.html", ScopeLanguage, "once for each person and language and reused in every table of people",
		func(page view) view {
			return dictView(map[string]view{"Page": page, "P": typeView[*register.Person](page)})
		}},
	{"cite", "person.html", ScopeSection, "once for each number of a source and language and reused on every person page",
		func(page view) view { return typeView[citeData](page) }},
	{"source", "person.html", ScopeSection, "once for each source and language and reused on every person page that cites it",
		func(page view) view { return typeView[sourceData](page) }},
}

// sharedFragment is the fragment a page renders with .Shared name.
func sharedFragment(name string) fragment {
	return fragment{name: name, set: "home.html", scope: ScopeSection, shared: "once for all the pages of a language and section (.Shared)"}
}

// pageType is the type of what templates are given.
var pageType = reflect.TypeFor[*Page]()

// themeAPI finds a name of ThemeAPI and the Go type it gives a template.
var themeAPI = func() map[string]apiEntry {
	m := make(map[string]apiEntry, len(ThemeAPI))
	for _, n := range ThemeAPI {
		t, ok := memberType(pageType, n.Name)
		if !ok {
			// A test keeps ThemeAPI and Page in step; a build must not
			// fail over a name that exists nowhere.
			continue
		}
		m[n.Name] = apiEntry{n, t}
	}
	return m
}()

type apiEntry struct {
	APIName
	typ reflect.Type
}

// apiNames lists the names of ThemeAPI, for suggestions.
func apiNames() []string {
	out := make([]string, len(ThemeAPI))
	for i, n := range ThemeAPI {
		out[i] = n.Name
	}
	return slices.Sorted(slices.Values(out))
}

// memberType returns the type of what field or method name of a value of
// type t gives a template: a field's type, a method's first result. ok is
// false when t has no exported field or method of that name.
func memberType(t reflect.Type, name string) (reflect.Type, bool) {
	for _, mt := range []reflect.Type{t, reflect.PointerTo(t)} {
		// A method of *T serves a T that text/template can address.
		if m, ok := mt.MethodByName(name); ok && m.IsExported() {
			if m.Type.NumOut() == 0 {
				return nil, true
			}
			return m.Type.Out(0), true
		}
	}
	st := t
	if st.Kind() == reflect.Pointer {
		st = st.Elem()
	}
	if st.Kind() == reflect.Struct {
		if f, ok := st.FieldByName(name); ok && f.IsExported() {
			return f.Type, true
		}
	}
	return nil, false
}

// members lists the exported fields and methods of values of type t, for
// suggestions.
func members(t reflect.Type) []string {
	seen := make(map[string]bool)
	for _, mt := range []reflect.Type{t, reflect.PointerTo(t)} {
		for i := range mt.NumMethod() {
			seen[mt.Method(i).Name] = true
		}
	}
	st := t
	if st.Kind() == reflect.Pointer {
		st = st.Elem()
	}
	if st.Kind() == reflect.Struct {
		for _, f := range reflect.VisibleFields(st) {
			if f.IsExported() {
				seen[f.Name] = true
			}
		}
	}
	var out []string
	for n := range seen {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}
