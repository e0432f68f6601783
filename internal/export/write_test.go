package export_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"testing"

	"github.com/tizim/tizim/internal/export"
	"github.com/tizim/tizim/internal/register"
)

// streams pairs each file's streaming export with the export that returns
// it whole.
var streams = []struct {
	name  string
	write func(io.Writer, *register.Register) error
	whole func(*register.Register) ([]byte, error)
}{
	{export.JSONFile, export.WriteJSON, export.JSON},
	{export.PeopleFile, export.WritePeopleCSV, export.PeopleCSV},
	{export.EventsFile, export.WriteEventsCSV, export.EventsCSV},
}

// chunks is a Writer that keeps what it is given and the size of its
// largest write.
type chunks struct {
	bytes.Buffer
	writes, largest int
}

func (c *chunks) Write(p []byte) (int, error) {
	c.writes++
	c.largest = max(c.largest, len(p))
	return c.Buffer.Write(p)
}

// TestWriteSameBytes checks that the Write functions write what the
// functions that return the file give (and so, for the fixture, the golden
// files), and that a register larger than their buffer is written in
// pieces rather than made whole and written at once.
func TestWriteSameBytes(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, syntheticSite(300)); err != nil {
		t.Fatal(err)
	}
	for _, site := range []struct {
		name string
		r    *register.Register
	}{{"fixture", load(t, fixture(t))}, {"synthetic", load(t, os.DirFS(dir))}} {
		for _, f := range streams {
			want, err := f.whole(site.r)
			if err != nil {
				t.Fatal(err)
			}
			var got chunks
			if err := f.write(&got, site.r); err != nil {
				t.Fatalf("%s %s: %v", site.name, f.name, err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s %s: the Write function writes other bytes than it returns whole", site.name, f.name)
			}
			// Each person's part is far below 64 KB, so a larger write
			// means the file was gathered before it was written.
			if site.name == "synthetic" && (got.writes < 2 || got.largest > 64<<10) {
				t.Errorf("%s %s: %d bytes in %d writes, the largest %d bytes: not streamed", site.name, f.name, got.Len(), got.writes, got.largest)
			}
		}
	}
}

var errFull = errors.New("disk full")

// failing is a Writer that takes n bytes, then fails.
type failing struct{ n int }

func (w *failing) Write(p []byte) (int, error) {
	if len(p) > w.n {
		n := w.n
		w.n = 0
		return n, errFull
	}
	w.n -= len(p)
	return len(p), nil
}

// TestWriteError checks that an error of the Writer is returned, whether it
// comes with the first write, in the middle of the file or with the last
// byte, and that a Writer that takes the whole file gives none.
func TestWriteError(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, syntheticSite(300)); err != nil {
		t.Fatal(err)
	}
	for _, r := range []*register.Register{load(t, fixture(t)), load(t, os.DirFS(dir))} {
		for _, f := range streams {
			data, err := f.whole(r)
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range []int{0, 1, len(data) / 2, len(data) - 1} {
				if err := f.write(&failing{n}, r); !errors.Is(err, errFull) {
					t.Errorf("%s of %d bytes, the Writer failing after %d: got error %v, want %v", f.name, len(data), n, err, errFull)
				}
			}
			if err := f.write(&failing{len(data)}, r); err != nil {
				t.Errorf("%s of %d bytes into a Writer that takes them: %v", f.name, len(data), err)
			}
		}
	}
}
