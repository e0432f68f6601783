// Package register derives what the content implies: each person's status
// over time, who is on the register at a date, the current list, groups,
// regions and the register's latest events.
//
// The rules, which the site's methodology page explains to readers:
//
//   - A person's events are ordered by the earliest day their date allows,
//     then by their order in the case file. An event counts from that
//     earliest day.
//   - Before the first status-changing event a person is free. Each event
//     then sets the status by the format's table (see [StatusAfter]);
//     "since" is the date of the event that began the current status.
//   - A person with no recognized or delisted event is on the register for
//     the whole record. Otherwise a recognized event puts them on it and a
//     delisted event takes them off, from its date; before the first such
//     event they are on the register only if that first event is delisted.
//   - The current list is everyone on the register whose status, as of the
//     site's date, is one of site.yaml's current_statuses.
//
// Drafts are dropped here, so nothing later can render them.
package register

import (
	"cmp"
	"math/bits"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gosimple/slug"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/date"
)

// Register is the published register as of one date.
type Register struct {
	Site    *content.Settings
	AsOf    time.Time // the site's date, 00:00 UTC
	People  []*Person // every published person, sorted by name
	Current []*Person // the current list as of AsOf, sorted by name
	// The current list in three: the people whose status is confirmed
	// within site.yaml's confirm_within, the people held by the record
	// whose latest confirmation is older (Person.Unconfirmed), and the
	// people whose prison term has run out with no release recorded
	// (Person.TermEnded). Only Confirmed is the headline count.
	Confirmed, Unconfirmed, TermEnded []*Person
	Groups                            []*Group        // sorted by name
	Regions                           []*Group        // sorted by name
	Pages                             []*content.Page // published free pages, sorted by name and language
	Events                            []Entry         // every event of every published person, newest first
	Latest                            date.Date       // the date of the latest event on or before AsOf
	sources                           map[string]source
	bySlug                            *slugIndex // see Person; nil in a register not made by New
}

// slugIndex is the published people by slug, made when first asked for.
type slugIndex struct {
	once sync.Once
	m    map[string]*Person
}

// Person returns the published person whose folder is slug, or nil (also
// of a nil Register). The site looks people up by slug, and the preview's
// next load and derive look up the last register's: one map, made once
// per register.
func (r *Register) Person(slug string) *Person {
	if r == nil {
		return nil
	}
	if r.bySlug == nil {
		for _, p := range r.People {
			if p.Slug == slug {
				return p
			}
		}
		return nil
	}
	r.bySlug.once.Do(func() {
		r.bySlug.m = make(map[string]*Person, len(r.People))
		for _, p := range r.People {
			r.bySlug.m[p.Slug] = p
		}
	})
	return r.bySlug.m[slug]
}

// Entry is one event with the person it belongs to.
type Entry struct {
	Person *Person
	Event  *content.Event
}

// Group is the people who share a group or a region.
type Group struct {
	Name    string
	Slug    string
	People  []*Person // sorted by name
	Current int       // how many of them are on the current list
}

// Person is a published person with derived facts as of the register's date.
type Person struct {
	*content.Person
	Timeline  []*content.Event  // sorted by date, then file order
	Spans     []Span            // status periods, oldest first; the first starts at the zero date
	Citations []*content.Source // the sources the person's events cite, in order of first citation
	Status    content.Status    // as of the register's date
	Since     date.Date         // when Status began; zero when never changed
	Listed    bool              // on the register as of the register's date
	Current   bool              // on the current list
	Facility  string            // where held, when in custody and a facility is known
	Sentence  *content.Event    // the latest event that set a sentence, as of the date
	TermEnd   date.Date         // the date a prison term would end, counted from Sentence's date
	TermPast  bool              // TermEnd is before the register's date while still imprisoned
	// LastConfirmed is the date of the latest event, as of the register's
	// date, that establishes the person's status or shows it still holds
	// (see [Restates]); zero while the person was never anything but free.
	LastConfirmed date.Date
	// TermEnded: the person's prison term has run out (TermPast) and no
	// source since its end shows them still held. No release is recorded
	// either, so the register no longer counts them as held.
	TermEnded bool
	// Unconfirmed: the person is held, by the record, but its latest
	// confirmation is older than site.yaml's confirm_within allows.
	Unconfirmed bool
	// KnownUntil is the last day up to which the record shows the
	// person's status: the register's date, or for a status in custody
	// that is unconfirmed or whose term ended, the last confirmation or the
	// term's end. Days in custody are counted up to it.
	KnownUntil time.Time
	Group      []*Group
	RegionOf   *Group
	cited      map[string]int // citation numbers, when there are more than linearCitations
	order      []order        // of Timeline[i], which Timeline is sorted by
}

// order is where an event falls in timelines: the format orders events by
// their earliest possible day, then by their order in the case file.
type order struct {
	first int64 // Date.First().Unix()
	index int   // Index
}

func (a order) compare(b order) int {
	return cmp.Or(cmp.Compare(a.first, b.first), cmp.Compare(a.index, b.index))
}

// linearCitations is how many citations CitationNumber looks through one by
// one, which is faster than a map for so few and saves making one per person.
const linearCitations = 32

// Span is a period with one status, from the event that began it.
type Span struct {
	Status content.Status
	From   date.Date      // zero for the status before the first event
	Event  *content.Event // nil for the first span
}

// New derives the register as of asOf (a UTC day) from loaded content.
func New(c *content.Content, asOf time.Time) *Register { return newRegister(c, asOf, nil) }

// Next derives the register of c as of asOf as New does, reusing what r
// derived for the people c has from the same reading of their folders
// (see [content.Person.SameRead]), when what derives them is unchanged:
// the date, the sources and site.yaml's rules of the current list. The
// live preview loads the content again after each edit, and deriving
// every person of a large register took half of its rebuild.
func (r *Register) Next(c *content.Content, asOf time.Time) *Register {
	return newRegister(c, asOf, r)
}

// Day is the site's date that a time gives: its day, at 00:00 UTC. A
// register as of any time of a day is the register as of that day.
func Day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// newRegister is New, reusing what prev derived if it can (prev may be nil).
func newRegister(c *content.Content, asOf time.Time, prev *Register) *Register {
	asOf = Day(asOf)
	r := &Register{Site: c.Site, AsOf: asOf, sources: make(map[string]source, len(c.Sources)), bySlug: new(slugIndex)}
	for i, s := range c.Sources {
		r.sources[s.ID] = source{s, i}
	}
	if prev != nil && !prev.derivesLike(r) {
		prev = nil // nothing of it can be reused
	}
	// A draft in the default language withholds the page in every
	// language; a draft translation withholds only itself, and its
	// language shows the default one.
	drafts := make(map[string]bool)
	def := c.Site.Languages.Default()
	for _, pg := range c.Pages {
		if pg.Draft && pg.Lang == def {
			drafts[pg.Name] = true
		}
	}
	for _, pg := range c.Pages {
		if !pg.Draft && !drafts[pg.Name] {
			r.Pages = append(r.Pages, pg)
		}
	}
	published := make([]*content.Person, 0, len(c.People))
	for _, cp := range c.People {
		if !cp.Draft {
			published = append(published, cp)
		}
	}
	if len(published) > 0 {
		// One allocation for all the people rather than one each.
		people := make([]Person, len(published))
		lower := make([]string, len(published))
		deriveAll(people, lower, published, prev, func() *deriver {
			return newDeriver(asOf, r.sources, len(c.Sources), c.Site.CurrentStatuses, c.Site.ConfirmWithin)
		})
		r.People = make([]*Person, len(people))
		for i := range people {
			r.People[i] = &people[i]
		}
		sortByName(r.People, lower)
	}
	for _, p := range r.People {
		if !p.Current {
			continue
		}
		r.Current = append(r.Current, p)
		switch {
		case p.TermEnded:
			r.TermEnded = append(r.TermEnded, p)
		case p.Unconfirmed:
			r.Unconfirmed = append(r.Unconfirmed, p)
		default:
			r.Confirmed = append(r.Confirmed, p)
		}
	}
	// The events and the two groupings read the people and write to
	// different places (r.Events; r.Groups and p.Group; r.Regions and
	// p.RegionOf), so a large register makes them at the same time.
	var wg sync.WaitGroup
	run := func(f func()) {
		if len(r.People) >= perWorker {
			wg.Go(f)
		} else {
			f()
		}
	}
	run(func() { r.Events, r.Latest = events(r.People, asOf) })
	run(func() {
		r.Groups = groupBy(r.People, func(p *Person, add func(string)) {
			for _, name := range p.Groups {
				add(name)
			}
		}, func(p *Person, g *Group) { p.Group = append(p.Group, g) }) // derive made room for them
	})
	run(func() {
		r.Regions = groupBy(r.People, func(p *Person, add func(string)) {
			if p.Region != "" {
				add(p.Region)
			}
		}, func(p *Person, g *Group) { p.RegionOf = g })
	})
	wg.Wait()
	return r
}

// derivesLike reports whether a person derived for r would be derived for
// next the same: same date, same rules of the current list and the same
// sources at the same places (a source's place numbers it while the
// citations are derived; equal sources are interchangeable, as the people
// hold them by value of their fields). It reads of next only what is set
// before its people are derived.
func (r *Register) derivesLike(next *Register) bool {
	if !r.AsOf.Equal(next.AsOf) || len(r.sources) != len(next.sources) ||
		!slices.Equal(r.Site.CurrentStatuses, next.Site.CurrentStatuses) || r.Site.ConfirmWithin != next.Site.ConfirmWithin {
		return false
	}
	for id, s := range next.sources {
		if old, ok := r.sources[id]; !ok || old.n != s.n || *old.Source != *s.Source {
			return false
		}
	}
	return true
}

// Source returns the source with the given id, or nil.
func (r *Register) Source(id string) *content.Source { return r.sources[id].Source }

// source is a source and its position in the content's list of sources,
// which numbers it for deriving citations.
type source struct {
	*content.Source
	n int
}

// EventsUpTo returns the newest n events dated on or before the register's
// date, for "latest changes" lists.
func (r *Register) EventsUpTo(n int) []Entry {
	var out []Entry
	for _, e := range r.Events {
		if e.Event.Date.First().After(r.AsOf) {
			continue
		}
		if out = append(out, e); len(out) == n {
			break
		}
	}
	return out
}

// sortByName sorts people by name, case-insensitively, then by slug.
// lower[i] is strings.ToLower(people[i].Name).
func sortByName(people []*Person, lower []string) {
	// Lowering each name once rather than in every comparison saves most of
	// the sort's time and allocations. The comparisons, and so the order,
	// are those of comparing the people themselves.
	type named struct {
		lower string
		p     *Person
	}
	keys := make([]named, len(people))
	for i, p := range people {
		keys[i] = named{lower[i], p}
	}
	slices.SortFunc(keys, func(a, b named) int {
		return cmp.Or(strings.Compare(a.lower, b.lower), strings.Compare(a.p.Slug, b.p.Slug))
	})
	for i, k := range keys {
		people[i] = k.p
	}
}

// events returns every event of people, newest first, and the date of the
// latest event on or before asOf. People must be sorted by name: events of
// the same day and index keep the people's order, then the timelines'.
func events(people []*Person, asOf time.Time) ([]Entry, date.Date) {
	n, longest := 0, 0
	var lo, hi order
	until := asOf.Unix()
	var latest date.Date
	latestFirst := latest.First().Unix()
	for _, p := range people {
		for i, o := range p.order {
			if n == 0 {
				lo, hi = o, o
			}
			n++
			lo.first, hi.first = min(lo.first, o.first), max(hi.first, o.first)
			lo.index, hi.index = min(lo.index, o.index), max(hi.index, o.index)
			// Dates compare by First before anything else, so Compare is
			// only needed between dates of the same first day.
			if o.first <= until && (o.first > latestFirst || o.first == latestFirst && p.Timeline[i].Date.Compare(latest) > 0) {
				latest, latestFirst = p.Timeline[i].Date, o.first
			}
		}
		longest = max(longest, len(p.order))
	}
	if n == 0 {
		return nil, latest
	}
	out := make([]Entry, n)
	dayBits, indexBits, placeBits := keyBits(lo, hi, len(people), longest)
	if dayBits+indexBits+placeBits > 64 {
		sortEvents(out, people)
		return out, latest
	}
	// Each event's key is one number: its day and index, counted down from
	// the newest so that they sort first, then its place, which is the
	// person's number and the event's in the timeline. Keys in place order
	// sorted stably by day and index are in the order of the format; a
	// radix sort does that several times faster than a comparison sort.
	eventBits := bits.Len(uint(longest - 1))
	keys := make([]uint64, 0, n)
	for pi, p := range people {
		for j, o := range p.order {
			// First gives midnight UTC, so first days are whole days apart.
			day := uint64(hi.first-o.first) / 86400
			index := uint64(hi.index) - uint64(o.index)
			keys = append(keys, day<<(indexBits+placeBits)|index<<placeBits|uint64(pi)<<eventBits|uint64(j))
		}
	}
	keys = radixSort(keys, placeBits, placeBits+indexBits+dayBits)
	for i, k := range keys {
		p := people[k&(1<<placeBits-1)>>eventBits]
		out[i] = Entry{p, p.Timeline[k&(1<<eventBits-1)]}
	}
	return out, latest
}

// keyBits returns how many bits events needs for the days and indexes of
// events whose orders lie between lo and hi, and for their places among
// people whose longest timeline has longest events. Their sum is at most 64
// unless days or indexes are billions apart.
func keyBits(lo, hi order, people, longest int) (dayBits, indexBits, placeBits int) {
	// The differences are unsigned so that no spread of int64s overflows.
	dayBits = bits.Len64(uint64(hi.first-lo.first) / 86400)
	indexBits = bits.Len64(uint64(hi.index) - uint64(lo.index))
	placeBits = bits.Len(uint(people-1)) + bits.Len(uint(longest-1))
	return dayBits, indexBits, placeBits
}

// radixSort sorts keys stably by their bits from lo up to hi, where the
// highest bit set is below hi, and returns them sorted, in keys or in a
// slice of its own.
func radixSort(keys []uint64, lo, hi int) []uint64 {
	if lo >= hi {
		return keys
	}
	// Least significant byte first: each pass is a counting sort, which is
	// stable, so the order of the earlier passes holds among equal bytes.
	buf := make([]uint64, len(keys))
	for shift := lo; shift < hi; shift += 8 {
		var start [256]int
		for _, k := range keys {
			start[byte(k>>shift)]++
		}
		sum := 0
		for b, count := range start {
			start[b], sum = sum, sum+count
		}
		for _, k := range keys {
			b := byte(k >> shift)
			buf[start[b]] = k
			start[b]++
		}
		keys, buf = buf, keys
	}
	return keys
}

// sortEvents sets out to the events of people in the order of events, by
// comparing their orders: slower than events' keys, but for any orders.
func sortEvents(out []Entry, people []*Person) {
	type placed struct {
		order
		seq int // the event's place in people and timeline order
		Entry
	}
	all := make([]placed, 0, len(out))
	for _, p := range people {
		for j, e := range p.Timeline {
			all = append(all, placed{p.order[j], len(all), Entry{p, e}})
		}
	}
	// With seq, no two keys are equal, and an unstable sort gives the
	// order of a stable one without it.
	slices.SortFunc(all, func(a, b placed) int {
		return cmp.Or(b.compare(a.order), cmp.Compare(a.seq, b.seq))
	})
	for i, a := range all {
		out[i] = a.Entry
	}
}

// StatusAfter is the status an event of type t with sentence s leaves a
// person in who had status prev: the format's event table.
func StatusAfter(prev content.Status, t content.EventType, s *content.Sentence) content.Status {
	switch t {
	case content.Detained:
		return content.PretrialDetention
	case content.HouseArrest:
		return content.HouseArrested
	case content.Restricted:
		return content.RestrictedStatus
	case content.Sentenced, content.SentenceChanged, content.Appeal:
		if s == nil {
			return prev
		}
		switch s.Kind {
		case content.Prison:
			return content.Imprisoned
		case content.RestrictedFreedom, content.Suspended, content.Probation:
			return content.RestrictedStatus
		case content.Fine, content.TimeServed, content.NoPunishment:
			return content.Free
		}
		return prev
	case content.Released, content.Acquitted, content.Pardoned, content.Amnesty:
		return content.Free
	case content.Died:
		return content.Dead
	}
	return prev
}

// A deriver derives people one after another. It reuses its scratch space
// from person to person and carves the people's slices out of a few large
// allocations, since a register of 10,000 people would otherwise make
// hundreds of thousands of small ones.
type deriver struct {
	asOf    time.Time
	until   int64 // asOf.Unix(): an event counts by asOf if its first day's Unix time is at most this
	sources map[string]source
	current []content.Status // statuses that make the current list
	// confirmWithin is site.yaml's confirm_within (zero: a status never
	// goes unconfirmed).
	confirmWithin date.Term

	// Scratch space for the person being derived.
	timed  []timed
	sorted []*content.Event
	orders []order
	spans  []Span
	cites  []*content.Source
	// citedBy[n] is the number (from 1) of the latest person derived who
	// cites source n, so whether the person being derived has cited a
	// source already takes no map, nor clearing anything between people.
	citedBy []int
	person  int

	// Slabs the people's slices are carved from.
	eventSlab []*content.Event
	orderSlab []order
	spanSlab  []Span
	citeSlab  []*content.Source
	groupSlab []*Group
}

// timed is an event with the key it sorts by in a timeline.
type timed struct {
	order
	e *content.Event
}

func newDeriver(asOf time.Time, sources map[string]source, nsources int, current []content.Status, confirmWithin date.Term) *deriver {
	return &deriver{asOf: asOf, until: asOf.Unix(), sources: sources, current: current, confirmWithin: confirmWithin, citedBy: make([]int, nsources)}
}

// slabSize is how many elements a slab has room for, unless one slice
// needs more. A deriver's first slabs are smaller, each twice the one
// before, so that a small register allocates little.
const slabSize = 1024

// room returns an empty slice with room for n elements, taken from the
// free end of *slab, which it replaces when too short. Its capacity is n,
// so that appending beyond it can never write over the next slice taken
// from the same slab.
func room[T any](slab *[]T, n int) []T {
	if n > cap(*slab)-len(*slab) {
		*slab = make([]T, 0, max(n, min(2*cap(*slab), slabSize), 16))
	}
	start := len(*slab)
	*slab = (*slab)[:start+n]
	return (*slab)[start : start : start+n]
}

// carve returns a copy of s taken from *slab, as room does.
func carve[T any](slab *[]T, s []T) []T { return append(room(slab, len(s)), s...) }

// perWorker is how many people make it worth deriving them on one more
// goroutine. The live preview derives the register after every edit, and
// a register of a few thousand people takes some milliseconds on one core.
const perWorker = 1000

// deriveAll derives people[i] from published[i], and sets lower[i] to its
// name in lower case for sorting, on as many goroutines as there are
// processors to run them, but no more than one per perWorker people. Each
// goroutine derives its own run of people with its own deriver, made by
// newDeriver, and a person's facts depend only on the person, so the
// results are the same however the work is split. A person of prev, if
// not nil, from the same reading of their folder is reused, not derived.
func deriveAll(people []Person, lower []string, published []*content.Person, prev *Register, newDeriver func() *deriver) {
	run := func(lo, hi int) {
		d := newDeriver()
		for i := lo; i < hi; i++ {
			if old := prev.Person(published[i].Slug); old != nil && old.SameRead(published[i]) {
				d.reuse(&people[i], old, published[i])
			} else {
				d.derive(&people[i], published[i])
			}
			lower[i] = strings.ToLower(published[i].Name)
		}
	}
	workers := max(1, min(runtime.GOMAXPROCS(0), len(published)/perWorker))
	if workers == 1 {
		run(0, len(published)) // starting a goroutine would take longer than a small register
		return
	}
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*len(published)/workers, (w+1)*len(published)/workers
		wg.Go(func() { run(lo, hi) })
	}
	wg.Wait()
}

// reuse fills in p, the person of cp, with what was derived for old, the
// person of an earlier copy of the same reading of cp's folder. What New
// sets after deriving (the groups and the region) is set again.
func (d *deriver) reuse(p, old *Person, cp *content.Person) {
	*p = *old
	p.Person = cp
	p.Group, p.RegionOf = nil, nil
	if len(cp.Groups) > 0 {
		p.Group = room(&d.groupSlab, len(cp.Groups))
	}
}

// derive fills in p, the person of cp with its timeline, status periods and
// facts as of d.asOf.
func (d *deriver) derive(p *Person, cp *content.Person) {
	p.Person = cp
	// The format's order: earliest possible day, then order in the file
	// (not the date's precision or qualifier, which say nothing of order).
	// The key is computed once per event rather than in every comparison,
	// and kept for sorting the register's events.
	d.timed = d.timed[:0]
	for _, e := range cp.Events {
		d.timed = append(d.timed, timed{order{e.Date.First().Unix(), e.Index}, e})
	}
	slices.SortStableFunc(d.timed, func(a, b timed) int { return a.compare(b.order) })
	p.Timeline = cp.Events[:0:0] // nil or empty as cp.Events, as slices.Clone would make it
	if len(d.timed) > 0 {
		d.sorted, d.orders = d.sorted[:0], d.orders[:0]
		for _, t := range d.timed {
			d.sorted = append(d.sorted, t.e)
			d.orders = append(d.orders, t.order)
		}
		p.Timeline = carve(&d.eventSlab, d.sorted)
		p.order = carve(&d.orderSlab, d.orders)
	}

	d.person++
	d.spans = append(d.spans[:0], Span{Status: content.Free})
	d.cites = d.cites[:0]
	for _, e := range p.Timeline {
		for _, id := range e.Sources {
			if s, ok := d.sources[id]; ok && d.citedBy[s.n] != d.person {
				d.citedBy[s.n] = d.person
				d.cites = append(d.cites, s.Source)
			}
		}
		last := d.spans[len(d.spans)-1].Status
		if next := StatusAfter(last, e.Type, e.Sentence); next != last {
			d.spans = append(d.spans, Span{Status: next, From: e.Date, Event: e})
		}
	}
	p.Spans = carve(&d.spanSlab, d.spans)
	if len(d.cites) > 0 {
		p.Citations = carve(&d.citeSlab, d.cites)
	}
	if len(p.Citations) > linearCitations {
		p.cited = make(map[string]int, len(p.Citations))
		for i, s := range p.Citations {
			p.cited[s.ID] = i + 1
		}
	}
	if len(cp.Groups) > 0 {
		// Room for groupBy to link the person's groups without allocating.
		p.Group = room(&d.groupSlab, len(cp.Groups))
	}
	p.Status, p.Since = p.StatusAt(d.asOf)
	p.Listed = p.ListedAt(d.asOf)
	p.Current = p.Listed && slices.Contains(d.current, p.Status)

	for i, e := range p.Timeline {
		if p.order[i].first > d.until {
			break
		}
		if e.Facility != "" {
			p.Facility = e.Facility
		}
		if e.Sentence != nil && e.Type.CarriesSentence() {
			p.Sentence = e
		}
		if StatusAfter(content.Imprisoned, e.Type, e.Sentence) == content.Free {
			p.Facility = "" // released: the old place of detention no longer applies
		}
	}
	if p.Status != content.Imprisoned && p.Status != content.PretrialDetention && p.Status != content.HouseArrested {
		p.Facility = ""
	}
	if end := termEnd(p.Sentence); !end.IsZero() {
		p.TermEnd = end
		p.TermPast = p.Status == content.Imprisoned && p.TermEnd.Last().Before(d.asOf)
	}
	d.confirm(p)
}

// confirm derives how recently the person's status is confirmed (see
// Person.LastConfirmed, TermEnded, Unconfirmed and KnownUntil).
func (d *deriver) confirm(p *Person) {
	p.LastConfirmed, p.TermEnded, p.Unconfirmed = p.confirmationAt(d.asOf, d.confirmWithin)
	p.KnownUntil = d.asOf
	switch {
	case p.TermEnded:
		p.KnownUntil = p.TermEnd.First()
	case p.Unconfirmed:
		// Held on the day of the confirmation (its first day, as every
		// event counts), so custody is known through it.
		p.KnownUntil = p.LastConfirmed.First().AddDate(0, 0, 1)
	}
}

// confirmationAt applies the rules of confirmation at t, with the window
// confirm_within (zero: statuses never go unconfirmed): the date of the
// latest event on or before t that set the person's status or shows it
// still holds; whether a status in custody at t is a prison term that
// ended before t with no confirmation after its end; and, if not, whether
// its last confirmation is older than the window. The register's facts are
// these at its date; the monthly statistics ask them at every month.
func (p *Person) confirmationAt(t time.Time, window date.Term) (last date.Date, ended, unconfirmed bool) {
	var sentence *content.Event
	for _, e := range p.Timeline {
		if e.Date.First().After(t) {
			break
		}
		if confirms(e) {
			last = e.Date
		}
		if e.Sentence != nil && e.Type.CarriesSentence() {
			sentence = e
		}
	}
	status, _ := p.StatusAt(t)
	if !slices.Contains(Custodial, status) {
		return last, false, false
	}
	if end := termEnd(sentence); status == content.Imprisoned && !end.IsZero() && end.Last().Before(t) && !last.First().After(end.Last()) {
		return last, true, false
	}
	return last, false, !window.IsZero() && window.AddTo(last.First()).Before(t)
}

// termEnd is the date a prison term set by event s would end, counted from
// its date and as precise as it; zero when s sets no prison term.
func termEnd(s *content.Event) date.Date {
	if s == nil || s.Sentence == nil || s.Sentence.Kind != content.Prison || s.Sentence.Term.IsZero() {
		return date.Date{}
	}
	end := s.Sentence.Term.AddTo(s.Date.First())
	d := date.Date{Year: end.Year(), Month: int(end.Month()), Day: end.Day(), Precision: s.Date.Precision,
		Approximate: s.Date.Approximate, Uncertain: s.Date.Uncertain}
	if s.Date.Precision < date.Day {
		d.Day = 0
	}
	if s.Date.Precision < date.Month {
		d.Month = 0
	}
	return d
}

// StatusAt returns the person's status at t and the date it began (zero
// when the person was never anything but free).
func (p *Person) StatusAt(t time.Time) (content.Status, date.Date) {
	cur := p.Spans[0]
	for _, s := range p.Spans[1:] {
		if s.From.First().After(t) {
			break
		}
		cur = s
	}
	return cur.Status, cur.From
}

// ListedAt reports whether the person is on the register at t.
func (p *Person) ListedAt(t time.Time) bool {
	listed, first := true, true
	for _, e := range p.Timeline {
		if e.Type != content.Recognized && e.Type != content.Delisted {
			continue
		}
		if first {
			// Before the first membership event, the person is on the
			// register only if that event takes them off it.
			listed, first = e.Type == content.Delisted, false
		}
		if e.Date.First().After(t) {
			break
		}
		listed = e.Type == content.Recognized
	}
	return listed
}

// CitationNumber returns the 1-based number under which the person page
// lists source id, or 0.
func (p *Person) CitationNumber(id string) int {
	if p.cited != nil {
		return p.cited[id]
	}
	for i, s := range p.Citations {
		if s.ID == id {
			return i + 1
		}
	}
	return 0
}

// RecognizedBy returns the latest recognized event on or before the
// register's date, or nil.
func (p *Person) RecognizedBy(asOf time.Time) *content.Event {
	var out *content.Event
	for _, e := range p.Timeline {
		if e.Date.First().After(asOf) {
			break
		}
		if e.Type == content.Recognized {
			out = e
		}
	}
	return out
}

// groupBy collects people under each name that names adds for them, with
// unique URL slugs; link records the group on the person.
func groupBy(people []*Person, names func(p *Person, add func(name string)), link func(*Person, *Group)) []*Group {
	byName := make(map[string]*Group)
	var groups []*Group
	var p *Person
	// add is made once rather than per person, as a closure over p.
	add := func(k string) {
		g := byName[k]
		if g == nil {
			g = &Group{Name: k}
			byName[k] = g
			groups = append(groups, g)
		}
		if len(g.People) == 0 || g.People[len(g.People)-1] != p {
			g.People = append(g.People, p)
			if p.Current {
				g.Current++
			}
			link(p, g)
		}
	}
	for _, p = range people {
		names(p, add)
	}
	slices.SortFunc(groups, func(a, b *Group) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.Name, b.Name))
	})
	// Names that make the same slug ("Street Party", "street party") get
	// numbered slugs, in name order so the numbering is stable.
	used := make(map[string]bool)
	for _, g := range groups {
		base := slug.Make(g.Name)
		if base == "" {
			base = "group"
		}
		s := base
		for n := 2; used[s]; n++ {
			s = base + "-" + strconv.Itoa(n)
		}
		used[s] = true
		g.Slug = s
	}
	return groups
}
