package site

import (
	"encoding/json"
	"strconv"
	"strings"
	"sync"

	"github.com/tizim/tizim/internal/register"
)

// PerPage is how many people a list page shows. Long lists (the people
// index, the current list, a large region) are split into pages of this
// many, so that no page grows past about 1 MB on a 100,000-person
// register; every language has the same number of pages, so the language
// menu always leads to a page that exists.
const PerPage = 500

// Pager is a list page's place among the pages of its list.
type Pager struct {
	Page, Pages int // 1-based
	From, To    int // the 1-based positions of its first and last person
	Total       int
	Links       []PageLink
	Prev, Next  *PageLink // nil on the first and the last page
	// Facets is the link to the list's filter file (see Site.facets), by
	// which static/filter.js filters every page of the list, not only
	// this one; "" when the list has one page. (Opened from disk, the
	// script cannot fetch it and filters the page it is on.)
	Facets string
}

// PageLink is one page of a list, for the page navigation, or a gap
// between the pages it shows.
type PageLink struct {
	N       int
	Rel     string // site path without the language prefix
	Current bool
	Gap     bool // pages left out here: the navigation shows "…"
}

// pagerWindow is how many pages the navigation shows on each side of the
// current one, besides the first and the last: the list of everyone at
// 100,000 people has 200 pages, too many links to read or tab through.
const pagerWindow = 2

// newPager returns the place of page (1-based) among pages, whose site
// paths rel gives, with the links of the page navigation: the first and
// last pages, those within pagerWindow of this one, gaps for the rest,
// and the previous and next pages.
func newPager(page, pages, from, to, total int, rel func(n int) string) *Pager {
	pg := &Pager{Page: page, Pages: pages, From: from, To: to, Total: total}
	for n := 1; n <= pages; n++ {
		switch {
		case n == 1 || n == pages || (n >= page-pagerWindow && n <= page+pagerWindow):
			pg.Links = append(pg.Links, PageLink{N: n, Rel: rel(n), Current: n == page})
		case n == page-pagerWindow-1 && n == 2, n == page+pagerWindow+1 && n == pages-1:
			// A gap of one page: the page itself reads better than "…".
			pg.Links = append(pg.Links, PageLink{N: n, Rel: rel(n)})
		case len(pg.Links) > 0 && !pg.Links[len(pg.Links)-1].Gap:
			pg.Links = append(pg.Links, PageLink{Gap: true})
		}
	}
	if page > 1 {
		pg.Prev = &PageLink{N: page - 1, Rel: rel(page - 1)}
	}
	if page < pages {
		pg.Next = &PageLink{N: page + 1, Rel: rel(page + 1)}
	}
	return pg
}

// pagePath is the site path of page n of the list at rel: rel itself for
// the first, rel + "page/n/" for the others. ("page" cannot be a person's
// slug; see content's reserved slugs.)
func pagePath(rel string, n int) string {
	if n == 1 {
		return rel
	}
	return rel + "page/" + strconv.Itoa(n) + "/"
}

// paged returns the page specs of a list of people at rel, split into
// pages of PerPage in the language's alphabetical order; fill sets the
// rest of each page.
func (s *Site) paged(lang, rel, tmpl string, people []*register.Person, fill func(*Page)) []pageSpec {
	n := max(1, (len(people)+PerPage-1)/PerPage)
	// Sorted once for all the list's pages, when the first is rendered.
	sorted := sync.OnceValue(func() []*register.Person { return s.sortedIn(lang, people) })
	// The filters' choices and counts are the whole list's, made once.
	filters := sync.OnceValue(func() []FilterField { return s.newPage(lang, rel).Filters(sorted()) })
	letters := sync.OnceValue(func() []listLetter { return s.newPage(lang, rel).letterStarts(rel, sorted()) })
	var out []pageSpec
	for i := 1; i <= n; i++ {
		out = append(out, pageSpec{pagePath(rel, i), tmpl, func(pg *Page) {
			sorted := sorted()
			from, to := (i-1)*PerPage, min(i*PerPage, len(sorted))
			pg.Chunk = sorted[from:to]
			pg.Pager = newPager(i, n, from+1, to, len(people), func(j int) string { return pagePath(rel, j) })
			pg.listFilters, pg.listLetters = filters, letters
			if n > 1 && s.facetsFor(rel) != nil {
				pg.Pager.Facets = pg.URL(rel + FacetsFile)
			}
			if fill != nil {
				fill(pg)
			}
		}})
	}
	return out
}

// FacetsFile is the name of a long list's filter file, in the list's
// folder: "current/filters.json".
const FacetsFile = "filters.json"

// facetFile is the filter file of a list split into pages: for each filter
// of the form, the value of each person of the list, in the list's order,
// so that static/filter.js can count the matches of the whole list and
// fetch only the pages that hold them. Values are indexes into Values
// (-1 for none); a person's groups are a list of them.
type facetFile struct {
	PerPage int          `json:"perPage"`
	Total   int          `json:"total"`
	Pages   []string     `json:"pages"`
	Fields  []facetField `json:"fields"`
}

type facetField struct {
	Name   string   `json:"name"`
	Values []string `json:"values"`
	Rows   any      `json:"rows"` // []int, or [][]int for groups
}

// facetsFor returns the people of the filtered list at rel, whose pages
// have a filter form, when it is split into pages and so has a filter
// file; nil otherwise.
func (s *Site) facetsFor(rel string) []*register.Person {
	var people []*register.Person
	switch rel {
	case "current/":
		people = s.reg.Current
	case "people/":
		people = s.reg.People
	}
	if len(people) <= PerPage {
		return nil
	}
	return people
}

// facets writes the filter file of the list of people at rel in lang.
// The values come from the same Row the table rows' data- attributes do,
// so the counts the script makes from this file are those of the rows it
// then shows.
func (s *Site) facets(w Writer, lang, rel string) error {
	pg := s.newPage(lang, rel)
	sorted := s.sortedIn(lang, s.facetsFor(rel))
	n := (len(sorted) + PerPage - 1) / PerPage
	f := facetFile{PerPage: PerPage, Total: len(sorted)}
	// The pages' links are relative to the filter file, as the script
	// takes them: "../current/index.html", "../current/page/2/index.html".
	file := s.urls.LangPath(lang, rel+FacetsFile)
	for i := 1; i <= n; i++ {
		f.Pages = append(f.Pages, s.urls.Link(file, s.urls.LangPath(lang, pagePath(rel, i))))
	}
	rows := make([]Row, len(sorted))
	for i, p := range sorted {
		rows[i] = pg.Row(p)
	}
	// add adds the filter name, whose values for person i values gives, as
	// indexes into its list of values in the order they first occur: a
	// list of them a person where multi (groups), else one, -1 for none.
	add := func(name string, multi bool, values func(i int) []string) {
		fd := facetField{Name: name, Values: []string{}}
		index := make(map[string]int)
		code := func(v string) int {
			k, ok := index[v]
			if !ok {
				k = len(fd.Values)
				index[v] = k
				fd.Values = append(fd.Values, v)
			}
			return k
		}
		if multi {
			out := make([][]int, len(sorted))
			for i := range sorted {
				out[i] = []int{}
				for _, v := range values(i) {
					out[i] = append(out[i], code(v))
				}
			}
			fd.Rows = out
		} else {
			out := make([]int, len(sorted))
			for i := range sorted {
				out[i] = -1
				if vs := values(i); len(vs) > 0 && vs[0] != "" {
					out[i] = code(vs[0])
				}
			}
			fd.Rows = out
		}
		f.Fields = append(f.Fields, fd)
	}
	one := func(v string) []string { return []string{v} }
	add("status", false, func(i int) []string { return one(string(sorted[i].Status)) })
	add("region", false, func(i int) []string {
		if r := sorted[i].RegionOf; r != nil {
			return one(r.Slug)
		}
		return nil
	})
	add("groups", true, func(i int) []string { return strings.Fields(rows[i].Groups) })
	add("year", false, func(i int) []string { return one(rows[i].Year) })
	add("term", false, func(i int) []string { return one(rows[i].Term) })
	add("confirmation", false, func(i int) []string { return one(rows[i].Confirmation) })
	data, err := json.Marshal(f)
	if err != nil {
		return err
	}
	return w.Write(file, data)
}
