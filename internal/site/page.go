package site

import (
	"cmp"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/date"
	"github.com/tizim/tizim/internal/register"
)

// Page is what a template sees: the register, the page's own subject, and
// methods for links and language-dependent text.
type Page struct {
	site        *Site
	Lang        string
	Path        string // site path, e.g. "people/x/"
	Title       string // "" on the home page
	Description string
	Reg         *register.Register

	Person      *register.Person // person.html
	Group       *register.Group  // group.html
	Groups      []*register.Group
	GroupDir    string // "groups/" or "regions/"
	GroupsTitle string
	FreePage    *content.Page // page.html
}

func (s *Site) newPage(lang, p, title string) *Page {
	return &Page{site: s, Lang: lang, Path: s.urls.LangPath(lang, p), Title: title, Description: s.reg.Site.Description, Reg: s.reg}
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
	return pg.site.urls.Path(pg.site.urls.LangPath(pg.Lang, p))
}

// Canonical is the page's absolute address.
func (pg *Page) Canonical() string { return pg.site.urls.Abs(pg.Path) }

// Asset returns the link to a static file.
func (pg *Page) Asset(name string) string { return pg.site.asset(name) }

// Is reports whether the page is path p or below it, for marking the
// current section in the navigation.
func (pg *Page) Is(p string) bool {
	own := pg.site.urls.LangPath(pg.Lang, p)
	if p == "" {
		return pg.Path == own
	}
	return strings.HasPrefix(pg.Path, own)
}

// Date formats a date for the page's language.
func (pg *Page) Date(d date.Date) string { return d.Format(pg.Lang) }

// AsOf is the site's date, formatted.
func (pg *Page) AsOf() string { return date.Of(pg.Reg.AsOf).Format(pg.Lang) }

// AsOfISO is the site's date for <time datetime>.
func (pg *Page) AsOfISO() string { return pg.Reg.AsOf.Format(time.DateOnly) }

// Term formats a sentence term.
func (pg *Page) Term(t date.Term) string { return t.Format(pg.Lang) }

// Status is the label of a status.
func (pg *Page) Status(s content.Status) string { return label(pg.Lang, "status."+string(s)) }

// EventType is the label of an event type.
func (pg *Page) EventType(t content.EventType) string {
	return label(pg.Lang, "event."+string(t))
}

// Sentence describes a sentence: "7 years in prison", "fine of 56,000
// tenge", "suspended sentence of 6 years".
func (pg *Page) Sentence(s *content.Sentence) string {
	if s == nil {
		return ""
	}
	key := "sentence." + string(s.Kind)
	if !s.Term.IsZero() {
		key += ".term"
	}
	if s.Amount != "" {
		key += ".amount"
	}
	r := strings.NewReplacer("{term}", pg.Term(s.Term), "{amount}", s.Amount)
	return r.Replace(label(pg.Lang, key))
}

// Count says how many political prisoners there are, with the language's
// plural form.
func (pg *Page) Count(n int) string {
	key := "count.other"
	if n == 1 {
		key = "count.one"
	}
	return strings.ReplaceAll(label(pg.Lang, key), "{n}", strconv.Itoa(n))
}

// People says "1 person" or "N people".
func (pg *Page) People(n int) string {
	key := "people.other"
	if n == 1 {
		key = "people.one"
	}
	return strings.ReplaceAll(label(pg.Lang, key), "{n}", strconv.Itoa(n))
}

// Markdown renders a profile or free page body, with headings at least at
// minLevel.
func (pg *Page) Markdown(md *content.Markdown, minLevel int) (template.HTML, error) {
	return pg.site.markdown(md, minLevel)
}

// Profile returns the person's profile in the page's language, or in the
// default language when there is none yet.
func (pg *Page) Profile() *content.Markdown {
	if md := pg.Person.Profiles[pg.Lang]; md != nil {
		return md
	}
	return pg.Person.Profiles[pg.Reg.Site.Languages[0]]
}

// PhotoURL is the link to the person's published photo, or "".
func (pg *Page) PhotoURL(p *register.Person) string {
	if p.Photo == "" {
		return ""
	}
	return pg.URL("people/" + p.Slug + "/" + photoFile(p))
}

// EditURL is the link to edit a file in the content repository, or "".
func (pg *Page) EditURL(file string) string {
	s := pg.Reg.Site
	if s.RepoURL == "" {
		return ""
	}
	return s.RepoURL + "/edit/" + s.RepoBranch + "/" + file
}

// Name is a person's name in the page's language.
func (pg *Page) Name(p *register.Person) string {
	if n := p.Names[pg.Lang]; n != "" {
		return n
	}
	return p.Name
}

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
		l := "#"
		for _, r := range pg.Name(p) {
			if unicode.IsLetter(r) {
				l = string(unicode.ToUpper(r))
			}
			break
		}
		if len(out) == 0 || out[len(out)-1].Letter != l {
			out = append(out, Letter{Letter: l, ID: "letter-" + strconv.Itoa(len(out)+1)})
		}
		out[len(out)-1].People = append(out[len(out)-1].People, p)
	}
	return out
}

// Menu lists the free pages that ask to be in the main navigation, in
// their order.
func (pg *Page) Menu() []*content.Page {
	var out []*content.Page
	for _, fp := range pg.Reg.Pages {
		if fp.Lang == pg.Lang && fp.Menu > 0 {
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

// Label returns a UI string of the page's language.
func (pg *Page) Label(key string) string { return label(pg.Lang, key) }
