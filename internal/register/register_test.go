package register_test

import (
	"os"
	"slices"
	"testing"
	"time"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/date"
	"github.com/tizim/tizim/internal/register"
	"github.com/tizim/tizim/internal/testkit/testsite"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestStatusAfter has a row for every row of the format's event table.
func TestStatusAfter(t *testing.T) {
	prison := &content.Sentence{Kind: content.Prison}
	sent := func(k content.SentenceKind) *content.Sentence { return &content.Sentence{Kind: k} }
	tests := []struct {
		prev content.Status
		typ  content.EventType
		s    *content.Sentence
		want content.Status
	}{
		{content.Free, content.Detained, nil, content.PretrialDetention},
		{content.PretrialDetention, content.HouseArrest, nil, content.HouseArrested},
		{content.PretrialDetention, content.Restricted, nil, content.RestrictedStatus},
		{content.PretrialDetention, content.Sentenced, prison, content.Imprisoned},
		{content.Imprisoned, content.SentenceChanged, sent(content.RestrictedFreedom), content.RestrictedStatus},
		{content.Imprisoned, content.Appeal, sent(content.Suspended), content.RestrictedStatus},
		{content.Free, content.Sentenced, sent(content.Probation), content.RestrictedStatus},
		{content.Imprisoned, content.SentenceChanged, sent(content.Fine), content.Free},
		{content.PretrialDetention, content.Sentenced, sent(content.TimeServed), content.Free},
		{content.PretrialDetention, content.Appeal, sent(content.NoPunishment), content.Free},
		{content.HouseArrested, content.Sentenced, nil, content.HouseArrested},
		{content.Imprisoned, content.Appeal, nil, content.Imprisoned},
		{content.Imprisoned, content.Released, nil, content.Free},
		{content.PretrialDetention, content.Acquitted, nil, content.Free},
		{content.Imprisoned, content.Pardoned, nil, content.Free},
		{content.Imprisoned, content.Amnesty, nil, content.Free},
		{content.Imprisoned, content.Died, nil, content.Dead},
		{content.Imprisoned, content.Recognized, nil, content.Imprisoned},
		{content.Imprisoned, content.Delisted, nil, content.Imprisoned},
		{content.Free, content.Charged, nil, content.Free},
		{content.PretrialDetention, content.Trial, nil, content.PretrialDetention},
		{content.Imprisoned, content.HungerStrike, nil, content.Imprisoned},
		{content.Imprisoned, content.Health, nil, content.Imprisoned},
		{content.Imprisoned, content.Transferred, nil, content.Imprisoned},
		{content.PretrialDetention, content.Confirmed, nil, content.PretrialDetention},
		{content.HouseArrested, content.Other, nil, content.HouseArrested},
	}
	covered := make(map[content.EventType]bool)
	for _, tt := range tests {
		covered[tt.typ] = true
		if got := register.StatusAfter(tt.prev, tt.typ, tt.s); got != tt.want {
			t.Errorf("StatusAfter(%s, %s, %v) = %s, want %s", tt.prev, tt.typ, tt.s, got, tt.want)
		}
	}
	for _, typ := range content.EventTypes {
		if !covered[typ] {
			t.Errorf("event type %s has no row", typ)
		}
	}
}

const fixture = `
-- content/site.yaml --
title: T
-- content/sources/s.yaml --
- id: s
  title: S
-- content/people/a/case.yaml --
name: Anna
events:
  - {date: 2021-03-10, type: released, text: R., sources: [s]}
  - {date: 2020-07~, type: sentenced, text: S., sentence: {kind: prison, term: 1y}, facility: Colony 1, sources: [s]}
  - {date: 2020-03-02, type: detained, text: D., facility: SIZO 1, sources: [s]}
  - {date: 2020-09, type: recognized, by: Group, text: Rec., sources: [s]}
  - {date: 2020-10-01, type: appeal, text: Upheld., sentence: {kind: prison, term: 1y}, sources: [s]}
-- content/people/b/case.yaml --
name: boris
events:
  - {date: 2019, type: detained, text: D., sources: [s]}
  - {date: 2022-05-01, type: delisted, text: Off., sources: [s]}
-- content/people/c/case.yaml --
name: Clara
draft: true
events:
  - {date: 2019, type: detained, text: D., sources: [s]}
-- content/people/d/case.yaml --
name: Dana
events:
  - {date: 2015, type: sentenced, text: S., sentence: {kind: prison, term: 5y}, sources: [s]}
  - {date: 2023, type: died, text: Died., sources: [s]}
`

func load(t *testing.T, asOf string) *register.Register {
	t.Helper()
	c, err := content.Load(testsite.Parse([]byte(fixture)).FS(""))
	if err != nil {
		t.Fatal(err)
	}
	return register.New(c, day(asOf))
}

func person(r *register.Register, slug string) *register.Person {
	for _, p := range r.People {
		if p.Slug == slug {
			return p
		}
	}
	return nil
}

func TestStatusOverTime(t *testing.T) {
	r := load(t, "2021-01-01")
	a := person(r, "a")
	tests := []struct {
		at     string
		status content.Status
		since  string
		listed bool
	}{
		{"2020-03-01", content.Free, "", false},
		{"2020-03-02", content.PretrialDetention, "2020-03-02", false},
		{"2020-06-30", content.PretrialDetention, "2020-03-02", false},
		{"2020-07-01", content.Imprisoned, "2020-07~", false}, // counts from the earliest possible day
		{"2020-09-01", content.Imprisoned, "2020-07~", true},
		{"2020-10-02", content.Imprisoned, "2020-07~", true}, // an upheld sentence does not restart "since"
		{"2021-03-10", content.Free, "2021-03-10", true},
	}
	for _, tt := range tests {
		st, since := a.StatusAt(day(tt.at))
		if st != tt.status || since.String() != tt.since {
			t.Errorf("at %s: status %s since %q, want %s since %q", tt.at, st, since, tt.status, tt.since)
		}
		if got := a.ListedAt(day(tt.at)); got != tt.listed {
			t.Errorf("at %s: listed = %v, want %v", tt.at, got, tt.listed)
		}
	}
	if got := []string{a.Timeline[0].Date.String(), a.Timeline[4].Date.String()}; got[0] != "2020-03-02" || got[1] != "2021-03-10" {
		t.Errorf("timeline not sorted: %v", got)
	}
	if a.Facility != "Colony 1" || a.Sentence == nil || a.Sentence.Type != content.Appeal {
		t.Errorf("as of 2021-01-01: facility %q, sentence %+v", a.Facility, a.Sentence)
	}
	if a.TermEnd.String() != "2021-10-01" || a.TermPast {
		t.Errorf("term end %s (past %v), want 2021-10-01 from the appeal", a.TermEnd, a.TermPast)
	}
	b := person(r, "b")
	if !b.ListedAt(day("2019-06-01")) || b.ListedAt(day("2022-05-01")) {
		t.Error("a person whose first membership event is delisted is listed until it")
	}
	d := person(r, "d")
	if !d.ListedAt(day("2015-01-01")) {
		t.Error("a person without membership events is listed throughout")
	}
}

func TestCurrentList(t *testing.T) {
	tests := []struct {
		asOf string
		want []string
	}{
		{"2018-01-01", []string{"d"}},
		{"2020-09-15", []string{"a", "b", "d"}},
		{"2021-06-01", []string{"b", "d"}},
		{"2022-05-01", []string{"d"}},
		{"2023-01-01", nil},
	}
	for _, tt := range tests {
		r := load(t, tt.asOf)
		var got []string
		for _, p := range r.Current {
			got = append(got, p.Slug)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("as of %s: current = %v, want %v", tt.asOf, got, tt.want)
		}
		if person(r, "c") != nil {
			t.Error("a draft is published")
		}
	}
	r := load(t, "2020-09-15")
	if d := person(r, "d"); d.TermPast || d.TermEnd.String() != "2020" {
		t.Errorf("Dana's 5-year term from 2015 ends in 2020, which is not over on 2020-09-15: end %s past %v", d.TermEnd, d.TermPast)
	}
	if d := person(load(t, "2021-01-01"), "d"); !d.TermPast {
		t.Errorf("Dana's 5-year term from 2015 is past on 2021-01-01")
	}
	if len(r.People) != 3 || r.People[1].Slug != "b" {
		t.Errorf("people not sorted case-insensitively by name: %v", r.People)
	}
	if got := r.EventsUpTo(2); len(got) != 2 || got[0].Event.Date.String() != "2020-09" {
		t.Errorf("latest events: %+v", got)
	}
	if r.Latest.String() != "2020-09" {
		t.Errorf("latest = %s", r.Latest)
	}
}

// TestRealRegister checks the shipped content against what the articles
// say about the register at their dates.
func TestRealRegister(t *testing.T) {
	c, err := content.Load(os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	// 8 September 2020: "the number of political prisoners ... has risen to
	// nine" (RFE/RL), six new and three remaining from the previous list.
	r := register.New(c, day("2020-09-08"))
	var got []string
	for _, p := range r.Current {
		got = append(got, p.Slug)
	}
	want := []string{"abai-begimbetov", "aron-atabek", "askhat-zheksebaev", "asqar-ibraev", "erzhan-elshibaev", "maks-boqaev", "qairat-qylyshev", "sanavar-zakirova", "serik-ydyrysov"}
	if !slices.Equal(got, want) {
		t.Errorf("current list on 2020-09-08:\n got %v\nwant %v", got, want)
	}
	tests := []struct {
		slug, at string
		want     content.Status
	}{
		{"sanavar-zakirova", "2020-10-01", content.Imprisoned},     // appeal rejected
		{"sanavar-zakirova", "2021-01-22", content.Free},           // sentence changed to a fine, released
		{"kenzhebek-abishev", "2021-09-27", content.Imprisoned},    // early release not yet in force
		{"serik-ydyrysov", "2019-12-31", content.RestrictedStatus}, // parole-like sentence, December 2019
		{"serik-ydyrysov", "2020-09-08", content.PretrialDetention},
		{"eskendir-erimbetov", "2020-09-08", content.Free},             // released in December
		{"mukhtar-dzhakishev", "2020-09-08", content.RestrictedStatus}, // paroled in March, under probation supervision
		{"zhanbolat-mamai", "2022-06-01", content.PretrialDetention},
		{"zhanbolat-mamai", "2022-12-01", content.HouseArrested},
		{"zhanbolat-mamai", "2023-04-10", content.RestrictedStatus}, // suspended sentence
	}
	for _, tt := range tests {
		p := person(register.New(c, day(tt.at)), tt.slug)
		if p == nil {
			t.Errorf("%s missing", tt.slug)
			continue
		}
		if got, _ := p.StatusAt(day(tt.at)); got != tt.want {
			t.Errorf("%s at %s: %s, want %s", tt.slug, tt.at, got, tt.want)
		}
	}
	if p := person(r, "sanavar-zakirova"); p.Since != date.MustParse("2020-07~") {
		t.Errorf("Zakirova imprisoned since %s, want 2020-07~", p.Since)
	}
}
