package site

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/date"
	"github.com/tizim/tizim/internal/register"
)

// This file renders the site's files that are not HTML pages: the Atom
// feed of each language, the sitemap and robots.txt.

// feedSize is how many of the latest events a feed carries.
const feedSize = 50

type atomFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string   `xml:"xml:lang,attr"`
	Title   string   `xml:"title"`
	// Subtitle is the register's headline as of its date: how many are
	// confirmed in custody, and how many more are not (see headline).
	Subtitle string      `xml:"subtitle,omitempty"`
	ID       string      `xml:"id"`
	Updated  string      `xml:"updated"`
	Links    []atomLink  `xml:"link"`
	Author   atomAuthor  `xml:"author"`
	Entries  []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
	Type string `xml:"type,attr,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Link    atomLink `xml:"link"`
	Summary string   `xml:"summary"`
}

// feed writes <lang>/feed.xml: the latest events up to the site's date,
// each linking to its place on the person's timeline. Entry dates are the
// events' own (their earliest possible day), never the build's time, so
// that an unchanged register gives an unchanged feed.
func (s *Site) feed(w Writer, lang string) error {
	pg := s.newPage(lang, "feed.xml")
	f := atomFeed{
		Lang:     lang,
		Title:    pg.SiteTitle(),
		Subtitle: pg.headline(),
		ID:       s.urls.Abs(pg.Path),
		Updated:  s.reg.AsOf.Format(time.RFC3339),
		Links: []atomLink{
			{Rel: "self", Href: s.urls.Abs(pg.Path), Type: "application/atom+xml"},
			{Rel: "alternate", Href: s.urls.Abs(s.urls.LangPath(lang, "")), Type: "text/html"},
		},
		Author: atomAuthor{Name: pg.SiteTitle()},
	}
	if !s.reg.Latest.IsZero() {
		f.Updated = s.reg.Latest.First().Format(time.RFC3339)
	}
	for _, e := range s.reg.EventsUpTo(feedSize) {
		text, _ := e.Event.Text.Pick(s.chain(lang))
		u := s.urls.Abs(s.urls.LangPath(lang, "people/"+e.Person.Slug+"/")) + "#" + eventID(e.Person, e.Event)
		f.Entries = append(f.Entries, atomEntry{
			Title:   pg.name(e.Person) + ": " + pg.EventLabel(e.Person, e.Event) + " (" + pg.Date(e.Event.Date) + ")",
			ID:      u,
			Updated: e.Event.Date.First().Format(time.RFC3339),
			Link:    atomLink{Rel: "alternate", Href: u, Type: "text/html"},
			Summary: text,
		})
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", " ")
	if err := enc.Encode(f); err != nil {
		return fmt.Errorf("feed %s: %w", pg.Path, err)
	}
	buf.WriteByte('\n')
	return w.Write(pg.Path, buf.Bytes())
}

// eventID is the anchor of an event on its person's page, made from its
// date and type (not its position) so that links and feed entry ids stay
// the same when maintainers add earlier events: "e-2020-07-sentenced",
// with "-2", "-3" for more of the same date and type.
func eventID(p *register.Person, e *content.Event) string {
	base := "e-" + e.Date.ISO() + "-" + strings.ReplaceAll(string(e.Type), "_", "-")
	n := 0
	for _, o := range p.Timeline {
		if o.Type == e.Type && sameISO(o.Date, e.Date) {
			n++
		}
		if o == e {
			break
		}
	}
	if n > 1 {
		base += "-" + strconv.Itoa(n)
	}
	return base
}

// sameISO reports whether a and b have the same ISO form (Date.ISO),
// without making it: pages asked for every event's anchor, and made the
// two strings for every other event of the person.
func sameISO(a, b date.Date) bool {
	if a.Precision != b.Precision {
		return false
	}
	switch a.Precision {
	case date.Year:
		return a.Year == b.Year
	case date.Month:
		return a.Year == b.Year && a.Month == b.Month
	case date.Day:
		return a.Year == b.Year && a.Month == b.Month && a.Day == b.Day
	}
	return true
}

// sitemapLimit is the number of URLs one sitemap file may list.
const sitemapLimit = 50000

type urlSet struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc string `xml:"loc"`
}

type sitemapIndex struct {
	XMLName  xml.Name      `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []sitemapFile `xml:"sitemap"`
}

type sitemapFile struct {
	Loc string `xml:"loc"`
}

// sitemap writes sitemap.xml: every page in every language. The pages
// name their translations themselves (hreflang links in their heads);
// listing them again here, as the protocol allows, made the sitemap 17 MB
// at 10,000 people (it is 24 MB at 100,000 without them). Past the protocol's
// 50,000 URLs a file, sitemap.xml becomes an index of sitemap-1.xml,
// sitemap-2.xml, ...
func (s *Site) sitemap(w Writer) error {
	var urls []sitemapURL
	for _, lang := range s.reg.Site.Languages {
		for _, ps := range s.pages(lang) {
			urls = append(urls, sitemapURL{Loc: s.urls.Abs(s.urls.LangPath(lang, ps.rel))})
		}
	}
	if len(urls) <= sitemapLimit {
		return writeXML(w, "sitemap.xml", urlSet{URLs: urls})
	}
	var index sitemapIndex
	for i := 0; i*sitemapLimit < len(urls); i++ {
		name := "sitemap-" + strconv.Itoa(i+1) + ".xml"
		part := urls[i*sitemapLimit : min((i+1)*sitemapLimit, len(urls))]
		if err := writeXML(w, name, urlSet{URLs: part}); err != nil {
			return err
		}
		index.Sitemaps = append(index.Sitemaps, sitemapFile{Loc: s.urls.Abs(name)})
	}
	return writeXML(w, "sitemap.xml", index)
}

func writeXML(w Writer, name string, v any) error {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	if err := xml.NewEncoder(&buf).Encode(v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	buf.WriteByte('\n')
	return w.Write(name, buf.Bytes())
}

// robots writes robots.txt, pointing crawlers at the sitemap. (Crawlers
// read it only at a host's root, so it matters for sites on their own
// domain.)
func (s *Site) robots(w Writer) error {
	return w.Write("robots.txt", []byte("User-agent: *\nAllow: /\nSitemap: "+s.urls.Abs("sitemap.xml")+"\n"))
}
