package browser

import (
	"cmp"
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/tizim/tizim/internal/build"
)

// screens are the widths every page is checked at: a small phone, the
// common phone, a tablet and a laptop. Phones are emulated as phones
// (touch, mobile viewport), so that a page too wide is zoomed out as a
// phone would, and overflow shows.
var screens = []struct {
	width, height int64
	mobile        bool
}{{320, 640, true}, {375, 812, true}, {768, 1024, true}, {1280, 800, false}}

// layoutPages are the pages measured at every width, in every language.
var layoutPages = []string{"", "current/", "people/", "people/sanavar-zakirova/", "stats/", "data/", "changes/", "search/", "about/"}

// clsJS, run before each document, adds up the layout shifts of the page
// that no input caused, as Lighthouse's Cumulative Layout Shift does for a
// load.
const clsJS = `window.__tizimCLS = 0;
new PerformanceObserver(list => {
	for (const e of list.getEntries()) if (!e.hadRecentInput) window.__tizimCLS += e.value;
}).observe({type: "layout-shift", buffered: true});`

// phoneJS measures what a phone reader meets: where the first row of a
// list starts, and the smallest chart text as shown, in CSS pixels (the
// font size times the scale at which the SVG is drawn). Hidden charts (the
// wide drawing on a phone) do not count.
const phoneJS = `(() => {
	const row = document.querySelector("table.people tbody tr");
	let smallest = 0;
	for (const svg of document.querySelectorAll("svg.chart")) {
		const box = svg.getBoundingClientRect();
		if (!box.width || !svg.viewBox.baseVal || !svg.viewBox.baseVal.width) continue;
		const scale = box.width / svg.viewBox.baseVal.width;
		for (const text of svg.querySelectorAll("text")) {
			const px = parseFloat(getComputedStyle(text).fontSize) * scale;
			if (!smallest || px < smallest) smallest = px;
		}
	}
	// Words of the main heading that the browser broke across lines.
	const broken = [];
	const h1 = document.querySelector("main h1");
	if (h1) {
		const walk = document.createTreeWalker(h1, NodeFilter.SHOW_TEXT);
		for (let n = walk.nextNode(); n; n = walk.nextNode()) {
			for (const m of n.data.matchAll(/\S+/g)) {
				const r = document.createRange();
				r.setStart(n, m.index);
				r.setEnd(n, m.index + m[0].length);
				const lines = new Set(Array.from(r.getClientRects(), b => Math.round(b.top)));
				if (lines.size > 1) broken.push(m[0]);
			}
		}
	}
	return {firstRow: row ? Math.round(row.getBoundingClientRect().top + scrollY) : -1, smallestChartText: smallest, cls: window.__tizimCLS || 0, height: document.documentElement.scrollHeight, broken};
})()`

type phoneFacts struct {
	FirstRow          int      `json:"firstRow"`
	SmallestChartText float64  `json:"smallestChartText"`
	CLS               float64  `json:"cls"`
	Height            int      `json:"height"`
	Broken            []string `json:"broken"`
}

// TestLayout opens the main pages of every language at 320, 375, 768 and
// 1280 px, in light and dark, and fails when a page
// scrolls sideways, moves as it loads (CLS above 0.02), draws chart text
// below 12 px, or, at 375 px, starts the current list below 800 px or
// makes the open data page longer than 6000 px. With
// TIZIM_SCREENSHOTS set to a folder it saves each screen there, to be
// compared by eye.
func TestLayout(t *testing.T) {
	t.Parallel()
	s := getSite(t)
	shots := os.Getenv("TIZIM_SCREENSHOTS")
	for _, sc := range screens {
		for _, scheme := range []string{"light", "dark"} {
			t.Run(fmt.Sprintf("%d-%s", sc.width, scheme), func(t *testing.T) {
				tb := newTab(t)
				opts := []chromedp.EmulateViewportOption{}
				if sc.mobile {
					opts = append(opts, chromedp.EmulateMobile)
				}
				tb.do(t, "emulate the screen", chromedp.EmulateViewport(sc.width, sc.height, opts...), colorScheme(scheme), measureShifts())
				for _, lang := range s.langs {
					prefix := lang + "/"
					if lang == s.langs[0] {
						prefix = ""
					}
					for _, p := range layoutPages {
						p := prefix + p
						if !s.has(p) {
							t.Errorf("%s is not built", name(p))
							continue
						}
						tb.openPage(t, p)
						at := fmt.Sprintf("%s at %d px (%s)", name(p), sc.width, scheme)
						o := eval[overflow](t, tb, "measure the page", fmt.Sprintf(overflowJS, sc.width))
						if msg := o.problemAt(int(sc.width)); msg != "" {
							t.Errorf("%s: %s", at, msg)
						}
						// Let late shifts (a script showing something) happen first.
						f := eval[phoneFacts](t, tb, "measure the layout", `new Promise(r => setTimeout(r, 300)).then(() => `+phoneJS+`)`)
						if f.CLS > 0.02 {
							t.Errorf("%s: the layout shifts by %.3f as the page loads (CLS); at most 0.02", at, f.CLS)
						}
						if f.SmallestChartText > 0 && f.SmallestChartText < 11.95 {
							t.Errorf("%s: the smallest chart text is %.1f px; at least 12", at, f.SmallestChartText)
						}
						if strings.HasSuffix(p, "current/") || strings.HasSuffix(p, "stats/") {
							t.Logf("%s: first row at %d px, smallest chart text %.1f px, CLS %.3f", at, f.FirstRow, f.SmallestChartText, f.CLS)
						}
						if sc.width == 375 && strings.HasSuffix(p, "current/") && (f.FirstRow < 0 || f.FirstRow > 800) {
							t.Errorf("%s: the first person of the list starts at %d px; within the first 800", at, f.FirstRow)
						}
						// A heading may wrap between words, not inside one
						// (browsers without a hyphenation dictionary for the
						// language break it anywhere).
						if len(f.Broken) > 0 && !strings.Contains(p, "long-name") {
							t.Errorf("%s: the main heading breaks inside the words %q", at, f.Broken)
						}
						// The open data page lists every column of every file;
						// folded, it is a page a phone reader can scroll.
						if sc.width == 375 && strings.HasSuffix(p, "data/") && f.Height > 6000 {
							t.Errorf("%s: the page is %d px long; at most 6000", at, f.Height)
						}
						// On the common phone, in both schemes, axe checks what a
						// phone shows (target sizes, contrast of the folded menu).
						if sc.width == 375 {
							for _, v := range runAxe(t, tb) {
								t.Errorf("%s breaks axe rule %s", at, v)
							}
						}
						if shots != "" {
							saveShot(t, tb, filepath.Join(shots, fmt.Sprintf("%d-%s-%s.png", sc.width, scheme, strings.ReplaceAll(strings.Trim(cmp.Or(p, "home"), "/"), "/", "_"))))
						}
					}
				}
				tb.check(t)
			})
		}
	}
}

// measureShifts is an action that makes every page the tab opens from now
// on add up its layout shifts (see clsJS).
func measureShifts() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: clsJS})
		return err
	})
}

// saveShot saves what the tab's screen shows as a PNG file.
func saveShot(t *testing.T, tb *tab, file string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, opTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("%s: cannot take a screenshot: %v", tb.page, err)
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// problemAt says what is wrong with o on a viewport width px wide, or "".
func (o overflow) problemAt(width int) string {
	if o.Width == width && o.ScrollWidth <= o.Width {
		return ""
	}
	var s string
	if o.Width != width {
		s = fmt.Sprintf("the page is %dpx wide on a %dpx screen, so the browser zooms it out to fit", max(o.Width, o.ScrollWidth), width)
	} else {
		s = fmt.Sprintf("the page is %dpx wide on a %dpx screen, so it scrolls sideways", o.ScrollWidth, o.Width)
	}
	if len(o.Wide) > 0 {
		s += "; too wide:\n  - " + strings.Join(o.Wide, "\n  - ")
	}
	return s
}

// TestLongUnbrokenName adds to a copy of the shipped register a person
// whose name, alias, occupation and charge are each one 3,000-letter word,
// as a mistaken paste can make, and requires the pages that show them to
// fit a 320 px and a 375 px screen without scrolling sideways.
func TestLongUnbrokenName(t *testing.T) {
	t.Parallel()
	getBrowser(t) // skips or fails first when there is no browser
	dir := t.TempDir()
	siteRoot := filepath.Join(dir, "site")
	if err := os.CopyFS(filepath.Join(siteRoot, "content"), os.DirFS(filepath.Join(root, "content"))); err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("Ы", 3000)
	person := "name: " + long + "\naliases: [" + strings.Repeat("W", 3000) + "]\noccupation: " + long + `
charges:
  - text: ` + long + `
events:
  - date: 2021-01-05
    type: detained
    text: ` + long + `
    sources: [rferl-2020-09-08-register-update]
  - date: 2021-01-06
    type: recognized
    text: Recognized.
    sources: [rferl-2020-09-08-register-update]
`
	p := filepath.Join(siteRoot, "content", "people", "long-name", "case.yaml")
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte(person), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	if _, err := build.Build(build.Options{Root: siteRoot, Out: out, AsOf: asOf}); err != nil {
		t.Fatalf("the site with a long name does not build: %v", err)
	}
	s := getSite(t)
	srv := httptest.NewServer(serve(s.base, out))
	t.Cleanup(srv.Close)
	ls := &site{dir: out, base: s.base, srv: srv, langs: s.langs}
	for _, width := range []int64{320, 375} {
		tb := newTabAt(t, ls.host(), ls.url(""))
		tb.do(t, "emulate a phone", chromedp.EmulateViewport(width, 800, chromedp.EmulateMobile))
		for _, pg := range []string{"people/long-name/", "ru/people/long-name/", "current/", "people/", "search/?q=" + strings.Repeat("Ы", 5)} {
			if err := tb.load(ls.url(pg)); err != nil {
				t.Fatal(err)
			}
			o := eval[overflow](t, tb, "measure the page", fmt.Sprintf(overflowJS, width))
			if msg := o.problemAt(int(width)); msg != "" {
				t.Errorf("%s at %d px with a 3,000-letter name: %s", name(pg), width, msg)
			}
		}
	}
}
