package site

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/tizim/tizim/internal/date"
	"github.com/tizim/tizim/internal/register"
)

// The change log answers the question registers are asked every month:
// who was added, detained, sentenced, released or died since the last
// list. It is built from events, so it is right for any past date too.

// ChangeMonth is one month of the change log. Events dated only by year
// form a month of their own, with a Date of year precision, after the
// year's months.
type ChangeMonth struct {
	Date     date.Date // of month precision, or of year precision
	YearOnly bool      // the events of the year whose month is not known
	ID       string    // for links: "2021-01", "2021"
	Count    int       // changes in the month, or in this part of it

	// The month's changes are sorted and grouped by kind only when a page
	// shows them: a rebuild in the preview renders one person's page, and
	// at 10,000 people sorting them all would take longer than the rest.
	all      *monthChanges
	from, to int // the part's changes, in the order of Kinds (see parts)
}

// monthChanges are the changes of a month, grouped by kind when first
// needed; a month and its parts share them.
type monthChanges struct {
	once    sync.Once
	entries []register.Entry
	kinds   []ChangeKind
}

// Kinds returns the month's changes (or its part's) by kind, in the
// order of register.ChangeKinds, each kind's by date, then name.
func (m ChangeMonth) Kinds() []ChangeKind {
	all := m.all.group()
	var out []ChangeKind
	at := 0 // position of k's first entry among the month's changes
	for _, k := range all {
		from, to := max(m.from-at, 0), min(m.to-at, len(k.Entries))
		if from < to {
			out = append(out, ChangeKind{Kind: k.Kind, Entries: k.Entries[from:to]})
		}
		at += len(k.Entries)
	}
	return out
}

func (c *monthChanges) group() []ChangeKind {
	c.once.Do(func() {
		slices.SortStableFunc(c.entries, func(a, b register.Entry) int {
			// Not cmp.Or, which would compare the names of every pair.
			if c := a.Event.Date.Compare(b.Event.Date); c != 0 {
				return c
			}
			if c := strings.Compare(a.Person.Name, b.Person.Name); c != 0 {
				return c
			}
			return strings.Compare(a.Person.Slug, b.Person.Slug)
		})
		kinds := make([]ChangeKind, len(register.ChangeKinds))
		for i, k := range register.ChangeKinds {
			kinds[i].Kind = k
		}
		for _, e := range c.entries {
			i := register.ChangeKind(e.Event.Type)
			kinds[i].Entries = append(kinds[i].Entries, e)
		}
		c.kinds = slices.DeleteFunc(kinds, func(k ChangeKind) bool { return len(k.Entries) == 0 })
	})
	return c.kinds
}

// Rel is the site path of the month's own page, used when its year is
// split: changes/2021/01/, or changes/2021/unknown/ for the year-only
// events.
func (m ChangeMonth) Rel() string {
	y := strconv.Itoa(m.Date.Year)
	if m.YearOnly {
		return "changes/" + y + "/unknown/"
	}
	return "changes/" + y + "/" + twoDigits(m.Date.Month) + "/"
}

// ChangeKind is one section of a month: the events of one kind.
type ChangeKind struct {
	Kind    string // added, detained, sentenced, released, died, removed
	Entries []register.Entry
}

// ChangeYear is a year of the change log, which has a page of its own.
// A year with more than changesPerPage changes lists its months, each on
// a page of its own (Split).
type ChangeYear struct {
	Slug   string // "2021"
	Months []ChangeMonth
	Count  int
	Split  bool
}

type changeLog struct {
	latest      []ChangeMonth // the most recent months with changes, newest first
	years       []ChangeYear  // newest first
	latestCount int
	latestFull  bool
}

// latestMonths is how many months /changes/ shows at most, and
// changesPerPage how many changes a page may hold before months move to
// pages of their own, so that no page passes about 1 MB.
const latestMonths = 12

var changesPerPage = 2000 // a variable so that tests can split small logs

func newChangeLog(r *register.Register) changeLog {
	type key struct {
		year, month int // month 0: only the year is known
	}
	byMonth := make(map[key][]register.Entry)
	for _, e := range r.Events {
		if register.ChangeKind(e.Event.Type) < 0 || e.Event.Date.First().After(r.AsOf) {
			continue
		}
		d := e.Event.Date
		k := key{d.Year, 0}
		if d.Precision >= date.Month {
			k.month = d.Month
		}
		byMonth[k] = append(byMonth[k], e)
	}
	keys := make([]key, 0, len(byMonth))
	for k := range byMonth {
		keys = append(keys, k)
	}
	// Newest first; within a year the months come before "month unknown".
	slices.SortFunc(keys, func(a, b key) int {
		if c := cmp.Compare(b.year, a.year); c != 0 {
			return c
		}
		am, bm := a.month, b.month
		if am == 0 {
			am = -1
		}
		if bm == 0 {
			bm = -1
		}
		return cmp.Compare(bm, am)
	})
	var log changeLog
	for _, k := range keys {
		entries := byMonth[k]
		m := ChangeMonth{Date: date.Date{Year: k.year, Month: k.month, Precision: date.Month}, ID: strconv.Itoa(k.year),
			Count: len(entries), all: &monthChanges{entries: entries}, to: len(entries)}
		if k.month == 0 {
			m.Date, m.YearOnly = date.Date{Year: k.year, Precision: date.Year}, true
		} else {
			m.ID += "-" + twoDigits(k.month)
		}
		if len(log.latest) < latestMonths && k.month != 0 && (len(log.latest) == 0 || log.latestCount+m.Count <= changesPerPage) && !log.latestFull {
			log.latest = append(log.latest, m)
			log.latestCount += m.Count
		} else if k.month != 0 {
			log.latestFull = true // keep the latest months contiguous
		}
		if n := len(log.years); n == 0 || log.years[n-1].Slug != strconv.Itoa(k.year) {
			log.years = append(log.years, ChangeYear{Slug: strconv.Itoa(k.year)})
		}
		y := &log.years[len(log.years)-1]
		y.Months = append(y.Months, m)
		y.Count += m.Count
	}
	for i := range log.years {
		log.years[i].Split = log.years[i].Count > changesPerPage
	}
	return log
}

// parts splits the month into runs of at most n changes, in the order
// Kinds shows them, for months too long for one page; each part's Count is
// its own number of changes.
func (m ChangeMonth) parts(n int) []ChangeMonth {
	if m.Count <= n {
		return []ChangeMonth{m}
	}
	var out []ChangeMonth
	for from := m.from; from < m.to; from += n {
		part := m
		part.from, part.to = from, min(from+n, m.to)
		part.Count = part.to - part.from
		out = append(out, part)
	}
	return out
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
