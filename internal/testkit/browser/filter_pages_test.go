package browser

import (
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/tizim/tizim/internal/build"
	"github.com/tizim/tizim/internal/testkit/synth"
)

// listState is what a reader sees of a list split into pages while
// filtering: the results table that holds the whole list's matches, the
// page's own tables, its page navigation, and the status line.
type listState struct {
	Results   []string `json:"results"`   // the names in the results table, if it is shown
	Own       int      `json:"own"`       // rows of the page's own tables that are shown
	Pager     bool     `json:"pager"`     // a page navigation is shown
	More      bool     `json:"more"`      // the "Show more" button is shown
	PageOnly  bool     `json:"pageOnly"`  // the note that the filters cover only this page is shown
	SortNote  bool     `json:"sortNote"`  // the note that sorting orders only the people shown is shown
	Status    string   `json:"status"`    // the status line
	Text      string   `json:"text"`      // its template for everything shown
	Partial   string   `json:"partial"`   // its template for a first part shown
	Address   string   `json:"address"`   // location.search
	Requested []string `json:"requested"` // the list pages fetched so far
	Focus     string   `json:"focus"`     // the text of the focused element
}

const listStateJS = `(() => {
	const shown = el => !!el && el.getClientRects().length > 0;
	const results = document.querySelector("[data-filter-results]");
	const status = document.querySelector("[data-filter-count]");
	return {
		results: shown(results) ? Array.from(results.querySelectorAll("tbody tr")).filter(shown).map(tr => tr.querySelector("th").textContent.trim()) : [],
		own: Array.from(document.querySelectorAll("table.people tbody tr")).filter(tr => !results.contains(tr) && shown(tr)).length,
		pager: Array.from(document.querySelectorAll("nav.pager")).some(shown),
		more: shown(document.querySelector("[data-filter-more]")),
		pageOnly: shown(document.querySelector("[data-filter-page-only]")),
		sortNote: shown(document.querySelector("[data-filter-sort-note]")),
		status: status.textContent,
		text: status.getAttribute("data-text") || "",
		partial: status.getAttribute("data-partial") || "",
		address: location.search,
		focus: document.activeElement ? document.activeElement.textContent.trim() : "",
		requested: performance.getEntriesByType("resource").map(e => new URL(e.name).pathname).filter(p => /\/people\/(page\/\d+\/)?$/.test(p)),
	};
})()`

// numIn writes n the way the page's language does, as the browser knows it.
func numIn(t testing.TB, tb *tab, n int) string {
	t.Helper()
	return eval[string](t, tb, "format "+strconv.Itoa(n), "("+strconv.Itoa(n)+`).toLocaleString(document.documentElement.lang)`)
}

// serveWith serves the site built into out under base, as serve does, but
// lets before see each request first: to delay it, or to answer it itself,
// when it returns true.
func serveWith(t *testing.T, base, out string, before func(w http.ResponseWriter, r *http.Request) bool) *site {
	files := serve(base, out)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if before == nil || !before(w, r) {
			files.ServeHTTP(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return &site{dir: out, base: base, srv: srv}
}

// listRow is a row of a list page as the site wrote it.
type listRow struct {
	name, status, region string
	page                 int
}

var (
	rowRE     = regexp.MustCompile(`<tr data-status="([^"]*)" data-region="([^"]*)"[^>]*>\s*<th scope="row"[^>]*><a [^>]*>([^<]*)</a>`)
	resultsRE = regexp.MustCompile(`(?s)<div class="filters" data-filter-results hidden>.*?</div>`)
)

// readList reads the rows of every page of the list at rel (e.g.
// "ru/people/") from the built files, in the list's order.
func readList(t *testing.T, out, rel string) []listRow {
	t.Helper()
	var rows []listRow
	for page := 1; ; page++ {
		p := rel
		if page > 1 {
			p += fmt.Sprintf("page/%d/", page)
		}
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p), "index.html"))
		if os.IsNotExist(err) && page > 1 {
			return rows
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range rowRE.FindAllStringSubmatch(resultsRE.ReplaceAllString(string(data), ""), -1) {
			rows = append(rows, listRow{name: html.UnescapeString(m[3]), status: m[1], region: m[2], page: page})
		}
	}
}

// TestFiltersAcrossPages builds a synthetic register of 2,100 people, whose
// index is split into five pages, and filters it from its second page: a
// choice must find the matching people of every page, in the list's order,
// with the count of the whole list, fetching only the pages that hold them;
// more than a page's worth of matches comes in parts through "Show more";
// the reset brings the page back; and without the filter file the script
// falls back to this page's rows and says so.
func TestFiltersAcrossPages(t *testing.T) {
	t.Parallel()
	getBrowser(t) // skips or fails first when there is no browser
	dir := t.TempDir()
	if err := synth.Write(filepath.Join(dir, "site"), 2100, 1); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	if _, err := build.Build(build.Options{Root: filepath.Join(dir, "site"), Out: out, AsOf: synth.AsOf}); err != nil {
		t.Fatalf("the synthetic site does not build: %v", err)
	}
	const base = "/register/" // the path of the synthetic base_url
	ls := serveWith(t, base, out, nil)

	for _, lang := range []string{"", "ru/"} {
		t.Run(subtest(lang+"people/"), func(t *testing.T) {
			rows := readList(t, out, lang+"people/")
			if n := rows[len(rows)-1].page; n < 3 {
				t.Fatalf("%speople/ has %d pages; the test needs at least 3", lang, n)
			}
			tb := newTabAt(t, ls.host(), ls.url(""))
			start := lang + "people/page/2/"
			tb.open(t, ls.url(start))
			read := func() listState { return eval[listState](t, tb, "read the list", listStateJS) }
			choose := func(field, value string) { chooseFilter(t, tb, field, value) }
			// wait polls until the status line reads want.
			wait := func(what, want string) listState {
				t.Helper()
				err := tb.try(chromedp.Poll[chromedp.Void](
					`document.querySelector("[data-filter-count]").textContent === `+strconv.Quote(want),
					chromedp.WithPollingTimeout(10*time.Second), chromedp.WithPollingInterval(20*time.Millisecond)))
				s := read()
				if err != nil {
					t.Fatalf("%s: %s, the status line says %q, want %q", start, what, s.Status, want)
				}
				return s
			}
			fill := func(tmpl string, n, shown int) string {
				return strings.NewReplacer("{n}", numIn(t, tb, n), "{total}", numIn(t, tb, len(rows)), "{shown}", numIn(t, tb, shown)).Replace(tmpl)
			}
			// The script writes numbers as the site does: the total as
			// the page navigation gives it.
			if nav := eval[string](t, tb, "read the page navigation", `document.querySelector("nav.pager p").textContent`); !strings.Contains(nav, numIn(t, tb, len(rows))) {
				t.Errorf("%s: the page navigation says %q, which does not hold the total %d as the script writes it, %q", start, nav, len(rows), numIn(t, tb, len(rows)))
			}

			// A region: fewer matches than a page holds, on several pages.
			regions := make(map[string][]listRow)
			for _, r := range rows {
				regions[r.region] = append(regions[r.region], r)
			}
			var region string
			for _, k := range slices.Sorted(func(yield func(string) bool) {
				for k := range regions {
					yield(k)
				}
			}) {
				if k != "" && len(regions[k]) > len(regions[region]) {
					region = k
				}
			}
			want := regions[region]
			onPages := map[int]bool{}
			for _, r := range want {
				onPages[r.page] = true
			}
			if len(onPages) < 2 {
				t.Fatalf("region %s has people on %d page(s); the test needs several", region, len(onPages))
			}
			before := read()
			if lang == "" { // the page navigation with its gaps, and the filter form
				axeSource(t)
				for _, v := range runAxe(t, tb) {
					t.Errorf("%s breaks axe rule %s", start, v)
				}
			}
			if !before.SortNote || before.PageOnly {
				t.Errorf("%s: the note that sorting orders only the people shown is shown: %v, the page-only note: %v; want only the first", start, before.SortNote, before.PageOnly)
			}
			choose("region", region)
			got := wait("after choosing region "+region, fill(before.Text, len(want), len(want)))
			var names []string
			for _, r := range want {
				names = append(names, r.name)
			}
			if !slices.Equal(got.Results, names) {
				t.Errorf("%s: region %s shows\n  %q\nwant the %d people of that region on every page, in the list's order:\n  %q", start, region, got.Results, len(names), names)
			}
			if got.Own != 0 || got.Pager || got.More || got.PageOnly {
				t.Errorf("%s: while showing the whole list's matches, %d of the page's own rows, the page navigation (%v), the more button (%v) and the page-only note (%v) are shown; want none", start, got.Own, got.Pager, got.More, got.PageOnly)
			}
			if got.Address != "?region="+region {
				t.Errorf("%s: the address has %q, want ?region=%s", start, got.Address, region)
			}
			// Only the pages holding matches are fetched; the page shown
			// was loaded, not fetched again.
			var fetched []int
			for _, p := range got.Requested {
				n := 1
				if _, rest, ok := strings.Cut(p, "/page/"); ok {
					n, _ = strconv.Atoi(strings.TrimSuffix(rest, "/"))
				}
				fetched = append(fetched, n)
			}
			for _, n := range fetched {
				if !onPages[n] || n == 2 {
					t.Errorf("%s: the script fetched page %d, which it did not need (requests: %q)", start, n, got.Requested)
				}
			}

			// A status with more matches than a page holds comes in parts.
			choose("region", "")
			var free []string
			for _, r := range rows {
				if r.status == "free" {
					free = append(free, r.name)
				}
			}
			if len(free) <= 500 {
				t.Fatalf("only %d people are free; the test needs more than a page's worth", len(free))
			}
			// Pages are added whole until 500 matches are shown.
			shown := 0
			for page := 1; shown < 500; page++ {
				for _, r := range rows {
					if r.page == page && r.status == "free" {
						shown++
					}
				}
			}
			choose("status", "free")
			part := wait("after choosing status free", fill(before.Partial, len(free), shown))
			if !part.More || !slices.Equal(part.Results, free[:shown]) {
				t.Errorf("%s: status free shows %d people with the more button %v; want the first %d matches and the button", start, len(part.Results), part.More, shown)
			}
			if lang == "" { // the results table and its button, as axe sees them
				axeSource(t)
				for _, v := range runAxe(t, tb) {
					t.Errorf("%s with the results of status free shown breaks axe rule %s", start, v)
				}
			}
			tb.do(t, "click Show more", chromedp.Click(chromedp.CSS("[data-filter-more]")))
			all := wait("after Show more", fill(before.Text, len(free), len(free)))
			if all.More || !slices.Equal(all.Results, free) {
				t.Errorf("%s: after Show more %d of %d free people are shown and the button is %v", start, len(all.Results), len(free), all.More)
			}
			// The button is gone, so the focus goes to the first row added.
			if all.Focus != free[shown] {
				t.Errorf("%s: after Show more the focus is on %q, want the first person added, %q", start, all.Focus, free[shown])
			}

			openFilters(t, tb)
			tb.do(t, "click the reset button", chromedp.Click(chromedp.CSS("form[data-filter] button[type=reset]")))
			var onPage int
			for _, r := range rows {
				if r.page == 2 {
					onPage++
				}
			}
			if before.Status != "" {
				t.Errorf("%s: before any choice the status line says %q; on a page of a longer list it should say nothing, as the page navigation gives the count", start, before.Status)
			}
			back := wait("after the reset button", "")
			if len(back.Results) != 0 || back.Own != onPage || !back.Pager || back.Address != "" {
				t.Errorf("%s: after the reset button the results show %d, the page %d of its %d rows, the navigation %v, the address %q", start, len(back.Results), back.Own, onPage, back.Pager, back.Address)
			}
		})
	}

	t.Run("on a slow connection", func(t *testing.T) {
		// Each other page of the list takes a second to come.
		slow := serveWith(t, base, out, func(w http.ResponseWriter, r *http.Request) bool {
			if strings.Contains(r.URL.Path, "/people/page/") {
				time.Sleep(time.Second)
			}
			return false
		})
		tb := newTabAt(t, slow.host(), slow.url(""))
		rows := readList(t, out, "people/")
		tb.open(t, slow.url("people/"))
		region := rows[len(rows)-1].region // one on the last page, which comes late
		n := 0
		for _, r := range rows {
			if r.region == region {
				n++
			}
		}
		chooseFilter(t, tb, "region", region)
		loading := eval[string](t, tb, "read the loading text", `(() => {
			const s = document.querySelector("[data-filter-count]");
			return s.getAttribute("data-loading");
		})()`)
		want := strings.NewReplacer("{n}", numIn(t, tb, n), "{total}", numIn(t, tb, len(rows))).Replace(loading)
		err := tb.try(chromedp.Poll[chromedp.Void](`document.querySelector("[data-filter-count]").textContent === `+strconv.Quote(want)+
			` && document.querySelector("[data-filter-results]").getAttribute("aria-busy") === "true"`,
			chromedp.WithPollingTimeout(900*time.Millisecond), chromedp.WithPollingInterval(10*time.Millisecond)))
		if err != nil {
			got := eval[listState](t, tb, "read the list", listStateJS)
			t.Errorf("/people/ on a slow connection: while the pages load the status line says %q, want %q with the results marked busy", got.Status, want)
		}
	})

	t.Run("without the filter file", func(t *testing.T) {
		// The offline copy cannot fetch; a server without the file fails
		// the same way.
		nf := serveWith(t, base, out, func(w http.ResponseWriter, r *http.Request) bool {
			if strings.HasSuffix(r.URL.Path, "/filters.json") {
				http.NotFound(w, r)
				return true
			}
			return false
		})
		tb := newTabAt(t, nf.host(), nf.url(""))
		rows := readList(t, out, "people/")
		tb.open(t, nf.url("people/"))
		before := eval[listState](t, tb, "read the list", listStateJS)
		region := rows[0].region
		n := 0
		for _, r := range rows {
			if r.page == 1 && r.region == region {
				n++
			}
		}
		chooseFilter(t, tb, "region", region)
		want := strings.NewReplacer("{n}", numIn(t, tb, n), "{total}", numIn(t, tb, before.Own)).Replace(before.Text)
		err := tb.try(chromedp.Poll[chromedp.Void](`document.querySelector("[data-filter-page-only]").getClientRects().length > 0`,
			chromedp.WithPollingTimeout(10*time.Second), chromedp.WithPollingInterval(20*time.Millisecond)))
		got := eval[listState](t, tb, "read the list", listStateJS)
		if err != nil || got.Status != want || got.Own != n || len(got.Results) != 0 || got.SortNote {
			t.Errorf("/people/ without its filter file: the page-only note is shown: %v, the status says %q (want %q), %d of the page's rows shown (want %d), %d results, the whole-list sorting note shown: %v", err == nil, got.Status, want, got.Own, n, len(got.Results), got.SortNote)
		}
		tb.take() // the blocked request, which the browser reports as an error
	})
}
