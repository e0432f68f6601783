package site

import (
	"strconv"
	"strings"
	"testing"
)

// TestPagerLinks checks the page navigation's links: every page of a short
// list, and of a long one the first, the last, two on each side of the
// current page and "…" for the rest, with the previous and next pages.
func TestPagerLinks(t *testing.T) {
	for _, tc := range []struct {
		page, pages int
		want        string // links, [current], … for a gap; then prev and next
	}{
		{1, 2, "[1] 2 | - 2"},
		{2, 2, "1 [2] | 1 -"},
		{1, 7, "[1] 2 3 … 7 | - 2"},
		{4, 7, "1 2 3 [4] 5 6 7 | 3 5"},
		{5, 7, "1 2 3 4 [5] 6 7 | 4 6"},
		{1, 200, "[1] 2 3 … 200 | - 2"},
		{5, 200, "1 2 3 4 [5] 6 7 … 200 | 4 6"},
		{6, 200, "1 … 4 5 [6] 7 8 … 200 | 5 7"},
		{100, 200, "1 … 98 99 [100] 101 102 … 200 | 99 101"},
		{196, 200, "1 … 194 195 [196] 197 198 199 200 | 195 197"},
		{200, 200, "1 … 198 199 [200] | 199 -"},
	} {
		pg := newPager(tc.page, tc.pages, 0, 0, 0, func(n int) string { return "p" + strconv.Itoa(n) })
		var got []string
		for _, l := range pg.Links {
			switch {
			case l.Gap:
				got = append(got, "…")
			case l.Current:
				got = append(got, "["+strconv.Itoa(l.N)+"]")
			default:
				got = append(got, strconv.Itoa(l.N))
			}
			if !l.Gap && l.Rel != "p"+strconv.Itoa(l.N) {
				t.Errorf("page %d of %d: the link to page %d goes to %q", tc.page, tc.pages, l.N, l.Rel)
			}
		}
		side := func(l *PageLink) string {
			if l == nil {
				return "-"
			}
			return strconv.Itoa(l.N)
		}
		if s := strings.Join(got, " ") + " | " + side(pg.Prev) + " " + side(pg.Next); s != tc.want {
			t.Errorf("page %d of %d: %q, want %q", tc.page, tc.pages, s, tc.want)
		}
	}
}
