package serve

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestInject checks where the reload script and the overlay go, also in
// pages a theme wrote differently.
func TestInject(t *testing.T) {
	ok := &state{id: "a-1", site: &Snapshot{Files: MapFiles{}}}
	failed := &state{id: "a-2", site: ok.site, errs: []Problem{{File: "content/site.yaml", Line: 3, Col: 1, Message: `"x" & <b>`}, {Message: "templates: boom"}}}
	const script = `<script src="/__tizim/reload.js" data-build="a-1" defer></script>`
	for _, tc := range []struct {
		name, page string
		st         *state
		want       string
	}{
		{"plain", "<html><head><title>x</title></head><body><p>x</p></body></html>", ok,
			"<html><head><title>x</title>" + script + "</head><body><p>x</p></body></html>"},
		{"no head", "<p>x</p>", ok, "<p>x</p>" + script},
		{"upper case", "<HTML><HEAD></HEAD ><BODY CLASS=\"b\">x</BODY></HTML>", failed, "<HTML><HEAD>" +
			strings.Replace(script, "a-1", "a-2", 1) + `<link rel="stylesheet" href="/__tizim/overlay.css"></HEAD ><BODY CLASS="b"><div id="tizim-errors"`},
		{"no body", "x", failed, `<div id="tizim-errors"`},
	} {
		got := string(inject([]byte(tc.page), tc.st))
		if !strings.HasPrefix(got, tc.want) {
			t.Errorf("%s:\n got %s\nwant %s…", tc.name, got, tc.want)
		}
	}
	page := string(inject([]byte("<head></head><body>"), failed))
	for _, want := range []string{
		"<p>2 errors in the site’s files: this page shows the last good build.",
		"<li><code>content/site.yaml:3:1</code>: &#34;x&#34; &amp; &lt;b&gt;</li>",
		"<li>templates: boom</li>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("overlay lacks %q:\n%s", want, page)
		}
	}
}

// TestHub checks that a slow stream gets the latest build and never
// holds up a rebuild.
func TestHub(t *testing.T) {
	var h hub
	ch := h.subscribe()
	h.broadcast("1")
	h.broadcast("2") // must not block although nobody took "1"
	if got := <-ch; got != "2" {
		t.Errorf("got %q, want the latest build", got)
	}
	h.unsubscribe(ch)
	h.broadcast("3")
	select {
	case got := <-ch:
		t.Errorf("unsubscribed stream got %q", got)
	default:
	}
}

// TestContentType checks the types of the files sites have.
func TestContentType(t *testing.T) {
	for name, want := range map[string]string{
		"index.html":           "text/html; charset=utf-8",
		"static/filter.js":     "text/javascript; charset=utf-8",
		"data/people.json":     "application/json",
		"data/people.csv":      "text/csv; charset=utf-8",
		"feed.xml":             "application/xml; charset=utf-8",
		"people/x/photo.webp":  "image/webp",
		"people/x/photo.JPG":   "image/jpeg",
		"static/favicon.svg":   "image/svg+xml",
		".nojekyll":            "text/plain; charset=utf-8",
		"register-2026-11.zip": "application/zip",
		"robots.txt":           "text/plain; charset=utf-8",
		"static/style.min.css": "text/css; charset=utf-8",
	} {
		if got := contentType(name, nil); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}

// TestWatcher checks what the watcher reports: files in the watched
// folders, including folders created while it runs, and nothing else, not
// even files that were there only for a moment.
func TestWatcher(t *testing.T) {
	root := t.TempDir()
	for _, dir := range []string{"content/people", "public"} {
		if err := os.MkdirAll(filepath.Join(root, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(name string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(root, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mkdir := func(name string) {
		t.Helper()
		if err := os.Mkdir(filepath.Join(root, name), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write("content/site.yaml")

	w, err := newWatcher(root, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer w.close()
	calls := make(chan []string, 16)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go w.run(ctx, 10*time.Millisecond, func(changed []string) { calls <- changed })

	// seen waits for a rebuild that reports want, and fails on any report
	// of a file outside the watched folders or of an attribute change.
	seen := func(want string) {
		t.Helper()
		deadline := time.After(wait)
		for {
			select {
			case changed := <-calls:
				for _, p := range changed {
					if strings.HasPrefix(p, "public") || p == "content/site.yaml" || p == "content/.save.tmp" || p == "" || strings.Contains(p, `\`) {
						t.Fatalf("reported %q among %q", p, changed)
					}
				}
				if slices.Contains(changed, want) {
					return
				}
			case <-deadline:
				t.Fatalf("%s was not reported", want)
			}
		}
	}
	// Events the watcher must ignore come first, so that they would be
	// reported with (or before) the ones it must see.
	write("public/index.html")
	write("notes.txt")
	if err := os.Chmod(filepath.Join(root, "content/site.yaml"), 0o600); err != nil {
		t.Fatal(err)
	}
	write("content/.save.tmp") // an editor's temporary file, gone before the build
	if err := os.Remove(filepath.Join(root, "content/.save.tmp")); err != nil {
		t.Fatal(err)
	}
	write("content/other.yaml")
	seen("content/other.yaml")

	// A new folder is reported, and from then on watched.
	mkdir("content/people/new-person")
	seen("content/people/new-person")
	write("content/people/new-person/case.yaml")
	seen("content/people/new-person/case.yaml")

	// So is a watched folder the site did not have when the watch began.
	mkdir("templates")
	seen("templates")
	write("templates/base.html")
	seen("templates/base.html")
}

// failingFiles is a site one of whose pages cannot be rendered.
type failingFiles struct{ MapFiles }

func (f failingFiles) Get(name string) ([]byte, bool, error) {
	if name == "people/x/index.html" {
		return nil, true, errors.New(`rendering people/x/index.html: template: person.html:3: <b>boom</b>`)
	}
	return f.MapFiles.Get(name)
}

// TestRenderError serves a page that fails to render as a failed build
// is served: status 500 and the error, escaped, on the page and in the log.
func TestRenderError(t *testing.T) {
	var log strings.Builder
	s := NewServer(func([]string) (*Snapshot, error) {
		return &Snapshot{Files: failingFiles{MapFiles{"index.html": []byte("<html><head></head><body>home</body></html>")}}, Base: "/"}, nil
	}, &log)
	s.Rebuild(nil)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "http://127.0.0.1/people/x/", nil))
	body := rec.Body.String()
	if rec.Code != http.StatusInternalServerError || !strings.Contains(body, "person.html:3: &lt;b&gt;boom&lt;/b&gt;") {
		t.Errorf("%d\n%s", rec.Code, body)
	}
	if !strings.Contains(log.String(), "rendering people/x/index.html: template: person.html:3") {
		t.Errorf("log: %s", log.String())
	}
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "http://127.0.0.1/", nil))
	if rec.Code != http.StatusOK || strings.Contains(rec.Body.String(), "boom") {
		t.Errorf("home page after a failed one: %d\n%s", rec.Code, rec.Body.String())
	}
}

// TestCodespace checks the names a server in a GitHub codespace answers
// to besides localhost: its forwarded ports, and nothing else.
func TestCodespace(t *testing.T) {
	c := codespace{name: "fuzzy-space-waddle-abc123", domain: "app.github.dev"}
	for host, want := range map[string]bool{
		"fuzzy-space-waddle-abc123-1313.app.github.dev":                  true,
		"fuzzy-space-waddle-abc123-1313.app.github.dev:443":              true,
		"Fuzzy-Space-Waddle-ABC123-8080.APP.GITHUB.DEV":                  true,
		"fuzzy-space-waddle-abc123.app.github.dev":                       false,
		"fuzzy-space-waddle-abc123-.app.github.dev":                      false,
		"fuzzy-space-waddle-abc123-13x3.app.github.dev":                  false,
		"other-space-1313.app.github.dev":                                false,
		"fuzzy-space-waddle-abc123-1313.app.github.dev.attacker.example": false,
		"attacker.example": false,
	} {
		if got := c.forwards(host); got != want {
			t.Errorf("%s: %v, want %v", host, got, want)
		}
	}
	if (codespace{}).forwards("-1313.") {
		t.Error("outside a codespace: answers a forwarded name")
	}

	t.Setenv("CODESPACE_NAME", c.name)
	t.Setenv("GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN", c.domain)
	s := NewServer(func([]string) (*Snapshot, error) {
		return &Snapshot{Files: MapFiles{"index.html": []byte("<html><head></head><body>home</body></html>")}, Base: "/"}, nil
	}, nil)
	defer s.Close()
	s.Rebuild(nil)
	for host, want := range map[string]int{
		"fuzzy-space-waddle-abc123-1313.app.github.dev": http.StatusOK,
		"attacker.example": http.StatusForbidden,
	} {
		req := httptest.NewRequest("GET", "http://127.0.0.1/", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("Host %s: %d, want %d", host, rec.Code, want)
		}
	}
}
