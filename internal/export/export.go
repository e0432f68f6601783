// Package export writes the register as open data, for the site's /data/
// page:
//
//	register.json  one document: the site, every published person with
//	               their events and derived facts, and the sources they cite
//	register.csv   a row per person
//	events.csv     a row per event
//
// Every column and field is documented by [PeopleColumns], [EventColumns]
// and [JSONFields], which the /data/ page prints; tests compare them with
// the files, so the documentation cannot drift from the data.
//
// What is exported is public by construction: package register has already
// dropped drafts and the loader never keeps internal notes, and this package
// copies only fields a reader can see on the site: of site.yaml's
// translations and facility addresses, only those of names the published
// data uses, and of the sources, only those published people cite, since a
// draft's group, prison or sources would otherwise hint at an unpublished
// case. It leaves out what describes the maintainer's files rather than the
// register (paths of case files, photos and sources, line numbers) and the
// profiles, whose Markdown source can carry text the site never shows (link
// reference definitions, the usual Markdown "comment").
//
// Output is deterministic: people are ordered by slug, each person's events
// as on the site (by date, then order in the case file), sources by id, and
// maps by key; the same register gives byte-identical files.
package export

import (
	"bytes"
	"compress/gzip"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/date"
	"github.com/tizim/tizim/internal/register"
)

// GzipAbove is the number of people above which a site publishes its data
// files gzip-compressed only (register.json.gz, ...): at 100,000 people
// they would be 900 MB, most of the 1 GB GitHub Pages allows a site, and
// too large to download on a slow connection; compressed they are about a
// tenth of that.
const GzipAbove = 10000

// Gzip compresses a data file. The output depends only on data (no name,
// no time in the header), so that an unchanged register gives the same
// bytes; the fastest level, since the files are large and compress well.
func Gzip(data []byte) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(len(data) / 6)
	w, err := gzip.NewWriterLevel(&b, gzip.BestSpeed)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// The files' names, relative to the site's /data/ folder.
const (
	JSONFile   = "register.json"
	PeopleFile = "register.csv"
	EventsFile = "events.csv"
)

// ListSeparator joins the values of a list in one CSV cell, such as a
// person's aliases. Values that themselves contain it are still joined; the
// JSON file keeps lists as lists for readers who need to tell them apart.
const ListSeparator = " | "

// jsonDoc is register.json. Its fields are structs rather than maps so that
// the order of keys is the documented one; only the maps by language (or by
// name) are maps, whose keys encoding/json sorts. People and sources come
// last and are written by [JSON] itself, one per line.
type jsonDoc struct {
	Title        map[string]string            `json:"title"`
	Description  map[string]string            `json:"description,omitempty"`
	AsOf         string                       `json:"as_of"`
	Languages    []string                     `json:"languages"`
	License      string                       `json:"license,omitempty"`
	BaseURL      string                       `json:"base_url"`
	Translations map[string]map[string]string `json:"translations,omitempty"`
	Facilities   map[string]string            `json:"facilities,omitempty"` // name -> address
	People       []jsonPerson                 `json:"-"`                    // "people", written by JSON
	Sources      []jsonSource                 `json:"-"`                    // "sources", written by JSON
}

// jsonPerson leaves out empty fields (omitempty, omitzero) to keep a large
// register's file small; the booleans and the status are always there,
// since false and "free" are answers, not gaps.
type jsonPerson struct {
	Slug          string            `json:"slug"`
	URL           string            `json:"url"`
	Name          string            `json:"name"`
	Names         map[string]string `json:"names"`
	Aliases       []string          `json:"aliases,omitempty"`
	Born          date.Date         `json:"born,omitzero"`
	Gender        string            `json:"gender,omitempty"`
	Region        string            `json:"region,omitempty"`
	Occupation    map[string]string `json:"occupation,omitempty"`
	Groups        []string          `json:"groups,omitempty"`
	Tags          []string          `json:"tags,omitempty"`
	Charges       []jsonCharge      `json:"charges,omitempty"`
	Status        content.Status    `json:"status"`
	Since         date.Date         `json:"since,omitzero"`
	Listed        bool              `json:"listed"`
	OnCurrentList bool              `json:"on_current_list"`
	Facility      string            `json:"facility,omitempty"`
	Sentence      *jsonSentence     `json:"sentence,omitempty"`
	TermEnd       date.Date         `json:"term_end,omitzero"`
	Events        []jsonEvent       `json:"events"`
}

type jsonCharge struct {
	Article string            `json:"article,omitempty"`
	Text    map[string]string `json:"text"`
}

// jsonSentence serves both a person's current sentence, which carries the
// date of the event that set it, and an event's, which has no date of its
// own.
type jsonSentence struct {
	Date   date.Date            `json:"date,omitzero"`
	Kind   content.SentenceKind `json:"kind"`
	Term   string               `json:"term,omitempty"`
	Amount map[string]string    `json:"amount,omitempty"`
}

type jsonEvent struct {
	Date     date.Date         `json:"date"`
	Type     content.EventType `json:"type"`
	Text     map[string]string `json:"text"`
	Court    string            `json:"court,omitempty"`
	Judge    string            `json:"judge,omitempty"`
	Facility string            `json:"facility,omitempty"`
	By       string            `json:"by,omitempty"`
	Sentence *jsonSentence     `json:"sentence,omitempty"`
	Sources  []string          `json:"sources"`
}

type jsonSource struct {
	ID         string    `json:"id"`
	Title      string    `json:"title"`
	Publisher  string    `json:"publisher,omitempty"`
	Date       date.Date `json:"date,omitzero"`
	URL        string    `json:"url,omitempty"`
	ArchiveURL string    `json:"archive_url,omitempty"`
	Lang       string    `json:"lang,omitempty"`
}

// JSON returns register.json: one document, compact, with each person and
// each source on a line of its own, ending in a newline.
//
// Compact because size is what matters at scale: indenting with two spaces
// makes the file over a third larger (see the package's benchmark), and
// readers who want to look at it use a viewer or jq. A line per person
// costs one byte each and makes the file greppable and two versions of it
// diffable person by person, while it stays a single JSON value for every
// parser. HTML is not escaped (no \u003c for "<"): the file is data served
// as JSON, never pasted into a page, and escaped text is harder to read.
//
// People are encoded one at a time, so encoding/json's buffer holds one
// person rather than a second copy of the whole document.
func JSON(r *register.Register) ([]byte, error) {
	site := r.Site
	def := site.Languages[0]
	doc := jsonDoc{
		Title:       texts(site.Title, def),
		Description: texts(site.Description, def),
		AsOf:        asOf(r),
		Languages:   site.Languages,
		License:     site.License,
		BaseURL:     site.BaseURL,
		People:      make([]jsonPerson, 0, len(r.People)),
		Sources:     make([]jsonSource, 0),
	}
	cited := make(map[string]bool)
	named := make(map[string]bool) // names site.yaml may translate
	for _, p := range bySlug(r) {
		jp := jsonPerson{
			Slug:          p.Slug,
			URL:           personURL(site, p),
			Name:          p.Name,
			Names:         names(p, def),
			Aliases:       p.Aliases,
			Born:          p.Born,
			Gender:        p.Gender,
			Region:        p.Region,
			Occupation:    texts(p.Occupation, def),
			Groups:        p.Groups,
			Tags:          p.Tags,
			Status:        p.Status,
			Since:         p.Since,
			Listed:        p.Listed,
			OnCurrentList: p.Current,
			Facility:      p.Facility,
			TermEnd:       p.TermEnd,
			Events:        make([]jsonEvent, 0, len(p.Timeline)),
		}
		for _, c := range p.Charges {
			jp.Charges = append(jp.Charges, jsonCharge{Article: c.Article, Text: texts(c.Text, def)})
		}
		if e := p.Sentence; e != nil {
			jp.Sentence = sentence(e.Sentence, def)
			jp.Sentence.Date = e.Date
		}
		for _, e := range p.Timeline {
			je := jsonEvent{
				Date:     e.Date,
				Type:     e.Type,
				Text:     texts(e.Text, def),
				Court:    e.Court,
				Judge:    e.Judge,
				Facility: e.Facility,
				By:       e.By,
				Sources:  e.Sources,
			}
			if je.Sources == nil {
				je.Sources = []string{}
			}
			if e.Sentence != nil {
				je.Sentence = sentence(e.Sentence, def)
			}
			jp.Events = append(jp.Events, je)
		}
		for _, s := range p.Citations {
			cited[s.ID] = true
		}
		doc.People = append(doc.People, jp)
		named[p.Region] = true
		named[p.Facility] = true
		for _, g := range p.Groups {
			named[g] = true
		}
		for _, t := range p.Tags {
			named[t] = true
		}
		for _, e := range p.Timeline {
			named[e.Court], named[e.Judge], named[e.Facility], named[e.By] = true, true, true, true
		}
		if f, ok := site.Facilities[p.Facility]; ok && p.Facility != "" {
			if doc.Facilities == nil {
				doc.Facilities = make(map[string]string)
			}
			doc.Facilities[p.Facility] = f.Address
		}
	}
	// Translations and addresses only of what the published data names, as
	// on the site: site.yaml may already hold a draft's group or facility.
	for name, t := range site.Translations {
		if named[name] {
			if doc.Translations == nil {
				doc.Translations = make(map[string]map[string]string)
			}
			doc.Translations[name] = t
		}
	}
	// Only sources that published people cite: a source listed for a
	// draft alone would otherwise hint at an unpublished case.
	for _, id := range slices.Sorted(maps.Keys(cited)) {
		s := r.Source(id)
		doc.Sources = append(doc.Sources, jsonSource{
			ID: s.ID, Title: s.Title, Publisher: s.Publisher, Date: s.Date,
			URL: s.URL, ArchiveURL: s.ArchiveURL, Lang: s.Lang,
		})
	}

	var b, one bytes.Buffer
	enc := json.NewEncoder(&one)
	enc.SetEscapeHTML(false)
	// encode writes v to b without the newline Encode ends it with.
	encode := func(v any) error {
		one.Reset()
		if err := enc.Encode(v); err != nil {
			return err
		}
		b.Write(bytes.TrimSuffix(one.Bytes(), []byte("\n")))
		return nil
	}
	if err := encode(doc); err != nil {
		return nil, err
	}
	b.Truncate(b.Len() - 1) // the closing brace: people and sources follow
	if err := jsonLines(&b, ",\"people\":", doc.People, encode); err != nil {
		return nil, err
	}
	if err := jsonLines(&b, ",\"sources\":", doc.Sources, encode); err != nil {
		return nil, err
	}
	b.WriteString("}\n")
	return b.Bytes(), nil
}

// jsonLines writes key and the array xs with each element on a line of its
// own.
func jsonLines[T any](b *bytes.Buffer, key string, xs []T, encode func(any) error) error {
	b.WriteString(key + "[")
	for i := range xs {
		b.WriteByte('\n')
		if err := encode(&xs[i]); err != nil {
			return err
		}
		if i < len(xs)-1 {
			b.WriteByte(',')
		}
	}
	if len(xs) > 0 {
		b.WriteByte('\n')
	}
	b.WriteByte(']')
	return nil
}

func sentence(s *content.Sentence, def string) *jsonSentence {
	return &jsonSentence{Kind: s.Kind, Term: s.Term.String(), Amount: texts(s.Amount, def)}
}

// PeopleCSV returns register.csv: a header row, then a row per person, in
// the columns of [PeopleColumns].
//
// The CSV files follow RFC 4180: comma-separated, fields quoted where
// needed, lines ending in CRLF. They are UTF-8 without a byte order mark.
// A BOM is what makes Excel read a double-clicked CSV as UTF-8, but it
// would not rescue the readers this register most expects: Excel in the
// Russian and Kazakh locales separates fields with ";", so a double-clicked
// comma-separated file lands in one column with or without a BOM. What
// works there, and everywhere, is Data > From Text/CSV with "65001:
// Unicode (UTF-8)" and the comma delimiter, which the /data/ page explains.
// Meanwhile a BOM is a stray character in the first column's name for
// Python's csv module, Go's encoding/csv, R's read.csv, awk and cut, the
// tools of the people most likely to reuse the data at scale.
//
// Cells are guarded against formula injection (see [PeopleColumns]).
func PeopleCSV(r *register.Register) ([]byte, error) {
	site := r.Site
	cols := PeopleColumns(site.Languages)
	w, b := newCSV()
	if err := w.Write(header(cols)); err != nil {
		return nil, err
	}
	for _, p := range bySlug(r) {
		row := []string{p.Slug, personURL(site, p), p.Name}
		for _, lang := range site.Languages[1:] {
			row = append(row, p.Names[lang])
		}
		var charges []string
		for _, c := range p.Charges {
			s := c.Text.Default
			if c.Article != "" {
				s = c.Article + ": " + s
			}
			charges = append(charges, s)
		}
		var kind, term, amount, when string
		if e := p.Sentence; e != nil {
			kind, term, amount, when = string(e.Sentence.Kind), e.Sentence.Term.String(), e.Sentence.Amount.Default, e.Date.String()
		}
		var firstDetained date.Date
		for _, e := range p.Timeline {
			if e.Type == content.Detained {
				firstDetained = e.Date
				break
			}
		}
		var sources []string
		for _, s := range p.Citations {
			sources = append(sources, s.ID)
		}
		row = append(row,
			list(p.Aliases), p.Born.String(), p.Gender, p.Region, p.Occupation.Default,
			list(p.Groups), list(p.Tags), list(charges),
			string(p.Status), p.Since.String(), strconv.FormatBool(p.Listed), strconv.FormatBool(p.Current),
			p.Facility, kind, term, amount, when, p.TermEnd.String(), firstDetained.String(), list(sources),
		)
		if err := w.Write(guard(row)); err != nil {
			return nil, err
		}
	}
	return flush(w, b)
}

// EventsCSV returns events.csv: a header row, then a row per event of every
// published person, in the columns of [EventColumns]; people by slug, each
// person's events in the site's order.
func EventsCSV(r *register.Register) ([]byte, error) {
	langs := r.Site.Languages
	cols := EventColumns(langs)
	w, b := newCSV()
	if err := w.Write(header(cols)); err != nil {
		return nil, err
	}
	for _, p := range bySlug(r) {
		for _, e := range p.Timeline {
			d := e.Date
			row := []string{
				p.Slug, p.Name, d.String(), day(d.First()), day(d.Last()), precision(d.Precision),
				strconv.FormatBool(d.Approximate), strconv.FormatBool(d.Uncertain),
				string(e.Type), e.Text.Default,
			}
			for _, lang := range langs[1:] {
				row = append(row, e.Text.Other[lang])
			}
			var kind, term, amount string
			if s := e.Sentence; s != nil {
				kind, term, amount = string(s.Kind), s.Term.String(), s.Amount.Default
			}
			row = append(row, e.Court, e.Judge, e.Facility, e.By, kind, term, amount, list(e.Sources))
			if err := w.Write(guard(row)); err != nil {
				return nil, err
			}
		}
	}
	return flush(w, b)
}

func newCSV() (*csv.Writer, *bytes.Buffer) {
	b := new(bytes.Buffer)
	w := csv.NewWriter(b)
	w.UseCRLF = true // RFC 4180
	return w, b
}

func flush(w *csv.Writer, b *bytes.Buffer) ([]byte, error) {
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func header(cols []Column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Name
	}
	return out
}

// guard prefixes with an apostrophe every cell that a spreadsheet would
// take for a formula (OWASP's list: = + - @, tab, carriage return), so
// that opening the file cannot run one. Spreadsheets show the apostrophe
// only in the edit bar; other readers see it and can strip it.
func guard(row []string) []string {
	for i, s := range row {
		if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
			row[i] = "'" + s
		}
	}
	return row
}

func list(xs []string) string { return strings.Join(xs, ListSeparator) }

// bySlug returns the published people in slug order, the order of every
// file: stable across languages and across renames of a person.
func bySlug(r *register.Register) []*register.Person {
	people := slices.Clone(r.People)
	slices.SortFunc(people, func(a, b *register.Person) int { return cmp.Compare(a.Slug, b.Slug) })
	return people
}

// personURL is the person's page in the default language. base_url ends
// in "/" and slugs need no escaping (lower-case letters, digits, hyphens).
func personURL(site *content.Site, p *register.Person) string {
	return site.BaseURL + "people/" + p.Slug + "/"
}

// texts returns t as a map by language, the default text under the default
// language's code; nil when no text is given.
func texts(t content.Text, def string) map[string]string {
	if t.IsZero() {
		return nil
	}
	m := make(map[string]string, 1+len(t.Other))
	maps.Copy(m, t.Other)
	if t.Default != "" {
		m[def] = t.Default
	}
	return m
}

// names returns the person's name in every language given, as the site
// shows them: names.<lang> where the case file gives it (for the default
// language too), else name.
func names(p *register.Person, def string) map[string]string {
	m := map[string]string{def: p.Name}
	for lang, n := range p.Names {
		if n != "" {
			m[lang] = n
		}
	}
	return m
}

func asOf(r *register.Register) string { return day(r.AsOf) }

// day writes a day as YYYY-MM-DD; the zero time (no date) gives "".
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func precision(p date.Precision) string {
	switch p {
	case date.Year:
		return "year"
	case date.Month:
		return "month"
	case date.Day:
		return "day"
	}
	return ""
}
