// Statistics: the current list month by month, everyone ever listed by
// region, charge, year of detention and sentence length, and each person's
// custody as periods. They are counted here, beside the rules they count
// by, and drawn by package site/chart.
//
// The counts only ask a person's StatusAt and ListedAt at the dates where
// the answer can change, so they count exactly as the rest of the site
// does: an event counts from the earliest day its date allows.
//
// Results are deterministic: every map is turned into a sorted slice, ties
// broken by key.

package register

import (
	"slices"
	"time"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/date"
)

// Custodial are the statuses that count as custody for [DaysInCustody] and
// the year of detention. House arrest counts: it is custody in law, and
// it puts a person on the register's current list by default.
var Custodial = []content.Status{content.PretrialDetention, content.HouseArrested, content.Imprisoned}

// Month is one month of the [Monthly] series.
type Month struct {
	Start time.Time // the first day of the month, 00:00 UTC
	At    time.Time // the day counted: the month's last day, or the register's date in its own month
	// Counts holds, for each of the site's current statuses, how many people
	// were on the current list with that status at At (zeros included).
	Counts map[content.Status]int
	Total  int // the sum of Counts: the length of the current list at At
	// Unconfirmed is how many of Total were, at At, not confirmed in
	// custody within site.yaml's confirm_within: held by older records
	// only, or past the end of their terms (Person.Unconfirmed and
	// TermEnded, as they were then). The chart draws them apart, as
	// carried forward.
	Unconfirmed int
}

// Count returns how many people had status s at the month's end, for
// templates, where indexing a map by a typed key is awkward.
func (m Month) Count(s content.Status) int { return m.Counts[s] }

// Statuses returns the site's current statuses in the order of
// content.Statuses (most severe custody first), the order in which charts
// stack and tables list them.
func Statuses(r *Register) []content.Status {
	var out []content.Status
	for _, s := range content.Statuses {
		if slices.Contains(r.Site.CurrentStatuses, s) {
			out = append(out, s)
		}
	}
	return out
}

// Monthly returns the length of the current list, by status, for every
// month from the month of the earliest event of any person up to the month
// of the register's date. A month counts the people who are on the register
// (ListedAt) with one of the site's current statuses (StatusAt) on its last
// day; the register's own month counts at the register's date. It is nil
// when no event lies on or before that date.
//
// Asking StatusAt and ListedAt for every person and month would cost
// people × months × events. Instead each person's answers are taken only at
// the dates where they can change (the starts of status spans and the
// membership events) and added to a difference array over months, so the
// cost is about people × events + months, while the rules stay register's.
func Monthly(r *Register) []Month {
	asOf := r.AsOf
	var first time.Time
	for _, p := range r.People {
		if len(p.Timeline) == 0 {
			continue
		}
		// The timeline is sorted by earliest day, so its head is the earliest.
		if t := p.Timeline[0].Date.First(); !t.After(asOf) && (first.IsZero() || t.Before(first)) {
			first = t
		}
	}
	if first.IsZero() {
		return nil
	}
	statuses := Statuses(r)
	slot := make(map[content.Status]int, len(statuses))
	for i, s := range statuses {
		slot[s] = i
	}
	y0, m0 := first.Year(), int(first.Month())
	n := (asOf.Year()-y0)*12 + int(asOf.Month()) - m0 + 1
	// index returns the first month whose counting day is on or after t.
	// Every day of a month is on or before its last day, so that is t's own
	// month, except after the register's date in its own month.
	index := func(t time.Time) int {
		if t.Before(first) {
			return 0
		}
		k := (t.Year()-y0)*12 + int(t.Month()) - m0
		if k > n-1 || k == n-1 && t.After(asOf) {
			return n
		}
		return k
	}
	// diff[k*len(statuses)+i] is the change, at month k, in the number of
	// people with status i on the current list.
	w := len(statuses)
	diff := make([]int, (n+1)*w)
	unconfirmed := make([]int, n+1) // the same for the people not confirmed then
	window := r.Site.ConfirmWithin
	var points []time.Time
	for _, p := range r.People {
		points = confirmationPoints(p, asOf, window, changePoints(p, asOf, points[:0]))
		for j, t := range points {
			if !p.ListedAt(t) {
				continue
			}
			st, _ := p.StatusAt(t)
			i, ok := slot[st]
			if !ok {
				continue
			}
			from, to := index(t), n
			if j+1 < len(points) {
				to = index(points[j+1])
			}
			if from < to {
				diff[from*w+i]++
				diff[to*w+i]--
				if _, ended, unconf := p.confirmationAt(t, window); ended || unconf {
					unconfirmed[from]++
					unconfirmed[to]--
				}
			}
		}
	}
	months := make([]Month, n)
	run := make([]int, w)
	carried := 0
	for k := range months {
		start := time.Date(y0, time.Month(m0+k), 1, 0, 0, 0, 0, time.UTC)
		at := start.AddDate(0, 1, -1)
		if k == n-1 {
			at = asOf
		}
		m := Month{Start: start, At: at, Counts: make(map[content.Status]int, w)}
		for i, s := range statuses {
			run[i] += diff[k*w+i]
			m.Counts[s] = run[i]
			m.Total += run[i]
		}
		carried += unconfirmed[k]
		m.Unconfirmed = carried
		months[k] = m
	}
	return months
}

// changePoints appends to buf, sorted and without repeats, the days on or
// before asOf at which p's status or membership can change, preceded by the
// zero time, which stands for "before everything".
func changePoints(p *Person, asOf time.Time, buf []time.Time) []time.Time {
	buf = append(buf, time.Time{})
	for _, s := range p.Spans[1:] {
		buf = append(buf, s.From.First())
	}
	for _, e := range p.Timeline {
		if e.Type == content.Recognized || e.Type == content.Delisted {
			buf = append(buf, e.Date.First())
		}
	}
	slices.SortFunc(buf, time.Time.Compare)
	buf = slices.Compact(buf)
	for i, t := range buf {
		if t.After(asOf) {
			return buf[:i]
		}
	}
	return buf
}

// confirmationPoints adds to points, sorted and without repeats, the days
// on or before asOf at which p's confirmation can change (see
// Person.confirmationAt): each confirming event, the day after the window
// since it runs out, and the day after each prison term's end.
func confirmationPoints(p *Person, asOf time.Time, window date.Term, points []time.Time) []time.Time {
	n := len(points)
	for _, e := range p.Timeline {
		first := e.Date.First()
		if first.After(asOf) {
			break
		}
		if confirms(e) {
			points = append(points, first)
			if !window.IsZero() {
				points = append(points, window.AddTo(first).AddDate(0, 0, 1))
			}
		}
		if end := termEnd(e); !end.IsZero() {
			points = append(points, end.Last().AddDate(0, 0, 1))
		}
	}
	if len(points) == n {
		return points
	}
	slices.SortFunc(points, time.Time.Compare)
	points = slices.Compact(points)
	for i, t := range points {
		if t.After(asOf) {
			return points[:i]
		}
	}
	return points
}

// EverListed reports whether p has been on the register at any time up to
// asOf. That is everyone the site publishes except a person whose first
// membership event is a recognition dated after asOf.
func EverListed(p *Person, asOf time.Time) bool {
	for _, t := range changePoints(p, asOf, nil) {
		if p.ListedAt(t) {
			return true
		}
	}
	return false
}
