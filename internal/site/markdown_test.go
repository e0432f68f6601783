package site_test

import (
	"io/fs"
	"os"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/testkit/testsite"
)

// countingFS counts the files read through it.
type countingFS struct {
	fs.FS
	mu    sync.Mutex
	reads map[string]int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.mu.Lock()
	c.reads[name]++
	c.mu.Unlock()
	return c.FS.Open(name)
}

// TestSharedProfile renders a profile that only English has, which the
// Russian page shows too: once for both pages when it links nowhere in
// the site, and for each page when it links to a file of the site, whose
// relative link differs between /people/x/ and /ru/people/x/.
func TestSharedProfile(t *testing.T) {
	data, err := os.ReadFile("testdata/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	const profile = "content/people/boris-b/profile.md"
	for _, tc := range []struct {
		name, body string
		reads      int    // of the profile, one per rendering
		en, ru     string // in the pages
	}{
		{"no site links", "Boris farms near [Qostanai](https://example.org/q).\n", 1,
			`<a href="https://example.org/q" rel="noreferrer">Qostanai</a>`, `<a href="https://example.org/q" rel="noreferrer">Qostanai</a>`},
		{"a site file", "Boris farms; [the data](/data/register.csv).\n", 2,
			`<a href="../../data/register.csv">the data</a>`, `<a href="../../../data/register.csv">the data</a>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := testsite.Parse(data).FS("")
			files[profile] = &fstest.MapFile{Data: []byte(tc.body)}
			c, err := content.Load(files)
			if err != nil {
				t.Fatal(err)
			}
			c.DropProfiles() // as a build does: read again from the files as pages need them
			counted := &countingFS{FS: files, reads: make(map[string]int)}
			pages := renderLoaded(t, c, counted, "2024-06-01")
			if n := counted.reads[profile]; n != tc.reads {
				t.Errorf("the profile was read %d times, want %d", n, tc.reads)
			}
			for file, want := range map[string]string{"people/boris-b/index.html": tc.en, "ru/people/boris-b/index.html": tc.ru} {
				if page := string(pages[file]); !strings.Contains(page, want) {
					t.Errorf("%s does not have %s", file, want)
				}
			}
		})
	}
}
