package register

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gosimple/slug"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/date"
	"github.com/tizim/tizim/internal/testkit/synth"
)

// The reference below is New as it was before it was made fast: the plain
// statement of the rules, with comparators that compute First on every call.
// TestMatchesReference checks that New gives exactly what it gives, down to
// the order of ties and nil versus empty slices, on registers small and
// large enough to take every code path of New.

// refRegister is the reference's result: a Register and, since New keeps
// citation numbers in its own way, each person's citation numbers.
type refRegister struct {
	*Register
	cited map[*Person]map[string]int
}

func refNew(c *content.Content, asOf time.Time) refRegister {
	asOf = time.Date(asOf.Year(), asOf.Month(), asOf.Day(), 0, 0, 0, 0, time.UTC)
	r := &Register{Site: c.Site, AsOf: asOf}
	sources := make(map[string]*content.Source)
	for _, s := range c.Sources {
		sources[s.ID] = s
	}
	for _, pg := range c.Pages {
		if !pg.Draft {
			r.Pages = append(r.Pages, pg)
		}
	}
	cited := make(map[*Person]map[string]int)
	for _, cp := range c.People {
		if cp.Draft {
			continue
		}
		p, pc := refDerive(cp, asOf, sources)
		p.Current = p.Listed && slices.Contains(c.Site.CurrentStatuses, p.Status)
		r.People = append(r.People, p)
		cited[p] = pc
	}
	slices.SortFunc(r.People, func(a, b *Person) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.Slug, b.Slug))
	})
	for _, p := range r.People {
		if p.Current {
			r.Current = append(r.Current, p)
		}
		for _, e := range p.Timeline {
			r.Events = append(r.Events, Entry{p, e})
			if !e.Date.First().After(asOf) && e.Date.Compare(r.Latest) > 0 {
				r.Latest = e.Date
			}
		}
	}
	slices.SortStableFunc(r.Events, func(a, b Entry) int {
		return cmp.Or(b.Event.Date.First().Compare(a.Event.Date.First()), cmp.Compare(b.Event.Index, a.Event.Index))
	})
	r.Groups = refGroupBy(r.People, func(p *Person) []string { return p.Groups }, func(p *Person, g *Group) { p.Group = append(p.Group, g) })
	r.Regions = refGroupBy(r.People, func(p *Person) []string {
		if p.Region == "" {
			return nil
		}
		return []string{p.Region}
	}, func(p *Person, g *Group) { p.RegionOf = g })
	return refRegister{r, cited}
}

func refDerive(cp *content.Person, asOf time.Time, sources map[string]*content.Source) (*Person, map[string]int) {
	p := &Person{Person: cp}
	cited := make(map[string]int)
	p.Timeline = slices.Clone(cp.Events)
	slices.SortStableFunc(p.Timeline, func(a, b *content.Event) int {
		return cmp.Or(a.Date.First().Compare(b.Date.First()), cmp.Compare(a.Index, b.Index))
	})
	p.Spans = []Span{{Status: content.Free}}
	for _, e := range p.Timeline {
		for _, id := range e.Sources {
			if _, ok := cited[id]; !ok && sources[id] != nil {
				p.Citations = append(p.Citations, sources[id])
				cited[id] = len(p.Citations)
			}
		}
		last := p.Spans[len(p.Spans)-1].Status
		if next := StatusAfter(last, e.Type, e.Sentence); next != last {
			p.Spans = append(p.Spans, Span{Status: next, From: e.Date, Event: e})
		}
	}
	cur := p.Spans[0]
	for _, s := range p.Spans[1:] {
		if s.From.First().After(asOf) {
			break
		}
		cur = s
	}
	p.Status, p.Since = cur.Status, cur.From
	p.Listed = refListedAt(p, asOf)
	for _, e := range p.Timeline {
		if e.Date.First().After(asOf) {
			break
		}
		if e.Facility != "" {
			p.Facility = e.Facility
		}
		if e.Sentence != nil && e.Type.CarriesSentence() {
			p.Sentence = e
		}
		if StatusAfter(content.Imprisoned, e.Type, e.Sentence) == content.Free {
			p.Facility = ""
		}
	}
	if p.Status != content.Imprisoned && p.Status != content.PretrialDetention && p.Status != content.HouseArrested {
		p.Facility = ""
	}
	if s := p.Sentence; s != nil && s.Sentence.Kind == content.Prison && !s.Sentence.Term.IsZero() {
		end := s.Sentence.Term.AddTo(s.Date.First())
		p.TermEnd = date.Date{Year: end.Year(), Month: int(end.Month()), Day: end.Day(), Precision: s.Date.Precision,
			Approximate: s.Date.Approximate, Uncertain: s.Date.Uncertain}
		if s.Date.Precision < date.Day {
			p.TermEnd.Day = 0
		}
		if s.Date.Precision < date.Month {
			p.TermEnd.Month = 0
		}
		p.TermPast = p.Status == content.Imprisoned && p.TermEnd.Last().Before(asOf)
	}
	return p, cited
}

func refListedAt(p *Person, t time.Time) bool {
	listed, first := true, true
	for _, e := range p.Timeline {
		if e.Type != content.Recognized && e.Type != content.Delisted {
			continue
		}
		if first {
			listed, first = e.Type == content.Delisted, false
		}
		if e.Date.First().After(t) {
			break
		}
		listed = e.Type == content.Recognized
	}
	return listed
}

func refGroupBy(people []*Person, keys func(*Person) []string, link func(*Person, *Group)) []*Group {
	byName := make(map[string]*Group)
	var groups []*Group
	for _, p := range people {
		for _, k := range keys(p) {
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
	}
	slices.SortFunc(groups, func(a, b *Group) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.Name, b.Name))
	})
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

// diffRegister returns the first difference between got and want, or "".
// People, events and sources are compared by identity: the same content
// pointers in the same order.
func diffRegister(c *content.Content, got *Register, want refRegister) string {
	switch {
	case got.Site != want.Site || !got.AsOf.Equal(want.AsOf) || got.AsOf.Location() != want.AsOf.Location():
		return "site or date"
	case got.Latest != want.Latest:
		return fmt.Sprintf("latest %v, want %v", got.Latest, want.Latest)
	case !sameNil(got.Pages, want.Pages) || !slices.Equal(got.Pages, want.Pages):
		return "pages"
	}
	for _, s := range c.Sources {
		if got.Source(s.ID) != s {
			return "source " + s.ID
		}
	}
	if got.Source("no such source") != nil {
		return "unknown source"
	}
	if d := diffPeople("people", got.People, want.People); d != "" {
		return d
	}
	if d := diffPeople("current", got.Current, want.Current); d != "" {
		return d
	}
	if !sameNil(got.Events, want.Events) || len(got.Events) != len(want.Events) {
		return fmt.Sprintf("%d events, want %d", len(got.Events), len(want.Events))
	}
	for i, e := range got.Events {
		if w := want.Events[i]; e.Event != w.Event || e.Person.Person != w.Person.Person {
			return fmt.Sprintf("event %d: %s #%d, want %s #%d", i, e.Person.Slug, e.Event.Index, w.Person.Slug, w.Event.Index)
		}
	}
	for i, p := range got.People {
		if d := diffPerson(p, want.People[i], want.cited[want.People[i]], c.Sources); d != "" {
			return p.Slug + ": " + d
		}
	}
	if d := diffGroups("groups", got.Groups, want.Groups); d != "" {
		return d
	}
	return diffGroups("regions", got.Regions, want.Regions)
}

func diffPeople(what string, got, want []*Person) string {
	if !sameNil(got, want) || len(got) != len(want) {
		return fmt.Sprintf("%d %s, want %d", len(got), what, len(want))
	}
	for i, p := range got {
		if p.Person != want[i].Person {
			return fmt.Sprintf("%s %d: %s, want %s", what, i, p.Slug, want[i].Slug)
		}
	}
	return ""
}

func diffPerson(p, w *Person, cited map[string]int, sources []*content.Source) string {
	switch {
	case !sameNil(p.Timeline, w.Timeline) || !slices.Equal(p.Timeline, w.Timeline):
		return "timeline"
	case !sameNil(p.Spans, w.Spans) || !slices.Equal(p.Spans, w.Spans):
		return fmt.Sprintf("spans %v, want %v", p.Spans, w.Spans)
	case !sameNil(p.Citations, w.Citations) || !slices.Equal(p.Citations, w.Citations):
		return "citations"
	case p.Status != w.Status || p.Since != w.Since || p.Listed != w.Listed || p.Current != w.Current:
		return fmt.Sprintf("status %s since %v listed %v current %v, want %s since %v listed %v current %v",
			p.Status, p.Since, p.Listed, p.Current, w.Status, w.Since, w.Listed, w.Current)
	case p.Facility != w.Facility || p.Sentence != w.Sentence || p.TermEnd != w.TermEnd || p.TermPast != w.TermPast:
		return "facility, sentence or term"
	case !sameNil(p.Group, w.Group) || len(p.Group) != len(w.Group):
		return "groups"
	case (p.RegionOf == nil) != (w.RegionOf == nil) || p.RegionOf != nil && p.RegionOf.Slug != w.RegionOf.Slug:
		return "region"
	}
	for i, g := range p.Group {
		if g.Slug != w.Group[i].Slug {
			return "group " + g.Name
		}
	}
	for _, s := range sources {
		if got, want := p.CitationNumber(s.ID), cited[s.ID]; got != want {
			return fmt.Sprintf("citation number of %s is %d, want %d", s.ID, got, want)
		}
	}
	if p.CitationNumber("no such source") != 0 {
		return "citation number of an unknown source"
	}
	return ""
}

func diffGroups(what string, got, want []*Group) string {
	if !sameNil(got, want) || len(got) != len(want) {
		return fmt.Sprintf("%d %s, want %d", len(got), what, len(want))
	}
	for i, g := range got {
		w := want[i]
		if g.Name != w.Name || g.Slug != w.Slug || g.Current != w.Current {
			return fmt.Sprintf("%s %d: %+v, want %+v", what, i, *g, *w)
		}
		if d := diffPeople(what+" "+g.Name, g.People, w.People); d != "" {
			return d
		}
	}
	return ""
}

func sameNil[S ~[]E, E any](a, b S) bool { return (a == nil) == (b == nil) }

// tangled makes a register of n people that is hard to order: few distinct
// days at every precision, names and group names that differ only in case,
// events out of order and with repeated indexes (which the loader never
// makes, but New must still order as before), unknown and repeated source
// ids, and drafts. With wide, indexes span all of int, too far apart for
// the register's events to sort by packed keys.
func tangled(n int, seed uint64, wide bool) *content.Content {
	r := rand.New(rand.NewPCG(seed, 1))
	c := &content.Content{Site: &content.Settings{CurrentStatuses: content.DefaultCurrentStatuses}}
	for i := range 60 {
		c.Sources = append(c.Sources, &content.Source{ID: "s" + strconv.Itoa(i)})
	}
	c.Pages = []*content.Page{{Name: "a"}, {Name: "b", Draft: true}, {Name: "c"}}
	names := []string{"Anna", "anna", "ANNA", "Boris", "boris", "Ärzhan", "ärzhan", "Zed", "", "Ilya", "İlya"}
	groups := []string{"Street Party", "street party", "Street-Party", "Choice", "choice", "!!!", "Ünity"}
	for i := range n {
		cp := &content.Person{
			Slug:  fmt.Sprintf("p%05d", i),
			Name:  names[r.IntN(len(names))] + strings.Repeat(" x", r.IntN(3)),
			Draft: r.IntN(20) == 0,
		}
		if r.IntN(3) > 0 {
			cp.Region = groups[r.IntN(len(groups))]
		}
		for range r.IntN(4) {
			cp.Groups = append(cp.Groups, groups[r.IntN(len(groups))])
		}
		for j := range r.IntN(12) {
			e := &content.Event{
				Date:  tangledDate(r),
				Type:  content.EventTypes[r.IntN(len(content.EventTypes))],
				Index: j,
			}
			if r.IntN(4) == 0 {
				e.Index = r.IntN(3)
			}
			if wide && r.IntN(4) == 0 {
				e.Index = []int{math.MinInt, -1, math.MaxInt}[r.IntN(3)]
			}
			if r.IntN(3) == 0 {
				e.Facility = "F" + strconv.Itoa(r.IntN(3))
			}
			if e.Type.CarriesSentence() && r.IntN(5) > 0 {
				e.Sentence = &content.Sentence{Kind: content.SentenceKinds[r.IntN(len(content.SentenceKinds))]}
				if r.IntN(3) > 0 {
					e.Sentence.Term = date.Term{Years: r.IntN(4), Months: r.IntN(14), Days: r.IntN(40)}
				}
			}
			cites := r.IntN(4)
			if i%10 == 0 {
				cites *= 4 // enough for more than linearCitations
			}
			for range cites {
				e.Sources = append(e.Sources, "s"+strconv.Itoa(r.IntN(64))) // s60 to s63 do not exist
			}
			cp.Events = append(cp.Events, e)
		}
		if i%50 == 0 {
			cp.Events = []*content.Event{} // empty, not nil
		}
		c.People = append(c.People, cp)
	}
	return c
}

func tangledDate(r *rand.Rand) date.Date {
	d := date.Date{Year: 2018 + r.IntN(4), Precision: date.Precision(1 + r.IntN(3)), Approximate: r.IntN(5) == 0, Uncertain: r.IntN(7) == 0}
	if d.Precision >= date.Month {
		d.Month = 1 + r.IntN(3)
	}
	if d.Precision == date.Day {
		d.Day = 1 + r.IntN(3)
	}
	if r.IntN(100) == 0 {
		d = date.Date{} // no date at all
	}
	return d
}

func TestMatchesReference(t *testing.T) {
	check := func(name string, c *content.Content, asOf ...string) {
		t.Helper()
		for _, s := range asOf {
			at, err := time.Parse(time.DateOnly, s)
			if err != nil {
				t.Fatal(err)
			}
			at = at.Add(13 * time.Hour) // New takes the day
			if d := diffRegister(c, New(c, at), refNew(c, at)); d != "" {
				t.Errorf("%s as of %s: %s", name, s, d)
			}
		}
	}
	for _, n := range []int{0, 1, 7, 300, 5000} {
		check(fmt.Sprintf("%d tangled people", n), tangled(n, uint64(n), false), "2017-06-01", "2019-01-01", "2020-02-02", "2030-01-01")
	}
	// Above perWorker people each, New derives people on several
	// goroutines, as many as GOMAXPROCS allows, whatever the machine.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 3} {
		runtime.GOMAXPROCS(procs)
		check(fmt.Sprintf("%d tangled people on %d processors", 4*perWorker+1, procs), tangled(4*perWorker+1, 2, false), "2019-01-01", "2030-01-01")
	}
	check("tangled people with wide indexes", tangled(300, 1, true), "2019-01-01", "2030-01-01")
	shipped, err := content.Load(os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	check("shipped content", shipped, "2015-01-01", "2020-09-08", "2023-04-10", "2099-01-01")
	if testing.Short() {
		return
	}
	synthetic, err := content.Load(synth.FS(2000, 3))
	if err != nil {
		t.Fatal(err)
	}
	check("synthetic register", synthetic, synth.AsOf.Format(time.DateOnly), "2012-01-01")
}

// TestCitationNumbers checks that the tests above find citation numbers
// both ways: one by one, and in a map for people with many citations.
func TestCitationNumbers(t *testing.T) {
	few, many := 0, 0
	for _, p := range New(tangled(300, 300, false), time.Now()).People {
		if p.cited == nil {
			few++
		} else {
			many++
		}
	}
	if few == 0 || many == 0 {
		t.Errorf("%d people with few citations, %d with many", few, many)
	}
}

// TestPackedKeys checks that the tests above sort events both ways: by
// keys packed into numbers and, with wide indexes, by keys compared.
func TestPackedKeys(t *testing.T) {
	for _, wide := range []bool{false, true} {
		r := New(tangled(300, 1, wide), time.Now())
		var lo, hi order
		for i, e := range r.Events {
			o := order{e.Event.Date.First().Unix(), e.Event.Index}
			if i == 0 {
				lo, hi = o, o
			}
			lo.first, hi.first = min(lo.first, o.first), max(hi.first, o.first)
			lo.index, hi.index = min(lo.index, o.index), max(hi.index, o.index)
		}
		longest := 0
		for _, p := range r.People {
			longest = max(longest, len(p.Timeline))
		}
		dayBits, indexBits, seqBits := keyBits(lo, hi, len(r.People), longest)
		if packed := dayBits+indexBits+seqBits <= 64; packed == wide {
			t.Errorf("with wide indexes %v: %d+%d+%d bits", wide, dayBits, indexBits, seqBits)
		}
	}
}
