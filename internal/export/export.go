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
//
// The files are written to an io.Writer person by person ([WriteJSON],
// [WritePeopleCSV], [WriteEventsCSV]) rather than made in memory: at
// 100,000 people register.json is over 400 MB and events.csv over 350 MB,
// and a build must not hold them whole. [JSON], [PeopleCSV] and
// [EventsCSV] return the same bytes, for tests and small registers.
// [WriteFile] writes any of the three, taking the part of each person who
// has not changed since the last time from that file (see [Parts]).
package export

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/date"
	"github.com/tizim/tizim/internal/register"
)

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

// jsonDoc is the head of register.json, what comes before its people.
// Its fields are structs rather than maps so that the order of keys is the
// documented one; only the maps by language (or by name) are maps, whose
// keys encoding/json sorts. People and sources come last and are written
// by [WriteJSON] itself, one per line.
type jsonDoc struct {
	Title         map[string]string            `json:"title"`
	Description   map[string]string            `json:"description,omitempty"`
	AsOf          string                       `json:"as_of"`
	ConfirmWithin string                       `json:"confirm_within"`
	Counts        jsonCounts                   `json:"counts"`
	Languages     []string                     `json:"languages"`
	License       string                       `json:"license,omitempty"`
	BaseURL       string                       `json:"base_url"`
	Translations  map[string]map[string]string `json:"translations,omitempty"`
	Facilities    map[string]string            `json:"facilities,omitempty"` // name -> address
}

// jsonCounts are the register's headline figures as of its date.
type jsonCounts struct {
	Current     int `json:"current"`
	Confirmed   int `json:"confirmed"`
	Unconfirmed int `json:"unconfirmed"`
	TermEnded   int `json:"term_ended"`
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
	LastConfirmed date.Date         `json:"last_confirmed,omitzero"`
	Unconfirmed   bool              `json:"unconfirmed"`
	TermEnded     bool              `json:"term_ended"`
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

// bufSize is the buffer between the exports and their io.Writer: large
// enough that writing a file of hundreds of megabytes takes thousands of
// writes rather than hundreds of thousands (encoding/csv's own buffer is
// 4 KB), small enough not to matter next to the register.
const bufSize = 64 << 10

// inMemory returns what write writes.
func inMemory(write func(io.Writer, *register.Register) error, r *register.Register) ([]byte, error) {
	var b bytes.Buffer
	if err := write(&b, r); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// JSON returns register.json as [WriteJSON] writes it, in memory: for
// tests and small registers. A large register's file is hundreds of
// megabytes; write it with WriteJSON instead.
func JSON(r *register.Register) ([]byte, error) { return inMemory(WriteJSON, r) }

// WriteJSON writes register.json to w: one document, compact, with each
// person and each source on a line of its own, ending in a newline. It
// returns the first error of w.
//
// Compact because size is what matters at scale: indenting with two spaces
// makes the file over a third larger (see the package's benchmark), and
// readers who want to look at it use a viewer or jq. A line per person
// costs one byte each and makes the file greppable and two versions of it
// diffable person by person, while it stays a single JSON value for every
// parser. HTML is not escaped (no \u003c for "<"): the file is data served
// as JSON, never pasted into a page, and escaped text is harder to read.
//
// The file is streamed, so that memory holds one person's part of it at a
// time rather than the whole file (over 400 MB at 100,000 people) and the
// whole document built before it: a first pass over the people collects
// what the head of the document needs, then each person is built, encoded
// and written in turn, then the sources they cite.
func WriteJSON(w io.Writer, r *register.Register) error { return writeJSON(w, r, nil) }

// Parts gives an export the parts of the last file it wrote, so that it
// encodes again only the people who changed: after an edit to one person,
// register.json was the longest job of a rebuild, and the three files
// took 0.48 s of CPU at 10,000 people (0.20 s with parts). A file's part
// of a person is all it holds of them: their element of register.json's
// "people" (without the comma and newline between elements), their row of
// register.csv, their rows of events.csv. The rest of a file (its head,
// the sources, the counts) is written anew each time.
type Parts interface {
	// Part appends to b the person's part of the last file and reports
	// whether it had one that is still theirs: the person, and all else
	// their part is made from, are the same. It is called from several
	// goroutines at once.
	Part(b []byte, p *register.Person) ([]byte, bool)
	// Wrote records that the person's part of the new file is its n bytes
	// at offset off; it is called in the order of the file.
	Wrote(p *register.Person, off, n int64)
}

// WriteFile writes the data file name (JSONFile, PeopleFile or EventsFile)
// to w, as WriteJSON, WritePeopleCSV and WriteEventsCSV do, with each
// person's part taken from parts where it is the same (nil parts: every
// part made anew).
func WriteFile(w io.Writer, r *register.Register, name string, parts Parts) error {
	switch name {
	case JSONFile:
		return writeJSON(w, r, parts)
	case PeopleFile:
		return writePeopleCSV(w, r, parts)
	case EventsFile:
		return writeEventsCSV(w, r, parts)
	}
	return fmt.Errorf("no data file %q", name)
}

// counted counts the bytes written through it: a part's offset in its
// file is the count plus what its bufio.Writer holds.
type counted struct {
	w io.Writer
	n int64
}

func (c *counted) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// offset is the offset in the file of the next byte written to bw, which
// writes to c.
func (c *counted) offset(bw *bufio.Writer) int64 { return c.n + int64(bw.Buffered()) }

func writeJSON(w io.Writer, r *register.Register, parts Parts) error {
	site := r.Site
	def := site.Languages.Default()
	people := bySlug(r)
	head, cited := jsonHead(r, people)

	cw := &counted{w: w}
	bw := bufio.NewWriterSize(cw, bufSize)
	var one bytes.Buffer
	enc := json.NewEncoder(&one)
	enc.SetEscapeHTML(false)
	// encode writes v to bw without the newline Encode ends it with, and
	// without the last trim bytes before it. It returns bw's first error:
	// a bufio.Writer keeps it and returns it from every later write, so
	// the small writes in between need no check of their own, and a
	// failing w stops the export at the next person rather than the end.
	encode := func(v any, trim int) error {
		one.Reset()
		if err := enc.Encode(v); err != nil {
			return err
		}
		_, err := bw.Write(one.Bytes()[:one.Len()-1-trim])
		return err
	}
	if err := encode(head, 1); err != nil { // without its closing brace: people and sources follow
		return err
	}
	if err := writePeople(bw, cw, site, people, def, parts); err != nil {
		return err
	}
	// One variable for every source, since encoding a value as an
	// interface moves it to the heap.
	var js jsonSource
	err := jsonLines(bw, `,"sources":`, len(cited), func(i int) error {
		s := r.Source(cited[i])
		js = jsonSource{
			ID: s.ID, Title: s.Title, Publisher: s.Publisher, Date: s.Date,
			URL: s.URL, ArchiveURL: s.ArchiveURL, Lang: s.Lang,
		}
		return encode(&js, 0)
	})
	if err != nil {
		return err
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// jsonHead returns the head of register.json and the ids of the sources
// that people cite, sorted, from a pass over people that builds nothing
// per person, so that the head can be written before the people are.
func jsonHead(r *register.Register, people []*register.Person) (jsonDoc, []string) {
	site := r.Site
	def := site.Languages.Default()
	head := jsonDoc{
		Title:         texts(site.Title, def),
		Description:   texts(site.Description, def),
		AsOf:          asOf(r),
		ConfirmWithin: site.ConfirmWithin.String(),
		Counts:        jsonCounts{len(r.Current), len(r.Confirmed), len(r.Unconfirmed), len(r.TermEnded)},
		Languages:     site.Languages,
		License:       site.License,
		BaseURL:       site.BaseURL,
	}
	// Translations and addresses only of what the published data names, as
	// on the site: site.yaml may already hold a draft's group or facility.
	// Looked up name by name rather than collected into a set of every
	// name, whose courts and judges grow with the register.
	translate := func(name string) {
		if t, ok := site.Translations[name]; ok {
			if head.Translations == nil {
				head.Translations = make(map[string]map[string]string)
			}
			head.Translations[name] = t
		}
	}
	// Only sources that published people cite: a source listed for a
	// draft alone would otherwise hint at an unpublished case.
	cited := make(map[string]bool)
	for _, p := range people {
		for _, s := range p.Citations {
			cited[s.ID] = true
		}
		translate(p.Region)
		translate(p.Facility)
		for _, g := range p.Groups {
			translate(g)
		}
		for _, t := range p.Tags {
			translate(t)
		}
		for _, e := range p.Timeline {
			translate(e.Court)
			translate(e.Judge)
			translate(e.Facility)
			translate(e.By)
		}
		if f, ok := site.Facilities[p.Facility]; ok && p.Facility != "" {
			if head.Facilities == nil {
				head.Facilities = make(map[string]string)
			}
			head.Facilities[p.Facility] = f.Address
		}
	}
	return head, slices.Sorted(maps.Keys(cited))
}

// newJSONPerson returns a person as register.json has them.
func newJSONPerson(site *content.Settings, p *register.Person, def string) jsonPerson {
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
		LastConfirmed: p.LastConfirmed,
		Unconfirmed:   p.Unconfirmed,
		TermEnded:     p.TermEnded,
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
	return jp
}

// peopleBatch is how many people writePeople encodes in one piece.
const peopleBatch = 256

// writePeople writes the "people" array of register.json to bw, which
// writes to cw, as jsonLines would, each person on a line of their own,
// their part from parts where it is the same. The people are encoded in
// batches on every core and written in order: encoded on one, they were
// the last thing a build after an edit waited on (0.4 s at 10,000 people).
// A few batches per core are in flight at a time, so that memory holds a
// few hundred people's part of the file, not all.
func writePeople(bw *bufio.Writer, cw *counted, site *content.Settings, people []*register.Person, def string, parts Parts) error {
	n := len(people)
	batches := (n + peopleBatch - 1) / peopleBatch
	type piece struct {
		b    bytes.Buffer
		ends []int // where each person's part ends in b; each begins after the last's ",\n"
		err  error
	}
	pieces := make([]chan *piece, batches)
	for i := range pieces {
		pieces[i] = make(chan *piece, 1)
	}
	slots := make(chan struct{}, 2*runtime.GOMAXPROCS(0))
	done := make(chan struct{})
	defer close(done) // the encoders stop starting when the writing stops
	go func() {
		for i := range batches {
			select {
			case slots <- struct{}{}:
			case <-done:
				return
			}
			go func() {
				pc := new(piece)
				enc := json.NewEncoder(&pc.b)
				enc.SetEscapeHTML(false)
				var jp jsonPerson // one variable: an interface moves a value to the heap
				var old []byte
				// The batch's people one to a line, as jsonLines
				// writes the elements it is given: the batches.
				for j := i * peopleBatch; j < min(n, (i+1)*peopleBatch); j++ {
					if j > i*peopleBatch {
						pc.b.WriteString(",\n")
					}
					var ok bool
					if parts != nil {
						old, ok = parts.Part(old[:0], people[j])
					}
					if ok {
						pc.b.Write(old)
					} else {
						jp = newJSONPerson(site, people[j], def)
						if pc.err = enc.Encode(&jp); pc.err != nil {
							break
						}
						pc.b.Truncate(pc.b.Len() - 1) // Encode's newline
					}
					pc.ends = append(pc.ends, pc.b.Len())
				}
				pieces[i] <- pc
			}()
		}
	}()
	return jsonLines(bw, `,"people":`, batches, func(i int) error {
		pc := <-pieces[i]
		<-slots
		if pc.err != nil {
			return pc.err
		}
		if parts != nil {
			at, begin := cw.offset(bw), 0
			for k, end := range pc.ends {
				parts.Wrote(people[i*peopleBatch+k], at+int64(begin), int64(end-begin))
				begin = end + len(",\n")
			}
		}
		// Through the buffer a piece at a time, as the other files
		// are written, not in one write of the whole batch.
		for b := pc.b.Bytes(); len(b) > 0; {
			k := min(len(b), bufSize)
			if _, err := bw.Write(b[:k]); err != nil {
				return err
			}
			b = b[k:]
		}
		return nil
	})
}

// jsonLines writes key and an array of n elements, each on a line of its
// own, which item writes; it returns the first error of item.
func jsonLines(bw *bufio.Writer, key string, n int, item func(i int) error) error {
	bw.WriteString(key + "[")
	for i := range n {
		bw.WriteByte('\n')
		if err := item(i); err != nil {
			return err
		}
		if i < n-1 {
			bw.WriteByte(',')
		}
	}
	if n > 0 {
		bw.WriteByte('\n')
	}
	bw.WriteByte(']')
	return nil
}

func sentence(s *content.Sentence, def string) *jsonSentence {
	return &jsonSentence{Kind: s.Kind, Term: s.Term.String(), Amount: texts(s.Amount, def)}
}

// PeopleCSV returns register.csv as [WritePeopleCSV] writes it, in memory:
// for tests and small registers.
func PeopleCSV(r *register.Register) ([]byte, error) { return inMemory(WritePeopleCSV, r) }

// WritePeopleCSV writes register.csv to w, a row at a time: a header row,
// then a row per person, in the columns of [PeopleColumns]. It returns the
// first error of w.
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
func WritePeopleCSV(w io.Writer, r *register.Register) error { return writePeopleCSV(w, r, nil) }

func writePeopleCSV(w io.Writer, r *register.Register, parts Parts) error {
	site := r.Site
	return writeCSV(w, header(PeopleColumns(site.Languages)), bySlug(r), parts, func(cw *csv.Writer, p *register.Person) error {
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
		firstDetained := register.FirstDetained(p)
		var sources []string
		for _, s := range p.Citations {
			sources = append(sources, s.ID)
		}
		row = append(row,
			list(p.Aliases), p.Born.String(), p.Gender, p.Region, p.Occupation.Default,
			list(p.Groups), list(p.Tags), list(charges),
			string(p.Status), p.Since.String(), strconv.FormatBool(p.Listed), strconv.FormatBool(p.Current),
			p.LastConfirmed.String(), strconv.FormatBool(p.Unconfirmed), strconv.FormatBool(p.TermEnded),
			p.Facility, kind, term, amount, when, p.TermEnd.String(), firstDetained.String(), list(sources),
		)
		return cw.Write(guard(row))
	})
}

// EventsCSV returns events.csv as [WriteEventsCSV] writes it, in memory:
// for tests and small registers.
func EventsCSV(r *register.Register) ([]byte, error) { return inMemory(WriteEventsCSV, r) }

// WriteEventsCSV writes events.csv to w, a row at a time: a header row,
// then a row per event of every published person, in the columns of
// [EventColumns]; people by slug, each person's events in the site's
// order. It returns the first error of w.
func WriteEventsCSV(w io.Writer, r *register.Register) error { return writeEventsCSV(w, r, nil) }

func writeEventsCSV(w io.Writer, r *register.Register, parts Parts) error {
	langs := r.Site.Languages
	return writeCSV(w, header(EventColumns(langs)), bySlug(r), parts, func(cw *csv.Writer, p *register.Person) error {
		for _, e := range p.Timeline {
			d := e.Date
			row := []string{
				p.Slug, p.Name, d.String(), day(d.First()), day(d.Last()), precision(d.Precision),
				strconv.FormatBool(d.Approximate), strconv.FormatBool(d.Uncertain),
				string(e.Type), e.Text.Default,
			}
			for _, lang := range langs[1:] {
				s, _ := e.Text.Other.Get(lang)
				row = append(row, s)
			}
			var kind, term, amount string
			if s := e.Sentence; s != nil {
				kind, term, amount = string(s.Kind), s.Term.String(), s.Amount.Default
			}
			row = append(row, e.Court, e.Judge, e.Facility, e.By, kind, term, amount, list(e.Sources))
			if err := cw.Write(guard(row)); err != nil {
				return err
			}
		}
		return nil
	})
}

// writeCSV writes a CSV file to w: the header row, then each person's
// part, which rows writes with the CSV writer it is given, or which parts
// has. It returns the first error of w.
//
// Each part is made in a buffer of its own and written to w through a
// buffer of bufSize, which keeps w's first error and returns it from every
// later write, so that a failing w stops the export at the next person.
func writeCSV(w io.Writer, head []string, people []*register.Person, parts Parts, rows func(*csv.Writer, *register.Person) error) error {
	cw := &counted{w: w}
	bw := bufio.NewWriterSize(cw, bufSize)
	var part bytes.Buffer
	pw := newCSV(&part)
	if err := pw.Write(head); err != nil {
		return err
	}
	pw.Flush()
	if _, err := bw.Write(part.Bytes()); err != nil {
		return err
	}
	part.Reset()
	for _, p := range people {
		var ok bool
		if parts != nil {
			var b []byte
			if b, ok = parts.Part(part.AvailableBuffer(), p); ok {
				part.Write(b)
			}
		}
		if !ok {
			if err := rows(pw, p); err != nil {
				return err
			}
			pw.Flush()
		}
		at := cw.offset(bw)
		if _, err := bw.Write(part.Bytes()); err != nil {
			return err
		}
		if parts != nil {
			parts.Wrote(p, at, int64(part.Len()))
		}
		part.Reset()
	}
	return bw.Flush()
}

// newCSV returns a CSV writer into w, with lines ending in CRLF.
func newCSV(w io.Writer) *csv.Writer {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // RFC 4180
	return cw
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
func personURL(site *content.Settings, p *register.Person) string {
	return site.BaseURL + "people/" + p.Slug + "/"
}

// texts returns t as a map by language, the default text under the default
// language's code; nil when no text is given.
func texts(t content.Text, def string) map[string]string {
	if t.IsZero() {
		return nil
	}
	m := make(map[string]string, 1+len(t.Other))
	for _, tr := range t.Other {
		m[tr.Lang] = tr.Text
	}
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
