package browser

// The harness: the shipped site built once and served on 127.0.0.1, one
// headless Chromium shared by all tests, and a tab type that records what a
// page must never do (console errors, exceptions, CSP violations, requests to
// other hosts) while a test drives it.

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/tizim/tizim/internal/build"
)

// root is the repository root: its content/ is the shipped site.
const root = "../../.."

// asOf is the site's date in every test, so that the current list, and with
// it what the tests see, does not change from one day to the next.
var asOf = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

// inCI reports whether the tests run in CI, where a missing browser or
// axe-core is a failure and not a reason to skip.
func inCI() bool { return os.Getenv("CI") == "true" }

func TestMain(m *testing.M) {
	code := m.Run()
	// Last registered first, so that what was started on top of the site
	// or the browser stops before them.
	for _, stop := range slices.Backward(cleanups) {
		stop()
	}
	os.Exit(code)
}

// cleanups are run by TestMain after all tests, last first.
var (
	cleanupsMu sync.Mutex
	cleanups   []func()
)

func atExit(f func()) {
	cleanupsMu.Lock()
	defer cleanupsMu.Unlock()
	cleanups = append(cleanups, f)
}

// ---------------------------------------------------------------- the site

// site is the shipped site, built into a temporary folder and served by an
// httptest server under the path of its base_url, as GitHub Pages serves it.
type site struct {
	dir   string   // the built output
	base  string   // the path of base_url: "/kazakhstan/"
	langs []string // the site's languages; the first one is at the root
	srv   *httptest.Server
}

var (
	siteOnce sync.Once
	theSite  *site
	siteErr  error
)

// getSite returns the built and served site, building it on first use.
func getSite(t testing.TB) *site {
	t.Helper()
	siteOnce.Do(func() { theSite, siteErr = buildSite() })
	if siteErr != nil {
		t.Fatalf("cannot build the shipped site from %s as of %s: %v", root, asOf.Format(time.DateOnly), siteErr)
	}
	return theSite
}

func buildSite() (*site, error) {
	start := time.Now()
	// Load once more than Build does, for base_url and the languages, which
	// Build does not return; it takes a few milliseconds.
	reg, _, err := build.Load(root, asOf)
	if err != nil {
		return nil, err
	}
	u, err := url.Parse(reg.Site.BaseURL)
	if err != nil {
		return nil, fmt.Errorf("base_url %q: %w", reg.Site.BaseURL, err)
	}
	base := "/" + strings.Trim(u.Path, "/") + "/"
	if base == "//" {
		base = "/"
	}
	tmp, err := os.MkdirTemp("", "tizim-browser-")
	if err != nil {
		return nil, err
	}
	atExit(func() { os.RemoveAll(tmp) })
	out := filepath.Join(tmp, "public")
	if _, err := build.Build(build.Options{Root: root, Out: out, AsOf: asOf}); err != nil {
		return nil, err
	}
	s := &site{dir: out, base: base, langs: reg.Site.Languages}
	s.srv = httptest.NewServer(serve(base, out))
	atExit(s.srv.Close)
	fmt.Fprintf(os.Stderr, "browser tests: built the site as of %s and serving it at %s in %v\n",
		asOf.Format(time.DateOnly), s.srv.URL+base, time.Since(start).Round(time.Millisecond))
	return s, nil
}

// serve serves the folder dir under the path prefix base, with index.html
// for folders. Anything outside base is not found, as on the real host, so
// that a link that forgets the base path fails.
func serve(base, dir string) http.Handler {
	mux := http.NewServeMux()
	mux.Handle(base, http.StripPrefix(strings.TrimSuffix(base, "/"), http.FileServer(http.Dir(dir))))
	return mux
}

// url returns the address of the site path p ("", "current/", "ru/people/x/").
func (s *site) url(p string) string { return s.srv.URL + s.base + p }

// host is host:port of the test server, the only host pages may reach.
func (s *site) host() string { return strings.TrimPrefix(s.srv.URL, "http://") }

// file returns the built file that serves the site path p, without a query.
func (s *site) file(p string) string {
	p, _, _ = strings.Cut(p, "?")
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return filepath.Join(s.dir, filepath.FromSlash(p))
}

// has reports whether the site has the page at path p.
func (s *site) has(p string) bool {
	_, err := os.Stat(s.file(p))
	return err == nil
}

// pages returns the path of every HTML page of the site, sorted: folders as
// "people/x/", other files by name ("404.html").
func (s *site) pages(t testing.TB) []string {
	t.Helper()
	var pages []string
	err := filepath.WalkDir(s.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, err := filepath.Rel(s.dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if path.Base(rel) == "index.html" {
			rel = strings.TrimSuffix(rel, "index.html")
		}
		pages = append(pages, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(pages)
	return pages
}

// name is how messages name a site path: "/" for the home page.
func name(p string) string { return "/" + p }

// ------------------------------------------------------------- the browser

var (
	browserOnce sync.Once
	browserCtx  context.Context
	browserErr  error
	browserPath string
)

// chromeNames are the commands tried on PATH when CHROME_PATH is not set:
// Debian's package, other distributions' name for it, and Google's builds.
var chromeNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// findChrome returns the browser to run: CHROME_PATH, else the first of
// chromeNames on PATH. It says where it looked when it finds none.
func findChrome() (string, error) {
	if p := os.Getenv("CHROME_PATH"); p != "" {
		if full, err := exec.LookPath(p); err == nil {
			return full, nil
		}
		return "", fmt.Errorf("CHROME_PATH=%s is not an executable file", p)
	}
	for _, n := range chromeNames {
		if full, err := exec.LookPath(n); err == nil {
			return full, nil
		}
	}
	return "", fmt.Errorf("none of %s is on PATH and CHROME_PATH is not set", strings.Join(chromeNames, ", "))
}

// getBrowser returns the context of the one browser all tests share,
// starting it on first use. Without a browser it skips the test, or fails
// it in CI.
func getBrowser(t testing.TB) context.Context {
	t.Helper()
	browserOnce.Do(startBrowser)
	var notFound *chromeNotFound
	switch {
	case errors.As(browserErr, &notFound) && inCI():
		t.Fatalf("chromium not found: %v; CI (CI=true) must run the browser tests, and .ci/run installs Debian's chromium", notFound.err)
	case errors.As(browserErr, &notFound):
		t.Skip("chromium not found; install it (apt install chromium) or set CHROME_PATH")
	case browserErr != nil:
		t.Fatalf("cannot start the browser %s: %v", browserPath, browserErr)
	}
	return browserCtx
}

type chromeNotFound struct{ err error }

func (e *chromeNotFound) Error() string { return e.err.Error() }

func startBrowser() {
	p, err := findChrome()
	if err != nil {
		browserErr = &chromeNotFound{err}
		return
	}
	browserPath = p
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(p),
		chromedp.Headless,
		chromedp.DisableGPU,
		// The window size decides the layout the tests see (the tables
		// turn into cards below 48em); fix it rather than take the
		// browser's default.
		chromedp.WindowSize(1280, 900),
	)
	if os.Geteuid() == 0 {
		// Chromium refuses to start its sandbox as root, which is how CI
		// runs; the pages are the project's own, served locally.
		opts = append(opts, chromedp.NoSandbox)
	}
	start := time.Now()
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	atExit(func() { cancel(); cancelAlloc() })
	// The first Do starts the browser and binds its life to ctx, which
	// has no timeout, so give the start its own deadline.
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(ctx) }()
	select {
	case err = <-done:
	case <-time.After(2 * time.Minute):
		// A cold start on a busy two-core machine has taken over 30 s.
		err = errors.New("it did not answer within 2 minutes")
		cancel()
	}
	if err != nil {
		browserErr = err
		return
	}
	browserCtx = ctx
	fmt.Fprintf(os.Stderr, "browser tests: started %s in %v\n", p, time.Since(start).Round(time.Millisecond))
}

// ----------------------------------------------------------------- the tab

// tab is one browser tab. It records, from the moment it opens, every
// console error, uncaught exception, browser log error (which is where
// Content-Security-Policy violations and failed loads are reported) and
// request to a host other than home, so that a test can fail with them.
//
// Only the goroutine that drives a tab may call its methods; the listener,
// which runs on chromedp's goroutine, touches only mu and problems.
type tab struct {
	ctx  context.Context
	home string // host:port the pages may load from
	base string // the site's address, which page names leave out ("" if none)
	page string // what the tab shows, for messages

	mu       sync.Mutex
	problems []string // recorded since the last take
}

// opTimeout bounds each step in a tab (a load, an evaluation, a click), so
// that a hang fails its test quickly and says what hung; tabLife bounds a
// tab as a whole.
const (
	opTimeout = 30 * time.Second
	tabLife   = 3 * time.Minute
)

// newTab opens a tab on the shipped site; see newTabAt.
func newTab(t *testing.T) *tab {
	t.Helper()
	s := getSite(t)
	return newTabAt(t, s.host(), s.url(""))
}

// newTabAt opens a tab whose pages may load only from home (host:port);
// messages name pages under base by their path. The tab closes when the
// test ends, which also checks it one last time.
func newTabAt(t *testing.T, home, base string) *tab {
	t.Helper()
	bctx := getBrowser(t)
	tb := &tab{home: home, base: base}
	tctx, closeTab := chromedp.NewContext(bctx, chromedp.WithListener(tb.listen))
	ctx, cancel := context.WithTimeout(tctx, tabLife)
	tb.ctx = ctx
	t.Cleanup(func() {
		tb.check(t)
		cancel()
		closeTab()
	})
	// The first Do attaches the tab and runs its event loop on the
	// context it is given, so it gets the tab's own, not a step's.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("cannot open a browser tab: %v", err)
	}
	return tb
}

// listen runs in the tab's event loop for every event, in order; it must
// return fast and send no command.
func (tb *tab) listen(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				args = append(args, remoteText(a))
			}
			tb.add(fmt.Sprintf("console.%s: %s%s", ev.Type, strings.Join(args, " "), stackPlace(ev.StackTrace)))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			// The description is the message and then the stack;
			// the place is given below.
			first, _, _ := strings.Cut(d.Exception.Description, "\n")
			msg += " " + first
		}
		tb.add(fmt.Sprintf("uncaught exception: %s (%s:%d:%d)", msg, d.URL, d.LineNumber+1, d.ColumnNumber+1))
	case *log.EventEntryAdded:
		e := ev.Entry
		if e.Level == log.EntryLevelError {
			where := ""
			if e.URL != "" {
				where = " (" + e.URL + ")"
			}
			tb.add(fmt.Sprintf("browser %s error: %s%s", e.Source, e.Text, where))
		}
	case *network.EventRequestWillBeSent:
		if tb.leaves(ev.Request.URL) {
			tb.add(fmt.Sprintf("request to another host: %s %s (a %s, from %s)", ev.Request.Method, ev.Request.URL, ev.Type, ev.DocumentURL))
		}
	}
}

// leaves reports whether a request to u goes anywhere but home. Only
// requests that reach the network count: data:, blob: and about: URLs stay
// in the browser.
func (tb *tab) leaves(u string) bool {
	pu, err := url.Parse(u)
	if err != nil {
		return true
	}
	switch pu.Scheme {
	case "http", "https", "ws", "wss":
		return pu.Host != tb.home
	}
	return false
}

func (tb *tab) add(problem string) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	tb.problems = append(tb.problems, problem)
}

// take returns and forgets the problems recorded so far.
func (tb *tab) take() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	p := tb.problems
	tb.problems = nil
	return p
}

// check fails the test with the problems recorded since the last check,
// naming the page the tab showed.
func (tb *tab) check(t testing.TB) {
	t.Helper()
	if p := tb.take(); len(p) > 0 {
		t.Errorf("%s: the browser reported %d problem(s):\n  - %s", tb.page, len(p), strings.Join(p, "\n  - "))
	}
}

// open checks the page the tab showed, then loads the address u and waits
// for its load event. The response must be 200 OK.
func (tb *tab) open(t testing.TB, u string) {
	t.Helper()
	tb.check(t)
	if err := tb.load(u); err != nil {
		t.Fatal(err)
	}
}

// openPage opens the site path p ("current/"); see open.
func (tb *tab) openPage(t testing.TB, p string) {
	t.Helper()
	tb.open(t, getSite(t).url(p))
}

// load is open that returns its error, for goroutines other than the
// test's, where t.Fatal must not be called; it leaves the problems of the
// previous page for the caller to take.
func (tb *tab) load(u string) error {
	tb.page = u
	if p, ok := strings.CutPrefix(u, tb.base); ok && tb.base != "" {
		tb.page = name(p)
	}
	ctx, cancel := context.WithTimeout(tb.ctx, opTimeout)
	defer cancel()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(u))
	if err != nil {
		return fmt.Errorf("%s: cannot load the page: %v", tb.page, err)
	}
	if resp == nil || resp.Status != http.StatusOK {
		status := "no response"
		if resp != nil {
			status = strconv.FormatInt(resp.Status, 10) + " " + resp.StatusText
		}
		return fmt.Errorf("%s: the server answered %s, not 200 OK", tb.page, status)
	}
	return nil
}

// try runs actions in the tab, each step within opTimeout, and returns the
// first error.
func (tb *tab) try(actions ...chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(tb.ctx, opTimeout)
	defer cancel()
	return chromedp.Do(ctx, actions...)
}

// do runs actions in the tab, failing the test with what it was doing.
func (tb *tab) do(t testing.TB, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := tb.try(actions...); err != nil {
		t.Fatalf("%s: cannot %s: %v", tb.page, what, err)
	}
}

// eval evaluates the JavaScript expression js in the tab's page and decodes
// its value (by JSON, so give struct fields json tags) into a T. An
// expression that gives a promise is awaited.
func eval[T any](t testing.TB, tb *tab, what, js string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, opTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: cannot %s: %v", tb.page, what, err)
	}
	return v
}

// colorScheme is an action that makes the tab's pages see
// prefers-color-scheme: scheme ("light" or "dark") from the next load on,
// for the tab's life.
func colorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	})
}

// noScripts is an action that turns the page's JavaScript off for the
// tab's life, as a reader's browser can. Evaluations from the protocol
// still run, so tests can read the page as usual.
func noScripts() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})
}

// remoteText is how the console would show a value: strings as they are.
func remoteText(o *runtime.RemoteObject) string {
	if o == nil {
		return ""
	}
	if o.Type == "string" {
		if s, err := strconv.Unquote(string(o.Value)); err == nil {
			return s
		}
	}
	return cmp.Or(o.Description, string(o.Value), string(o.Type))
}

// stackPlace is " (url:line:col)" of the top frame of st, or "".
func stackPlace(st *runtime.StackTrace) string {
	if st == nil || len(st.CallFrames) == 0 {
		return ""
	}
	f := st.CallFrames[0]
	return fmt.Sprintf(" (%s:%d:%d)", f.URL, f.LineNumber+1, f.ColumnNumber+1)
}

// subtest is a subtest's name for the site path p: "home" for the home
// page, else the path without its trailing slash ("ru/current").
func subtest(p string) string {
	if p == "" {
		return "home"
	}
	return strings.TrimSuffix(p, "/")
}
