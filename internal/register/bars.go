package register

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tizim/tizim/internal/content"
)

// Bar is one category of a category chart: how many of everyone ever
// listed fall in it, and how many of them are on the current list.
type Bar struct {
	// Key identifies the category: the region's name, the charge's text in
	// the default language, the year ("2020") or a sentence bucket (see
	// [SentenceKeys]). "" is the category of people for whom it is not
	// known: no region, no charge given, never in custody.
	Key string
	// Label is the category's name in every language the content gives:
	// a charge's text, a region's name with site.yaml's translations, a
	// year. It is zero for sentence buckets, whose names are interface text.
	Label   content.Text
	Count   int    // everyone ever listed in the category
	Current int    // of them, those on the current list
	Group   *Group // for regions: the region's page; nil otherwise
}

// Sentence buckets, the keys of [BySentence]; the suggested i18n keys are
// stats.sentence.<key>.
const (
	SentenceUnder1       = "lt1"          // prison, under 1 year
	Sentence1to3         = "1to3"         // prison, 1 year up to but not including 3
	Sentence3to5         = "3to5"         // prison, 3 up to 5 years
	Sentence5to10        = "5to10"        // prison, 5 up to 10 years
	Sentence10Plus       = "10plus"       // prison, 10 years or more
	SentenceNoTerm       = "noterm"       // prison, term not given
	SentenceNonCustodial = "noncustodial" // suspended, restricted freedom, probation, fine, time served, none
	SentenceNone         = "none"         // no sentence (yet)
)

// SentenceKeys lists the sentence buckets in the order BySentence returns
// them.
var SentenceKeys = []string{SentenceUnder1, Sentence1to3, Sentence3to5, Sentence5to10, Sentence10Plus, SentenceNoTerm, SentenceNonCustodial, SentenceNone}

// tally counts people into categories.
type tally struct {
	bars map[string]*Bar
}

func (t *tally) add(key string, label content.Text, current bool) *Bar {
	if t.bars == nil {
		t.bars = make(map[string]*Bar)
	}
	b := t.bars[key]
	if b == nil {
		b = &Bar{Key: key, Label: label}
		t.bars[key] = b
	}
	b.Count++
	if current {
		b.Current++
	}
	return b
}

// byCount returns the categories largest first, ties by current count and
// then by key, with the unknown category ("") last.
func (t *tally) byCount() []Bar {
	out := t.list()
	slices.SortFunc(out, func(a, b Bar) int {
		if (a.Key == "") != (b.Key == "") {
			if a.Key == "" {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(b.Current, a.Current),
			cmp.Compare(strings.ToLower(a.Key), strings.ToLower(b.Key)), cmp.Compare(a.Key, b.Key))
	})
	return out
}

func (t *tally) list() []Bar {
	out := make([]Bar, 0, len(t.bars))
	for _, b := range t.bars {
		out = append(out, *b)
	}
	return out
}

// everyone calls f for every person ever listed as of the register's date,
// in the register's name order.
func everyone(r *Register, f func(p *Person)) {
	for _, p := range r.People {
		if EverListed(p, r.AsOf) {
			f(p)
		}
	}
}

// ByRegion counts everyone ever listed by region, largest first; people
// with no region make the last bar, with key "". Labels carry site.yaml's
// translations of the region's name.
func ByRegion(r *Register) []Bar {
	var t tally
	everyone(r, func(p *Person) {
		if p.RegionOf == nil {
			t.add("", content.Text{}, p.Current)
			return
		}
		name := p.RegionOf.Name
		b := t.add(name, content.Text{Default: name}, p.Current)
		if b.Count == 1 { // a new bar: its label's translations, once a region
			b.Label.Other = content.TranslationsOf(r.Site.Translations[name])
		}
		b.Group = p.RegionOf
	})
	return t.byCount()
}

// ByCharge counts everyone ever listed by charge, largest first. Charges
// are the same when their text in the default language is; a person counts
// once under each of their charges, so the counts may add up to more than
// the number of people. People with no charge given make the last bar, key
// "". A charge's label gathers the translations of every case that words it
// so, the first in name order winning for each language.
func ByCharge(r *Register) []Bar {
	var t tally
	everyone(r, func(p *Person) {
		seen := make(map[string]bool, len(p.Charges))
		for _, c := range p.Charges {
			key := c.Text.Default
			if seen[key] {
				continue
			}
			seen[key] = true
			b := t.add(key, content.Text{Default: key}, p.Current)
			for _, tr := range c.Text.Other {
				if _, ok := b.Label.Other.Get(tr.Lang); !ok {
					b.Label.Other = b.Label.Other.Set(tr.Lang, tr.Text)
				}
			}
		}
		if len(seen) == 0 {
			t.add("", content.Text{}, p.Current)
		}
	})
	return t.byCount()
}

// DetentionYear returns the year p was first in custody (a status of
// [Custodial]) on or before asOf, and false when never. That is the year of
// the first detained or house_arrest event, or of a prison sentence when no
// detention before it is recorded.
func DetentionYear(p *Person, asOf time.Time) (int, bool) {
	for _, s := range p.Spans[1:] {
		if s.From.First().After(asOf) {
			break
		}
		if slices.Contains(Custodial, s.Status) {
			return s.From.Year, true
		}
	}
	return 0, false
}

// ByDetentionYear counts everyone ever listed by the year they were first
// in custody (see [DetentionYear]), oldest first, with a zero bar for every
// year in between so that the chart's scale is even. People never in
// custody make the last bar, with key "".
func ByDetentionYear(r *Register) []Bar {
	var t tally
	lo, hi := 0, 0
	everyone(r, func(p *Person) {
		y, ok := DetentionYear(p, r.AsOf)
		if !ok {
			t.add("", content.Text{}, p.Current)
			return
		}
		if lo == 0 || y < lo {
			lo = y
		}
		hi = max(hi, y)
		k := strconv.Itoa(y)
		t.add(k, content.Text{Default: k}, p.Current)
	})
	var out []Bar
	for y := lo; lo != 0 && y <= hi; y++ {
		k := strconv.Itoa(y)
		if b := t.bars[k]; b != nil {
			out = append(out, *b)
		} else {
			out = append(out, Bar{Key: k, Label: content.Text{Default: k}})
		}
	}
	if b := t.bars[""]; b != nil {
		out = append(out, *b)
	}
	return out
}

// SentenceKey returns the sentence bucket of p's latest sentence as of the
// register's date (Person.Sentence), one of [SentenceKeys].
//
// Terms are compared as calendar lengths from a fixed day, so 12m is one
// year, as is 365d; date.Term.Compare's 30-day months would put 12m under
// a year.
func SentenceKey(p *Person) string {
	if p.Sentence == nil || p.Sentence.Sentence == nil {
		return SentenceNone
	}
	s := p.Sentence.Sentence
	if s.Kind != content.Prison {
		return SentenceNonCustodial
	}
	if s.Term.IsZero() {
		return SentenceNoTerm
	}
	end := s.Term.AddTo(termBase)
	switch {
	case end.Before(termBase.AddDate(1, 0, 0)):
		return SentenceUnder1
	case end.Before(termBase.AddDate(3, 0, 0)):
		return Sentence1to3
	case end.Before(termBase.AddDate(5, 0, 0)):
		return Sentence3to5
	case end.Before(termBase.AddDate(10, 0, 0)):
		return Sentence5to10
	}
	return Sentence10Plus
}

// termBase is the day from which terms are measured for buckets; a
// non-leap year, so that 365d is a year.
var termBase = time.Date(2001, time.January, 1, 0, 0, 0, 0, time.UTC)

// BySentence counts everyone ever listed by their latest sentence (see
// [SentenceKey]), one bar for every bucket of [SentenceKeys], in that order,
// zeros included.
func BySentence(r *Register) []Bar {
	var t tally
	everyone(r, func(p *Person) { t.add(SentenceKey(p), content.Text{}, p.Current) })
	out := make([]Bar, len(SentenceKeys))
	for i, k := range SentenceKeys {
		out[i] = Bar{Key: k}
		if b := t.bars[k]; b != nil {
			out[i] = *b
		}
	}
	return out
}
