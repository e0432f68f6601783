package export_test

import (
	"bytes"
	"fmt"
	"os"
	"sync"
	"testing"

	"github.com/tizim/tizim/internal/export"
	"github.com/tizim/tizim/internal/register"
)

// lastParts is the Parts of a test: it records where each person's part
// of a file went, and gives back the bytes found there in the file it is
// given, except for the people in changed, and poison in place of the
// part of the person named by poisoned.
type lastParts struct {
	file     []byte
	at       map[string][2]int64 // slug -> offset, length, of the last file
	changed  map[string]bool
	poisoned string
	mu       sync.Mutex
	wrote    map[string][2]int64 // this file's, by slug
	order    []int64             // offsets in the order Wrote was called
	given    int
}

const poison = "<a part of the last file>"

func (l *lastParts) Part(b []byte, p *register.Person) ([]byte, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if p.Slug == l.poisoned {
		l.given++
		return append(b, poison...), true
	}
	at, ok := l.at[p.Slug]
	if !ok || l.changed[p.Slug] {
		return b, false
	}
	l.given++
	return append(b, l.file[at[0]:at[0]+at[1]]...), true
}

func (l *lastParts) Wrote(p *register.Person, off, n int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.wrote == nil {
		l.wrote = make(map[string][2]int64)
	}
	l.wrote[p.Slug] = [2]int64{off, n}
	l.order = append(l.order, off)
}

// TestParts writes each data file with Parts: first with none from a
// last file, recording where the parts go; then taking every part from
// that file but a changed person's, which must give the bytes of the
// file made anew; then with one part replaced, which must land exactly
// where that person's part was.
func TestParts(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, syntheticSite(300)); err != nil {
		t.Fatal(err)
	}
	r := load(t, os.DirFS(dir))
	if len(r.People) < 3 {
		t.Fatalf("%d people", len(r.People))
	}
	for _, name := range []string{export.JSONFile, export.PeopleFile, export.EventsFile} {
		t.Run(name, func(t *testing.T) {
			want := write(t, r, name, nil)
			first := &lastParts{}
			if got := write(t, r, name, first); !bytes.Equal(got, want) {
				t.Fatal("recording the parts changed the file")
			}
			if len(first.wrote) != len(r.People) || first.given != 0 {
				t.Fatalf("%d parts recorded and %d given, want %d and 0", len(first.wrote), first.given, len(r.People))
			}
			for i := 1; i < len(first.order); i++ {
				if first.order[i] < first.order[i-1] { // the same for a person without events
					t.Fatalf("part %d recorded at %d, after %d", i, first.order[i], first.order[i-1])
				}
			}
			// Each part is the person's: for the CSV files their rows,
			// each beginning with their slug; for the JSON, their object.
			for slug, at := range first.wrote {
				part := string(want[at[0] : at[0]+at[1]])
				switch {
				case name == export.JSONFile && (len(part) < 2 || part[0] != '{' || part[len(part)-1] != '}' || !bytes.Contains([]byte(part), []byte(`"slug":"`+slug+`"`))):
					t.Fatalf("%s's part is %.80q...", slug, part)
				case name != export.JSONFile && part != "" && (!bytes.HasPrefix([]byte(part), []byte(slug+",")) || !bytes.HasSuffix([]byte(part), []byte("\r\n"))):
					t.Fatalf("%s's part is %.80q...", slug, part)
				}
			}

			// Every part but one person's from the last file.
			changed := r.People[1].Slug
			again := &lastParts{file: want, at: first.wrote, changed: map[string]bool{changed: true}}
			if got := write(t, r, name, again); !bytes.Equal(got, want) {
				t.Fatal("the parts of the last file give other bytes than a file made anew")
			}
			if again.given != len(r.People)-1 {
				t.Errorf("%d parts taken from the last file, want %d", again.given, len(r.People)-1)
			}
			for slug, at := range again.wrote {
				if at != first.wrote[slug] {
					t.Errorf("%s's part recorded at %v, then at %v", slug, first.wrote[slug], at)
				}
			}

			// A part taken from the last file lands where it was.
			poisoned := r.People[2].Slug
			at := first.wrote[poisoned]
			spliced := fmt.Sprintf("%s%s%s", want[:at[0]], poison, want[at[0]+at[1]:])
			if got := write(t, r, name, &lastParts{file: want, at: first.wrote, poisoned: poisoned}); string(got) != spliced {
				t.Error("a part given by Parts is not where the person's part was")
			}
		})
	}
}

func write(t *testing.T, r *register.Register, name string, parts export.Parts) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := export.WriteFile(&b, r, name, parts); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
