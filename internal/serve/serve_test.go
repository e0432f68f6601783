package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tizim/tizim/internal/build"
	"github.com/tizim/tizim/internal/site"
	"github.com/tizim/tizim/internal/testkit/synth"
)

// asOf fixes the site's date, so that pages do not change with the day the
// tests run.
var asOf = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

// wait is how long a test waits for a rebuild before it fails. A rebuild
// of the shipped site takes a few hundred milliseconds, but with the race
// detector on a loaded two-core machine it has taken over five seconds;
// a passing test never waits this long.
const wait = 30 * time.Second

// copySite copies the shipped content/ into a temporary site folder.
func copySite(t testing.TB) string {
	t.Helper()
	root := t.TempDir()
	if err := os.CopyFS(filepath.Join(root, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	return root
}

// syncBuffer collects the server's log; Run writes it from its goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// start runs the server on the site in root and returns its address
// ("http://127.0.0.1:PORT") and its log. The server stops at the end of
// the test, and the test fails if it stops with an error.
func start(t testing.TB, root string) (string, *syncBuffer) {
	t.Helper()
	return startAt(t, root, asOf)
}

// startAt is start with the site's date.
func startAt(t testing.TB, root string, asOf time.Time) (string, *syncBuffer) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	log := new(syncBuffer)
	done := make(chan error, 1)
	go func() { done <- Run(ctx, Options{Root: root, AsOf: asOf, Listener: ln, Log: log}) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	return "http://" + ln.Addr().String(), log
}

// response is what a request got.
type response struct {
	code   int
	header http.Header
	body   string
}

// noRedirect is a client that reports redirects instead of following them.
var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func get(t testing.TB, url string) response {
	t.Helper()
	return do(t, http.MethodGet, url, "")
}

func do(t testing.TB, method, url, host string) response {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if host != "" {
		req.Host = host
	}
	resp, err := noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{resp.StatusCode, resp.Header, string(body)}
}

// event is one server-sent event.
type event struct{ name, data string }

// subscribe opens the event stream and returns the id of the current build
// (from "hello") and the events after it. Once it returns, the server
// tells this stream of every later build.
func subscribe(t testing.TB, addr string) (string, <-chan event) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, addr+"/__tizim/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: Content-Type %q", ct)
	}
	lines := bufio.NewScanner(resp.Body)
	hello, ok := readEvent(lines)
	if !ok || hello.name != "hello" || hello.data == "" {
		t.Fatalf("events: first event %+v, want hello with the build's id", hello)
	}
	ch := make(chan event, 16)
	go func() {
		defer resp.Body.Close()
		defer close(ch)
		for {
			ev, ok := readEvent(lines)
			if !ok {
				return
			}
			ch <- ev
		}
	}()
	return hello.data, ch
}

// readEvent reads one event of a stream; it skips fields other than event
// and data (retry:).
func readEvent(lines *bufio.Scanner) (event, bool) {
	var ev event
	for lines.Scan() {
		line := lines.Text()
		switch {
		case line == "":
			if ev.name != "" {
				return ev, true
			}
		case strings.HasPrefix(line, "event: "):
			ev.name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			ev.data = strings.TrimPrefix(line, "data: ")
		}
	}
	return ev, false
}

// until waits for reload events until cond holds, and fails the test if
// it does not within wait. Each rebuild sends one event; looping rather
// than taking the first lets an editor-like save that happens to span two
// rebuilds pass.
func until(t *testing.T, events <-chan event, what string, cond func() bool) {
	t.Helper()
	deadline := time.After(wait)
	for !cond() {
		select {
		case ev, ok := <-events:
			if !ok {
				t.Fatalf("event stream ended waiting for %s", what)
			}
			if ev.name != "reload" {
				t.Fatalf("event %+v, want reload", ev)
			}
		case <-deadline:
			t.Fatalf("no rebuild gave %s within %v", what, wait)
		}
	}
}

// edit rewrites a file of the site, replacing old with new once.
func edit(t testing.TB, file, old, new string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	if !strings.Contains(s, old) {
		t.Fatalf("%s has no %q", file, old)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(s, old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

const reloadTag = `<script src="/__tizim/reload.js" data-build="`

// TestServe checks what the server answers for the shipped site: pages
// under the base path with the reload script, static files untouched,
// the site's 404 page, redirects, and only to local host names.
func TestServe(t *testing.T) {
	addr, log := start(t, copySite(t))
	home := get(t, addr+"/kazakhstan/")
	if home.code != 200 || home.header.Get("Content-Type") != "text/html; charset=utf-8" || home.header.Get("Cache-Control") != "no-store" {
		t.Fatalf("home: %d %v", home.code, home.header)
	}
	if !strings.Contains(home.body, reloadTag) || !strings.Contains(home.body, "Political Prisoners of Kazakhstan") {
		t.Errorf("home lacks the reload script or the title:\n%s", home.body)
	}
	if i, j := strings.Index(home.body, reloadTag), strings.Index(home.body, "</head>"); i > j {
		t.Errorf("the reload script is not in <head>")
	}
	if strings.Contains(home.body, "tizim-errors") || strings.Contains(home.body, "overlay.css") {
		t.Errorf("overlay without errors")
	}

	css := get(t, addr+"/kazakhstan/static/style.css")
	if css.code != 200 || css.header.Get("Content-Type") != "text/css; charset=utf-8" || strings.Contains(css.body, "__tizim") || !strings.Contains(css.body, "body{") {
		t.Errorf("style.css: %d %v", css.code, css.header)
	}
	person := get(t, addr+"/kazakhstan/ru/people/sanavar-zakirova/")
	if person.code != 200 || !strings.Contains(person.body, "Санавар Закирова") || !strings.Contains(person.body, reloadTag) {
		t.Errorf("person page in Russian: %d", person.code)
	}

	missing := get(t, addr+"/kazakhstan/people/nobody/")
	if missing.code != 404 || !strings.Contains(missing.body, reloadTag) {
		t.Errorf("missing page: %d\n%s", missing.code, missing.body)
	}
	if !strings.Contains(missing.body, `href="/kazakhstan/`) {
		t.Errorf("missing page is not the site's 404.html:\n%s", missing.body)
	}
	if r := get(t, addr+"/elsewhere/"); r.code != 404 {
		t.Errorf("outside the base path: %d", r.code)
	}

	for from, to := range map[string]string{
		"/":                     "/kazakhstan/",
		"/kazakhstan":           "/kazakhstan/",
		"/kazakhstan/people":    "/kazakhstan/people/",
		"/kazakhstan/ru?x=1":    "/kazakhstan/ru/?x=1",
		"/kazakhstan/people/sa": "", // not a folder of the site
	} {
		r := get(t, addr+from)
		if to == "" {
			if r.code != 404 {
				t.Errorf("%s: %d, want 404", from, r.code)
			}
			continue
		}
		if r.code != http.StatusFound || r.header.Get("Location") != to {
			t.Errorf("%s: %d to %q, want 302 to %q", from, r.code, r.header.Get("Location"), to)
		}
	}

	if r := do(t, http.MethodHead, addr+"/kazakhstan/", ""); r.code != 200 || r.body != "" {
		t.Errorf("HEAD: %d, body %q", r.code, r.body)
	}
	if r := do(t, http.MethodPost, addr+"/kazakhstan/", ""); r.code != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", r.code)
	}
	if r := do(t, http.MethodGet, addr+"/kazakhstan/", "localhost:1313"); r.code != 200 {
		t.Errorf("Host localhost: %d", r.code)
	}
	// DNS rebinding: a page of another site reaching the server by a name
	// of its own.
	if r := do(t, http.MethodGet, addr+"/kazakhstan/", "attacker.example:1313"); r.code != http.StatusForbidden {
		t.Errorf("Host attacker.example: %d", r.code)
	}

	js := get(t, addr+"/__tizim/reload.js")
	if js.code != 200 || js.header.Get("Content-Type") != "text/javascript; charset=utf-8" || !strings.Contains(js.body, `EventSource("/__tizim/events")`) {
		t.Errorf("reload.js: %d %v", js.code, js.header)
	}
	if r := get(t, addr+"/__tizim/overlay.css"); r.code != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/css") {
		t.Errorf("overlay.css: %d", r.code)
	}
	var errs struct {
		OK     bool
		Errors []Problem
	}
	if err := json.Unmarshal([]byte(get(t, addr+"/__tizim/errors").body), &errs); err != nil || !errs.OK || len(errs.Errors) != 0 {
		t.Errorf("errors: %+v, %v", errs, err)
	}
	if !strings.Contains(log.String(), "serving http://"+strings.TrimPrefix(addr, "http://")+"/kazakhstan/ — ") {
		t.Errorf("log: %s", log)
	}
}

// TestEditReloads edits a case file while a page is open: the page
// reloads and shows the edit.
func TestEditReloads(t *testing.T) {
	root := copySite(t)
	addr, log := start(t, root)
	page := addr + "/kazakhstan/people/sanavar-zakirova/"
	hello, events := subscribe(t, addr)
	if !strings.Contains(get(t, page).body, reloadTag+hello+`"`) {
		t.Errorf("the page does not carry the id of the build the stream announced (%s)", hello)
	}
	edit(t, filepath.Join(root, "content/people/sanavar-zakirova/case.yaml"), "name: Sanavar Zakirova", "name: Sanavar Zakirova-Edited")
	select {
	case ev := <-events:
		if ev.name != "reload" || ev.data == hello {
			t.Errorf("event %+v after the edit, want reload with a new build's id", ev)
		}
	case <-time.After(wait):
		t.Fatal("no reload event after an edit")
	}
	until(t, events, "the new name", func() bool { return strings.Contains(get(t, page).body, "Sanavar Zakirova-Edited") })
	if !strings.Contains(log.String(), "rebuilt in ") || !strings.Contains(log.String(), "content/people/sanavar-zakirova/case.yaml") {
		t.Errorf("log: %s", log)
	}
}

// TestThemeEdit edits the site's own interface text while serving: the
// change shows, and stays through a later edit of content (which keeps
// the loaded theme); removing the file brings the default back.
func TestThemeEdit(t *testing.T) {
	root := copySite(t)
	addr, _ := start(t, root)
	_, events := subscribe(t, addr)
	page := addr + "/kazakhstan/people/sanavar-zakirova/"
	if err := os.MkdirAll(filepath.Join(root, "i18n"), 0o755); err != nil {
		t.Fatal(err)
	}
	override := filepath.Join(root, "i18n", "en.yaml")
	if err := os.WriteFile(override, []byte("person.timeline: Chronology of the case\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	until(t, events, "the new heading", func() bool { return strings.Contains(get(t, page).body, "Chronology of the case") })
	edit(t, filepath.Join(root, "content/people/sanavar-zakirova/case.yaml"), "name: Sanavar Zakirova", "name: Sanavar Zakirova-Edited")
	until(t, events, "the content edit", func() bool { return strings.Contains(get(t, page).body, "Sanavar Zakirova-Edited") })
	if !strings.Contains(get(t, page).body, "Chronology of the case") {
		t.Error("a content edit lost the theme's change")
	}
	if err := os.Remove(override); err != nil {
		t.Fatal(err)
	}
	until(t, events, "the default heading", func() bool { return !strings.Contains(get(t, page).body, "Chronology of the case") })
}

// TestBrokenEdit breaks a case file: the pages keep the last good build
// and list the error with its place, escaped; fixing it removes the list.
func TestBrokenEdit(t *testing.T) {
	root := copySite(t)
	addr, log := start(t, root)
	file := filepath.Join(root, "content/people/sanavar-zakirova/case.yaml")
	page := addr + "/kazakhstan/people/sanavar-zakirova/"
	_, events := subscribe(t, addr)

	place := firstOther(t, file) // where the error will be
	edit(t, file, "    type: other\n", "    type: <script>alert(1)</script>\n")
	edit(t, file, "name: Sanavar Zakirova", "name: Sanavar Broken")
	var r response
	// The overlay with the edit's error: a watcher may catch the file
	// between its truncation and its writing ("the file is empty") first,
	// as it can an editor's save; the next event brings the real error.
	until(t, events, "the error overlay", func() bool {
		r = get(t, page)
		return strings.Contains(r.body, `id="tizim-errors"`) && strings.Contains(r.body, "<code>"+place+"</code>")
	})
	if r.code != 200 || !strings.Contains(r.body, "Sanavar Zakirova") || strings.Contains(r.body, "Sanavar Broken") {
		t.Errorf("not the last good build: %d", r.code)
	}
	if !strings.Contains(r.body, "<code>"+place+"</code>") {
		t.Errorf("overlay lacks the error's place:\n%s", r.body)
	}
	if strings.Contains(r.body, "<script>alert(1)") || !strings.Contains(r.body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("overlay does not escape the message:\n%s", r.body)
	}
	if !strings.Contains(r.body, `<link rel="stylesheet" href="/__tizim/overlay.css">`) || strings.Contains(r.body, "style=") {
		t.Errorf("overlay stylesheet missing, or inline styles:\n%s", r.body)
	}
	if i, j := strings.Index(r.body, "<body>"), strings.Index(r.body, `id="tizim-errors"`); j-i != len("<body><div ") {
		t.Errorf("overlay not first in <body>")
	}
	if r := get(t, addr+"/kazakhstan/static/style.css"); strings.Contains(r.body, "tizim-errors") {
		t.Errorf("overlay in a stylesheet")
	}
	var errs struct {
		OK     bool
		Errors []Problem
	}
	json.Unmarshal([]byte(get(t, addr+"/__tizim/errors").body), &errs)
	if errs.OK || len(errs.Errors) != 1 || errs.Errors[0].Where() != place {
		t.Errorf("errors: %+v", errs)
	}
	if !strings.Contains(log.String(), "1 error; still serving the last good build") {
		t.Errorf("log: %s", log)
	}

	edit(t, file, "    type: <script>alert(1)</script>\n", "    type: other\n")
	until(t, events, "the fixed page", func() bool {
		r = get(t, page)
		return strings.Contains(r.body, "Sanavar Broken")
	})
	if strings.Contains(r.body, "tizim-errors") || strings.Contains(r.body, "overlay.css") {
		t.Errorf("overlay after the fix:\n%s", r.body)
	}
}

// TestNewPerson adds a person's folder while the server runs: the person
// appears, and later edits in the new folder are seen too.
func TestNewPerson(t *testing.T) {
	root := copySite(t)
	addr, _ := start(t, root)
	_, events := subscribe(t, addr)
	data, err := os.ReadFile(filepath.Join(root, "content/people/sanavar-zakirova/case.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "content/people/new-person")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "case.yaml")
	if err := os.WriteFile(file, []byte(strings.Replace(string(data), "name: Sanavar Zakirova", "name: New Person", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	page := addr + "/kazakhstan/people/new-person/"
	until(t, events, "the new person's page", func() bool {
		r := get(t, page)
		return r.code == 200 && strings.Contains(r.body, "New Person")
	})
	edit(t, file, "name: New Person", "name: Newer Person")
	until(t, events, "the edit in the new folder", func() bool { return strings.Contains(get(t, page).body, "Newer Person") })
}

// firstOther returns the place (path:line:column, as errors give it) of
// the value of the first "type: other" in the shipped case file file, which
// the tests break.
func firstOther(t *testing.T, file string) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(data), "    type: other\n")
	if i < 0 {
		t.Fatal(`no "type: other" in ` + file)
	}
	rel := file[strings.Index(file, "content/"):]
	return fmt.Sprintf("%s:%d:11", filepath.ToSlash(rel), 1+strings.Count(string(data[:i]), "\n"))
}

// TestFirstBuildFails starts on a broken site: every page shows the
// errors, under the base path of site.yaml, until a fix builds the site.
func TestFirstBuildFails(t *testing.T) {
	root := copySite(t)
	file := filepath.Join(root, "content/people/sanavar-zakirova/case.yaml")
	place := firstOther(t, file)
	edit(t, file, "    type: other\n", "    type: arested\n")
	addr, log := start(t, root)
	_, events := subscribe(t, addr)
	r := get(t, addr+"/kazakhstan/")
	if r.code != http.StatusInternalServerError || !strings.Contains(r.body, place) || !strings.Contains(r.body, reloadTag) {
		t.Fatalf("first build failed: %d\n%s", r.code, r.body)
	}
	if !strings.Contains(log.String(), "1 error; the pages show them until they are fixed") {
		t.Errorf("log: %s", log)
	}
	edit(t, file, "    type: arested\n", "    type: other\n")
	until(t, events, "the site", func() bool { return get(t, addr+"/kazakhstan/").code == 200 })
	if r := get(t, addr+"/"); r.header.Get("Location") != "/kazakhstan/" {
		t.Errorf("/ after the fix: %d %v", r.code, r.header)
	}
}

// TestBuildMatchesDisk checks that the preview's build is exactly what
// `tizim build` writes, site.zip included, with nothing of the dev server
// in it.
func TestBuildMatchesDisk(t *testing.T) {
	root := copySite(t)
	mem, err := Build(root, asOf)(nil)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(build.Options{Root: root, Out: out, AsOf: asOf}); err != nil {
		t.Fatal(err)
	}
	disk := make(map[string][]byte)
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(out, p)
			disk[filepath.ToSlash(rel)], err = os.ReadFile(p)
		}
		return err
	})
	names, err := mem.Files.(*site.Lazy).Names()
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != len(disk) {
		t.Errorf("%d files in memory, %d on disk", len(names), len(disk))
	}
	for _, p := range names {
		data, ok, err := mem.Files.Get(p)
		if !ok || err != nil {
			t.Errorf("%s: %v, %v", p, ok, err)
		}
		if want, ok := disk[p]; !ok || string(data) != string(want) {
			t.Errorf("%s differs", p)
		}
		if strings.Contains(string(data), "__tizim") {
			t.Errorf("%s mentions the dev server", p)
		}
	}
	if mem.Base != "/kazakhstan/" {
		t.Errorf("base %q", mem.Base)
	}
}

// BenchmarkEditToReload measures what a maintainer waits for: from saving
// a case file of the shipped site to the open page being told to reload
// (the debounce, the rebuild, the event).
func BenchmarkEditToReload(b *testing.B) {
	root := copySite(b)
	addr, _ := start(b, root)
	_, events := subscribe(b, addr)
	file := filepath.Join(root, "content/people/sanavar-zakirova/case.yaml")
	editNames(b, file, "Sanavar Zakirova", events, nil)
}

// editNames renames the person of the case file, whose name is name, once
// per benchmark loop and waits for each reload; then, if it is given, it
// calls after with the new name.
func editNames(b *testing.B, file, name string, events <-chan event, after func(name string)) {
	base := name
	for i := 0; b.Loop(); i++ {
		next := base + " " + strconv.Itoa(i)
		edit(b, file, "name: "+name+"\n", "name: "+next+"\n")
		name = next
		select {
		case <-events:
		case <-time.After(wait):
			b.Fatal("no reload")
		}
		if after != nil {
			after(next)
		}
	}
}

// synth10k writes a synthetic register of 10,000 people and returns its
// folder, the slug and case file of a person in the middle, and the
// person's name, for benchmarks that edit it.
func synth10k(b *testing.B) (root, slug, file, name string) {
	root = b.TempDir()
	if err := synth.Write(root, 10000, 1); err != nil {
		b.Fatal(err)
	}
	entries, err := os.ReadDir(filepath.Join(root, "content/people"))
	if err != nil {
		b.Fatal(err)
	}
	slug = entries[len(entries)/2].Name()
	file = filepath.Join(root, "content/people", slug, "case.yaml")
	data, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	name, _, _ = strings.Cut(strings.TrimPrefix(string(data), "name: "), "\n")
	return root, slug, file, name
}

// BenchmarkEditToPage10k measures what a maintainer of a large register
// waits for: from saving one person's case file to being served that
// person's page with the edit, on a synthetic register of 10,000 people.
// It includes the watcher's debounce.
//
//	go test ./internal/serve -run x -bench EditToPage10k -benchtime 20x
func BenchmarkEditToPage10k(b *testing.B) {
	root, slug, file, name := synth10k(b)
	addr, log := startAt(b, root, synth.AsOf)
	_, events := subscribe(b, addr)
	page := addr + "/register/people/" + slug + "/"
	if r := get(b, page); r.code != http.StatusOK {
		b.Fatalf("%s: %d", page, r.code)
	}
	editNames(b, file, name, events, func(next string) {
		if r := get(b, page); !strings.Contains(r.body, html.EscapeString(next)) {
			b.Fatalf("%s does not show the edit", page)
		}
	})
	b.StopTimer()
	if testing.Verbose() {
		b.Log(log.String())
	}
}

// TestLinkWhileServing adds a symbolic link to static/ while the server
// runs: the preview reports it, as check and build do, and never serves
// what it points at.
func TestLinkWhileServing(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links")
	}
	root := copySite(t)
	secret := filepath.Join(t.TempDir(), "environ")
	if err := os.WriteFile(secret, []byte("GITHUB_TOKEN=SECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	addr, _ := start(t, root)
	_, events := subscribe(t, addr)
	if err := os.MkdirAll(filepath.Join(root, "static"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, filepath.Join(root, "static", "env.txt")); err != nil {
		t.Fatal(err)
	}
	var errs struct {
		OK     bool
		Errors []Problem
	}
	until(t, events, "the error", func() bool {
		json.Unmarshal([]byte(get(t, addr+"/__tizim/errors").body), &errs)
		return !errs.OK
	})
	if len(errs.Errors) != 1 || errs.Errors[0].Where() != "static/env.txt" || !strings.Contains(errs.Errors[0].Message, "symbolic link") {
		t.Errorf("errors: %+v", errs)
	}
	for _, p := range []string{"/kazakhstan/static/env.txt", "/__tizim/errors", "/kazakhstan/"} {
		if r := get(t, addr+p); strings.Contains(r.body, "SECRET") {
			t.Errorf("%s serves the linked file", p)
		}
	}
}
