package register

import (
	"slices"
	"time"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/date"
)

// Period is a stretch of one status in a person's record, for the custody
// bar. It runs over [From, To): from the earliest day of the date that began
// it up to the earliest day of the date that ended it, as register counts.
type Period struct {
	Status content.Status
	From   time.Time // 00:00 UTC
	To     time.Time // the next period's From, or the register's date when Open
	Since  date.Date // the date, as the case file writes it, that began the period
	Until  date.Date // the date that ended it; zero when Open
	Open   bool      // the status still holds at the register's date
}

// Days returns the length of the period in whole days, To excluded.
func (p Period) Days() int { return days(p.From, p.To) }

// Exact reports whether both ends of the period are known to the day: no
// partial, approximate or uncertain date.
func (p Period) Exact() bool { return exact(p.Since) && (p.Open || exact(p.Until)) }

func exact(d date.Date) bool { return d.Precision == date.Day && !d.Approximate && !d.Uncertain }

func days(from, to time.Time) int {
	// Both are 00:00 UTC, which has no daylight saving, so the difference
	// is a whole number of days.
	return int(to.Sub(from) / (24 * time.Hour))
}

// Custody returns p's record as status periods from the person's first
// event up to asOf, oldest first, for the custody bar. It begins, when the
// first event does not change the status, with a free period from that
// event. Periods that the content's dates make empty (two changes on the
// same earliest day) are dropped, and neighbours with the same status are
// merged; the last, open period is kept even when it begins on asOf, since
// it is the person's status. A death ends the record: it is a last, empty period of status
// died, rather than a period running on to asOf. Events after asOf are
// ignored; nil when there is none on or before it.
func Custody(p *Person, asOf time.Time) []Period {
	asOf = time.Date(asOf.Year(), asOf.Month(), asOf.Day(), 0, 0, 0, 0, time.UTC)
	if len(p.Timeline) == 0 || p.Timeline[0].Date.First().After(asOf) {
		return nil
	}
	first := p.Timeline[0].Date
	all := []Period{{Status: content.Free, From: first.First(), Since: first}}
	for _, s := range p.Spans[1:] {
		t := s.From.First()
		if t.After(asOf) {
			break
		}
		prev := &all[len(all)-1]
		prev.To, prev.Until = t, s.From
		all = append(all, Period{Status: s.Status, From: t, Since: s.From})
		if s.Status == content.Dead {
			break
		}
	}
	if last := &all[len(all)-1]; last.Status == content.Dead {
		last.To, last.Until = last.From, last.Since
	} else {
		last.To, last.Open = asOf, true
	}

	out := all[:0]
	for _, pd := range all {
		if pd.Days() <= 0 && !pd.Open && pd.Status != content.Dead {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Status == pd.Status {
			out[n-1].To, out[n-1].Until, out[n-1].Open = pd.To, pd.Until, pd.Open
			continue
		}
		out = append(out, pd)
	}
	return out
}

// Days adds up the days of the periods whose status is in custodial (nil
// means [Custodial]); exact reports whether every period counted is known to
// the day (see [Period.Exact]), so that the page can say "about".
func Days(periods []Period, custodial []content.Status) (n int, exact bool) {
	if custodial == nil {
		custodial = Custodial
	}
	exact = true
	for _, p := range periods {
		if slices.Contains(custodial, p.Status) {
			n += p.Days()
			exact = exact && p.Exact()
		}
	}
	return n, exact
}

// DaysInCustody returns how many days p spent in custody up to asOf: the
// days of p's [Custody] periods whose status is in custodial, nil meaning
// [Custodial] (pretrial detention, house arrest and prison). Each period
// counts from the earliest day its date allows up to, not including, the
// earliest day of the date that ended it, or up to asOf.
func DaysInCustody(p *Person, asOf time.Time, custodial []content.Status) int {
	n, _ := Days(Custody(p, asOf), custodial)
	return n
}
