package browser

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// csp is the site's Content-Security-Policy (templates/base.html), so that
// the harness is tested against the policy the real pages carry.
const csp = `default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; base-uri 'none'; form-action 'self'`

// TestHarnessCatchesProblems shows that the tab's detectors work, on small
// pages made to break each rule, so that a clean run of the other tests
// means the site is clean and not that the harness is deaf.
func TestHarnessCatchesProblems(t *testing.T) {
	t.Parallel()
	// A request to another origin must count even when it is on the same
	// machine: "elsewhere" stands for any other host.
	elsewhere := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/gif")
	}))
	defer elsewhere.Close()
	page := func(head, body string) string {
		return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>t</title>` +
			head + `</head><body><main>` + body + `</main></body></html>`
	}
	withCSP := `<meta http-equiv="Content-Security-Policy" content="` + csp + `">`
	files := map[string]string{
		"/clean":        page(withCSP+`<script src="/ok.js"></script>`, `<h1>Clean</h1><p>Nothing wrong here.</p>`),
		"/ok.js":        `document.documentElement.dataset.ran = "yes";`,
		"/inline":       page(withCSP, `<script>document.title = "ran";</script>`),
		"/inlinecss":    page(withCSP, `<p style="color: red">styled</p><style>p{color:blue}</style>`),
		"/console":      page(`<script src="/boom.js"></script>`, ``),
		"/boom.js":      `console.error("boom from the page"); throw new Error("kaboom");`,
		"/elsewhere":    page(``, fmt.Sprintf(`<img src="%s/pixel.gif" alt="">`, elsewhere.URL)),
		"/missing":      page(withCSP, `<img src="/no-such.png" alt="nothing">`),
		"/inaccessible": page(withCSP+`<link rel="stylesheet" href="/faint.css">`, `<h1>Hard to read</h1><img src="/ok.gif"><p class="faint">faint</p>`),
		"/faint.css":    `.faint { color: #eee; background: #fff; }`,
		"/ok.gif":       "GIF89a",
		"/favicon.ico":  "", // asked for by pages without an icon link
		"/wide":         page(``, `<p>Fits.</p><div class="wide" style="width: 600px">Too wide for a phone.</div>`),
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		switch {
		case strings.HasSuffix(r.URL.Path, ".js"):
			w.Header().Set("Content-Type", "text/javascript")
		case strings.HasSuffix(r.URL.Path, ".css"):
			w.Header().Set("Content-Type", "text/css")
		case strings.HasSuffix(r.URL.Path, ".gif"):
			w.Header().Set("Content-Type", "image/gif")
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
		}
		fmt.Fprint(w, body)
	}))
	defer srv.Close()

	home := strings.TrimPrefix(srv.URL, "http://")

	t.Run("detectors", func(t *testing.T) {
		tb := newTabAt(t, home, "")
		for _, tt := range []struct {
			page string
			want []string // each in the problems; nil: the page is clean
		}{
			{"/clean", nil},
			{"/inline", []string{"browser security error:", "Content Security Policy", "script-src"}},
			{"/inlinecss", []string{"browser security error:", "Content Security Policy", "style-src"}},
			{"/console", []string{"console.error: boom from the page (" + srv.URL + "/boom.js:1:", "uncaught exception: Uncaught Error: kaboom (" + srv.URL + "/boom.js:1:"}},
			{"/elsewhere", []string{"request to another host: GET " + elsewhere.URL + "/pixel.gif"}},
			{"/missing", []string{"browser network error:", "404", srv.URL + "/no-such.png"}},
		} {
			tb.open(t, srv.URL+tt.page)
			got := strings.Join(tb.take(), "\n")
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("%s: the tab recorded %q, want it to say %q", tt.page, got, w)
				}
			}
			if tt.want == nil && got != "" {
				t.Errorf("%s: the tab recorded %q for a clean page", tt.page, got)
			}
			if tt.page == "/clean" {
				// The page's own script ran under its CSP, so the
				// clean result is not for want of JavaScript.
				if ran := eval[string](t, tb, "check the script ran", `document.documentElement.dataset.ran || ""`); ran != "yes" {
					t.Errorf("/clean: the page's script from 'self' did not run (data-ran=%q)", ran)
				}
			}
		}
	})

	t.Run("axe under the site's CSP", func(t *testing.T) {
		axeSource(t)
		tb := newTabAt(t, home, "")
		tb.open(t, srv.URL+"/inaccessible")
		var ids []string
		for _, v := range runAxe(t, tb) {
			ids = append(ids, v.ID)
		}
		for _, want := range []string{"image-alt", "color-contrast"} {
			if !slices.Contains(ids, want) {
				t.Errorf("/inaccessible: axe-core found %q, want %s among them: injecting it under script-src 'self' should work", ids, want)
			}
		}
	})

	t.Run("without JavaScript", func(t *testing.T) {
		tb := newTabAt(t, home, "")
		tb.do(t, "turn JavaScript off", noScripts())
		tb.open(t, srv.URL+"/clean")
		if got := eval[string](t, tb, "check the script did not run", `document.documentElement.dataset.ran || ""`); got != "" {
			t.Errorf("/clean with JavaScript off: the page's script ran (data-ran=%q)", got)
		}
	})

	t.Run("overflow on a phone", func(t *testing.T) {
		tb := newTabAt(t, home, "")
		tb.do(t, "emulate a phone", chromedp.EmulateViewport(phone.width, phone.height, chromedp.EmulateMobile))
		tb.open(t, srv.URL+"/clean")
		if msg := measure(t, tb).problem(); msg != "" {
			t.Errorf("/clean on a phone: %s", msg)
		}
		tb.open(t, srv.URL+"/wide")
		if msg := measure(t, tb).problem(); !strings.Contains(msg, "div.wide") {
			t.Errorf("/wide on a phone: problem %q, want one naming div.wide", msg)
		}
	})
}
