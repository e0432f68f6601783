package build

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// root is the repository, whose shipped site the tests build.
const root = "../.."

var day = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

// tree returns a digest of every file and folder under dir, to compare an
// output folder before and after.
func tree(t *testing.T, dir string) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			lines = append(lines, rel+"/")
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		lines = append(lines, fmt.Sprintf("%s %x", rel, sha256.Sum256(data)))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// leftovers lists what a build left beside the output folder.
func leftovers(t *testing.T, parent string) []string {
	t.Helper()
	entries, err := os.ReadDir(parent)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.Contains(e.Name(), ".new-") || strings.Contains(e.Name(), ".old-") {
			out = append(out, e.Name())
		}
	}
	return out
}

func TestBuildReplacesTheSite(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "stale.html"), []byte("old"), 0o644)
	st, err := Build(Options{Root: root, Out: out, AsOf: day})
	if err != nil {
		t.Fatal(err)
	}
	if st.Files < 100 {
		t.Errorf("only %d files written", st.Files)
	}
	if files, size := siteSize(t, out); st.Files != files || st.Bytes != size {
		t.Errorf("the build says %d files of %d bytes; the folder has %d of %d", st.Files, st.Bytes, files, size)
	}
	if _, err := os.Stat(filepath.Join(out, "stale.html")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a file of the previous build survived: the output must be replaced as a whole")
	}
	if l := leftovers(t, parent); len(l) > 0 {
		t.Errorf("the build left %v beside the output", l)
	}
}

// siteSize counts the files under dir and their bytes.
func siteSize(t *testing.T, dir string) (files int, size int64) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		files++
		size += info.Size()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files, size
}

func TestWarnings(t *testing.T) {
	for _, tt := range []struct {
		bytes int64
		want  string // in the one warning; "" for none
	}{
		{0, ""},
		{PagesLimit, ""},
		{PagesLimit + 1, "the site is 1.0 GB, and GitHub Pages publishes sites of at most 1.0 GB"},
		{7_512_345_678, "the site is 7.5 GB"},
	} {
		w := Stats{Bytes: tt.bytes}.Warnings()
		switch {
		case tt.want == "" && len(w) > 0:
			t.Errorf("%d bytes: warned %q", tt.bytes, w)
		case tt.want != "" && (len(w) != 1 || !strings.Contains(w[0].Msg, tt.want)):
			t.Errorf("%d bytes: warnings %q, want one with %q", tt.bytes, w, tt.want)
		}
	}
}

// failing fails every write after the first n.
type failing struct {
	Writer
	n, done atomic.Int64
}

func (f *failing) Write(p string, data []byte) error {
	if f.done.Add(1) > f.n.Load() {
		return errors.New("no space left on device")
	}
	return f.Writer.Write(p, data)
}

func TestFailedWriteKeepsTheOldSite(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if _, err := Build(Options{Root: root, Out: out, AsOf: day}); err != nil {
		t.Fatal(err)
	}
	before := tree(t, out)
	opts := Options{Root: root, Out: out, AsOf: day.AddDate(0, 0, 1), wrap: func(w Writer) Writer {
		f := &failing{Writer: w}
		f.n.Store(20)
		return f
	}}
	_, err := Build(opts)
	if err == nil || !strings.Contains(err.Error(), "no space left on device") || !strings.Contains(err.Error(), "is unchanged") {
		t.Fatalf("got error %v, want the write error and that the old site is unchanged", err)
	}
	if tree(t, out) != before {
		t.Error("a failed build changed the previous site")
	}
	if l := leftovers(t, parent); len(l) > 0 {
		t.Errorf("the failed build left %v beside the output", l)
	}
}

func TestUnwritableOutput(t *testing.T) {
	parent := t.TempDir()
	file := filepath.Join(parent, "not-a-folder")
	os.WriteFile(file, nil, 0o644)
	_, err := Build(Options{Root: root, Out: filepath.Join(file, "public"), AsOf: day})
	if err == nil || !strings.Contains(err.Error(), "cannot create") {
		t.Fatalf("got %v, want a clear error that the output folder cannot be created", err)
	}
}

func TestConcurrentBuildIsRefused(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no file locks on Windows")
	}
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	unlock, err := lock(filepath.Join(parent, ".public.lock"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Build(Options{Root: root, Out: out, AsOf: day})
	unlock()
	if err == nil || !strings.Contains(err.Error(), "another build (process "+strconv.Itoa(os.Getpid())+") is writing") {
		t.Fatalf("got %v, want a message that another build holds the folder", err)
	}
	if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
		t.Error("the refused build wrote the output folder")
	}
	if _, err := Build(Options{Root: root, Out: out, AsOf: day}); err != nil {
		t.Errorf("after the lock was released: %v", err)
	}
}

// slow makes each write take a while, so that a test can kill the build
// in the middle of rendering.
type slow struct{ Writer }

func (s slow) Write(p string, data []byte) error {
	time.Sleep(5 * time.Millisecond)
	return s.Writer.Write(p, data)
}

// TestHelperBuild is the child process of TestKilledBuild: a slow build.
func TestHelperBuild(t *testing.T) {
	out := os.Getenv("TIZIM_TEST_BUILD_OUT")
	if out == "" {
		t.Skip("run by TestKilledBuild")
	}
	_, err := Build(Options{Root: root, Out: out, AsOf: day.AddDate(0, 0, 1), wrap: func(w Writer) Writer { return slow{w} }})
	if err != nil {
		t.Fatal(err)
	}
}

// TestKilledBuild kills a build (SIGKILL, no chance to clean up) at
// several points of rendering: the previous site must stay complete and
// unchanged, and the next build must clear what the killed one left.
func TestKilledBuild(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("needs SIGKILL")
	}
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if _, err := Build(Options{Root: root, Out: out, AsOf: day}); err != nil {
		t.Fatal(err)
	}
	before := tree(t, out)
	for _, after := range []int{1, 40, 100} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperBuild$")
		cmd.Env = append(os.Environ(), "TIZIM_TEST_BUILD_OUT="+out)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Wait until the child has written `after` files of its new site.
		deadline := time.Now().Add(20 * time.Second)
		for time.Now().Before(deadline) && written(parent) < after {
			time.Sleep(2 * time.Millisecond)
		}
		n := written(parent)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if n < after {
			t.Fatalf("the child build wrote only %d files before the deadline", n)
		}
		if got := tree(t, out); got != before {
			t.Fatalf("killed after %d files: the previous site changed", n)
		}
		if len(leftovers(t, parent)) == 0 {
			t.Errorf("killed after %d files: expected the unfinished folder beside the output", n)
		}
	}
	if _, err := Build(Options{Root: root, Out: out, AsOf: day}); err != nil {
		t.Fatal(err)
	}
	if l := leftovers(t, parent); len(l) > 0 {
		t.Errorf("the next build did not clear %v", l)
	}
}

// written counts the files in the unfinished build folders under parent.
func written(parent string) int {
	n := 0
	matches, _ := filepath.Glob(filepath.Join(parent, ".public.new-*"))
	for _, m := range matches {
		filepath.WalkDir(m, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				n++
			}
			return nil
		})
	}
	return n
}

// TestRebuildKeepsUnchangedFiles builds twice: the second build of the
// same content leaves every file as it was (same inode and time, so a
// deploy copies nothing); after an edit, only the files it affects change.
func TestRebuildKeepsUnchangedFiles(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	first, err := Build(Options{Root: root, Out: out, AsOf: day})
	if err != nil {
		t.Fatal(err)
	}
	if first.Unchanged != 0 {
		t.Errorf("first build: %d files unchanged, want 0", first.Unchanged)
	}
	times := make(map[string]time.Time)
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			st, _ := os.Stat(p)
			times[p] = st.ModTime()
		}
		return nil
	})
	time.Sleep(20 * time.Millisecond) // so that a rewritten file would get a later time
	second, err := Build(Options{Root: root, Out: out, AsOf: day})
	if err != nil {
		t.Fatal(err)
	}
	if second.Unchanged != second.Files {
		t.Errorf("second build of the same content: %d of %d files unchanged", second.Unchanged, second.Files)
	}
	if second.Bytes != first.Bytes {
		t.Errorf("the same site is %d bytes built anew and %d kept", first.Bytes, second.Bytes)
	}
	for p, mt := range times {
		st, err := os.Stat(p)
		if err != nil || !st.ModTime().Equal(mt) {
			t.Errorf("%s was rewritten by a build of unchanged content", p)
			break
		}
	}
	third, err := Build(Options{Root: root, Out: out, AsOf: day.AddDate(0, 0, 1)}) // a new date changes the footer of every page
	if err != nil {
		t.Fatal(err)
	}
	if third.Unchanged == 0 || third.Unchanged >= third.Files {
		t.Errorf("a new date: %d of %d files unchanged; want the static files kept and the pages rewritten", third.Unchanged, third.Files)
	}
	if got := tree(t, out); !strings.Contains(got, "index.html") {
		t.Error("the output lost its pages")
	}
}

// TestStream writes files as the data exports do: a failed write leaves
// no file, a file the same as the previous build's is linked to it (so it
// keeps its time), and a changed one is written.
func TestStream(t *testing.T) {
	prev, dir := t.TempDir(), t.TempDir()
	big := bytes.Repeat([]byte("0123456789"), 100000) // more than one piece to compare
	changed := slices.Clone(big)
	changed[len(changed)-1] = 'x'
	for name, data := range map[string][]byte{"data/same.csv": big, "data/changed.csv": big, "data/shorter.csv": big} {
		os.MkdirAll(filepath.Join(prev, "data"), 0o755)
		os.WriteFile(filepath.Join(prev, filepath.FromSlash(name)), data, 0o644)
	}
	w := &DirWriter{Dir: dir, Prev: prev}
	put := func(name string, data []byte) {
		t.Helper()
		if err := w.Stream(name, func(out io.Writer) error { _, err := out.Write(data); return err }); err != nil {
			t.Fatal(err)
		}
	}
	put("data/same.csv", big)
	put("data/changed.csv", changed)
	put("data/shorter.csv", big[:len(big)-1])
	put("data/new.csv", big)
	if err := w.Stream("data/failed.csv", func(out io.Writer) error {
		out.Write(big)
		return errors.New("disk full")
	}); err == nil || err.Error() != "disk full" {
		t.Errorf("a failed write: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "data/failed.csv")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a failed write left a file: %v", err)
	}
	for name, want := range map[string][]byte{"same.csv": big, "changed.csv": changed, "shorter.csv": big[:len(big)-1], "new.csv": big} {
		got, err := os.ReadFile(filepath.Join(dir, "data", name))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: %d bytes, %v", name, len(got), err)
		}
		a, _ := os.Stat(filepath.Join(dir, "data", name))
		b, _ := os.Stat(filepath.Join(prev, "data", name))
		if linked := b != nil && os.SameFile(a, b); linked != (name == "same.csv") {
			t.Errorf("%s linked to the previous build's: %v", name, linked)
		}
	}
	if w.files.Load() != 4 || w.kept.Load() != 1 {
		t.Errorf("%d files, %d kept; want 4 and 1", w.files.Load(), w.kept.Load())
	}
}

// TestWriteFolders writes files the way a build does, many to a folder and
// deep below folders made earlier, into an output folder given by a
// relative path: every file lands, and a file where a folder should be is
// an error, not a silent success.
func TestWriteFolders(t *testing.T) {
	t.Chdir(t.TempDir())
	w := &DirWriter{Dir: "public"}
	for _, name := range []string{"index.html", "people/a/index.html", "people/b/index.html", "people/a/photo.jpg", "ru/people/a/index.html", "people/index.html"} {
		if err := w.Write(name, []byte(name)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got, err := os.ReadFile(filepath.Join("public", filepath.FromSlash(name))); err != nil || string(got) != name {
			t.Errorf("%s: read back %q, %v", name, got, err)
		}
	}
	if err := w.Write("index.html/x/index.html", nil); err == nil {
		t.Error("a file under index.html, which is a file, was written without an error")
	}
}

func TestMemoryLimit(t *testing.T) {
	// Registers whose builds stay under the floor are not limited more
	// than by it; larger ones get room for each person.
	for _, c := range []struct {
		people int
		want   int64
	}{{0, heapLimitFloor}, {10_000, heapLimitFloor}, {100_000, heapLimitFloor}, {200_000, 200_000 * heapPerPerson}} {
		if got := memoryLimit(c.people); got != c.want {
			t.Errorf("memoryLimit(%d) = %d, want %d", c.people, got, c.want)
		}
	}
}

func TestLimitMemoryPutsTheLimitBack(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	before := debug.SetMemoryLimit(-1)
	restore := limitMemory(10)
	if got := debug.SetMemoryLimit(-1); got != heapLimitFloor {
		t.Errorf("during the build the limit is %d, want %d", got, heapLimitFloor)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("after the build the limit is %d, want %d as before it", got, before)
	}
	// A limit the user set with GOMEMLIMIT stays.
	t.Setenv("GOMEMLIMIT", "3GiB")
	limitMemory(10)()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("with GOMEMLIMIT set the limit became %d", got)
	}
}
