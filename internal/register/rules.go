package register

import (
	"slices"
	"strings"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/date"
)

// What events mean beyond a person's status (see [StatusAfter]), for the
// pages and files that report them. Every rule about event types, statuses
// and sentences lives in this package, so that a change to the
// methodology is made in one place.

// ChangeKinds are the sections of the change log, in the order shown:
// who was added to the register, detained, sentenced, released, died or
// removed. [ChangeKind] says which section an event goes in.
var ChangeKinds = []string{"added", "detained", "sentenced", "released", "died", "removed"}

// changeTypes are the event types each of ChangeKinds collects. Other
// events (a trial, a transfer) change no one's standing and stay on the
// person pages.
var changeTypes = [][]content.EventType{
	{content.Recognized},
	{content.Detained, content.HouseArrest},
	{content.Sentenced, content.SentenceChanged, content.Appeal},
	{content.Released, content.Acquitted, content.Pardoned, content.Amnesty},
	{content.Died},
	{content.Delisted},
}

var changeIndex = func() map[content.EventType]int {
	m := make(map[content.EventType]int)
	for i, types := range changeTypes {
		for _, t := range types {
			m[t] = i
		}
	}
	return m
}()

// ChangeKind returns the index in [ChangeKinds] of the change log's section
// that events of type t go in, or -1 when they are not a change.
func ChangeKind(t content.EventType) int {
	if i, ok := changeIndex[t]; ok {
		return i
	}
	return -1
}

// Restates reports whether an event of type t, which leaves the status as
// it is, shows that status still holds on its date: a report that the
// person is still held (confirmed); a recognition as a political prisoner,
// since the lists that recognize prisoners name people held; or a report
// of something that happens to them where they are (new charges, a
// hearing, a hunger strike, their health, a transfer). An event that sets
// a status, even the same one again (an appeal that upholds a prison
// term), establishes it anyway. A delisting or an "other" event says
// nothing of where the person is.
func Restates(t content.EventType) bool {
	switch t {
	case content.Confirmed, content.Recognized, content.Charged, content.Trial, content.HungerStrike, content.Health, content.Transferred:
		return true
	}
	return false
}

// confirms reports whether e confirms the status that holds after it: it
// sets a status (it would change one no event could have made), even the
// same one again, or it restates it (see [Restates]).
func confirms(e *content.Event) bool {
	return StatusAfter("", e.Type, e.Sentence) != "" || Restates(e.Type)
}

// Confirmations are the three parts of the current list, as
// [Confirmation] names them, in the order the site shows them.
var Confirmations = []string{"confirmed", "unconfirmed", "term_ended"}

// Confirmation says which part of the current list p is in: "confirmed",
// "unconfirmed" or "term_ended" (see Person.Unconfirmed and TermEnded), or
// "" when p is not on the current list.
func Confirmation(p *Person) string {
	switch {
	case !p.Current:
		return ""
	case p.TermEnded:
		return "term_ended"
	case p.Unconfirmed:
		return "unconfirmed"
	}
	return "confirmed"
}

// ConfirmedRange returns the oldest and the newest of the people's last
// confirmations (zero dates for none), for saying "last confirmed between
// ... and ...".
func ConfirmedRange(people []*Person) (oldest, newest date.Date) {
	for _, p := range people {
		d := p.LastConfirmed
		if d.IsZero() {
			continue
		}
		if oldest.IsZero() || d.Compare(oldest) < 0 {
			oldest = d
		}
		if newest.IsZero() || d.Compare(newest) > 0 {
			newest = d
		}
	}
	return oldest, newest
}

// TermMonths is the person's latest prison term (as of the register's
// date) in months, for sorting by sentence; 0 when there is none.
func TermMonths(p *Person) int {
	if p.Sentence == nil || p.Sentence.Sentence == nil || p.Sentence.Sentence.Kind != content.Prison {
		return 0
	}
	t := p.Sentence.Sentence.Term
	return t.Years*12 + t.Months
}

// FirstDetained is the date of the person's first detention event, or the
// zero date.
func FirstDetained(p *Person) date.Date {
	for _, e := range p.Timeline {
		if e.Type == content.Detained {
			return e.Date
		}
	}
	return date.Date{}
}

// Letters returns the postal address, line by line, at which p can be
// written to: that of the facility where they are held, when site.yaml
// lists it and their status is one of the current list's.
func (r *Register) Letters(p *Person) []string {
	if p == nil || p.Facility == "" || !slices.Contains(r.Site.CurrentStatuses, p.Status) {
		return nil
	}
	f, ok := r.Site.Facilities[p.Facility]
	if !ok || f.Address == "" {
		return nil
	}
	return strings.Split(strings.TrimSpace(f.Address), "\n")
}
