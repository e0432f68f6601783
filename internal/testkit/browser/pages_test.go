package browser

import (
	"strings"
	"sync"
	"testing"
)

// pageWorkers is how many tabs load the site's pages at once: enough to keep
// a two-core CI machine busy, few enough not to starve the browser.
const pageWorkers = 3

// TestEveryPageLoadsCleanly loads every HTML page of the built site and
// fails for each page that logs a console error, throws an uncaught
// exception, breaks its Content-Security-Policy, fails to load one of its
// own files, or makes a request to any host but the test server (the site
// promises to load nothing from other hosts).
func TestEveryPageLoadsCleanly(t *testing.T) {
	t.Parallel()
	s := getSite(t)
	pages := s.pages(t)
	if len(pages) < 10 {
		t.Fatalf("the built site has only %d HTML pages: %q", len(pages), pages)
	}
	for _, want := range []string{"", "current/", "ru/", "kk/", "404.html"} {
		if !s.has(want) {
			t.Errorf("the built site has no page %s", name(want))
		}
	}

	work := make(chan string)
	var wg sync.WaitGroup
	for range min(pageWorkers, len(pages)) {
		tb := newTab(t) // opened here: t.Fatal must not run in the workers
		wg.Go(func() {
			for p := range work {
				if err := tb.load(s.url(p)); err != nil {
					t.Error(err)
				}
				if problems := tb.take(); len(problems) > 0 {
					t.Errorf("%s: the page is not clean; the browser reported:\n  - %s", name(p), strings.Join(problems, "\n  - "))
				}
			}
		})
	}
	for _, p := range pages {
		work <- p
	}
	close(work)
	wg.Wait()
	t.Logf("loaded %d pages in %d tabs", len(pages), pageWorkers)
}
