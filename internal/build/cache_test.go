package build

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tizim/tizim"
	"github.com/tizim/tizim/internal/site"
	"github.com/tizim/tizim/internal/testkit/synth"
)

var cacheCases = flag.Int("cache-cases", 200, "edits TestCacheMatchesColdBuild makes, in sequences of 10")

// TestCacheMatchesColdBuild is the build cache's differential test: it
// makes random sequences of edits to a register — case files, sources,
// profiles, templates, interface text, site.yaml, static files, the site's
// date, deleted and added people, files of the output changed by hand —
// and after each builds the site with the cache of the builds before and
// from nothing, and requires the same files with the same bytes. An edit
// that makes the content invalid must fail both builds and leave the
// output as it was.
func TestCacheMatchesColdBuild(t *testing.T) {
	n := *cacheCases
	if testing.Short() {
		n = 36
	}
	const perSequence = 10
	base := t.TempDir()
	if err := synth.Write(filepath.Join(base, "site"), 16, 7); err != nil {
		t.Fatal(err)
	}
	var kept, made, ran atomic.Int64
	// Builds take the sums of files they did not see change from the
	// cache (see manifest.Read), even those the test has just written:
	// the edits' new times must make them read again.
	defer func(d time.Duration) { racyWindow = d }(racyWindow)
	racyWindow = 0
	// The last build's rows are read from their file as they are used,
	// as in a register of more than about 15,000 people: reading them
	// whole, the way of smaller registers, is the simpler path, which
	// the other tests of builds take.
	defer func(n int64) { rowsWholeUpTo = n }(rowsWholeUpTo)
	rowsWholeUpTo = 0
	t.Run("sequences", func(t *testing.T) {
		for seq := 0; seq*perSequence < n; seq++ {
			steps := min(perSequence, n-seq*perSequence)
			t.Run(fmt.Sprint(seq), func(t *testing.T) {
				t.Parallel()
				// On a slow or busy machine the last sequences give way
				// to go test's time limit (10 minutes for the package)
				// rather than fail the run; the log says how many ran.
				if d, ok := t.Deadline(); ok && time.Until(d) < 4*time.Minute {
					t.Skip("not enough time left before go test's -timeout")
				}
				ran.Add(int64(steps))
				k, m := cacheSequence(t, filepath.Join(base, "site"), seq, steps)
				kept.Add(k)
				made.Add(m)
			})
		}
	})
	t.Logf("%d edits of %d: %d files kept, %d made", ran.Load(), n, kept.Load(), made.Load())
	if kept.Load() == 0 {
		t.Error("the cache kept no file: the test tests nothing")
	}
}

// cacheSequence makes steps random edits to a copy of the site src (the
// random numbers seeded with seq) and compares the builds after each (see
// TestCacheMatchesColdBuild). It returns how many files the cached builds
// kept and made.
func cacheSequence(t *testing.T, src string, seq, steps int) (kept, made int64) {
	rng := rand.New(rand.NewPCG(uint64(seq), 42))
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "s")
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	e := &editor{t: t, root: dir, rng: rng, asOf: day}
	out := filepath.Join(tmp, "public")
	if _, err := Build(Options{Root: dir, Out: out, AsOf: e.asOf}); err != nil {
		t.Fatal(err)
	}
	for step := range steps {
		what := e.edit(out)
		before := outFiles(t, out)
		st, err := Build(Options{Root: dir, Out: out, AsOf: e.asOf})
		cold := filepath.Join(tmp, "cold")
		if err := os.RemoveAll(cold); err != nil {
			t.Fatal(err)
		}
		_, coldErr := Build(Options{Root: dir, Out: cold, AsOf: e.asOf, NoCache: true})
		if (err == nil) != (coldErr == nil) {
			t.Fatalf("step %d (%s): with the cache: %v; from nothing: %v", step, what, err, coldErr)
		}
		if err != nil {
			if a, b := err.Error(), strings.ReplaceAll(coldErr.Error(), cold, out); a != b {
				t.Fatalf("step %d (%s): with the cache the build says\n%s\nfrom nothing\n%s", step, what, a, b)
			}
			if got := outFiles(t, out); !equalTrees(got, before) {
				t.Fatalf("step %d (%s): a failed build changed the output", step, what)
			}
			e.undo()
			continue
		}
		kept += int64(st.Unchanged)
		made += int64(st.Files - st.Unchanged)
		if diff := compareTrees(outFiles(t, out), outFiles(t, cold)); diff != "" {
			t.Fatalf("step %d (%s): the cached build differs from a cold one: %s", step, what, diff)
		}
	}
	return kept, made
}

// editor makes random edits to a site folder.
type editor struct {
	t    *testing.T
	root string
	rng  *rand.Rand
	asOf time.Time
	undo func() // puts back what the last edit changed, for edits that break the content
	n    int
}

var (
	eventText = regexp.MustCompile(`(?m)^    text: .*$`)
	nameLine  = regexp.MustCompile(`(?m)^name: .*$`)
	titleLine = regexp.MustCompile(`(?m)^  title: .*$`)
	sourceIDs = regexp.MustCompile(`sources: \[([^,\]]+)`)
	dateLine  = regexp.MustCompile(`(?m)^  - date: (\d{4}-\d{2}-\d{2})$`)
)

// edit makes one random edit and says what it was.
func (e *editor) edit(out string) string {
	e.n++
	e.undo = func() {}
	people := e.people()
	p := people[e.rng.IntN(len(people))]
	caseFile := filepath.Join(e.root, "content", "people", p, "case.yaml")
	switch k := e.rng.IntN(16); k {
	case 0:
		e.replaceOne(caseFile, eventText, fmt.Sprintf("    text: Edited event text %d.", e.n))
		return "event text of " + p
	case 1:
		data := e.read(caseFile)
		id := sourceIDs.FindSubmatch(data)
		if id == nil {
			return "nothing (no source to cite)"
		}
		ev := fmt.Sprintf("events:\n  - date: 2025-0%d-1%d\n    type: %s\n    text: Added event %d.\n    sources: [%s]\n",
			1+e.rng.IntN(5), e.rng.IntN(9), []string{"released", "health", "transferred", "confirmed", "appeal"}[e.rng.IntN(5)], e.n, id[1])
		e.write(caseFile, bytes.Replace(data, []byte("events:\n"), []byte(ev), 1))
		return "event added to " + p
	case 2:
		dates := dateLine.FindAllSubmatchIndex(e.read(caseFile), -1)
		if len(dates) == 0 {
			return "nothing (no full date)"
		}
		d := dates[e.rng.IntN(len(dates))]
		data := e.read(caseFile)
		e.write(caseFile, slices.Concat(data[:d[2]+8], []byte(fmt.Sprintf("%02d", 1+e.rng.IntN(28))), data[d[3]:]))
		return "event date of " + p
	case 3:
		e.replaceOne(caseFile, nameLine, fmt.Sprintf("name: Renamed Person %c%d", 'A'+rune(e.rng.IntN(26)), e.n))
		return "name of " + p
	case 4:
		if len(people) < 4 {
			return "nothing (few people)"
		}
		if err := os.RemoveAll(filepath.Dir(caseFile)); err != nil {
			e.t.Fatal(err)
		}
		return "deleted " + p
	case 5:
		dst := filepath.Join(e.root, "content", "people", fmt.Sprintf("new-person-%d", e.n))
		if err := os.CopyFS(dst, os.DirFS(filepath.Dir(caseFile))); err != nil {
			e.t.Fatal(err)
		}
		// A birth year of its own, in place of the copied one, tells
		// the copy from its original (see Twins).
		copied := filepath.Join(dst, "case.yaml")
		e.write(copied, regexp.MustCompile(`(?m)^born: .*\n`).ReplaceAll(e.read(copied), nil))
		e.replaceOne(copied, nameLine, fmt.Sprintf("name: New Person %d\nborn: %d", e.n, 1950+e.n%50))
		return "added a copy of " + p
	case 6:
		files, _ := filepath.Glob(filepath.Join(e.root, "content", "sources", "*.yaml"))
		f := files[e.rng.IntN(len(files))]
		e.replaceOne(f, titleLine, fmt.Sprintf("  title: Edited source title %d", e.n))
		return "source title in " + filepath.Base(f)
	case 7:
		profiles, _ := filepath.Glob(filepath.Join(filepath.Dir(caseFile), "profile*.md"))
		if len(profiles) == 0 {
			return "nothing (no profile)"
		}
		f := profiles[e.rng.IntN(len(profiles))]
		if e.rng.IntN(4) == 0 {
			// Profiles that passed the last build's checks are not
			// checked again (content.LoadKnown): this one must fail.
			e.write(f, append(e.read(f), fmt.Sprintf("\nA [forbidden link %d](javascript:alert(1)).\n", e.n)...))
			return "forbidden link in profile " + filepath.Base(f) + " of " + p
		}
		e.write(f, append(e.read(f), fmt.Sprintf("\nAn added sentence %d.\n", e.n)...))
		return "profile " + filepath.Base(f) + " of " + p
	case 8:
		name := []string{"person.html", "base.html", "home.html", "current.html", "changes.html", "group.html"}[e.rng.IntN(6)]
		f := filepath.Join(e.root, "templates", name)
		data, err := os.ReadFile(f)
		if err != nil {
			data, err = fs.ReadFile(tizim.DefaultTheme, "templates/"+name)
			if err != nil {
				e.t.Fatal(err)
			}
		}
		if name == "changes.html" && e.rng.IntN(2) == 0 {
			// The change log's pages have keys of their own (see
			// site.Site.changeKey): a fork's that shows more of the
			// register must get keys that change with it.
			more := []string{"{{range .ChangeYears}}{{.Count}} {{end}}", "{{len .Reg.Current}}", "{{range .ChangeYears}}{{range .Months}}{{.Count}}{{end}}{{end}}"}[e.rng.IntN(3)]
			i := bytes.LastIndex(data, []byte("{{end}}"))
			e.write(f, slices.Concat(data[:i], []byte(more), data[i:]))
			return "template " + name + " shows " + more
		}
		if name == "group.html" && e.rng.IntN(2) == 0 {
			// A group's page is keyed by its own people (see
			// site.Site.groupKey): one that shows other groups' people,
			// the register's count or places in the order of everyone
			// must get keys that change with them.
			more := []string{"{{range .Chunk}}{{range .Group}}{{len .People}} {{end}}{{end}}", "{{len .Reg.Current}}", "{{with .Group}}{{.Current}}{{end}}", "{{range .Chunk}}{{($.Row .).Rank}} {{end}}"}[e.rng.IntN(4)]
			i := bytes.LastIndex(data, []byte("{{end}}"))
			e.write(f, slices.Concat(data[:i], []byte(more), data[i:]))
			return "template " + name + " shows " + more
		}
		e.write(f, bytes.Replace(data, []byte("</main>"), []byte(fmt.Sprintf("<!-- edit %d --></main>", e.n)), 1))
		if !bytes.Contains(data, []byte("</main>")) {
			e.write(f, append(data, fmt.Sprintf("{{/* edit %d */}}", e.n)...))
		}
		return "template " + name
	case 9:
		f := filepath.Join(e.root, "i18n", "en.yaml")
		e.write(f, []byte(fmt.Sprintf("person.timeline: Timeline %d\n", e.n)))
		return "interface text"
	case 10:
		f := filepath.Join(e.root, "content", "site.yaml")
		e.replaceOne(f, regexp.MustCompile(`(?m)^title: .*$`), fmt.Sprintf("title: Register edition %d", e.n))
		return "site.yaml's title"
	case 11:
		e.asOf = time.Date(2024+e.rng.IntN(2), time.Month(1+e.rng.IntN(12)), 1+e.rng.IntN(28), 0, 0, 0, 0, time.UTC)
		return "the site's date: " + e.asOf.Format(time.DateOnly)
	case 12:
		f := filepath.Join(e.root, "static", "style.css")
		data, err := os.ReadFile(f)
		if err != nil {
			data, _ = fs.ReadFile(tizim.DefaultTheme, "static/style.css")
		}
		e.write(f, append(data, fmt.Sprintf("\n.edit-%d{color:red}\n", e.n)...))
		return "style.css"
	case 13:
		var files []string
		filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				files = append(files, p)
			}
			return nil
		})
		f := files[e.rng.IntN(len(files))]
		if err := os.WriteFile(f, []byte("changed by hand"), 0o644); err != nil {
			e.t.Fatal(err)
		}
		return "output file changed by hand: " + f
	case 14:
		// Into another group or region: the pages of both change.
		if e.rng.IntN(2) == 0 {
			e.replaceOne(caseFile, regexp.MustCompile(`(?m)^region: .*$`), "region: "+[]string{"Almaty", "Astana", "Jambyl Region", "Mangystau Region"}[e.rng.IntN(4)])
			return "region of " + p
		}
		e.replaceOne(caseFile, regexp.MustCompile(`(?m)^groups: .*$`), "groups: ["+[]string{"January 2022 case", "Tablighi Jamaat case", "Zhanaozen 2011 case"}[e.rng.IntN(3)]+"]")
		return "groups of " + p
	default:
		return "nothing"
	}
}

func (e *editor) people() []string {
	entries, err := os.ReadDir(filepath.Join(e.root, "content", "people"))
	if err != nil {
		e.t.Fatal(err)
	}
	var out []string
	for _, d := range entries {
		if d.IsDir() {
			out = append(out, d.Name())
		}
	}
	return out
}

func (e *editor) read(f string) []byte {
	data, err := os.ReadFile(f)
	if err != nil {
		e.t.Fatal(err)
	}
	return data
}

// write writes f, and makes undo put back what it held.
func (e *editor) write(f string, data []byte) {
	old, err := os.ReadFile(f)
	existed := err == nil
	if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
		e.t.Fatal(err)
	}
	if err := os.WriteFile(f, data, 0o644); err != nil {
		e.t.Fatal(err)
	}
	e.undo = func() {
		if existed {
			os.WriteFile(f, old, 0o644)
		} else {
			os.Remove(f)
		}
	}
}

// replaceOne replaces a random match of re in f with repl.
func (e *editor) replaceOne(f string, re *regexp.Regexp, repl string) {
	data := e.read(f)
	m := re.FindAllIndex(data, -1)
	if len(m) == 0 {
		return
	}
	i := m[e.rng.IntN(len(m))]
	e.write(f, slices.Concat(data[:i[0]], []byte(repl), data[i[1]:]))
}

// outFiles reads a folder: each file's bytes, and "/" for each folder.
func outFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := make(map[string]string)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			m[rel+"/"] = "/"
			return nil
		}
		data, err := os.ReadFile(p)
		m[rel] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func equalTrees(a, b map[string]string) bool { return compareTrees(a, b) == "" }

// compareTrees says how two output trees differ, or "".
func compareTrees(got, want map[string]string) string {
	var diffs []string
	for p, w := range want {
		g, ok := got[p]
		switch {
		case !ok:
			diffs = append(diffs, "missing "+p)
		case g != w:
			diffs = append(diffs, "different "+p+firstDiff(g, w))
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			diffs = append(diffs, "extra "+p)
		}
	}
	slices.Sort(diffs)
	if len(diffs) > 5 {
		diffs = append(diffs[:5], fmt.Sprintf("and %d more", len(diffs)-5))
	}
	return strings.Join(diffs, "; ")
}

// firstDiff shows where two texts first differ.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(i-60, 0)
	return fmt.Sprintf(" at byte %d: %q vs %q", i, a[from:min(i+60, len(a))], b[from:min(i+60, len(b))])
}

// TestUnchangedBuild builds twice from the same inputs, the second later
// on the same day: it has nothing to do (it does not even record the
// cache again), and says of the site what the first said.
func TestUnchangedBuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "s")
	if err := synth.Write(dir, 12, 3); err != nil {
		t.Fatal(err)
	}
	// Two people recorded twice, so that there are warnings to repeat.
	twin := filepath.Join(dir, "content", "people", "twin")
	people, _ := os.ReadDir(filepath.Join(dir, "content", "people"))
	if err := os.CopyFS(twin, os.DirFS(filepath.Join(dir, "content", "people", people[0].Name()))); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(filepath.Dir(dir), "public")
	first, err := Build(Options{Root: dir, Out: out, AsOf: day})
	if err != nil {
		t.Fatal(err)
	}
	before := outFiles(t, out)
	cache, err := os.Stat(manifestFile(out))
	if err != nil {
		t.Fatal(err)
	}
	// Later the same day, as a build without --as-of is dated.
	second, err := Build(Options{Root: dir, Out: out, AsOf: day.Add(5*time.Hour + 7*time.Minute)})
	if err != nil {
		t.Fatal(err)
	}
	if again, err := os.Stat(manifestFile(out)); err != nil || !again.ModTime().Equal(cache.ModTime()) {
		t.Error("the cache was written again: the build did not see that it had nothing to do")
	}
	if second.Unchanged != second.Files {
		t.Errorf("unchanged build: %d of %d files unchanged", second.Unchanged, second.Files)
	}
	first.Unchanged = second.Unchanged
	if fmt.Sprint(first) != fmt.Sprint(second) {
		t.Errorf("unchanged build says %+v, the first said %+v", second, first)
	}
	if len(second.Twins) == 0 {
		t.Error("the warnings of the first build are not repeated")
	}
	if diff := compareTrees(outFiles(t, out), before); diff != "" {
		t.Errorf("unchanged build changed the output: %s", diff)
	}
}

// TestRowsFile writes rows and reads them back, whole, indexed and cut
// short: a file cut short (a full disk) must read as no rows, not as
// wrong ones.
func TestRowsFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	w := newRows(out, true)
	rows := map[site.Key]string{}
	for i := range 50 {
		var k site.Key
		k[0], k[31] = byte(i), byte(i*7)
		rows[k] = strings.Repeat("<tr>row</tr>", i)
		w.SetRow(k, rows[k])
		w.SetRow(k, "written once")
	}
	if err := w.write(out); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(rowsFile(out))
	if err != nil {
		t.Fatal(err)
	}
	if got := decodeRows(data); !maps.Equal(got, rows) {
		t.Fatalf("read back %d rows, wrote %d", len(got), len(rows))
	}
	for _, n := range []int{0, 5, len(rowsHeader) + 10, len(data) - 1} {
		if got := decodeRows(data[:n]); got != nil {
			t.Errorf("the file cut to %d bytes read as %d rows, want none", n, len(got))
		}
	}
	// Indexed, as a large file is read, cut short or not.
	for _, n := range []int64{int64(len(data)), 0, 5, int64(len(rowsHeader)) + 10, int64(len(data)) - 1} {
		at := indexRows(bufio.NewReader(bytes.NewReader(data[:n])), n)
		if n < int64(len(data)) && at != nil {
			t.Errorf("the file cut to %d bytes was indexed with %d rows, want none", n, len(at))
		}
		if n == int64(len(data)) {
			if len(at) != len(rows) {
				t.Fatalf("indexed %d rows, wrote %d", len(at), len(rows))
			}
			for k, sp := range at {
				if got := string(data[sp.off : sp.off+int64(sp.n)]); got != rows[k] {
					t.Errorf("row %x indexed as %q, want %q", k[:4], got, rows[k])
				}
			}
		}
	}
	// The next build, which uses the rows again, keeps them, whether it
	// reads the file whole or as the rows are used; leftovers beside the
	// output are gone.
	defer func(n int64) { rowsWholeUpTo = n }(rowsWholeUpTo)
	for _, whole := range []int64{rowsWholeUpTo, 0} {
		rowsWholeUpTo = whole
		r := newRows(out, true)
		for k, h := range rows {
			if got, ok := r.Row(k); !ok || got != h {
				t.Fatalf("reading whole up to %d bytes: row %x: %q, %v", whole, k[:4], got, ok)
			}
		}
		if err := r.write(out); err != nil {
			t.Fatal(err)
		}
		r.close()
		if again, _ := os.ReadFile(rowsFile(out)); !maps.Equal(decodeRows(again), rows) {
			t.Errorf("reading whole up to %d bytes: the rows used again were not kept", whole)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.rows-*")); len(left) > 0 {
		t.Errorf("left beside the output: %v", left)
	}
}

// FuzzDecodeRows reads any file as rows or as none, without a panic, and
// indexes it as the same rows or as none.
func FuzzDecodeRows(f *testing.F) {
	f.Add([]byte(rowsHeader))
	f.Add([]byte(rowsHeader + strings.Repeat("k", 32) + "\x03abc"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows := decodeRows(data)
		at := indexRows(bufio.NewReader(bytes.NewReader(data)), int64(len(data)))
		if (rows == nil) != (at == nil) || len(rows) != len(at) {
			t.Fatalf("decoded %d rows (nil: %v), indexed %d (nil: %v)", len(rows), rows == nil, len(at), at == nil)
		}
		for k, sp := range at {
			if got := string(data[sp.off : sp.off+int64(sp.n)]); got != rows[k] {
				t.Fatalf("row %x indexed as %q, decoded as %q", k[:4], got, rows[k])
			}
		}
	})
}

// TestInputsRead checks that a build takes the sums of files that have
// the size and times the last build read them with from the cache, and
// reads the others: those edited since, even with their modification
// time put back, and those changed just before the last build read them.
func TestInputsRead(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "s")
	if err := synth.Write(dir, 3, 1); err != nil {
		t.Fatal(err)
	}
	var reads atomic.Int64
	defer func(f func(string) ([]byte, error)) { readInput = f }(readInput)
	readInput = func(name string) ([]byte, error) {
		reads.Add(1)
		return os.ReadFile(name)
	}
	digest := func(last *manifest) (site.Key, *manifest, int64) {
		reads.Store(0)
		k, read, at := inputsDigest(Options{Root: dir, AsOf: day}, last)
		if k.IsZero() {
			t.Fatal("no digest")
		}
		return k, &manifest{Read: read, ReadAt: at}, reads.Load()
	}
	// The files were written just now: trusted all the same, for now.
	defer func(d time.Duration) { racyWindow = d }(racyWindow)
	racyWindow = 0
	key, last, all := digest(nil)
	if k, _, n := digest(last); k != key || n != 0 {
		t.Errorf("nothing changed: read %d of %d files again, same digest %v", n, all, k == key)
	}
	people, _ := os.ReadDir(filepath.Join(dir, "content", "people"))
	caseFile := filepath.Join(dir, "content", "people", people[0].Name(), "case.yaml")
	data, err := os.ReadFile(caseFile)
	if err != nil {
		t.Fatal(err)
	}
	edited := bytes.Replace(data, []byte("name: "), []byte("name:X"), 1) // the same size
	if err := os.WriteFile(caseFile, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	if k, _, n := digest(last); k == key || n != 1 {
		t.Errorf("one file edited: read %d files, new digest %v", n, k != key)
	}
	if st := must(os.Stat(caseFile)); changeTime(st) != 0 {
		// Its modification time put back (cp -p, rsync -t): its ctime
		// still tells.
		old := time.Unix(0, last.Read["content/people/"+people[0].Name()+"/case.yaml"].MTime)
		if err := os.Chtimes(caseFile, old, old); err != nil {
			t.Fatal(err)
		}
		if k, _, n := digest(last); k == key || n != 1 {
			t.Errorf("one file edited, its time put back: read %d files, new digest %v", n, k != key)
		}
	}
	// A file changed just before the last build read it may have changed
	// again in the same tick of the clock: read again.
	racyWindow = 2 * time.Second
	_, last, _ = digest(nil)
	recent := time.Unix(0, last.ReadAt).Add(-racyWindow / 2)
	if err := os.Chtimes(caseFile, recent, recent); err != nil {
		t.Fatal(err)
	}
	_, last, _ = digest(nil)
	if _, _, n := digest(last); n < 1 {
		t.Error("a file changed in the seconds before the last build read it was taken from the cache")
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestManifestEncoding writes a manifest's files and reads them back, and
// reads a manifest cut short as none.
func TestManifestEncoding(t *testing.T) {
	m := &manifest{Version: cacheVersion, Out: "/x/public", Files: entries{}, Read: inputFiles{}}
	for i := range 100 {
		p := fmt.Sprintf("people/p%d/index.html", i)
		m.Files[p] = entry{Key: site.Key{byte(i)}, Sum: [32]byte{1, byte(i)}, Size: int64(i * 1000), MTime: int64(i) << 40}
		if i%10 == 3 { // a file of parts
			e := m.Files[p]
			for j := range i {
				e.Parts = append(e.Parts, part{Key: site.Key{byte(j), byte(i)}, Off: int64(j * 1000), Len: int64(j)})
			}
			m.Files[p] = e
		}
		m.Read[fmt.Sprintf("content/people/p%d/case.yaml", i)] = inputFile{Size: int64(i), MTime: -int64(i), CTime: int64(i) << 50, Sum: [32]byte{byte(i)}}
	}
	name := filepath.Join(t.TempDir(), "files.gob")
	if err := writeGob(name, m); err != nil {
		t.Fatal(err)
	}
	var got manifest
	if !readGob(name, &got) {
		t.Fatal("cannot read the manifest back")
	}
	sameEntry := func(a, b entry) bool {
		return a.Key == b.Key && a.Sum == b.Sum && a.Size == b.Size && a.MTime == b.MTime && slices.Equal(a.Parts, b.Parts)
	}
	if !maps.EqualFunc(got.Files, m.Files, sameEntry) || !maps.Equal(got.Read, m.Read) {
		t.Errorf("read back %d files and %d inputs, wrote %d and %d", len(got.Files), len(got.Read), len(m.Files), len(m.Read))
	}
	b, _ := m.Files.GobEncode()
	var e entries
	if err := e.GobDecode(b[:len(b)-3]); err == nil {
		t.Error("files cut short read without an error")
	}
}

// FuzzManifestDecode reads any bytes as a manifest's files or inputs, or
// fails, without a panic.
func FuzzManifestDecode(f *testing.F) {
	b, _ := entries{"a": {Size: 1}}.GobEncode()
	f.Add(b)
	f.Fuzz(func(t *testing.T, data []byte) {
		var e entries
		e.GobDecode(data)
		var in inputFiles
		in.GobDecode(data)
	})
}

// TestWalkFiles: the parallel walk finds the files filepath.WalkDir
// finds, in its order; a missing folder has none, and anything but a
// plain file or a folder is an error.
func TestWalkFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "s")
	if err := synth.Write(dir, 40, 1); err != nil {
		t.Fatal(err)
	}
	var want []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			want = append(want, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	found, err := walkFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range found {
		got = append(got, f.path)
		if st := must(os.Lstat(f.path)); st.Size() != f.info.Size() || !st.ModTime().Equal(f.info.ModTime()) {
			t.Errorf("%s: size and time %d %v, want %d %v", f.path, f.info.Size(), f.info.ModTime(), st.Size(), st.ModTime())
		}
	}
	if len(want) < 50 || !slices.Equal(got, want) {
		t.Errorf("found %d files, want the %d WalkDir finds, in its order", len(got), len(want))
	}
	if found, err := walkFiles(filepath.Join(dir, "nothing")); found != nil || err != nil {
		t.Errorf("a missing folder: %v, %v", found, err)
	}
	if err := os.Symlink("case.yaml", filepath.Join(filepath.Dir(want[len(want)/2]), "link.yaml")); err != nil {
		t.Fatal(err)
	}
	if _, err := walkFiles(dir); err == nil || !strings.Contains(err.Error(), "link.yaml: not a plain file") {
		t.Errorf("a link: %v", err)
	}
}

// smallSite writes a synthetic register of 12 people into a temporary
// folder and returns it and the output folder beside it. Until the test
// ends, builds trust the sums of files that did not change even when they
// changed just before the last build began to read them (racyWindow), as
// the test's own edits do.
func smallSite(t *testing.T) (dir, out string) {
	d := racyWindow
	t.Cleanup(func() { racyWindow = d })
	racyWindow = 0
	dir = filepath.Join(t.TempDir(), "s")
	if err := synth.Write(dir, 12, 3); err != nil {
		t.Fatal(err)
	}
	return dir, filepath.Join(filepath.Dir(dir), "public")
}

// TestDataFileParts: a data file made again after an edit to one person
// takes the other people's parts from the last build's file, as the cache
// says where they are, and trusts that file as Keep trusts a whole file:
// while it has the size and time the last build left it with. A part
// changed behind the cache's back, its time put back, is copied as it is;
// once its time differs, the file is made anew.
func TestDataFileParts(t *testing.T) {
	dir, out := smallSite(t)
	st, err := Build(Options{Root: dir, Out: out, AsOf: day})
	if err != nil {
		t.Fatal(err)
	}
	m, ok := readManifest(out)
	if !ok {
		t.Fatal("no cache after a build")
	}
	const csvFile = "data/register.csv"
	e := m.Files[csvFile]
	for _, f := range []string{"data/register.json", csvFile, "data/events.csv"} {
		if n := len(m.Files[f].Parts); n != st.People {
			t.Fatalf("%s: %d parts recorded, want one per person (%d)", f, n, st.People)
		}
	}

	// The first person's row, changed in place with its time put back.
	name := filepath.Join(out, filepath.FromSlash(csvFile))
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	first := e.Parts[0]
	row := string(data[first.Off : first.Off+first.Len])
	forged := strings.Repeat("x", len(row)-2) + "\r\n"
	copy(data[first.Off:], forged)
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
	mtime := time.Unix(0, e.MTime)
	if err := os.Chtimes(name, mtime, mtime); err != nil {
		t.Fatal(err)
	}

	// An edit to the last person's name makes register.csv again.
	people, err := os.ReadDir(filepath.Join(dir, "content", "people"))
	if err != nil {
		t.Fatal(err)
	}
	edit := func(suffix string) {
		t.Helper()
		p := filepath.Join(dir, "content", "people", people[len(people)-1].Name(), "case.yaml")
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		b2 := regexp.MustCompile(`(?m)^name: .*$`).ReplaceAll(b, []byte("name: Edited "+suffix))
		if bytes.Equal(b, b2) {
			t.Fatal("the edit changed nothing")
		}
		if err := os.WriteFile(p, b2, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit("Once")
	if _, err := Build(Options{Root: dir, Out: out, AsOf: day}); err != nil {
		t.Fatal(err)
	}
	got := must(os.ReadFile(name))
	if !strings.Contains(string(got), "Edited Once") {
		t.Fatal("register.csv was not made again after the edit")
	}
	if !strings.Contains(string(got), forged) {
		t.Fatal("the other people's rows were not taken from the last build's file")
	}

	// With the file's time changed, nothing of it is trusted.
	later := mtime.Add(time.Hour)
	if err := os.Chtimes(name, later, later); err != nil {
		t.Fatal(err)
	}
	edit("Twice")
	if _, err := Build(Options{Root: dir, Out: out, AsOf: day}); err != nil {
		t.Fatal(err)
	}
	got = must(os.ReadFile(name))
	if strings.Contains(string(got), forged) || !strings.Contains(string(got), row) || !strings.Contains(string(got), "Edited Twice") {
		t.Error("a data file changed by hand was used again")
	}
}
