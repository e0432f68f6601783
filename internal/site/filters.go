package site

import (
	"bytes"
	"cmp"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
)

// The tables of people carry, per row, the values the filters match
// (data-status, data-region, ...), and the page a hidden form with the
// choices; static/filter.js shows the form and hides rows. Without
// JavaScript the regions and groups pages serve the same purpose.

// Row is what a table row of a person needs beyond the person: the values
// for filtering and sorting.
type Row struct {
	Rank       int    // position in the page language's alphabetical order
	StatusRank int    // position of the status in content.Statuses, most severe first
	Groups     string // group slugs, space-separated
	Year       string // year custody began, or ""
	Term       string // sentence bucket, see register.SentenceKey
	TermMonths int    // the prison term in months, for sorting; 0 without one
	// Confirmation is the part of the current list the person is in (see
	// register.Confirmation), or "".
	Confirmation string
}

// rowKey names a cached table row: a person in a language, on a page
// whose links go back to the root by root (links are relative, so a row
// depends on the depth of the page's folder).
type rowKey struct {
	lang string
	root string
	p    *register.Person
}

// PersonRow returns the table row of p (template "person-row"). A row
// depends only on the person and the language, so it is rendered once and
// reused in every table that lists the person: the people index, the
// current list, groups and regions, at the same depth of folders (its
// links are relative).
func (pg *Page) PersonRow(p *register.Person) (template.HTML, error) {
	s := pg.site
	if pg.root == "" {
		pg.root = pg.Root("")
	}
	key := rowKey{pg.Lang, pg.root, p}
	if h, ok := s.rows.Load(key); ok {
		return h.(template.HTML), nil
	}
	// A row kept from the last build, if its key is the same (see
	// [RowCache]).
	kept := s.rowCacheKey(p, pg.Lang, pg.root)
	if !kept.IsZero() {
		if h, ok := s.keys.rows.Row(kept); ok {
			// Safe: html/template's output, as below, from the last build.
			s.rows.Store(key, template.HTML(h))
			return template.HTML(h), nil
		}
	}
	buf := rowBufs.Get().(*bytes.Buffer)
	defer rowBufs.Put(buf)
	buf.Reset()
	if err := s.tmpl["home.html"].ExecuteTemplate(buf, "person-row", map[string]any{"Page": pg, "P": p}); err != nil {
		return "", err
	}
	// Safe: the output of html/template, escaped in its HTML context.
	h := template.HTML(buf.String())
	s.rows.Store(key, h)
	if !kept.IsZero() {
		s.keys.rows.SetRow(kept, string(h))
	}
	return h, nil
}

// PersonRows returns the table rows of people, each as PersonRow gives
// it and after a line break: a table's body in one call. A list page of
// 500 people spent more time in the template engine's loop, its call of
// PersonRow and the escaper's pass over each row than in the rows.
func (pg *Page) PersonRows(people []*register.Person) (template.HTML, error) {
	var b strings.Builder
	for _, p := range people {
		h, err := pg.PersonRow(p)
		if err != nil {
			return "", err
		}
		if b.Len() == 0 {
			b.Grow(len(people) * (len(h) + 1))
		}
		b.WriteByte('\n')
		b.WriteString(string(h))
	}
	// Safe: rows of html/template's output (see PersonRow).
	return template.HTML(b.String()), nil
}

// rowBufs are the buffers rows are rendered into, used again: grown from
// empty for each row, a buffer's copies were 12.5 MB of the 88.5 MB that
// rendering rows held in a heap profile of a build of 30,000 people (most
// of it what the templates allocated while the collector marked).
var rowBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// A rowSet is the rows of tables of people of one language at one depth
// of folders, which root, the link to the site's root, tells.
type rowSet struct{ lang, root string }

// dropRows forgets the table rows of rs (see render).
func (s *Site) dropRows(rs rowSet) {
	s.rows.Range(func(k, _ any) bool {
		if k := k.(rowKey); k.lang == rs.lang && k.root == rs.root {
			s.rows.Delete(k)
		}
		return true
	})
}

// Row returns the filter and sort values of p's row.
func (pg *Page) Row(p *register.Person) Row {
	r := Row{Rank: pg.site.rank(pg.Lang)[p], StatusRank: slices.Index(content.Statuses, p.Status)}
	var gs []string
	for _, g := range p.Group {
		gs = append(gs, g.Slug)
	}
	r.Groups = strings.Join(gs, " ")
	if y, ok := register.DetentionYear(p, pg.Reg.AsOf); ok {
		r.Year = strconv.Itoa(y)
	}
	r.Term, r.TermMonths = register.SentenceKey(p), register.TermMonths(p)
	r.Confirmation = register.Confirmation(p)
	return r
}

// FilterField is one filter of the form: a select named like the rows'
// data attribute it matches.
type FilterField struct {
	Name    string // status, region, groups, year, term
	Label   string
	Options []FilterOption
}

// FilterOption is one choice of a filter.
type FilterOption struct {
	Value, Label string
	Count        int
}

// Filters returns the filters for a table of people, with only the
// choices that occur among them.
func (pg *Page) Filters(people []*register.Person) []FilterField {
	count := func(values func(*register.Person) []string) map[string]int {
		m := make(map[string]int)
		for _, p := range people {
			for _, v := range values(p) {
				if v != "" {
					m[v]++
				}
			}
		}
		return m
	}
	var out []FilterField
	add := func(name, labelKey string, counts map[string]int, order []string, label func(string) string) {
		if len(counts) < 2 && name != "status" {
			return // a filter with one choice filters nothing
		}
		f := FilterField{Name: name, Label: pg.text(labelKey, 0)}
		for _, v := range order {
			if n := counts[v]; n > 0 {
				f.Options = append(f.Options, FilterOption{v, label(v), n})
			}
		}
		out = append(out, f)
	}
	statuses := count(func(p *register.Person) []string { return []string{string(p.Status)} })
	add("status", "table.status", statuses, content.Names(content.Statuses), func(v string) string { return pg.Status(content.Status(v)) })

	regionName := make(map[string]string)
	regions := count(func(p *register.Person) []string {
		if p.RegionOf == nil {
			return nil
		}
		regionName[p.RegionOf.Slug], _ = pg.Reg.Site.Name(p.RegionOf.Name, pg.chain())
		return []string{p.RegionOf.Slug}
	})
	add("region", "table.region", regions, sortedByLabel(regionName), func(v string) string { return regionName[v] })

	groupName := make(map[string]string)
	groups := count(func(p *register.Person) []string {
		var out []string
		for _, g := range p.Group {
			groupName[g.Slug], _ = pg.Reg.Site.Name(g.Name, pg.chain())
			out = append(out, g.Slug)
		}
		return out
	})
	add("groups", "filter.group", groups, sortedByLabel(groupName), func(v string) string { return groupName[v] })

	years := count(func(p *register.Person) []string { return []string{pg.Row(p).Year} })
	yearList := slices.Sorted(func(yield func(string) bool) {
		for y := range years {
			if !yield(y) {
				return
			}
		}
	})
	slices.Reverse(yearList)
	add("year", "filter.year", years, yearList, func(v string) string { return v })

	confirmations := count(func(p *register.Person) []string { return []string{register.Confirmation(p)} })
	add("confirmation", "filter.confirmation", confirmations, register.Confirmations, func(v string) string { return pg.text("confirmation."+v, 0) })

	terms := count(func(p *register.Person) []string { return []string{register.SentenceKey(p)} })
	add("term", "table.sentence", terms, register.SentenceKeys, func(v string) string { return pg.text("stats.sentence."+v, 0) })
	return out
}

// ListFilters returns the filters of a list page: the choices and counts
// of the whole list, also on a list split into pages, since the script
// filters across all of them (see Pager.Facets).
func (pg *Page) ListFilters() []FilterField {
	if pg.listFilters == nil {
		return nil // not a page of a list of people
	}
	return pg.listFilters()
}

// sortedByLabel returns the keys of m ordered by their labels, then keys.
func sortedByLabel(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(m[a], m[b]), cmp.Compare(a, b)) })
	return keys
}
