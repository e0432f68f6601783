package build

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"golang.org/x/sync/errgroup"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
	"github.com/tizim/tizim/internal/site"
)

// The build cache: what the last build made, so that the next one renders
// only the pages whose inputs changed and writes only the files whose
// bytes changed.
//
// It lives beside the output folder, in ".<out>.cache/" (".public.cache/"
// beside public/). Its file "files.gob" holds, for every file of the
// output, the key of what it was made from (see [site.Key]), the digest of
// its bytes, and its size and modification time as the build left them
// (for a data file, also where each person's part of it is, by the part's
// key: see [site.PartKeeper]); and the digest of everything the build
// read (see inputsDigest), so that a build with the same inputs and an
// intact output has nothing to do. Its file "rows" holds the rows of
// tables of people (see rowStore), and "people" the people as the last
// build loaded them (see people.go).
// The publishing workflow restores the output folder and the cache
// together (actions/cache); without either, a build makes everything.
//
// With a cache that matches the output folder, a build renders into a
// staging folder beside it only the files that changed, and only when all
// of them are made moves them in, removes the files the site no longer
// has, and records the new cache. A build that fails leaves the output
// folder as it was. A build killed while it moves files in leaves a
// journal; the next build, finding it, makes the whole site anew. A file
// of the output changed by anything but a build (its size or time differ
// from the cache's) is made again.

// cacheVersion changes when the cache's format does.
const cacheVersion = 4

// entry is what the cache knows of one file of the output.
type entry struct {
	Key   site.Key // of its inputs; zero when made on every build
	Sum   [sha256.Size]byte
	Size  int64
	MTime int64 // UnixNano
	// Parts are where the file's parts are, for a file made of parts
	// (see site.PartKeeper): the next build reads those it can use again
	// from the file.
	Parts []part
}

// part is where the part of a file with Key is: its Len bytes at Off.
type part struct {
	Key      site.Key
	Off, Len int64
}

// manifest is the cache's file.
type manifest struct {
	Version int
	Out     string // the output folder it describes, absolute
	Files   entries
	// Inputs is the digest of everything the build read (see
	// inputsDigest), and Stats what it said of the site: a build whose
	// inputs are the same, with every file intact, has nothing to do.
	Inputs site.Key
	Stats  Stats
	// Read is what the build read of each file of the site folder (by
	// its path from the site folder, with slashes), and ReadAt when it
	// began to read them (UnixNano): the next build takes the sum of a
	// file with the same size and times without reading it, as git takes
	// its index, unless the file changed in the seconds before ReadAt,
	// when an edit in the same tick of the file system's clock would not
	// have changed its times.
	Read   inputFiles
	ReadAt int64
	// readEnc is Read encoded (see holdRead), while Read is nil.
	readEnc []byte
	// History is what the build read of the git history (see history).
	History *gitHistory
	// Markdown holds a sum of each person's Markdown file that passed
	// the build's checks, with the program that checked it: the next
	// build does not check those again (see content.LoadKnown).
	Markdown [][sha256.Size]byte
}

// entries are the manifest's files by path. They and inputFiles are
// encoded by hand, not by gob's reflection: at 10,000 people gob took a
// quarter of a second to read and write them, in every build.
type entries map[string]entry

// inputFiles are what a build read of the site folder's files, by path.
type inputFiles map[string]inputFile

// GobEncode encodes e in path order.
func (e entries) GobEncode() ([]byte, error) {
	return encodeMap(e, func(b []byte, f entry) []byte {
		b = append(b, f.Key[:]...)
		b = append(b, f.Sum[:]...)
		b = binary.AppendVarint(b, f.Size)
		b = binary.AppendVarint(b, f.MTime)
		b = binary.AppendVarint(b, int64(len(f.Parts)))
		for _, pt := range f.Parts {
			b = append(b, pt.Key[:]...)
			b = binary.AppendVarint(b, pt.Off)
			b = binary.AppendVarint(b, pt.Len)
		}
		return b
	}), nil
}

// GobDecode decodes what GobEncode encoded.
func (e *entries) GobDecode(b []byte) error {
	m, err := decodeMap(b, func(d *decoder) (f entry) {
		d.bytes(f.Key[:])
		d.bytes(f.Sum[:])
		f.Size, f.MTime = d.varint(), d.varint()
		if n := d.varint(); n > 0 && n <= int64(len(d.b)) { // each part takes bytes: a longer count is cut short
			f.Parts = make([]part, n)
			for i := range f.Parts {
				d.bytes(f.Parts[i].Key[:])
				f.Parts[i].Off, f.Parts[i].Len = d.varint(), d.varint()
			}
		} else if n != 0 {
			d.err = errShort
		}
		return f
	})
	*e = m
	return err
}

// GobEncode encodes f in path order.
func (f inputFiles) GobEncode() ([]byte, error) {
	return encodeMap(f, func(b []byte, in inputFile) []byte {
		b = binary.AppendVarint(b, in.Size)
		b = binary.AppendVarint(b, in.MTime)
		b = binary.AppendVarint(b, in.CTime)
		return append(b, in.Sum[:]...)
	}), nil
}

// GobDecode decodes what GobEncode encoded.
func (f *inputFiles) GobDecode(b []byte) error {
	m, err := decodeMap(b, func(d *decoder) (in inputFile) {
		in.Size, in.MTime, in.CTime = d.varint(), d.varint(), d.varint()
		d.bytes(in.Sum[:])
		return in
	})
	*f = m
	return err
}

// encodeMap encodes m in the order of its paths, each path followed by
// its value as value appends it. The manifest's two large maps are
// encoded by hand: with gob's reflection over their entries, reading the
// manifest of a 10,000-person site took 122 ms rather than 25.
func encodeMap[V any](m map[string]V, value func([]byte, V) []byte) []byte {
	var b []byte
	for _, p := range slices.Sorted(maps.Keys(m)) {
		b = append(binary.AppendUvarint(b, uint64(len(p))), p...)
		b = value(b, m[p])
	}
	return b
}

// decodeMap decodes what encodeMap encoded, each value as value reads it.
func decodeMap[V any](b []byte, value func(*decoder) V) (map[string]V, error) {
	d := &decoder{b: b}
	m := make(map[string]V)
	for len(d.b) > 0 && d.err == nil {
		p := d.string()
		m[p] = value(d)
	}
	return m, d.err
}

// decoder reads what the GobEncode methods above wrote; its first error
// stops it.
type decoder struct {
	b   []byte
	err error
}

var errShort = errors.New("the build cache is cut short")

func (d *decoder) bytes(dst []byte) {
	if d.err != nil || len(d.b) < len(dst) {
		d.err = errShort
		return
	}
	copy(dst, d.b)
	d.b = d.b[len(dst):]
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if d.err != nil || n <= 0 {
		d.err = errShort
		return 0
	}
	d.b = d.b[n:]
	return v
}

// string reads a string after its length.
func (d *decoder) string() string {
	n, w := binary.Uvarint(d.b)
	if d.err != nil || w <= 0 || uint64(len(d.b)-w) < n {
		d.err = errShort
		return ""
	}
	s := string(d.b[w : w+int(n)])
	d.b = d.b[w+int(n):]
	return s
}

// cacheDir is the cache folder of the output folder out.
func cacheDir(out string) string {
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".cache")
}

func manifestFile(out string) string { return filepath.Join(cacheDir(out), "files.gob") }
func rowsFile(out string) string     { return filepath.Join(cacheDir(out), "rows") }
func journalFile(out string) string  { return filepath.Join(cacheDir(out), "journal") }

// readManifest reads the cache of out, if it describes out as it is: the
// output folder exists and no build was killed while moving files into it.
func readManifest(out string) (*manifest, bool) {
	if _, err := os.Stat(journalFile(out)); err == nil {
		return nil, false
	}
	if st, err := os.Stat(out); err != nil || !st.IsDir() {
		return nil, false
	}
	var m manifest
	if !readGob(manifestFile(out), &m) || m.Version != cacheVersion || m.Out != out || m.Files == nil {
		return nil, false
	}
	return &m, true
}

// readGob reads the file name of the cache folder into v, and reports
// whether it could.
func readGob(name string, v any) bool {
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	return gob.NewDecoder(bufio.NewReaderSize(f, 1<<16)).Decode(v) == nil
}

// writeManifest records m as the cache of out.
func writeManifest(out string, m *manifest) error {
	if m.readEnc != nil {
		if err := m.Read.GobDecode(m.readEnc); err != nil {
			return err
		}
		m.readEnc = nil
	}
	return writeGob(manifestFile(out), m)
}

// holdRead keeps m.Read encoded, as the manifest's file has it, until
// writeManifest writes it: a build reads it only at its start and writes
// it at its end, and as a map it was 14.6 MB of the live heap of a build
// of 30,000 people (heap profile) all the time it rendered.
func (m *manifest) holdRead() {
	m.readEnc, _ = m.Read.GobEncode()
	m.Read = nil
}

// writeGob writes v to the file name in the cache folder (see writeFile).
func writeGob(name string, v any) error {
	return writeFile(name, func(w *bufio.Writer) error { return gob.NewEncoder(w).Encode(v) })
}

// writeFile writes the file name in the cache folder with write, whole or
// not at all: into a temporary file first, renamed over name.
func writeFile(name string, write func(*bufio.Writer) error) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, filepath.Base(name)+"-*.tmp")
	if err != nil {
		return err
	}
	b := bufio.NewWriterSize(tmp, 1<<16)
	err = write(b)
	if err == nil {
		err = b.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// dropCache removes the cache of out: a build that changes out without
// recording what it made must, or the next would trust a stale record.
func dropCache(out string) error {
	err := os.RemoveAll(cacheDir(out))
	if err != nil {
		return fmt.Errorf("cannot remove the build cache %s: %w", cacheDir(out), err)
	}
	return nil
}

// rowStore keeps the rows of tables of people between builds (see
// [site.RowCache]), in the file "rows" of the cache folder: the rows the
// last build used, of which this build keeps those it uses again. The
// rows this build uses are written to a file beside the output as they
// come, not held: holding them took a build from nothing at 10,000 people
// from 332 to 572 MB peak.
type rowStore struct {
	last    string // the last build's file of rows, or ""
	oldOnce sync.Once
	oldRows rowSource // the last build's rows, read when first needed; nil if none
	mu      sync.Mutex
	f       *os.File // this build's rows; nil when rows are not kept
	w       *bufio.Writer
	seen    map[site.Key]bool // rows written to f
	err     error             // f's first error
}

// newRows returns the rows of the output folder out: with last, the last
// build's, read from the cache when first needed (a build in which
// nothing in the register changed renders no table and reads none), and
// this build's, written beside out. A build without a cache that matches
// its output uses none of the last build's rows, and so makes everything
// from nothing, as a benchmark expects, even when the output was removed
// and the cache beside it was not. If its file cannot be made, it keeps
// none.
func newRows(out string, last bool) *rowStore {
	f, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".rows-")
	if err != nil {
		return &rowStore{}
	}
	r := &rowStore{f: f, w: bufio.NewWriterSize(f, 1<<16), seen: make(map[site.Key]bool)}
	if last {
		r.last = rowsFile(out)
	}
	r.w.WriteString(rowsHeader)
	return r
}

// old returns the last build's rows, reading them the first time.
func (r *rowStore) old() rowSource {
	r.oldOnce.Do(func() {
		if r.last != "" {
			r.oldRows = readRows(r.last)
		}
	})
	return r.oldRows
}

// closeOld lets go of the last build's rows: none is read after.
func (r *rowStore) closeOld() {
	r.oldOnce.Do(func() {})
	if f, ok := r.oldRows.(*fileRows); ok {
		f.f.Close()
	}
	r.oldRows = nil
}

// rowsWholeUpTo is the largest file of rows a build reads whole. A larger
// one, of a register of more than about 16,000 people in two languages or
// 10,500 in three (the file is 2.0 MB per 1,000 people and language), is
// indexed, and each row read from it when it is used: at 99,000 people in
// three languages the file is 561 MB, which the build could not hold
// beside the register under 2 GB.
var rowsWholeUpTo int64 = 64 << 20

// A rowSource is the rows of the last build, by key.
type rowSource interface {
	row(k site.Key) (string, bool)
}

// wholeRows are rows read whole (see decodeRows).
type wholeRows map[site.Key]string

func (m wholeRows) row(k site.Key) (string, bool) {
	h, ok := m[k]
	return h, ok
}

// fileRows are rows read from their file as they are used: where each is.
type fileRows struct {
	f  *os.File
	at map[site.Key]rowSpan
}

// rowSpan is where a row's bytes are in its file.
type rowSpan struct {
	off int64
	n   int
}

func (fr *fileRows) row(k site.Key) (string, bool) {
	sp, ok := fr.at[k]
	if !ok {
		return "", false
	}
	if sp.n == 0 {
		return "", true
	}
	b := make([]byte, sp.n)
	if _, err := fr.f.ReadAt(b, sp.off); err != nil {
		return "", false // rendered again
	}
	// The bytes as a string without a copy, as strings.Builder does: b
	// is not written again. At 100,000 people a build reads 600 MB of
	// rows, and a copy doubled the garbage under its memory limit.
	return unsafe.String(unsafe.SliceData(b), len(b)), true
}

// readRows reads the file of rows at name: whole, up to rowsWholeUpTo,
// or indexed. It returns nil if there is none, or it is not one.
func readRows(name string) rowSource {
	f, err := os.Open(name)
	if err != nil {
		return nil
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil
	}
	if st.Size() <= rowsWholeUpTo {
		data := make([]byte, st.Size())
		_, err := io.ReadFull(f, data)
		f.Close()
		if m := decodeRows(data); err == nil && m != nil {
			return wholeRows(m)
		}
		return nil
	}
	at := indexRows(bufio.NewReaderSize(f, 1<<20), st.Size())
	if at == nil {
		f.Close()
		return nil
	}
	return &fileRows{f, at}
}

// indexRows reads a file of rows of size bytes from r, and returns where
// each row is, or nil if it is not a file of rows: decodeRows, without
// holding the rows.
func indexRows(r *bufio.Reader, size int64) map[site.Key]rowSpan {
	header := make([]byte, len(rowsHeader))
	if _, err := io.ReadFull(r, header); err != nil || string(header) != rowsHeader {
		return nil
	}
	at := make(map[site.Key]rowSpan)
	off := int64(len(rowsHeader))
	for off < size {
		var k site.Key
		if _, err := io.ReadFull(r, k[:]); err != nil {
			return nil
		}
		n, err := binary.ReadUvarint(r)
		if err != nil || n > uint64(size) {
			return nil
		}
		off += int64(len(k) + uvarintLen(n))
		if uint64(size-off) < n {
			return nil
		}
		at[k] = rowSpan{off, int(n)}
		if _, err := r.Discard(int(n)); err != nil {
			return nil
		}
		off += int64(n)
	}
	return at
}

// uvarintLen is the length of n as a uvarint.
func uvarintLen(n uint64) int {
	var b [binary.MaxVarintLen64]byte
	return binary.PutUvarint(b[:], n)
}

// keeps reports whether r keeps rows for the next build.
func (r *rowStore) keeps() bool { return r.f != nil }

// rowsHeader begins the file of rows, which then holds each row as its
// key, its length as a uvarint, and its bytes. Not gob: at 10,000 people
// (20,000 rows, 30 MB) decoding gob took a quarter of a second that every
// page with a table waited for.
const rowsHeader = "tizim rows 1\n"

// decodeRows reads the file of rows, or returns nil if it is not one. The
// rows are slices of one string, which is the whole file; indexRows reads
// the format, for this and for a file too large to read whole.
func decodeRows(data []byte) map[site.Key]string {
	at := indexRows(bufio.NewReaderSize(bytes.NewReader(data), 1<<16), int64(len(data)))
	if at == nil {
		return nil
	}
	all := string(data)
	m := make(map[site.Key]string, len(at))
	for k, sp := range at {
		m[k] = all[sp.off : sp.off+int64(sp.n)]
	}
	return m
}

func (r *rowStore) Row(k site.Key) (string, bool) {
	old := r.old()
	if old == nil {
		return "", false
	}
	h, ok := old.row(k)
	if ok {
		r.SetRow(k, h)
	}
	return h, ok
}

// SetRow writes the row h with its key k, in the format decodeRows reads,
// once.
func (r *rowStore) SetRow(k site.Key, h string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.seen[k] || r.err != nil {
		return
	}
	r.seen[k] = true
	var n [binary.MaxVarintLen64]byte
	r.w.Write(k[:])
	r.w.Write(binary.AppendUvarint(n[:0], uint64(len(h))))
	_, r.err = r.w.WriteString(h)
}

// write records the rows this build used as the cache's, for the next
// build. A build that rendered no table of people (nothing in the
// register changed) leaves the last ones; one that keeps none removes
// them, since they may be stale.
func (r *rowStore) write(out string) error {
	r.closeOld() // its file is replaced below
	if !r.keeps() {
		if err := os.Remove(rowsFile(out)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	}
	if len(r.seen) == 0 {
		r.close()
		return nil // no table was rendered: the last rows still hold
	}
	err := r.err
	if err == nil {
		err = r.w.Flush()
	}
	if cerr := r.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.MkdirAll(cacheDir(out), 0o755)
	}
	if err == nil {
		err = os.Rename(r.f.Name(), rowsFile(out))
	}
	if err != nil {
		os.Remove(r.f.Name())
	}
	return err
}

// close removes the file of this build's rows, if it was not recorded.
func (r *rowStore) close() {
	r.closeOld()
	if r.keeps() {
		r.f.Close()
		os.Remove(r.f.Name())
	}
}

// inputFile is what a build read of a file of the site folder.
type inputFile struct {
	Size         int64
	MTime, CTime int64 // UnixNano; CTime 0 where unknown (see changeTime)
	Sum          [sha256.Size]byte
}

// readInput reads an input file; a variable, so that tests can count.
var readInput = readIn

// racyWindow is how long before the last build began to read a file may
// have changed for its sum to be read again (see manifest.Read); a
// variable, so that tests can trust files they have just written.
var racyWindow = 2 * time.Second

// inputsDigest is a digest of everything a build reads: the program, the
// options, the git commit (whose history gives the "last changed" dates),
// and the bytes of every file of the site's content/ and theme folders.
// It is the zero Key when something cannot be read, or is not a plain
// file, which the build itself then reports. A file that the last build,
// described by last (nil if none), read with the same size and time is
// not read again (see manifest.Read). It also returns what it read of
// each file, and when it began.
func inputsDigest(opts Options, last *manifest) (site.Key, map[string]inputFile, int64) {
	at := time.Now().UnixNano()
	prog := program()
	if prog == nil {
		return site.Key{}, nil, 0
	}
	h := sha256.New()
	// The site's date is a day: a build without --as-of is dated now,
	// and two builds of one day have the same inputs.
	fmt.Fprintf(h, "tizim inputs 1\x00%x\x00%s\x00%s\x00", prog, register.Day(opts.AsOf).Format(time.DateOnly), opts.BaseURL)
	if head, err := gitHead(opts.Root); err == nil {
		fmt.Fprintf(h, "git %s\x00", head)
	}
	var (
		names []string
		files []inputFile
		read  []int // of files, those to read
	)
	for _, dir := range []string{content.Dir, "templates", "static", "i18n", "schema"} {
		found, err := walkFiles(filepath.Join(opts.Root, dir))
		if err != nil {
			return site.Key{}, nil, 0
		}
		for _, w := range found {
			rel, err := filepath.Rel(opts.Root, w.path)
			if err != nil {
				return site.Key{}, nil, 0
			}
			name := filepath.ToSlash(rel)
			f := inputFile{Size: w.info.Size(), MTime: w.info.ModTime().UnixNano(), CTime: changeTime(w.info)}
			if e, ok := last.read(name); ok && e.Size == f.Size && e.MTime == f.MTime && e.CTime == f.CTime && max(f.MTime, f.CTime) < last.ReadAt-int64(racyWindow) {
				f.Sum = e.Sum
			} else {
				read = append(read, len(files))
			}
			names = append(names, name)
			files = append(files, f)
		}
	}
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0) * 2)
	for _, i := range read {
		g.Go(func() error {
			data, err := readInput(filepath.Join(opts.Root, filepath.FromSlash(names[i])))
			files[i].Sum = sha256.Sum256(data)
			return err
		})
	}
	if g.Wait() != nil {
		return site.Key{}, nil, 0
	}
	out := make(map[string]inputFile, len(files))
	for i, name := range names {
		fmt.Fprintf(h, "%s\x00", name)
		h.Write(files[i].Sum[:])
		out[name] = files[i]
	}
	return site.Key(h.Sum(nil)), out, at
}

// A walkedFile is a file that walkFiles found.
type walkedFile struct {
	path string
	info fs.FileInfo
}

// walkFiles lists the files under dir in the order of filepath.WalkDir,
// reading folders in parallel: one at a time, the walk of a register of
// 10,000 people took a fifth of a second before anything else could
// start, mostly waiting on the system. A folder dir that does not exist
// has no files; anything but a plain file or a folder is an error.
func walkFiles(dir string) ([]walkedFile, error) {
	slots := make(chan struct{}, runtime.GOMAXPROCS(0)*2)
	var walk func(dir string) ([]walkedFile, error)
	walk = func(dir string) ([]walkedFile, error) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, err
		}
		// Each entry's files, filled in its own goroutine when a slot
		// is free and here when not, so that a walk never waits on
		// itself; joined in the order of the entries.
		parts := make([][]walkedFile, len(entries))
		errs := make([]error, len(entries))
		var wg sync.WaitGroup
		for i, d := range entries {
			p := filepath.Join(dir, d.Name())
			switch {
			case d.IsDir():
				select {
				case slots <- struct{}{}:
					wg.Go(func() {
						parts[i], errs[i] = walk(p)
						<-slots
					})
				default:
					parts[i], errs[i] = walk(p)
				}
			case d.Type().IsRegular():
				info, err := d.Info()
				parts[i], errs[i] = []walkedFile{{p, info}}, err
			default:
				errs[i] = fmt.Errorf("%s: not a plain file", p)
			}
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			return nil, err
		}
		return slices.Concat(parts...), nil
	}
	files, err := walk(dir)
	if errors.Is(err, fs.ErrNotExist) {
		if _, serr := os.Stat(dir); errors.Is(serr, fs.ErrNotExist) {
			return nil, nil // a site without the folder
		}
	}
	return files, err
}

// read returns what the build m describes read of the file name.
func (m *manifest) read(name string) (inputFile, bool) {
	if m == nil {
		return inputFile{}, false
	}
	f, ok := m.Read[name]
	return f, ok
}

// gitHead is the commit checked out in the site folder.
func gitHead(root string) (string, error) {
	cmd := exec.Command("git", "rev-parse", "HEAD")
	cmd.Dir = root
	out, err := cmd.Output()
	return strings.TrimSpace(string(out)), err
}

// unchanged reports whether the last build into out, whose cache is m,
// read the same inputs and left every file as it is: then there is
// nothing to do.
func unchanged(out string, m *manifest, inputs site.Key) bool {
	if inputs.IsZero() || m.Inputs != inputs {
		return false
	}
	for p, e := range m.Files {
		if !intact(out, p, e) {
			return false
		}
	}
	return true
}

// markdownSums are the sums of the Markdown files of reg's people, which
// passed the checks of this build (see manifest.Markdown), in order.
func markdownSums(reg *register.Register) [][sha256.Size]byte {
	prog := program()
	if prog == nil {
		return nil
	}
	var out [][sha256.Size]byte
	for _, p := range reg.People {
		for _, md := range p.Profiles {
			// From the sum kept at loading: the build let go of the
			// bytes (see content.Content.DropProfiles).
			sum := md.Sum()
			out = append(out, markdownSum(prog, sum))
		}
	}
	slices.SortFunc(out, func(a, b [sha256.Size]byte) int { return bytes.Compare(a[:], b[:]) })
	return out
}

// markdownSum is the sum of the Markdown whose own SHA-256 is src,
// checked by the program prog.
func markdownSum(prog []byte, src [sha256.Size]byte) [sha256.Size]byte {
	h := sha256.New()
	h.Write(prog)
	h.Write(src[:])
	return [sha256.Size]byte(h.Sum(nil))
}

// knownMarkdown reports whether Markdown passed the checks of the build
// that m describes, made by this program; nil without a cache.
func knownMarkdown(m *manifest) func([]byte) bool {
	prog := program()
	if m == nil || len(m.Markdown) == 0 || prog == nil {
		return nil
	}
	known := make(map[[sha256.Size]byte]bool, len(m.Markdown))
	for _, sum := range m.Markdown {
		known[sum] = true
	}
	return func(src []byte) bool { return known[markdownSum(prog, sha256.Sum256(src))] }
}

// program is the digest of the running executable, so that another
// version of tizim renders every page anew; nil when it cannot be read.
var program = sync.OnceValue(func() []byte {
	exe, err := os.Executable()
	if err != nil {
		return nil
	}
	f, err := os.Open(exe)
	if err != nil {
		return nil
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil
	}
	return h.Sum(nil)
})

// recorder passes files on to next and records what the cache needs of
// each; the files are in dir once written. It is the writer of a build
// that makes everything, whose files then become the cache.
type recorder struct {
	next    site.Writer
	dir     string
	pending pending
	mu      sync.Mutex
	files   map[string]entry
}

// pending is what is known of files being made: their keys, noted when
// Keep or KeepAll says the file must be made, and their parts (see
// site.PartKeeper), noted when the job asks for them; both are taken when
// the file is written.
type pending struct {
	one   sync.Map // path -> site.Key
	mu    sync.Mutex
	many  map[string]site.Key // path prefix -> key, of jobs that make many files
	parts sync.Map            // path -> *fileParts
}

func (k *pending) note(p string, key site.Key) { k.one.Store(p, key) }

func (k *pending) noteAll(prefix string, key site.Key) {
	k.mu.Lock()
	if k.many == nil {
		k.many = make(map[string]site.Key)
	}
	k.many[prefix] = key
	k.mu.Unlock()
}

// take returns the key of the file p, which is being written.
func (k *pending) take(p string) site.Key {
	if key, ok := k.one.LoadAndDelete(p); ok {
		return key.(site.Key)
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	best := ""
	for prefix := range k.many {
		if strings.HasPrefix(p, prefix) && len(prefix) > len(best) {
			best = prefix
		}
	}
	if best == "" {
		return site.Key{}
	}
	return k.many[best]
}

func (k *pending) noteParts(p string, fp *fileParts) { k.parts.Store(p, fp) }

// takeParts returns the parts of the file p, which is being written, and
// lets go of the earlier file's.
func (k *pending) takeParts(p string) []part {
	if fp, ok := k.parts.LoadAndDelete(p); ok {
		return fp.(*fileParts).done()
	}
	return nil
}

// fileParts are the parts of one file (see site.PartKeeper): the earlier
// build's, read from its file, and the new file's, as they are written.
// Part is called from the goroutines of the job that makes the file;
// Wrote, then done, in turn by that job.
type fileParts struct {
	old  map[site.Key]part
	f    *os.File // the earlier file; nil without one
	made []part
}

// newFileParts returns the parts of the file p of the output folder out,
// whose earlier build's entry is e (if ok), and of the new file at p.
func newFileParts(out, p string, e entry, ok bool) *fileParts {
	fp := new(fileParts)
	if !ok || len(e.Parts) == 0 || !intact(out, p, e) {
		return fp
	}
	f, err := os.Open(filepath.Join(out, filepath.FromSlash(p)))
	if err != nil {
		return fp
	}
	fp.f, fp.old = f, make(map[site.Key]part, len(e.Parts))
	for _, pt := range e.Parts {
		if pt.Off >= 0 && pt.Len >= 0 && pt.Off <= e.Size && pt.Len <= e.Size-pt.Off { // a damaged cache's are not read
			fp.old[pt.Key] = pt
		}
	}
	return fp
}

// Part reads the earlier file's part with key, trusting the file as Keep
// trusts a whole file: it is the size and has the time the earlier build
// left it with.
func (fp *fileParts) Part(b []byte, key site.Key) ([]byte, bool) {
	pt, ok := fp.old[key]
	if !ok {
		return b, false
	}
	n := len(b)
	b = slices.Grow(b, int(pt.Len))[:n+int(pt.Len)]
	if _, err := fp.f.ReadAt(b[n:], pt.Off); err != nil {
		return b[:n], false
	}
	return b, true
}

func (fp *fileParts) Wrote(key site.Key, off, n int64) {
	fp.made = append(fp.made, part{key, off, n})
}

// done closes the earlier file and returns the new file's parts.
func (fp *fileParts) done() []part {
	if fp.f != nil {
		fp.f.Close()
		fp.f, fp.old = nil, nil
	}
	return fp.made
}

func newRecorder(next site.Writer, dir string) *recorder {
	return &recorder{next: next, dir: dir, files: make(map[string]entry)}
}

// Keep keeps nothing: there is no earlier build. It notes the key.
func (r *recorder) Keep(p string, key site.Key) bool {
	r.pending.note(p, key)
	return false
}

// KeepAll keeps nothing either; the files a job then writes have key.
func (r *recorder) KeepAll(prefix string, key site.Key) ([]string, bool) {
	r.pending.noteAll(prefix, key)
	return nil, false
}

// Previous has nothing: there is no earlier build.
func (r *recorder) Previous(string) ([]byte, bool) { return nil, false }

// Parts has none of an earlier build either; it records the new file's.
func (r *recorder) Parts(p string) site.Parts {
	fp := new(fileParts)
	r.pending.noteParts(p, fp)
	return fp
}

func (r *recorder) Write(p string, data []byte) error {
	if err := r.next.Write(p, data); err != nil {
		return err
	}
	return r.record(p, sha256.Sum256(data), int64(len(data)))
}

func (r *recorder) Stream(p string, write func(io.Writer) error) error {
	sum, size, err := streamSum(r.next, p, write)
	if err != nil {
		return err
	}
	return r.record(p, sum, size)
}

// streamSum makes the file p with write through w (see [site.Stream])
// and returns the digest and size of what it wrote.
func streamSum(w site.Writer, p string, write func(io.Writer) error) (sum [sha256.Size]byte, size int64, err error) {
	h, n := sha256.New(), &counter{w: io.Discard}
	err = site.Stream(w, p, func(out io.Writer) error { return write(io.MultiWriter(out, h, n)) })
	return [sha256.Size]byte(h.Sum(nil)), n.n, err
}

func (r *recorder) record(p string, sum [sha256.Size]byte, size int64) error {
	st, err := os.Lstat(filepath.Join(r.dir, filepath.FromSlash(p)))
	if err != nil {
		return err
	}
	k, parts := r.pending.take(p), r.pending.takeParts(p)
	r.mu.Lock()
	r.files[p] = entry{Key: k, Sum: sum, Size: size, MTime: st.ModTime().UnixNano(), Parts: parts}
	r.mu.Unlock()
	return nil
}

// inPlace is the writer of a build with a cache that matches the output
// folder: it keeps the files whose keys or bytes are the same as the
// cache's, and writes the others into a staging folder, from which
// [inPlace.apply] moves them into the output folder.
type inPlace struct {
	out   string
	stage *DirWriter  // the staging folder
	write site.Writer // writes there: stage, or a test's wrapping of it
	old   map[string]entry

	pending pending
	mu      sync.Mutex
	files   map[string]entry // the new build's
	changed []string         // written to the staging folder
	kept    atomic.Int64
}

func newInPlace(out string, stage *DirWriter, old *manifest) *inPlace {
	return &inPlace{out: out, stage: stage, write: stage, old: old.Files, files: make(map[string]entry, len(old.Files))}
}

// intact reports whether the file p of the output folder out is as the
// cache says: of its size and modification time, to the second, since the
// archives that carry the output and the cache between runs of a workflow
// may keep no finer time.
func intact(out, p string, e entry) bool {
	st, err := os.Lstat(filepath.Join(out, filepath.FromSlash(p)))
	return err == nil && st.Mode().IsRegular() && st.Size() == e.Size && st.ModTime().Unix() == time.Unix(0, e.MTime).Unix()
}

func (w *inPlace) Keep(p string, key site.Key) bool {
	if e, ok := w.old[p]; ok && e.Key == key && intact(w.out, p, e) {
		w.keep(p, e)
		return true
	}
	w.pending.note(p, key)
	return false
}

func (w *inPlace) KeepAll(prefix string, key site.Key) ([]string, bool) {
	var paths []string
	for p, e := range w.old {
		if e.Key == key && strings.HasPrefix(p, prefix) {
			if !intact(w.out, p, e) {
				w.pending.noteAll(prefix, key)
				return nil, false
			}
			paths = append(paths, p)
		}
	}
	if len(paths) == 0 {
		w.pending.noteAll(prefix, key)
		return nil, false
	}
	slices.Sort(paths)
	for _, p := range paths {
		w.keep(p, w.old[p])
	}
	return paths, true
}

func (w *inPlace) keep(p string, e entry) {
	w.kept.Add(1)
	w.mu.Lock()
	w.files[p] = e
	w.mu.Unlock()
}

func (w *inPlace) Previous(p string) ([]byte, bool) {
	e, ok := w.old[p]
	if !ok || !intact(w.out, p, e) {
		return nil, false
	}
	data, err := os.ReadFile(filepath.Join(w.out, filepath.FromSlash(p)))
	if err != nil || sha256.Sum256(data) != e.Sum {
		return nil, false
	}
	return data, true
}

func (w *inPlace) Parts(p string) site.Parts {
	e, ok := w.old[p]
	fp := newFileParts(w.out, p, e, ok)
	w.pending.noteParts(p, fp)
	return fp
}

func (w *inPlace) Write(p string, data []byte) error {
	return w.made(p, sha256.Sum256(data), int64(len(data)), func() error { return w.write.Write(p, data) })
}

func (w *inPlace) Stream(p string, write func(io.Writer) error) error {
	sum, size, err := streamSum(w.write, p, write)
	if err != nil {
		return err
	}
	staged := filepath.Join(w.stage.Dir, filepath.FromSlash(p))
	return w.made(p, sum, size, func() error { return nil }, staged)
}

// made records the new file p: kept, when its bytes are the cache's and
// the output's file is intact; else written with write (or, streamed,
// already in the staging folder as staged).
func (w *inPlace) made(p string, sum [sha256.Size]byte, size int64, write func() error, staged ...string) error {
	k, parts := w.pending.take(p), w.pending.takeParts(p)
	if e, ok := w.old[p]; ok && e.Sum == sum && e.Size == size && intact(w.out, p, e) {
		for _, s := range staged {
			os.Remove(s)
		}
		e.Key, e.Parts = k, parts
		w.keep(p, e)
		return nil
	}
	if err := write(); err != nil {
		return err
	}
	w.mu.Lock()
	w.files[p] = entry{Key: k, Sum: sum, Size: size, Parts: parts}
	w.changed = append(w.changed, p)
	w.mu.Unlock()
	return nil
}

// apply moves the staged files into the output folder, removes the files
// the new build did not make, and records the new cache, with the build's
// inputs and what it said of the site. A journal marks the moves while
// they happen (see the package's comment on the cache).
func (w *inPlace) apply(next *manifest) error {
	slices.Sort(w.changed)
	var gone []string
	for p := range w.old {
		if _, ok := w.files[p]; !ok {
			gone = append(gone, p)
		}
	}
	slices.Sort(gone)
	moves := len(w.changed)+len(gone) > 0
	if moves {
		if err := os.WriteFile(journalFile(w.out), []byte(strings.Join(append(slices.Clone(w.changed), gone...), "\n")), 0o644); err != nil {
			return fmt.Errorf("cannot write the build cache's journal: %w", err)
		}
	}
	made := make(map[string]bool)
	for _, p := range w.changed {
		dst := filepath.Join(w.out, filepath.FromSlash(p))
		if dir := filepath.Dir(dst); !made[dir] {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			made[dir] = true
		}
		if err := os.Rename(filepath.Join(w.stage.Dir, filepath.FromSlash(p)), dst); err != nil {
			return fmt.Errorf("cannot move the new %s into %s: %w", p, w.out, err)
		}
		st, err := os.Lstat(dst)
		if err != nil {
			return err
		}
		e := w.files[p]
		e.MTime = st.ModTime().UnixNano()
		w.files[p] = e
	}
	for _, p := range gone {
		name := filepath.Join(w.out, filepath.FromSlash(p))
		if err := os.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		// Its folders go too, when it was their last file.
		for dir := filepath.Dir(name); dir != w.out && strings.HasPrefix(dir, w.out); dir = filepath.Dir(dir) {
			if os.Remove(dir) != nil {
				break
			}
		}
	}
	// Written also when nothing moved: keys may have changed for the
	// same bytes.
	next.Version, next.Out, next.Files = cacheVersion, w.out, w.files
	if err := writeManifest(w.out, next); err != nil {
		return fmt.Errorf("cannot write the build cache: %w", err)
	}
	if moves {
		return os.Remove(journalFile(w.out))
	}
	return nil
}

// siteBytes is the size of the site: of all its files.
func siteBytes(files map[string]entry) int64 {
	var n int64
	for _, e := range files {
		n += e.Size
	}
	return n
}
