package content

import (
	"strconv"
	"time"
)

// CheckDates reports the dates that cannot be, as of today (the day the
// check runs, in UTC, not the site's --as-of date): an event after today,
// which is a typing mistake (2062 for 2026) or a plan, not a fact; and a
// birth date after the person's first event. A build as of a past date
// still simply leaves later events out; only the future is an error.
//
// It is separate from [Load] so that loading stays a function of the
// files alone, and tests and the preview choose the day.
func CheckDates(c *Content, today time.Time) error { return CheckPeopleDates(c.People, today) }

// CheckPeopleDates is CheckDates for some of the people.
func CheckPeopleDates(people []*Person, today time.Time) error {
	today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	var errs ErrorList
	for _, p := range people {
		var first *Event
		for i, e := range p.Events {
			if e.Date.IsZero() {
				continue
			}
			if e.Date.First().After(today) {
				line, col := e.Line, 0
				if i < len(p.eventPos) {
					line, col = int(p.eventPos[i].date[0]), int(p.eventPos[i].date[1])
				}
				errs = append(errs, &Error{Path: p.Path, Line: line, Col: col, Msg: "the date " + e.Date.String() + " is after today (" + today.Format(time.DateOnly) + "); an event is recorded once it has happened: check the year, or write what is announced (a hearing set for a date) as an event on the day it was announced"})
			}
			if first == nil || e.Date.First().Before(first.Date.First()) {
				first = e
			}
		}
		if !p.Born.IsZero() && first != nil && p.Born.First().After(first.Date.Last()) {
			errs = append(errs, &Error{Path: p.Path, Line: int(p.bornPos[0]), Col: int(p.bornPos[1]), Msg: "born " + p.Born.String() + " is after the person's first event (" + first.Date.String() + ", line " + strconv.Itoa(first.Line) + "); check both years"})
		}
	}
	return errs.Err()
}
