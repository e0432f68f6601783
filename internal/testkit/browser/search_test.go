package browser

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/tizim/tizim/internal/build"
	"github.com/tizim/tizim/internal/register"
)

// searchInputJS finds the search box of the page: the search page's own
// (in main) before any other, such as one in the header.
const searchInputJS = `(document.querySelector("main form[data-search] input[name=q], main input[type=search], main input[name=q]") ||
	document.querySelector("form[data-search] input[name=q], input[type=search], input[name=q]"))`

// searchResultsJS is the element that holds the results.
const searchResultsJS = `(document.getElementById("search-results") || document.querySelector("main"))`

// resultLinksJS lists the paths of the links to people shown among the
// results, in order.
const resultLinksJS = `Array.from(` + searchResultsJS + `.querySelectorAll("a[href]"))
	.filter(a => a.getClientRects().length > 0 && new URL(a.href).pathname.includes("/people/"))
	.map(a => new URL(a.href).pathname.replace(/index\.html$/, ""))` // links name index.html, so that they open from disk

// waitForResult waits until the results show a link to the site path want
// ("people/x/") and none to the site path not (which may be ""), since
// results can change while the script catches up with the typing. On
// timeout it fails the test with the links to people that were shown.
func waitForResult(t testing.TB, tb *tab, what, want, not string) {
	t.Helper()
	base := getSite(t).base
	cond := `(links => links.includes(` + strconv.Quote(base+want) + `)`
	if not != "" {
		cond += ` && !links.includes(` + strconv.Quote(base+not) + `)`
	}
	cond += `)(` + resultLinksJS + `)`
	err := tb.try(chromedp.Poll[chromedp.Void](cond,
		chromedp.WithPollingTimeout(5*time.Second), chromedp.WithPollingInterval(25*time.Millisecond)))
	if err != nil {
		links := eval[[]string](t, tb, "read the results", resultLinksJS)
		msg := fmt.Sprintf("%s: after %s the results should link to %s", tb.page, what, base+want)
		if not != "" {
			msg += " and not to " + base + not
		}
		t.Errorf("%s, but 5s later the links to people shown are %q (%v)", msg, links, err)
	}
}

// search types query into the search box of the page the tab shows, the way
// a reader does (key by key), and waits for the results; see waitForResult.
func search(t testing.TB, tb *tab, query, want, not string) {
	t.Helper()
	tb.do(t, "type "+strconv.Quote(query)+" into the search box", chromedp.SendKeys(chromedp.JSPath(searchInputJS), query))
	waitForResult(t, tb, "typing "+strconv.Quote(query), want, not)
}

// TestSearch types spellings of two names into the search box of /search/
// (in Cyrillic, in the Latin transliteration the site uses, in a common
// other transliteration, and in Kazakh) and expects a link to that person
// and none to the other; and it opens /search/?q=... directly. It is skipped
// until the site has a search page.
func TestSearch(t *testing.T) {
	t.Parallel()
	s := getSite(t)
	const (
		zakirova = "people/sanavar-zakirova/"
		qylyshev = "people/qairat-qylyshev/"
	)
	tests := []struct {
		query     string // the query
		typed     bool   // typed into /search/'s box, else opened as /search/?q=
		want, not string // a link to want must be shown, and none to not
	}{
		{"Закирова", true, zakirova, qylyshev},
		{"Zakirova", true, zakirova, qylyshev},
		{"Qylyshev", true, qylyshev, zakirova},
		{"Kylyshev", true, qylyshev, zakirova},
		{"Қылышев", true, qylyshev, zakirova},
		{"Закирова", false, zakirova, qylyshev},
	}
	if !s.has("search/") {
		t.Skip("search page not built yet")
	}
	tb := newTab(t)
	for _, tt := range tests {
		what := "typed " + tt.query
		if !tt.typed {
			what = "opened ?q=" + tt.query
		}
		t.Run(what, func(t *testing.T) {
			if tt.typed {
				tb.openPage(t, "search/")
				search(t, tb, tt.query, tt.want, tt.not)
			} else {
				tb.openPage(t, "search/?q="+url.QueryEscape(tt.query))
				waitForResult(t, tb, "opening it", tt.want, tt.not)
			}
			// Searching must not make the page log errors or
			// fetch from elsewhere.
			tb.check(t)
		})
	}
}

// TestSearchSaysConfirmation searches for people on the current list of the
// shipped register as of its date: a result says whether the person's
// custody is confirmed, not recently confirmed, or past the end of the
// term, as the person's page does.
func TestSearchSaysConfirmation(t *testing.T) {
	t.Parallel()
	s := getSite(t)
	if !s.has("search/") {
		t.Skip("search page not built yet")
	}
	// One person of each kind, as the register says today: which people
	// they are changes as the records are followed.
	reg, _, err := build.Load(root, asOf)
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct{ query, slug, want string }
	for _, kind := range []struct {
		of   []*register.Person
		want string
	}{
		{reg.TermEnded, "on the current list · Term ended, release not recorded"},
		{reg.Unconfirmed, "on the current list · Not confirmed recently"},
		{reg.Confirmed, "on the current list · Confirmed in custody"},
	} {
		if len(kind.of) > 0 {
			p := kind.of[0]
			cases = append(cases, struct{ query, slug, want string }{p.Name, p.Slug, kind.want})
		}
	}
	if len(cases) < 2 {
		t.Fatalf("the shipped register as of %s has fewer than two kinds of people on its current list", asOf.Format(time.DateOnly))
	}
	tb := newTab(t)
	for _, tt := range cases {
		t.Run(tt.query, func(t *testing.T) {
			tb.openPage(t, "search/?q="+url.QueryEscape(tt.query))
			waitForResult(t, tb, "opening it", "people/"+tt.slug+"/", "")
			got := eval[string](t, tb, "read the result", `Array.from(document.querySelectorAll("#search-results li")).map(li => li.textContent).join("\n")`)
			if !strings.Contains(got, tt.want) {
				t.Errorf("the result for %s says %q, want %q", tt.query, got, tt.want)
			}
		})
	}
}
