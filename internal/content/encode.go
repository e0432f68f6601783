package content

import (
	"encoding/binary"
	"errors"
	"maps"
	"slices"

	"github.com/tizim/tizim/internal/date"
)

// People encoded for a build's cache: a build keeps each person it loaded,
// with the digest of their folder's files, and the next build takes the
// people whose folders are unchanged from there instead of reading and
// checking their files again (see [LoadKept]). Reading, parsing and
// decoding 10,000 case files was a third of the CPU of a rebuild after a
// one-file edit.
//
// A person is encoded as a load leaves them for rendering: the profiles'
// sums but not their bodies (see [Content.DropProfiles]), no positions of
// events' dates and sources (see [Content.DropPositions]), and not Changed,
// which a build sets from git on every load. Slices and maps keep whether
// they were nil, so that a person decoded is what loading gave
// (TestEncodePerson compares them field by field, and fails when a field
// is added to Person, Event, Charge, Sentence or Markdown without its
// encoding).

// errEncoding is the error of a person that cannot be decoded: a damaged
// cache, which a build then does not use.
var errEncoding = errors.New("content: bad encoding of a person")

// AppendPerson appends the encoding of p to b; [PersonDecoder.Decode]
// reads it back.
func AppendPerson(b []byte, p *Person) []byte {
	e := encoder{b}
	e.str(p.Slug)
	e.str(p.Path)
	e.int(p.Line)
	e.str(p.Name)
	e.strMap(p.Names)
	e.strs(p.Aliases)
	e.date(p.Born)
	e.str(p.Gender)
	e.str(p.Region)
	e.text(p.Occupation)
	e.strs(p.Groups)
	e.strs(p.Tags)
	e.len(len(p.Charges), p.Charges == nil)
	for _, c := range p.Charges {
		e.str(c.Article)
		e.text(c.Text)
		e.int(c.Line)
	}
	e.len(len(p.Events), p.Events == nil)
	for _, ev := range p.Events {
		e.date(ev.Date)
		e.str(string(ev.Type))
		e.text(ev.Text)
		e.str(ev.Court)
		e.str(ev.Judge)
		e.str(ev.Facility)
		e.str(ev.By)
		e.bool(ev.Sentence != nil)
		if s := ev.Sentence; s != nil {
			e.str(string(s.Kind))
			e.int(s.Term.Years)
			e.int(s.Term.Months)
			e.int(s.Term.Days)
			e.text(s.Amount)
		}
		e.strs(ev.Sources)
		e.int(ev.Line)
		e.int(ev.Index)
	}
	e.bool(p.Draft)
	e.len(len(p.Profiles), p.Profiles == nil)
	for _, lang := range slices.Sorted(maps.Keys(p.Profiles)) { // maps in key order: the same person, the same bytes
		md := p.Profiles[lang]
		e.str(lang)
		e.str(md.Path)
		e.int(md.Line)
		e.b = append(e.b, md.sum[:]...)
	}
	e.str(p.Photo)
	e.int(int(p.bornPos[0]))
	e.int(int(p.bornPos[1]))
	for _, n := range [...]int32{p.lines.occupation, p.lines.region, p.lines.groups, p.lines.tags} {
		e.int(int(n))
	}
	return e.b
}

// A PersonDecoder decodes people that [AppendPerson] encoded. The people
// it decodes share one copy of each short text, as the people a loader
// reads do (see yamlArena.keep).
type PersonDecoder struct {
	strs map[string]string
}

// Decode returns the person encoded in b, as loading their folder gave
// them but with the profiles' bodies dropped (see [Markdown.Read]). It
// is a new reading of the folder (see [Person.SameRead]).
func (pd *PersonDecoder) Decode(b []byte) (*Person, error) {
	if pd.strs == nil {
		pd.strs = make(map[string]string)
	}
	d := decoding{b: b, shared: pd.strs}
	p := &Person{read: new(reading)}
	p.Slug = d.str()
	p.Path = d.str()
	p.Line = d.int()
	p.Name = d.str()
	p.Names = d.strMap()
	p.Aliases = d.strs()
	p.Born = d.date()
	p.Gender = d.str()
	p.Region = d.str()
	p.Occupation = d.text()
	p.Groups = d.strs()
	p.Tags = d.strs()
	if n, ok := d.len(); ok {
		p.Charges = make([]Charge, n)
		for i := range p.Charges {
			c := &p.Charges[i]
			c.Article = d.str()
			c.Text = d.text()
			c.Line = d.int()
		}
	}
	if n, ok := d.len(); ok {
		p.Events = make([]*Event, n)
		events := make([]Event, n) // one allocation for all
		for i := range events {
			ev := &events[i]
			ev.Date = d.date()
			ev.Type = EventType(d.str())
			ev.Text = d.text()
			ev.Court = d.str()
			ev.Judge = d.str()
			ev.Facility = d.str()
			ev.By = d.str()
			if d.bool() {
				ev.Sentence = &Sentence{Kind: SentenceKind(d.str()), Term: date.Term{Years: d.int(), Months: d.int(), Days: d.int()}, Amount: d.text()}
			}
			ev.Sources = d.strs()
			ev.Line = d.int()
			ev.Index = d.int()
			p.Events[i] = ev
		}
	}
	p.Draft = d.bool()
	if n, ok := d.len(); ok {
		p.Profiles = make(map[string]*Markdown, n)
		for range n {
			lang := d.str()
			md := &Markdown{Path: d.str(), Line: d.int(), dropped: true}
			copy(md.sum[:], d.bytes(len(md.sum)))
			p.Profiles[lang] = md
		}
	}
	p.Photo = d.str()
	p.bornPos = [2]int32{int32(d.int()), int32(d.int())}
	p.lines = fieldLines{int32(d.int()), int32(d.int()), int32(d.int()), int32(d.int())}
	if d.bad || len(d.b) != 0 {
		return nil, errEncoding
	}
	return p, nil
}

type encoder struct{ b []byte }

func (e *encoder) int(n int)    { e.b = binary.AppendVarint(e.b, int64(n)) }
func (e *encoder) uint(n int)   { e.b = binary.AppendUvarint(e.b, uint64(n)) }
func (e *encoder) str(s string) { e.uint(len(s)); e.b = append(e.b, s...) }

func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

// len encodes the length of a slice or map, and whether it is nil.
func (e *encoder) len(n int, isNil bool) {
	if isNil {
		e.uint(0)
	} else {
		e.uint(n + 1)
	}
}

func (e *encoder) strs(s []string) {
	e.len(len(s), s == nil)
	for _, x := range s {
		e.str(x)
	}
}

func (e *encoder) strMap(m map[string]string) {
	e.len(len(m), m == nil)
	for _, k := range slices.Sorted(maps.Keys(m)) {
		e.str(k)
		e.str(m[k])
	}
}

func (e *encoder) text(t Text) {
	e.str(t.Default)
	e.len(len(t.Other), t.Other == nil)
	for _, tr := range t.Other {
		e.str(tr.Lang)
		e.str(tr.Text)
	}
}

func (e *encoder) date(d date.Date) {
	e.int(d.Year)
	e.int(d.Month)
	e.int(d.Day)
	e.b = append(e.b, byte(d.Precision))
	e.bool(d.Approximate)
	e.bool(d.Uncertain)
}

// decoding is the state of one Decode: on bad input it notes so and
// returns zero values, which Decode then refuses.
type decoding struct {
	b      []byte
	bad    bool
	shared map[string]string // the decoder's short texts
}

func (d *decoding) uint() uint64 {
	n, k := binary.Uvarint(d.b)
	if k <= 0 {
		d.bad, d.b = true, nil
		return 0
	}
	d.b = d.b[k:]
	return n
}

// int reads what binary.AppendVarint wrote: a uvarint of the number
// zigzag-encoded.
func (d *decoding) int() int {
	u := d.uint()
	return int(int64(u>>1) ^ -int64(u&1))
}

func (d *decoding) bytes(n int) []byte {
	if n > len(d.b) {
		d.bad, d.b = true, nil
		return make([]byte, n)
	}
	b := d.b[:n:n]
	d.b = d.b[n:]
	return b
}

func (d *decoding) byte() byte { return d.bytes(1)[0] }

func (d *decoding) bool() bool { return d.byte() != 0 }

// str returns a copy of the next text, shared with the other people's
// when it is short (see yamlArena.keep).
func (d *decoding) str() string {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.bad, d.b = true, nil
		return ""
	}
	b := d.bytes(int(n))
	if len(b) == 0 {
		return ""
	}
	if len(b) > keepUpTo {
		return string(b)
	}
	if s, ok := d.shared[string(b)]; ok { // no allocation for the lookup
		return s
	}
	s := string(b)
	if len(d.shared) < keepMost {
		d.shared[s] = s
	}
	return s
}

// len returns the length of a slice or map, and false when it was nil.
func (d *decoding) len() (int, bool) {
	n := d.uint()
	if n == 0 {
		return 0, false
	}
	if n-1 > uint64(len(d.b)) { // every element takes a byte at least
		d.bad, d.b = true, nil
		return 0, false
	}
	return int(n - 1), true
}

func (d *decoding) strs() []string {
	n, ok := d.len()
	if !ok {
		return nil
	}
	s := make([]string, n)
	for i := range s {
		s[i] = d.str()
	}
	return s
}

func (d *decoding) strMap() map[string]string {
	n, ok := d.len()
	if !ok {
		return nil
	}
	m := make(map[string]string, n)
	for range n {
		k := d.str()
		m[k] = d.str()
	}
	return m
}

func (d *decoding) text() Text {
	t := Text{Default: d.str()}
	if n, ok := d.len(); ok {
		t.Other = make(Translations, n)
		for i := range t.Other {
			t.Other[i] = Translation{Lang: d.str(), Text: d.str()}
		}
	}
	return t
}

func (d *decoding) date() date.Date {
	return date.Date{Year: d.int(), Month: d.int(), Day: d.int(), Precision: date.Precision(d.byte()), Approximate: d.bool(), Uncertain: d.bool()}
}
