package site

import (
	"path"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
)

// Check renders into w what `tizim check` needs to find the errors of the
// theme's templates, its interface text and the files made from content,
// without rendering every page: each page template runs in each language
// on a few pages chosen to exercise its branches (see [Site.samplePages]),
// the feeds, badges, counts, filter files, search index and schemas are
// made as a build makes them, and the photos are decoded (not resized). The sitemap, robots.txt, the data
// files, the static files and site.zip, which no template makes and which
// fail only in writing, are left out.
//
// A template that fails on every page of its kind fails with the same
// message as in [Site.Render], since the first page of each kind is always
// among those rendered and the first error in the order of the site is
// returned. An error that only some pages' data brings out (a branch that
// no chosen page takes) is found by Render, that is by a build.
func (s *Site) Check(w Writer) error {
	// The languages are sampled at once: choosing looks at every page.
	langs := s.reg.Site.Languages
	sampled := make(map[string][]pageSpec, len(langs))
	var mu sync.Mutex
	var g errgroup.Group
	for _, lang := range langs {
		g.Go(func() error {
			pages := s.samplePages(lang, s.pages(lang))
			mu.Lock()
			defer mu.Unlock()
			sampled[lang] = pages
			return nil
		})
	}
	g.Wait()
	var jobs []job
	for _, j := range s.jobsWith(false, func(lang string) []pageSpec { return sampled[lang] }) {
		if j.noCheck {
			continue
		}
		if j.check != nil {
			j.run = j.check
		}
		jobs = append(jobs, j)
	}
	return s.render(w, jobs)
}

// samplePages returns the pages of one language that Check renders, in
// their order in pages: for each template, its first page; the page that
// shows the least (fewest of the features [Site.features] tells); then,
// one by one, the page that shows the most features not shown yet, until
// every feature of any page of the template is shown by one. The choice
// depends only on the content, so that check renders the same pages every
// time.
func (s *Site) samplePages(lang string, pages []pageSpec) []pageSpec {
	byTmpl := make(map[string][]int) // template -> indexes into pages
	var tmpls []string
	for i, ps := range pages {
		if byTmpl[ps.tmpl] == nil {
			tmpls = append(tmpls, ps.tmpl)
		}
		byTmpl[ps.tmpl] = append(byTmpl[ps.tmpl], i)
	}
	keep := make([]bool, len(pages))
	for _, tmpl := range tmpls {
		idx := byTmpl[tmpl]
		var set featureSet
		feats := make([][]int, len(idx))
		for k, i := range idx {
			ps := pages[i]
			pg := s.newPage(lang, ps.rel)
			if ps.fill != nil {
				ps.fill(pg)
			}
			set.next()
			s.features(pg, &set)
			feats[k] = set.page
		}
		for _, k := range coverPages(feats, len(set.ids)) {
			keep[idx[k]] = true
		}
	}
	var out []pageSpec
	for i, ps := range pages {
		if keep[i] {
			out = append(out, ps)
		}
	}
	return out
}

// coverPages chooses among pages, each given by the numbers of its
// features (0 to n-1, without repeats), the first, the one with the fewest
// features (the first such), and then greedily the page that adds the
// most features not yet covered (the first such), until all are covered.
// It returns the indexes chosen, each once.
func coverPages(pages [][]int, n int) []int {
	if len(pages) == 0 {
		return nil
	}
	covered := make([]bool, n)
	chosen := make(map[int]bool)
	var out []int
	choose := func(k int) {
		if chosen[k] {
			return
		}
		chosen[k] = true
		out = append(out, k)
		for _, f := range pages[k] {
			covered[f] = true
		}
	}
	choose(0)
	least := 0
	for k, fs := range pages {
		if len(fs) < len(pages[least]) {
			least = k
		}
	}
	choose(least)
	for {
		best, gain := -1, 0
		for k, fs := range pages {
			if chosen[k] || len(fs) <= gain {
				continue
			}
			g := 0
			for _, f := range fs {
				if !covered[f] {
					g++
				}
			}
			if g > gain {
				best, gain = k, g
			}
		}
		if best < 0 {
			return out
		}
		choose(best)
	}
}

// features lists what a page shows that may lead its template down a
// branch of its own: for a person's page, the person's status, each type
// and act of their events and which of an event's facts it has, a photo,
// a sentence, a facility, a profile (in the page's language or another),
// names, groups, sources and so on; for a list, whether it is split into
// pages, its first or last page, empty or not; each free page is a
// feature of its own. A feature and its absence
// are both features, so that the pages chosen show each branch taken and
// not taken where any page does.
func (s *Site) features(pg *Page, f *featureSet) {
	f.flag("title", pg.Title != "")
	f.flag("description", pg.Description != "")
	if p := pg.Person; p != nil {
		s.personFeatures(pg, p, f)
	}
	f.flag("pager", pg.Pager != nil)
	if pg.Pager != nil {
		f.flag("first page", pg.Pager.Prev == nil)
		f.flag("last page", pg.Pager.Next == nil)
		f.flag("gaps", pg.Pager.Pages > 2*pagerWindow+3)
	}
	f.flag("people", len(pg.Chunk) > 0)
	f.flag("filters", pg.listFilters != nil)
	f.add("group folder", pg.GroupDir)
	f.flag("group", pg.Group != nil)
	f.flag("groups", len(pg.Groups) > 0)
	f.flag("changes", len(pg.Changes) > 0)
	f.flag("change months", len(pg.ChangeMonths) > 0)
	f.flag("change year", pg.ChangeYear != "")
	f.flag("data files", len(pg.DataFiles) > 0)
	if fp := pg.FreePage; fp != nil {
		// Every free page: there are few, and each has its own text.
		f.add("free page", fp.Name)
		f.flag("free page in the page's language", fp.Lang == pg.Lang)
		f.flag("menu", fp.Menu > 0)
	}
}

// personFeatures are the features of a person's page (see features).
func (s *Site) personFeatures(pg *Page, p *register.Person, f *featureSet) {
	chain := pg.chain()
	f.add("status", string(p.Status))
	f.flag("since", !p.Since.IsZero())
	f.flag("listed", p.Listed)
	f.flag("current", p.Current)
	f.flag("term ended", p.TermEnded)
	f.flag("term past", p.TermPast)
	f.flag("unconfirmed", p.Unconfirmed)
	f.flag("term end", !p.TermEnd.IsZero())
	f.flag("facility", p.Facility != "")
	f.flag("letters", p.Facility != "" && len(pg.Reg.Letters(p)) > 0)
	f.flag("photo", p.Photo != "")
	if p.Photo != "" {
		f.add("photo", path.Ext(p.Photo))
	}
	f.flag("born", !p.Born.IsZero())
	f.flag("occupation", !p.Occupation.IsZero())
	f.flag("region", p.RegionOf != nil)
	f.flag("person groups", len(p.Group) > 0)
	f.flag("several groups", len(p.Group) > 1)
	f.flag("charges", len(p.Charges) > 0)
	f.flag("tags", len(p.Tags) > 0)
	f.flag("aliases", len(p.Aliases) > 0)
	f.flag("names", len(p.Names) > 0)
	_, nameLang := p.NameIn(chain)
	f.flag("name in the page's language", nameLang == pg.Lang)
	f.flag("spans", len(p.Spans) > 1)
	f.flag("changed", !p.Changed.IsZero())
	if e := pg.Recognized(); e != nil {
		f.flag("recognized by", e.By != "")
	} else {
		f.add("not recognized", "")
	}
	if e := p.Sentence; e != nil {
		f.flag("sentence court", e.Court != "")
		sentenceFeatures(pg, e.Sentence, f)
	} else {
		f.add("no sentence", "")
	}
	switch md, lang := p.Profile(chain); {
	case md == nil:
		f.add("no profile", "")
	case lang == pg.Lang:
		f.add("profile", "")
	default:
		f.add("profile in another language", "")
	}
	for _, c := range p.Charges {
		f.flag("charge article", c.Article != "")
	}
	for _, e := range p.Timeline {
		f.add("event", string(e.Type))
		f.add("act", register.Act(p, e))
		f.flag("event court", e.Court != "")
		f.flag("event judge", e.Judge != "")
		f.flag("event facility", e.Facility != "")
		f.flag("event by", e.By != "")
		f.flag("event sources", len(e.Sources) > 0)
		_, lang := e.Text.Pick(chain)
		f.flag("event text in the page's language", lang == pg.Lang)
		sentenceFeatures(pg, e.Sentence, f)
	}
	for _, src := range p.Citations {
		f.flag("source url", src.URL != "")
		f.flag("source archive", src.ArchiveURL != "")
		f.flag("source lang", src.Lang != "")
		f.flag("source publisher", src.Publisher != "")
		f.flag("source date", !src.Date.IsZero())
	}
}

// sentenceFeatures are the features of a sentence (see features).
func sentenceFeatures(pg *Page, s *content.Sentence, f *featureSet) {
	if s == nil {
		return
	}
	f.add("sentence", string(s.Kind))
	f.flag("sentence term", !s.Term.IsZero())
	if amount, lang := s.Amount.Pick(pg.chain()); amount != "" {
		f.flag("sentence amount in the page's language", lang == pg.Lang)
	}
}

// featureKey is a feature: a name and a value ("event", "detained"), or
// a name and whether the page has it ("photo", "true").
type featureKey struct{ name, value string }

// featureSet numbers the features of the pages of one template and
// collects those of one page, each once.
type featureSet struct {
	ids  map[featureKey]int
	page []int // the features of the current page
	on   []int // feature -> the number of the page that has it last, plus 1
	n    int   // the number of the current page, plus 1
}

// next starts the features of another page.
func (f *featureSet) next() {
	f.page = nil
	f.n++
}

// add notes feature name, value of the current page.
func (f *featureSet) add(name, value string) {
	if f.ids == nil {
		f.ids = make(map[featureKey]int)
	}
	k := featureKey{name, value}
	id, ok := f.ids[k]
	if !ok {
		id = len(f.ids)
		f.ids[k] = id
		f.on = append(f.on, 0)
	}
	if f.on[id] != f.n {
		f.on[id] = f.n
		f.page = append(f.page, id)
	}
}

// flag notes that the current page has feature name, or has it not.
func (f *featureSet) flag(name string, on bool) {
	if on {
		f.add(name, "true")
	} else {
		f.add(name, "false")
	}
}
