package browser

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// tableState is what a reader sees of a page with tables of people
// (/current/, /people/): the filter form, each row and section, the status
// line and the address.
type tableState struct {
	Form     bool   `json:"form"`     // the filter form is shown
	Rows     []row  `json:"rows"`     // every row of every table, in order
	Sections []bool `json:"sections"` // each [data-filter-section] is shown
	Empty    []bool `json:"empty"`    // each section has no row shown
	Status   string `json:"status"`   // the text of the status line
	Template string `json:"template"` // the status line's data-text
	Region   string `json:"region"`   // the select's value
	Query    string `json:"query"`    // location.search's region=, "" if none
	Sorters  int    `json:"sorters"`  // sort buttons in the headers
	SortedBy string `json:"sortedBy"` // aria-sort of the name column
}

type row struct {
	Name   string `json:"name"`
	Region string `json:"region"`
	Shown  bool   `json:"shown"`
}

// tableStateJS reads a tableState. "Shown" means rendered (has a box), not
// merely without the hidden attribute, so that CSS that overrides [hidden]
// on rows counts as a failure.
const tableStateJS = `(() => {
	const shown = el => el.getClientRects().length > 0;
	const form = document.querySelector("form[data-filter]");
	const status = document.querySelector("[data-filter-count]");
	const select = document.querySelector("form[data-filter] select[name=region]");
	const nameHead = document.querySelector("table.people thead th");
	const sections = Array.from(document.querySelectorAll("[data-filter-section]"));
	return {
		form: !!form && shown(form),
		rows: Array.from(document.querySelectorAll("table.people tbody tr")).map(tr => ({
			name: (tr.querySelector("th") || tr).textContent.trim(),
			region: tr.getAttribute("data-region") || "",
			shown: shown(tr),
		})),
		sections: sections.map(shown),
		empty: sections.map(s => !Array.from(s.querySelectorAll("tbody tr")).some(shown)),
		status: status ? status.textContent : "",
		template: status ? status.getAttribute("data-text") || "" : "",
		region: select ? select.value : "",
		query: new URLSearchParams(location.search).get("region") || "",
		sorters: document.querySelectorAll("table.people thead button.sort").length,
		sortedBy: nameHead ? nameHead.getAttribute("aria-sort") || "" : "",
	};
})()`

func readTable(t testing.TB, tb *tab) tableState {
	t.Helper()
	return eval[tableState](t, tb, "read the table", tableStateJS)
}

// shownNames returns the names of the rows shown, in order.
func (s tableState) shownNames() []string {
	var names []string
	for _, r := range s.Rows {
		if r.Shown {
			names = append(names, r.Name)
		}
	}
	return names
}

// checkStatus checks that the status line says n of the rows are shown, in
// the words of its own template.
func (s tableState) checkStatus(t testing.TB, page string, n int) {
	t.Helper()
	want := strings.NewReplacer("{n}", strconv.Itoa(n), "{total}", strconv.Itoa(len(s.Rows))).Replace(s.Template)
	if s.Template == "" || s.Status != want {
		t.Errorf("%s: the status line says %q, want %q (%d of %d rows shown)", page, s.Status, want, n, len(s.Rows))
	}
}

// checkSections checks that a section is shown exactly when it has a row shown.
func (s tableState) checkSections(t testing.TB, page string) {
	t.Helper()
	for i, shown := range s.Sections {
		switch {
		case shown && s.Empty[i]:
			t.Errorf("%s: section %d is shown although none of its rows is", page, i+1)
		case !shown && !s.Empty[i]:
			t.Errorf("%s: section %d is hidden although some of its rows are shown", page, i+1)
		}
	}
}

// chooseFilter picks value ("" for all) in the filter form's select
// name. Setting the value and firing "change" is what the browser does
// when a reader picks an option; a native select's popup cannot be
// clicked through the protocol.
func chooseFilter(t testing.TB, tb *tab, name, value string) {
	t.Helper()
	eval[bool](t, tb, "choose "+name+" "+value, `(() => {
		const s = document.querySelector("form[data-filter] select[name=`+name+`]");
		s.value = `+strconv.Quote(value)+`;
		s.dispatchEvent(new Event("change", {bubbles: true}));
		return true;
	})()`)
}

// TestFilters chooses a region in the filter form of each page with a table
// of people and checks that only that region's rows stay, that the status
// line counts them, that the choice is in the address and survives a
// reload, and that the reset button brings every row back.
func TestFilters(t *testing.T) {
	for _, p := range []string{"current/", "ru/current/", "people/"} {
		t.Run(subtest(p), func(t *testing.T) {
			t.Parallel()
			tb := newTab(t)
			tb.openPage(t, p)
			page := name(p)

			if !eval[bool](t, tb, "look for the folded filters", `!!document.querySelector("details.filter-box:not([open]) > form[data-filter]")`) {
				t.Errorf("%s: the filter form is not folded in a closed details.filter-box when the page loads", page)
			}
			before := readTable(t, tb)
			if !before.Form {
				t.Fatalf("%s: with JavaScript the filter form (form[data-filter]) should be shown, but it is hidden", page)
			}
			if len(before.Rows) == 0 {
				t.Fatalf("%s: the page has no rows in table.people", page)
			}
			if n := len(before.shownNames()); n != len(before.Rows) {
				t.Errorf("%s: before any choice only %d of %d rows are shown", page, n, len(before.Rows))
			}
			before.checkStatus(t, page, len(before.Rows))

			region := eval[string](t, tb, "find a region option",
				`(document.querySelector('form[data-filter] select[name=region] option:not([value=""])') || {value: ""}).value`)
			if region == "" {
				t.Fatalf("%s: select[name=region] has no region to choose", page)
			}
			want := 0
			for _, r := range before.Rows {
				if r.Region == region {
					want++
				}
			}
			chooseFilter(t, tb, "region", region)
			chosen := readTable(t, tb)
			checkRegion := func(when string, s tableState) {
				t.Helper()
				var others, missing []string
				shown := 0
				for _, r := range s.Rows {
					switch {
					case r.Shown && r.Region != region:
						others = append(others, fmt.Sprintf("%s (%q)", r.Name, r.Region))
					case !r.Shown && r.Region == region:
						missing = append(missing, r.Name)
					case r.Shown:
						shown++
					}
				}
				if len(others) > 0 {
					t.Errorf("%s: %s, rows of other regions are still shown: %s", page, when, strings.Join(others, ", "))
				}
				if len(missing) > 0 {
					t.Errorf("%s: %s, rows of that region are hidden: %s", page, when, strings.Join(missing, ", "))
				}
				if want == 0 {
					t.Errorf("%s: no row has region %q, the first in the select", page, region)
				}
				s.checkStatus(t, page+" "+when, shown+len(others))
				s.checkSections(t, page+" "+when)
			}
			checkRegion("after choosing region "+region, chosen)
			if chosen.Query != region {
				t.Errorf("%s: after choosing region %s the address has region=%q, want region=%s", page, region, chosen.Query, region)
			}

			// The address is for sharing: opening it applies the filter.
			addr := eval[string](t, tb, "read the address", `location.href`)
			tb.open(t, addr)
			reloaded := readTable(t, tb)
			if reloaded.Region != region {
				t.Errorf("%s: opening %s shows the region select at %q, want %q", page, addr, reloaded.Region, region)
			}
			checkRegion("on opening "+addr, reloaded)

			openFilters(t, tb)
			tb.do(t, "click the reset button", chromedp.Click(chromedp.CSS("form[data-filter] button[type=reset]")))
			// The script re-applies the filter after the form has reset
			// (in a timeout), so wait for the rows to come back.
			err := tb.try(chromedp.Poll[chromedp.Void](
				`Array.from(document.querySelectorAll("table.people tbody tr")).every(tr => tr.getClientRects().length > 0)`,
				chromedp.WithPollingTimeout(5*time.Second), chromedp.WithPollingInterval(20*time.Millisecond)))
			after := readTable(t, tb)
			if err != nil {
				t.Errorf("%s: after the reset button only %d of %d rows are shown (%v)", page, len(after.shownNames()), len(after.Rows), err)
			}
			if after.Region != "" || after.Query != "" {
				t.Errorf("%s: after the reset button the select says %q and the address region=%q, want both empty", page, after.Region, after.Query)
			}
			after.checkStatus(t, page+" after the reset button", len(after.Rows))
			after.checkSections(t, page+" after the reset button")
		})
	}
}

// TestSorting clicks the sort button of the Name column twice: the first
// click sorts by name ascending, which is the order the site writes, and the
// second reverses it, with aria-sort saying which.
func TestSorting(t *testing.T) {
	for _, p := range []string{"current/", "ru/current/"} {
		t.Run(subtest(p), func(t *testing.T) {
			t.Parallel()
			tb := newTab(t)
			tb.openPage(t, p)
			page := name(p)
			written := readTable(t, tb)
			if written.Sorters == 0 {
				t.Fatalf("%s: the table headers have no sort buttons", page)
			}
			if len(written.Rows) < 2 {
				t.Fatalf("%s: %d rows are too few to test sorting", page, len(written.Rows))
			}
			sort := chromedp.Click(chromedp.CSS("table.people thead th:first-child button.sort"))

			tb.do(t, "click the Name column's sort button", sort)
			asc := readTable(t, tb)
			if asc.SortedBy != "ascending" {
				t.Errorf("%s: after one click on the Name column aria-sort is %q, want ascending", page, asc.SortedBy)
			}
			if !slices.Equal(asc.shownNames(), written.shownNames()) {
				t.Errorf("%s: sorted by name ascending the rows are\n  %q\nbut the site wrote them in name order as\n  %q", page, asc.shownNames(), written.shownNames())
			}

			tb.do(t, "click the Name column's sort button again", sort)
			desc := readTable(t, tb)
			if desc.SortedBy != "descending" {
				t.Errorf("%s: after two clicks on the Name column aria-sort is %q, want descending", page, desc.SortedBy)
			}
			reversed := slices.Clone(asc.shownNames())
			slices.Reverse(reversed)
			if !slices.Equal(desc.shownNames(), reversed) {
				t.Errorf("%s: after two clicks on the Name column the rows are\n  %q\nwant the reverse of the first click's order:\n  %q", page, desc.shownNames(), reversed)
			}
		})
	}
}

// TestWithoutJavaScript opens /current/ with script execution turned off:
// every row must be there and shown, and the filter form, which needs the
// script, must stay hidden.
func TestWithoutJavaScript(t *testing.T) {
	t.Parallel()
	s := getSite(t)
	tb := newTab(t)
	tb.do(t, "turn JavaScript off", noScripts())
	p := "current/"
	tb.openPage(t, p)
	page := name(p) + " without JavaScript"
	html, err := os.ReadFile(s.file(p))
	if err != nil {
		t.Fatal(err)
	}
	written := bytes.Count(html, []byte("<tr data-status="))

	// Runtime.evaluate from the protocol still runs with the page's
	// scripts off, so the page can be read the same way.
	st := readTable(t, tb)
	if st.Sorters != 0 {
		t.Fatalf("%s: the table has %d sort buttons, so the page's script ran; the test did not turn JavaScript off", page, st.Sorters)
	}
	if st.Form {
		t.Errorf("%s: the filter form is shown, but it cannot work without the script", page)
	}
	if len(st.Rows) != written || written == 0 {
		t.Errorf("%s: the table has %d rows, the HTML file %d", page, len(st.Rows), written)
	}
	for _, r := range st.Rows {
		if !r.Shown {
			t.Errorf("%s: %s is hidden", page, r.Name)
		}
	}
}

// openFilters unfolds the filter form as a reader does, by its summary,
// unless it is open already, so that its buttons can be clicked.
func openFilters(t *testing.T, tb *tab) {
	t.Helper()
	if !eval[bool](t, tb, "see whether the filters are open", `!!document.querySelector("details.filter-box[open]")`) {
		tb.do(t, "open the filters", chromedp.Click(chromedp.CSS("details.filter-box > summary")))
	}
}
