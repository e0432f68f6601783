package synth_test

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/date"
	"github.com/tizim/tizim/internal/register"
	"github.com/tizim/tizim/internal/testkit/synth"
)

const seed = 1

// TestLoads checks that a generated register is valid content: every
// field of every file passes the loader.
func TestLoads(t *testing.T) {
	fsys := synth.FS(200, seed)
	c, err := content.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.People) != 200 {
		t.Errorf("loaded %d people, want 200", len(c.People))
	}
	if len(c.Sources) < 300 {
		t.Errorf("%d sources, want a few hundred", len(c.Sources))
	}
	if got := c.Site.Languages; !slices.Equal(got, []string{"en", "ru", "kk"}) {
		t.Errorf("languages %v", got)
	}
	if c.Site.BaseURL != "https://example.org/register/" {
		t.Errorf("base_url %q", c.Site.BaseURL)
	}
	// Every region, group, tag, court, facility and recognizer used has a
	// translation, except the few left without one on purpose.
	var missing []string
	for _, p := range c.People {
		names := append([]string{p.Region}, p.Groups...)
		names = append(names, p.Tags...)
		for _, e := range p.Events {
			names = append(names, e.Court, e.Facility, e.By)
		}
		for _, n := range names {
			if n != "" && c.Site.Translations[n] == nil {
				missing = append(missing, n)
			}
		}
	}
	if len(missing) > 0 {
		t.Errorf("names without translations: %q", slices.Compact(slices.Sorted(slices.Values(missing))))
	}
	// The register derives from it without surprises.
	reg := register.New(c, synth.AsOf)
	if len(reg.People) == 0 || len(reg.Current) == 0 || len(reg.Current) == len(reg.People) {
		t.Errorf("%d published, %d current: want some but not all on the current list", len(reg.People), len(reg.Current))
	}
	t.Logf("%d people (%d published, %d current), %d sources, %d groups, %d regions", len(c.People), len(reg.People), len(reg.Current), len(c.Sources), len(reg.Groups), len(reg.Regions))
}

// TestWriteLoads writes a register to disk and loads it from there.
func TestWriteLoads(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Write(dir, 150, seed); err != nil {
		t.Fatal(err)
	}
	c, err := content.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.People) != 150 {
		t.Errorf("loaded %d people, want 150", len(c.People))
	}
	if err := synth.Write(dir, 10, seed); err == nil {
		t.Error("Write into a folder with content/ succeeded; want an error")
	}
}

func TestDeterministic(t *testing.T) {
	a, b := synth.FS(120, seed), synth.FS(120, seed)
	if !slices.Equal(slices.Sorted(maps.Keys(a)), slices.Sorted(maps.Keys(b))) {
		t.Fatal("two generations have different files")
	}
	for name, f := range a {
		if !bytes.Equal(f.Data, b[name].Data) {
			t.Errorf("%s differs between two generations", name)
		}
	}
	// Written to disk, the files are the same bytes.
	dir := t.TempDir()
	if err := synth.Write(dir, 120, seed); err != nil {
		t.Fatal(err)
	}
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if f := a[filepath.ToSlash(rel)]; f == nil || !bytes.Equal(f.Data, data) {
			t.Errorf("%s on disk differs from FS", rel)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != len(a) {
		t.Errorf("%d files on disk, %d in FS", n, len(a))
	}
	// Another seed gives another register; a smaller one is a prefix.
	if c := synth.FS(120, seed+1); bytes.Equal(c["content/sources/rferl.yaml"].Data, a["content/sources/rferl.yaml"].Data) {
		t.Error("seeds 1 and 2 give the same sources")
	}
	small := synth.FS(60, seed)
	for name, f := range small {
		if !bytes.Equal(f.Data, a[name].Data) {
			t.Errorf("%s differs between registers of 60 and 120 people", name)
		}
	}
}

// TestMarkers checks that the privacy markers are in the input: in
// internal notes and draft people's names, which must never be published.
func TestMarkers(t *testing.T) {
	fsys := synth.FS(200, seed)
	var internal, draftFiles int
	for name, f := range fsys {
		internal += bytes.Count(f.Data, []byte(synth.InternalMarker))
		if bytes.Contains(f.Data, []byte(synth.DraftMarker)) {
			draftFiles++
		}
		// A marker is only ever in an internal: block or a draft.
		if strings.HasSuffix(name, "profile.md") && bytes.Contains(f.Data, []byte(synth.InternalMarker)) {
			t.Errorf("%s: internal marker in a profile", name)
		}
	}
	if internal < 20 {
		t.Errorf("%d internal markers, want many", internal)
	}
	c, err := content.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var drafts []string
	for _, p := range c.People {
		if p.Draft {
			drafts = append(drafts, p.Name)
			if !strings.HasPrefix(p.Name, synth.DraftMarker) {
				t.Errorf("draft %s is not named with the marker", p.Slug)
			}
		} else if strings.Contains(p.Name, synth.DraftMarker) {
			t.Errorf("%s is named as a draft but is not one", p.Slug)
		}
	}
	if want := []string{"SYNTH-DRAFT-137", "SYNTH-DRAFT-37"}; !slices.Equal(drafts, want) {
		t.Errorf("drafts %q, want %q", drafts, want)
	}
	if draftFiles < 2 {
		t.Errorf("draft marker in %d files", draftFiles)
	}
	// The loader drops internal notes: no loaded text has the marker.
	for _, p := range c.People {
		for _, e := range p.Events {
			texts := []string{e.Text.Default}
			for _, tr := range e.Text.Other {
				texts = append(texts, tr.Text)
			}
			for _, s := range texts {
				if strings.Contains(s, synth.InternalMarker) {
					t.Errorf("%s: internal marker in event text", p.Path)
				}
			}
		}
	}
}

// TestVariety checks that the register has the variety the package
// promises, so that benchmarks and tests exercise every part of the site.
func TestVariety(t *testing.T) {
	c, err := content.Load(synth.FS(200, seed))
	if err != nil {
		t.Fatal(err)
	}
	types := make(map[content.EventType]int)
	kinds := make(map[content.SentenceKind]int)
	precision := make(map[date.Precision]int)
	var approx, uncertain, court, judge, facility, kk, plainText, events int
	var profiles, ruProfiles, kkProfiles, photos, aliases, born, noGender, charges, withArticle int
	slugs := make(map[string]bool)
	var suffixed int
	for _, p := range c.People {
		if n := len(p.Events); n < 3 || n > 15 {
			t.Errorf("%s has %d events, want 3 to 15", p.Slug, n)
		}
		if n := len(p.Charges); n < 1 || n > 3 {
			t.Errorf("%s has %d charges, want 1 to 3", p.Slug, n)
		}
		if len(p.Groups) > 3 {
			t.Errorf("%s has %d groups", p.Slug, len(p.Groups))
		}
		if p.Names["ru"] == "" {
			t.Errorf("%s has no Russian name", p.Slug)
		}
		slugs[p.Slug] = true
		if last := p.Slug[strings.LastIndexByte(p.Slug, '-')+1:]; last >= "0" && last <= "9" && !p.Draft {
			suffixed++
		}
		events += len(p.Events)
		for _, e := range p.Events {
			types[e.Type]++
			precision[e.Date.Precision]++
			if e.Date.Approximate {
				approx++
			}
			if e.Date.Uncertain {
				uncertain++
			}
			if e.Sentence != nil {
				kinds[e.Sentence.Kind]++
			}
			if e.Court != "" {
				court++
			}
			if e.Judge != "" {
				judge++
			}
			if e.Facility != "" {
				facility++
			}
			if kkText, _ := e.Text.Other.Get("kk"); kkText != "" {
				kk++
			}
			if e.Text.Other == nil {
				plainText++
			}
			if len(e.Sources) == 0 {
				t.Errorf("%s: event without sources", p.Slug)
			}
		}
		if p.Profiles["en"] != nil {
			profiles++
		}
		if p.Profiles["ru"] != nil {
			ruProfiles++
		}
		if p.Profiles["kk"] != nil {
			kkProfiles++
		}
		if p.Photo != "" {
			photos++
		}
		if len(p.Aliases) > 0 {
			aliases++
		}
		if !p.Born.IsZero() {
			born++
		}
		if p.Gender == "" {
			noGender++
		}
		charges += len(p.Charges)
		for _, ch := range p.Charges {
			if ch.Article != "" {
				withArticle++
			}
		}
	}
	for _, typ := range content.EventTypes {
		if types[typ] == 0 {
			t.Errorf("no %s event", typ)
		}
	}
	for _, k := range content.SentenceKinds {
		if kinds[k] == 0 {
			t.Errorf("no sentence of kind %s", k)
		}
	}
	for _, p := range []date.Precision{date.Year, date.Month, date.Day} {
		if precision[p] == 0 {
			t.Errorf("no event date of precision %d", p)
		}
	}
	if types[content.Recognized] < len(c.People)/2 {
		t.Errorf("%d recognized events for %d people, want most", types[content.Recognized], len(c.People))
	}
	check := func(what string, n, lo, hi int) {
		t.Helper()
		if n < lo || n > hi {
			t.Errorf("%s: %d, want %d to %d", what, n, lo, hi)
		}
	}
	n := len(c.People)
	check("approximate dates", approx, 1, events/5)
	check("uncertain dates", uncertain, 1, events/5)
	check("events with a court", court, 1, events)
	check("events with a judge", judge, 1, court)
	check("events with a facility", facility, 1, events)
	check("events with Kazakh text", kk, 1, events/2)
	check("events with plain text", plainText, 1, events/5)
	check("profiles", profiles, n/2, n)
	check("Russian profiles", ruProfiles, 1, profiles/2)
	check("Kazakh profiles", kkProfiles, 1, profiles/4)
	check("photos", photos, 2, 2)
	check("people with aliases", aliases, 1, n/2)
	check("people with birth dates", born, n/2, n)
	check("people without gender", noGender, 1, n/5)
	check("charges with an article", withArticle, 1, charges)
	check("slugs with a suffix", suffixed, 1, n/5)
	t.Logf("%d events: %v; sentences %v; precisions %v; ~ %d, ? %d", events, types, kinds, precision, approx, uncertain)
}

// TestOrder checks that events run in the order they happened: the file
// order (newest first for some people) matches the date order.
func TestOrder(t *testing.T) {
	c, err := content.Load(synth.FS(200, seed))
	if err != nil {
		t.Fatal(err)
	}
	last := date.MustParse(synth.AsOf.AddDate(0, 0, -1).Format(time.DateOnly))
	var reversed int
	for _, p := range c.People {
		ev := p.Events
		if len(ev) > 1 && ev[0].Date.First().After(ev[len(ev)-1].Date.First()) {
			reversed++
			ev = slices.Clone(ev)
			slices.Reverse(ev)
		}
		for i, e := range ev {
			if e.Date.First().After(last.First()) {
				t.Errorf("%s: event %d is dated %s, after the site's date", p.Slug, i, e.Date)
			}
			if i > 0 && e.Date.First().Before(ev[i-1].Date.First()) {
				t.Errorf("%s: event %d (%s) is dated before the one before it", p.Slug, i, e.Date)
			}
			if e.Type == content.Died && i != len(ev)-1 {
				t.Errorf("%s: events after death", p.Slug)
			}
		}
	}
	if reversed == 0 {
		t.Error("no case file lists its events newest first")
	}
}

// BenchmarkWrite1k measures writing a register of 1,000 people to disk.
func BenchmarkWrite1k(b *testing.B) {
	for b.Loop() {
		if err := synth.Write(b.TempDir(), 1000, seed); err != nil {
			b.Fatal(err)
		}
	}
}
