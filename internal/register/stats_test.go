package register_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/date"
	"github.com/tizim/tizim/internal/register"
	"github.com/tizim/tizim/internal/testkit/testsite"
)

const asOf = "2024-06-15"

// loadStats builds the register of testdata/stats.txtar as of asOf.
func loadStats(t testing.TB) *register.Register {
	t.Helper()
	data, err := os.ReadFile("testdata/stats.txtar")
	if err != nil {
		t.Fatal(err)
	}
	c, err := content.Load(testsite.Parse(data).FS(""))
	if err != nil {
		t.Fatal(err)
	}
	return register.New(c, day(asOf))
}

func statsPerson(t testing.TB, r *register.Register, slug string) *register.Person {
	t.Helper()
	for _, p := range r.People {
		if p.Slug == slug {
			return p
		}
	}
	t.Fatalf("no person %s", slug)
	return nil
}

func TestMonthly(t *testing.T) {
	r := loadStats(t)
	months := register.Monthly(r)
	if len(months) != 114 {
		t.Fatalf("%d months, want 114 (January 2015, Erlan's year-only sentence, to June 2024)", len(months))
	}
	if got := months[0].Start; !got.Equal(day("2015-01-01")) || !months[0].At.Equal(day("2015-01-31")) {
		t.Errorf("first month starts %s, counted at %s", got, months[0].At)
	}
	if last := months[len(months)-1]; !last.At.Equal(r.AsOf) || last.Total != len(r.Current) {
		t.Errorf("last month counted at %s with %d, want the register's date and its current list (%d)", last.At, last.Total, len(r.Current))
	}
	tests := []struct {
		month                 string
		imprisoned, pre, home int
		why                   string
	}{
		{"2015-01", 0, 0, 0, "Erlan is imprisoned from 2015 but listed only from June"},
		{"2015-06", 1, 0, 0, "a month-precision recognition counts from the 1st"},
		{"2016-01", 0, 0, 0, "released on the 10th: not at the month's end"},
		{"2017-05", 1, 0, 0, "Pyotr, never recognized nor delisted, is listed throughout"},
		{"2018-01", 2, 0, 0, "Marat's year-only sentence counts from 1 January"},
		{"2020-03", 2, 0, 0, "Anna is detained but not yet recognized"},
		{"2020-05", 1, 0, 0, "Pyotr released"},
		{"2020-09", 2, 0, 0, "Anna recognized in September, imprisoned since c. July"},
		{"2021-01", 2, 1, 0, "Dana detained in January"},
		{"2021-03", 2, 0, 1, "Dana under house arrest from the 15th"},
		{"2021-06", 2, 0, 0, "a suspended sentence is not on the current list"},
		{"2023-02", 3, 2, 0, "Rustam sentenced, Dana detained again, Gulnara held"},
		{"2023-08", 2, 1, 0, "Gulnara died"},
		{"2023-12", 2, 2, 0, "Nurlan detained on the 31st, the month's last day"},
		{"2024-01", 2, 2, 0, "Future is detained but not yet recognized"},
		{"2024-06", 3, 1, 1, "Olga under house arrest from the register's date"},
	}
	for _, tt := range tests {
		m := find(t, months, tt.month)
		got := []int{m.Count(content.Imprisoned), m.Count(content.PretrialDetention), m.Count(content.HouseArrested)}
		if want := []int{tt.imprisoned, tt.pre, tt.home}; !slices.Equal(got, want) || m.Total != tt.imprisoned+tt.pre+tt.home {
			t.Errorf("%s: imprisoned, pretrial, house arrest = %v (total %d), want %v: %s", tt.month, got, m.Total, want, tt.why)
		}
		if len(m.Counts) != 3 {
			t.Errorf("%s: counts %v, want every current status", tt.month, m.Counts)
		}
	}
}

func find(t *testing.T, months []register.Month, ym string) register.Month {
	t.Helper()
	for _, m := range months {
		if m.Start.Format("2006-01") == ym {
			return m
		}
	}
	t.Fatalf("no month %s", ym)
	return register.Month{}
}

// TestMonthlyMatchesRegister checks the fast count against asking the
// register about every person and month, on the fixture and on random
// registers with every kind of date.
func TestMonthlyMatchesRegister(t *testing.T) {
	regs := []*register.Register{loadStats(t)}
	for seed := range uint64(5) {
		regs = append(regs, synthetic(300, seed, day("2024-02-29")))
	}
	custom := synthetic(200, 9, day("2023-12-31"))
	custom.Site.CurrentStatuses = []content.Status{content.Free, content.RestrictedStatus}
	regs = append(regs, custom)
	for i, r := range regs {
		months := register.Monthly(r)
		statuses := register.Statuses(r)
		for _, m := range months {
			want := make(map[content.Status]int)
			for _, s := range statuses {
				want[s] = 0
			}
			for _, p := range r.People {
				if st, _ := p.StatusAt(m.At); p.ListedAt(m.At) && slices.Contains(statuses, st) {
					want[st]++
				}
			}
			if !reflect.DeepEqual(m.Counts, want) {
				t.Fatalf("register %d, %s: %v, want %v", i, m.Start.Format("2006-01"), m.Counts, want)
			}
		}
		// The people not confirmed at the end of a month are those the
		// register as of that day counts apart (every fifth month, for
		// time).
		c := &content.Content{Site: r.Site}
		for _, p := range r.People {
			c.People = append(c.People, p.Person)
		}
		for k, m := range months {
			if k%5 != 0 && k != len(months)-1 {
				continue
			}
			then := register.New(c, m.At)
			if want := len(then.Unconfirmed) + len(then.TermEnded); m.Unconfirmed != want {
				t.Fatalf("register %d, %s: %d not confirmed, the register of that day has %d", i, m.Start.Format("2006-01"), m.Unconfirmed, want)
			}
		}
		// The custom register's current list was made with the default
		// statuses, before they were changed.
		if last := months[len(months)-1]; r != custom && last.Total != len(r.Current) {
			t.Errorf("register %d: last month %d, current list %d", i, last.Total, len(r.Current))
		}
	}
}

func TestMonthlyEmpty(t *testing.T) {
	r := synthetic(10, 1, day("1999-01-01")) // every event is later
	if m := register.Monthly(r); m != nil {
		t.Errorf("Monthly before every event = %d months, want nil", len(m))
	}
}

type bar struct {
	key            string
	count, current int
}

func bars(bs []register.Bar) []bar {
	out := make([]bar, len(bs))
	for i, b := range bs {
		out[i] = bar{b.Key, b.Count, b.Current}
	}
	return out
}

func TestCategories(t *testing.T) {
	r := loadStats(t)
	tests := []struct {
		name string
		got  []register.Bar
		want []bar
	}{
		{"region", register.ByRegion(r), []bar{{"Qostanai", 4, 1}, {"Almaty", 3, 3}, {"Astana", 2, 1}, {"", 1, 0}}},
		{"charge", register.ByCharge(r), []bar{
			{"inflicting bodily harm", 2, 2}, {"organizing an illegal gathering", 2, 2}, // a tie, by key
			{"inciting discord", 1, 0}, {"", 6, 2}, // no charge given: last however large
		}},
		{"year", register.ByDetentionYear(r), []bar{
			{"2015", 1, 0}, {"2016", 0, 0}, {"2017", 1, 0}, {"2018", 1, 1}, {"2019", 0, 0}, {"2020", 1, 1},
			{"2021", 1, 1}, {"2022", 1, 0}, {"2023", 2, 1}, {"2024", 1, 1}, {"", 1, 0},
		}},
		{"sentence", register.BySentence(r), []bar{
			{"lt1", 1, 0}, {"1to3", 1, 0}, {"3to5", 1, 0}, {"5to10", 1, 1}, {"10plus", 1, 1},
			{"noterm", 1, 1}, {"noncustodial", 2, 1}, {"none", 2, 1},
		}},
	}
	for _, tt := range tests {
		if got := bars(tt.got); !slices.Equal(got, tt.want) {
			t.Errorf("by %s:\n got %v\nwant %v", tt.name, got, tt.want)
		}
	}
	everyone := 0
	for _, b := range register.ByRegion(r) {
		everyone += b.Count
	}
	if everyone != 10 {
		t.Errorf("by region adds up to %d people, want 10: all but the draft and the one recognized after the date", everyone)
	}
}

func TestLabels(t *testing.T) {
	r := loadStats(t)
	charges := register.ByCharge(r)
	if got := charges[0].Label; got.Default != "inflicting bodily harm" || ru(got) != "причинение вреда здоровью" {
		t.Errorf("charge label %+v: want the Russian text of Anna's case, though Dana's has none", got)
	}
	if got, _ := charges[1].Label.Pick(content.Chain{"kk", "en"}); got != "заңсыз жиын ұйымдастыру" {
		t.Errorf("charge label in kk = %q", got)
	}
	regions := register.ByRegion(r)
	if a := regions[1]; ru(a.Label) != "Алматы" || a.Group == nil || a.Group.Slug != "almaty" {
		t.Errorf("region bar %+v: want site.yaml's translation and the region's page", a)
	}
	if u := regions[len(regions)-1]; u.Group != nil || !u.Label.IsZero() {
		t.Errorf("unknown region bar %+v", u)
	}
}

func TestSentenceKey(t *testing.T) {
	tests := []struct {
		kind content.SentenceKind
		term string
		want string
	}{
		{content.Prison, "6m", "lt1"},
		{content.Prison, "364d", "lt1"},
		{content.Prison, "11m30d", "lt1"},
		{content.Prison, "12m", "1to3"}, // a year, though Term.Compare counts it 360 days
		{content.Prison, "365d", "1to3"},
		{content.Prison, "1y", "1to3"},
		{content.Prison, "2y11m", "1to3"},
		{content.Prison, "3y", "3to5"},
		{content.Prison, "4y11m30d", "3to5"},
		{content.Prison, "5y", "5to10"},
		{content.Prison, "9y11m", "5to10"},
		{content.Prison, "10y", "10plus"},
		{content.Prison, "120m", "10plus"},
		{content.Prison, "25y", "10plus"},
		{content.Prison, "", "noterm"},
		{content.Suspended, "3y", "noncustodial"},
		{content.RestrictedFreedom, "2y", "noncustodial"},
		{content.Probation, "", "noncustodial"},
		{content.Fine, "", "noncustodial"},
		{content.TimeServed, "", "noncustodial"},
		{content.NoPunishment, "", "noncustodial"},
	}
	for _, tt := range tests {
		s := &content.Sentence{Kind: tt.kind}
		if tt.term != "" {
			s.Term = must(date.ParseTerm(tt.term))
		}
		p := &register.Person{Sentence: &content.Event{Type: content.Sentenced, Sentence: s}}
		if got := register.SentenceKey(p); got != tt.want {
			t.Errorf("%s %s: %s, want %s", tt.kind, tt.term, got, tt.want)
		}
	}
	if got := register.SentenceKey(&register.Person{}); got != "none" {
		t.Errorf("no sentence: %s", got)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

type period struct {
	status   content.Status
	from, to string
	open     bool
}

func TestCustody(t *testing.T) {
	r := loadStats(t)
	tests := []struct {
		slug  string
		want  []period
		days  int
		exact bool
	}{
		{"anna", []period{
			{content.PretrialDetention, "2020-03-02", "2020-07-01", false},
			{content.Imprisoned, "2020-07-01", asOf, true},
		}, 121 + 1445, false},
		{"dana", []period{ // the free period before the first event is empty, so dropped
			{content.PretrialDetention, "2021-01-01", "2021-03-15", false},
			{content.HouseArrested, "2021-03-15", "2021-06-01", false},
			{content.RestrictedStatus, "2021-06-01", "2023-02-01", false},
			{content.PretrialDetention, "2023-02-01", asOf, true},
		}, 73 + 78 + 500, false},
		{"gulnara", []period{
			{content.PretrialDetention, "2022-11-05", "2023-08-20", false},
			{content.Dead, "2023-08-20", "2023-08-20", false}, // death ends the record
		}, 288, true},
		{"olga", []period{
			{content.Free, "2024-05-20", "2024-06-15", false}, // charged before the house arrest
			{content.HouseArrested, asOf, asOf, true},         // kept though empty: it is her status
		}, 0, true},
		{"erlan", []period{
			{content.Imprisoned, "2015-01-01", "2016-01-10", false},
			{content.Free, "2016-01-10", asOf, true},
		}, 374, false},
		{"boris", []period{{content.Free, "2019-01-01", asOf, true}}, 0, true},
	}
	for _, tt := range tests {
		p := statsPerson(t, r, tt.slug)
		ps := register.Custody(p, r.AsOf)
		var got []period
		for _, pd := range ps {
			got = append(got, period{pd.Status, pd.From.Format(time.DateOnly), pd.To.Format(time.DateOnly), pd.Open})
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got %v\nwant %v", tt.slug, got, tt.want)
		}
		if n, exact := register.Days(ps, nil); n != tt.days || exact != tt.exact {
			t.Errorf("%s: %d days in custody (exact %v), want %d (%v)", tt.slug, n, exact, tt.days, tt.exact)
		}
		if n := register.DaysInCustody(p, r.AsOf, nil); n != tt.days {
			t.Errorf("%s: DaysInCustody = %d, want %d", tt.slug, n, tt.days)
		}
	}
	if n := register.DaysInCustody(statsPerson(t, r, "dana"), r.AsOf, []content.Status{content.PretrialDetention}); n != 73+500 {
		t.Errorf("dana, pretrial detention only: %d days", n)
	}
	if ps := register.Custody(statsPerson(t, r, "anna"), day("2019-12-31")); ps != nil {
		t.Errorf("before every event: %v", ps)
	}
	// Later events do not count: as of 2020-05-01 Anna is in pretrial detention.
	ps := register.Custody(statsPerson(t, r, "anna"), day("2020-05-01"))
	if len(ps) != 1 || ps[0].Status != content.PretrialDetention || !ps[0].Open || ps[0].Days() != 60 {
		t.Errorf("anna as of 2020-05-01: %+v", ps)
	}
	if !ps[0].Exact() {
		t.Error("a period from an exact day, still open, is exact")
	}
}

func TestEverListed(t *testing.T) {
	r := loadStats(t)
	for slug, want := range map[string]bool{"anna": true, "erlan": true, "boris": true, "future": false} {
		if got := register.EverListed(statsPerson(t, r, slug), r.AsOf); got != want {
			t.Errorf("EverListed(%s) = %v", slug, got)
		}
	}
	if !register.EverListed(statsPerson(t, r, "future"), day("2025-01-01")) {
		t.Error("Future is listed from 2025-01-01")
	}
}

func TestStatsDeterministic(t *testing.T) {
	a, b := loadStats(t), loadStats(t)
	for _, f := range []func(*register.Register) any{
		func(r *register.Register) any { return register.Monthly(r) },
		func(r *register.Register) any { return bars(register.ByRegion(r)) },
		func(r *register.Register) any { return register.ByCharge(r) },
		func(r *register.Register) any { return bars(register.ByDetentionYear(r)) },
		func(r *register.Register) any { return register.BySentence(r) },
	} {
		if x, y := f(a), f(b); !reflect.DeepEqual(x, y) {
			t.Errorf("two runs differ:\n%v\n%v", x, y)
		}
	}
}

// synthetic makes a register of n random people with events from 2005 on,
// dates of every precision, qualifiers and membership events, as of asOf.
func synthetic(n int, seed uint64, asOf time.Time) *register.Register {
	rng := rand.New(rand.NewPCG(seed, 42))
	c := &content.Content{Site: &content.Settings{
		Title:           content.Text{Default: "Synthetic"},
		Languages:       []string{"en"},
		CurrentStatuses: content.DefaultCurrentStatuses,
		ConfirmWithin:   content.DefaultConfirmWithin,
	}}
	types := []content.EventType{
		content.Detained, content.Detained, content.HouseArrest, content.Restricted, content.Sentenced, content.Sentenced,
		content.Appeal, content.Released, content.Pardoned, content.Died, content.Recognized, content.Recognized,
		content.Delisted, content.Charged, content.Trial,
	}
	regions := []string{"Almaty", "Astana", "Shymkent", ""}
	for i := range n {
		p := &content.Person{Slug: "p" + strconv.Itoa(i), Name: fmt.Sprintf("Person %05d", i), Region: regions[rng.IntN(len(regions))]}
		p.Charges = []content.Charge{{Text: content.Text{Default: "charge " + strconv.Itoa(rng.IntN(30))}}}
		t := time.Date(2005+rng.IntN(19), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC)
		for j := range 1 + rng.IntN(8) {
			e := &content.Event{Type: types[rng.IntN(len(types))], Index: j, Text: content.Text{Default: "E."}}
			d := date.Of(t)
			switch rng.IntN(6) {
			case 0:
				d = date.Date{Year: d.Year, Precision: date.Year}
			case 1:
				d = date.Date{Year: d.Year, Month: d.Month, Precision: date.Month, Approximate: true}
			case 2:
				d.Uncertain = true
			}
			e.Date = d
			if e.Type.CarriesSentence() {
				kinds := []content.SentenceKind{content.Prison, content.Prison, content.Suspended, content.Fine}
				e.Sentence = &content.Sentence{Kind: kinds[rng.IntN(len(kinds))], Term: date.Term{Years: rng.IntN(12), Months: 1 + rng.IntN(11)}}
			}
			p.Events = append(p.Events, e)
			t = t.AddDate(0, rng.IntN(30), rng.IntN(40)-5) // sometimes out of order
		}
		c.People = append(c.People, p)
	}
	return register.New(c, asOf)
}

// BenchmarkMonthly counts 10,000 people over some 240 months.
func BenchmarkMonthly(b *testing.B) {
	r := synthetic(10000, 1, day("2025-01-31"))
	b.ResetTimer()
	for b.Loop() {
		register.Monthly(r)
	}
}

// ru is the Russian text of t, "" if none.
func ru(t content.Text) string {
	s, _ := t.Other.Get("ru")
	return s
}
