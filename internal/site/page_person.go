package site

import (
	"html/template"

	"github.com/tizim/tizim/internal/content"
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
	Label string            // the event type's label, see [Page.EventType]
	Text  template.HTML     // the event's text, see [Page.Local]
	Cites []Cite            // the sources cited, see [Page.Cites]
}

// Cite is a reference to one of the person's sources.
type Cite struct {
	N     int           // the source's number in the page's list of sources
	Label template.HTML // "Source 3", for screen readers
}

// Events lists the timeline of the page's person, as the page shows it.
func (pg *Page) Events() ([]TimelineEvent, error) {
	p := pg.Person
	out := make([]TimelineEvent, len(p.Timeline))
	var labels []template.HTML // by source number; a source is often cited more than once
	for i, e := range p.Timeline {
		nums := pg.Cites(e)
		cites := make([]Cite, len(nums))
		for j, n := range nums {
			for len(labels) <= n {
				labels = append(labels, "")
			}
			if labels[n] == "" {
				l, err := pg.t("person.source_n", "n", n)
				if err != nil {
					return nil, err
				}
				labels[n] = l
			}
			cites[j] = Cite{N: n, Label: labels[n]}
		}
		out[i] = TimelineEvent{
			Event: e,
			Type:  e.Type,
			ID:    pg.EventID(p, e),
			Date:  pg.Time(e.Date),
			Label: pg.EventType(e.Type),
			Text:  pg.Local(e.Text),
			Cites: cites,
		}
	}
	return out, nil
}
