package site

import (
	"html/template"
	"strings"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
)

// TimelineEvent is one event of a person's timeline with what the person
// page shows of it computed in Go: one call per page, instead of a method
// call for every value of every event, which text/template makes through
// reflection and which was most of the cost of rendering a person page.
type TimelineEvent struct {
	Event *content.Event    // the event itself, for what else a theme shows
	Type  content.EventType // for the class
	ID    string            // the anchor, see [Page.EventID]
	Date  template.HTML     // a <time> element, see [Page.Time]
	Label string            // what the event did, see [Page.EventLabel]
	Text  template.HTML     // the event's text, see [Page.Local]
	Cites template.HTML     // a link to each source cited (template "cite"), see [Page.Cites]
}

// Events lists the timeline of the page's person, as the page shows it.
func (pg *Page) Events() ([]TimelineEvent, error) {
	p := pg.Person
	out := make([]TimelineEvent, len(p.Timeline))
	var links []template.HTML // by source number; a source is often cited more than once
	var b strings.Builder
	acts := register.Acts(p)
	for i, e := range p.Timeline {
		b.Reset()
		for _, n := range pg.Cites(e) {
			for len(links) <= n {
				links = append(links, "")
			}
			if links[n] == "" {
				h, err := pg.fragment("person.html", "cite", n, func(sp *Page) any { return citeData{sp, n} })
				if err != nil {
					return nil, err
				}
				links[n] = h
			}
			b.WriteString(string(links[n]))
		}
		out[i] = TimelineEvent{
			Event: e,
			Type:  e.Type,
			ID:    pg.EventID(p, e),
			Date:  pg.Time(e.Date),
			Label: pg.text(acts[i], 0),
			Text:  pg.local(e.Text),
			// Safe: fragments of html/template's output.
			Cites: template.HTML(b.String()),
		}
	}
	return out, nil
}

// citeData is what template "cite" sees: the page and the number of the
// source, the same for every page that cites source N.
type citeData struct {
	Page *Page
	N    int
}

// Citation is one entry of the list of a person's sources.
type Citation struct {
	N      int             // its number, which the timeline's links cite
	Source *content.Source // the source itself, for what else a theme shows
	Entry  template.HTML   // the source rendered with template "source"
}

// Sources lists the sources of the page's person, in the order of their
// numbers. A source is often cited by many people, and each entry is
// rendered once per language and reused.
func (pg *Page) Sources() ([]Citation, error) {
	out := make([]Citation, len(pg.Person.Citations))
	for i, s := range pg.Person.Citations {
		h, err := pg.fragment("person.html", "source", s, func(sp *Page) any { return sourceData{sp, s} })
		if err != nil {
			return nil, err
		}
		out[i] = Citation{N: i + 1, Source: s, Entry: h}
	}
	return out, nil
}

// sourceData is what template "source" sees: the page and the source.
type sourceData struct {
	Page *Page
	S    *content.Source
}
