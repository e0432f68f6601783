package register_test

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
)

// TestChangeKind holds the change log's sections to the methodology: each
// event type that changes a person's standing has its section, and the
// others none.
func TestChangeKind(t *testing.T) {
	want := map[content.EventType]string{
		content.Recognized: "added", content.Detained: "detained", content.HouseArrest: "detained",
		content.Sentenced: "sentenced", content.SentenceChanged: "sentenced", content.Appeal: "sentenced",
		content.Released: "released", content.Acquitted: "released", content.Pardoned: "released", content.Amnesty: "released",
		content.Died: "died", content.Delisted: "removed",
	}
	for _, et := range content.EventTypes {
		got := ""
		if i := register.ChangeKind(et); i >= 0 {
			got = register.ChangeKinds[i]
		}
		if got != want[et] {
			t.Errorf("%s: section %q, want %q", et, got, want[et])
		}
	}
}

func TestTermMonthsAndFirstDetained(t *testing.T) {
	r := load(t, "2030-01-01")
	for _, tt := range []struct {
		slug     string
		months   int
		detained string
	}{
		{"a", 12, "2020-03-02"}, // the appeal's term, as of the register's date
		{"b", 0, "2019"},
		{"d", 60, ""},
	} {
		p := person(r, tt.slug)
		if got := register.TermMonths(p); got != tt.months {
			t.Errorf("%s: %d months, want %d", tt.slug, got, tt.months)
		}
		if got := register.FirstDetained(p); got.String() != tt.detained && !(got.IsZero() && tt.detained == "") {
			t.Errorf("%s: first detained %v, want %s", tt.slug, got, tt.detained)
		}
	}
}

// TestConfirmation holds the rules of issue "trust in the numbers": when a
// status is confirmed, unconfirmed or a finished term, with dates at the
// edge of the window, approximate and uncertain ones included, as of a
// date, with the default window of a year.
func TestConfirmation(t *testing.T) {
	const asOf = "2026-12-01"
	tests := []struct {
		name   string
		events []string // the events of the case file, in flow style
		// want: "confirmed", "unconfirmed", "ended", or "" (not on the list)
		want      string
		confirmed string // LastConfirmed
		known     string // KnownUntil, when not asOf
	}{
		{"detained within the year", []string{`date: 2026-01-10, type: detained`}, "confirmed", "2026-01-10", ""},
		{"detained a year ago to the day", []string{`date: 2025-12-01, type: detained`}, "confirmed", "2025-12-01", ""},
		{"detained a year and a day ago", []string{`date: 2025-11-30, type: detained`}, "unconfirmed", "2025-11-30", "2025-12-01"},
		{"detained, then confirmed", []string{`date: 2020-09-08, type: detained`, `date: 2026-03, type: confirmed`}, "confirmed", "2026-03", ""},
		{"approximate confirmation at the edge counts from its first day", []string{`date: 2020, type: detained`, `date: 2025-12~, type: confirmed`}, "confirmed", "2025-12~", ""},
		{"approximate month a year and a month ago", []string{`date: 2020, type: detained`, `date: 2025-11~, type: confirmed`}, "unconfirmed", "2025-11~", "2025-11-02"},
		{"uncertain year", []string{`date: "2025?", type: detained`}, "unconfirmed", "2025?", "2025-01-02"},
		{"a hunger strike restates custody", []string{`date: 2019, type: detained`, `date: 2026-06-01, type: hunger_strike`}, "confirmed", "2026-06-01", ""},
		{"recognition restates custody", []string{`date: 2019, type: detained`, `date: 2026-06-01, type: recognized`}, "confirmed", "2026-06-01", ""},
		{"other says nothing", []string{`date: 2019-05-05, type: detained`, `date: 2026-06-01, type: other`}, "unconfirmed", "2019-05-05", "2019-05-06"},
		{"appeal upholding the term establishes it again", []string{`date: 2024-01-01, type: sentenced, sentence: {kind: prison, term: 5y}`, `date: 2026-02-01, type: appeal, sentence: {kind: prison, term: 5y}`}, "confirmed", "2026-02-01", ""},
		{"term ended, no release recorded", []string{`date: 2016-03-01, type: sentenced, sentence: {kind: prison, term: 5y}`}, "ended", "2016-03-01", "2021-03-01"},
		{"term ended, confirmed held after its end", []string{`date: 2016-03-01, type: sentenced, sentence: {kind: prison, term: 5y}`, `date: 2026-05-01, type: confirmed`}, "confirmed", "2026-05-01", ""},
		{"term ended, confirmed long after its end", []string{`date: 2016-03-01, type: sentenced, sentence: {kind: prison, term: 5y}`, `date: 2022-05-01, type: confirmed`}, "unconfirmed", "2022-05-01", "2022-05-02"},
		{"term still running, last heard of years ago", []string{`date: 2019-03-01, type: sentenced, sentence: {kind: prison, term: 10y}`}, "unconfirmed", "2019-03-01", "2019-03-02"},
		{"released later", []string{`date: 2016-03-01, type: sentenced, sentence: {kind: prison, term: 5y}`, `date: 2021-03-01, type: released`}, "", "2021-03-01", ""},
		{"died", []string{`date: 2016-03-01, type: detained`, `date: 2021-11-24, type: died`}, "", "2021-11-24", ""},
		{"delisted", []string{`date: 2026-03-01, type: detained`, `date: 2026-04-01, type: delisted, by: X`}, "", "2026-03-01", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var events strings.Builder
			for _, e := range tt.events {
				events.WriteString("  - {" + e + ", text: T., sources: [s]}\n")
			}
			files := fstest.MapFS{
				"content/site.yaml":          {Data: []byte("title: T\n")},
				"content/sources/s.yaml":     {Data: []byte("- id: s\n  title: S\n")},
				"content/people/p/case.yaml": {Data: []byte("name: P\nevents:\n" + events.String())},
			}
			c, err := content.Load(files)
			if err != nil {
				t.Fatal(err)
			}
			r := register.New(c, day(asOf))
			p := r.People[0]
			got := ""
			switch {
			case slices.Contains(r.Confirmed, p):
				got = "confirmed"
			case slices.Contains(r.Unconfirmed, p):
				got = "unconfirmed"
			case slices.Contains(r.TermEnded, p):
				got = "ended"
			}
			if got != tt.want || p.Unconfirmed != (tt.want == "unconfirmed") || p.TermEnded != (tt.want == "ended") {
				t.Errorf("%q (unconfirmed %v, term ended %v), want %q", got, p.Unconfirmed, p.TermEnded, tt.want)
			}
			if s := p.LastConfirmed.String(); s != tt.confirmed {
				t.Errorf("last confirmed %s, want %s", s, tt.confirmed)
			}
			known := asOf
			if tt.known != "" {
				known = tt.known
			}
			if k := p.KnownUntil.Format(time.DateOnly); k != known {
				t.Errorf("known until %s, want %s", k, known)
			}
			if len(r.Current) != len(r.Confirmed)+len(r.Unconfirmed)+len(r.TermEnded) {
				t.Errorf("the current list's %d are not its three parts", len(r.Current))
			}
		})
	}
}

// TestConfirmWithin takes the window from site.yaml.
func TestConfirmWithin(t *testing.T) {
	files := fstest.MapFS{
		"content/site.yaml":          {Data: []byte("title: T\nconfirm_within: 6m\n")},
		"content/sources/s.yaml":     {Data: []byte("- id: s\n  title: S\n")},
		"content/people/p/case.yaml": {Data: []byte("name: P\nevents:\n  - {date: 2026-05-01, type: detained, text: T., sources: [s]}\n")},
	}
	c, err := content.Load(files)
	if err != nil {
		t.Fatal(err)
	}
	if r := register.New(c, day("2026-11-01")); len(r.Confirmed) != 1 {
		t.Errorf("six months to the day: not confirmed")
	}
	if r := register.New(c, day("2026-11-02")); len(r.Unconfirmed) != 1 {
		t.Errorf("six months and a day: not unconfirmed")
	}
}
