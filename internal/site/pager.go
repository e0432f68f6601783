package site

import (
	"strconv"
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
}

// PageLink is one page of a list, for the page navigation.
type PageLink struct {
	N       int
	Rel     string // site path without the language prefix
	Current bool
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
	var out []pageSpec
	for i := 1; i <= n; i++ {
		out = append(out, pageSpec{pagePath(rel, i), tmpl, func(pg *Page) {
			sorted := sorted()
			from, to := (i-1)*PerPage, min(i*PerPage, len(sorted))
			pg.Chunk = sorted[from:to]
			pg.Pager = &Pager{Page: i, Pages: n, From: from + 1, To: to, Total: len(people)}
			for j := 1; j <= n; j++ {
				pg.Pager.Links = append(pg.Pager.Links, PageLink{j, pagePath(rel, j), j == i})
			}
			if fill != nil {
				fill(pg)
			}
		}})
	}
	return out
}
