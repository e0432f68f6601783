package browser

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tizim/tizim/internal/build"
	"github.com/tizim/tizim/internal/testkit/testsite"
)

// TestHostileSiteIsInert builds testdata/hostile/site.txtar, whose every
// field carries script tags, event handlers and script-closing tags, and
// loads every page: no script may run (an injected one would break the
// Content-Security-Policy, which the browser reports), nothing may be
// requested from another host, and the console stays clean.
func TestHostileSiteIsInert(t *testing.T) {
	t.Parallel()
	getBrowser(t) // skips or fails first when there is no browser
	data, err := os.ReadFile(filepath.Join(root, "testdata/hostile/site.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range testsite.Parse(data).Files {
		p := filepath.Join(dir, "site", filepath.FromSlash(f.Name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "public")
	if _, err := build.Build(build.Options{Root: filepath.Join(dir, "site"), Out: out, AsOf: asOf}); err != nil {
		t.Fatalf("the hostile site does not build: %v", err)
	}
	const base = "/hostile/" // the path of its base_url
	srv := httptest.NewServer(serve(base, out))
	t.Cleanup(srv.Close)
	hs := &site{dir: out, base: base, srv: srv}
	pages := hs.pages(t)
	if len(pages) < 20 {
		t.Fatalf("the hostile site has only %d pages", len(pages))
	}
	tb := newTabAt(t, hs.host(), hs.url(""))
	for _, p := range pages {
		if err := tb.load(hs.url(p)); err != nil {
			t.Error(err)
			continue
		}
		if problems := tb.take(); len(problems) > 0 {
			t.Errorf("%s: hostile content was not inert; the browser reported:\n  - %s", name(p), strings.Join(problems, "\n  - "))
		}
	}
	t.Logf("loaded %d pages of hostile content", len(pages))
}
