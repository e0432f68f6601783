package site

import (
	"archive/zip"
	"bytes"
	"fmt"
	"hash/crc32"
	"io"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/klauspost/compress/flate"
)

// ZipFile is where the whole site is offered for download, for readers in
// places where the register is blocked: unzipped, it works from the disk.
const ZipFile = "site.zip"

// ZipLimit is the number of people up to which a site offers site.zip
// unless site.yaml says otherwise: beyond it the download would be too
// large to be of use on a slow connection. (Making it costs little: the
// files are compressed at a fast level (zipLevel) as they are written.)
const ZipLimit = 5000

// offersZip reports whether the site publishes site.zip.
func (s *Site) offersZip() bool {
	if z := s.reg.Site.OfflineZip; z != nil {
		return *z
	}
	return len(s.reg.People) <= ZipLimit
}

// HasZip reports whether the site offers site.zip. The copy inside the
// zip links to it too (the same bytes as the site): unzipped, that one
// link leads nowhere, since the copy is what it would download.
func (pg *Page) HasZip() bool { return pg.site.offersZip() }

// compressed is one file of the zip, deflated as it was written.
type compressed struct {
	data       []byte
	crc        uint32
	size       uint64
	compressed bool
}

// zipWriter is a Writer that passes every file on to its next writer, if
// any, and compresses it as it goes by, on the goroutine that wrote it, so
// that the files are compressed in parallel as the site is rendered. It
// keeps only the compressed bytes until [Site.writeZip] writes them in
// name order.
type zipWriter struct {
	next  Writer // nil: keep the files only for the zip
	mu    sync.Mutex
	files map[string]compressed
	// prev are the files of the earlier build's site.zip, by site path,
	// when next is a Keeper: a file it keeps is copied from there.
	prev map[string]*zip.File
}

// Keep keeps the earlier build's file at p (see [Keeper]) when the next
// writer does, and puts it into the new site.zip as the earlier one had
// it compressed.
func (z *zipWriter) Keep(p string, key Key) bool {
	k, ok := z.next.(Keeper)
	if !ok || !k.Keep(p, key) {
		return false
	}
	return z.kept(p) == nil
}

// KeepAll is Keep for the many files of a job.
func (z *zipWriter) KeepAll(prefix string, key Key) ([]string, bool) {
	k, ok := z.next.(Keeper)
	if !ok {
		return nil, false
	}
	paths, ok := k.KeepAll(prefix, key)
	if !ok {
		return nil, false
	}
	for _, p := range paths {
		if z.kept(p) != nil {
			return nil, false
		}
	}
	return paths, true
}

// kept puts the kept file p into the zip: copied from the earlier
// site.zip, or, if that lacks it, compressed anew from the earlier file.
func (z *zipWriter) kept(p string) error {
	if f := z.prev[p]; f != nil {
		if r, err := f.OpenRaw(); err == nil {
			if data, err := io.ReadAll(r); err == nil {
				z.add(p, compressed{data: data, crc: f.CRC32, size: f.UncompressedSize64, compressed: f.Method == zip.Deflate})
				return nil
			}
		}
	}
	data, ok := z.Previous(p)
	if !ok {
		// The next writer kept the file it has just said is intact.
		return fmt.Errorf("%s: kept, but not readable", p)
	}
	return z.compress(p, data)
}

// Previous is the next writer's (see [Keeper]).
func (z *zipWriter) Previous(p string) ([]byte, bool) {
	if k, ok := z.next.(Keeper); ok {
		return k.Previous(p)
	}
	return nil, false
}

// Parts are the next writer's (see [PartKeeper]); nil if it has none.
func (z *zipWriter) Parts(p string) Parts {
	if k, ok := z.next.(PartKeeper); ok {
		return k.Parts(p)
	}
	return nil
}

// previousZip reads the files of the earlier build's site.zip, if w has
// it, by their site paths.
func previousZip(w Writer) map[string]*zip.File {
	k, ok := w.(Keeper)
	if !ok {
		return nil
	}
	data, ok := k.Previous(ZipFile)
	if !ok {
		return nil
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil // made anew from the pages
	}
	m := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		if _, name, ok := strings.Cut(f.Name, "/"); ok {
			m[name] = f
		}
	}
	return m
}

// zipLevel is the compression of site.zip, which is made from the whole
// site on every build, by klauspost/compress's flate: faster than the
// standard library's at its fastest and smaller. The pages of 1,000
// synthetic people (38.7 MB in 2,156 files): 0.26 s and 10.0 MB, against
// 0.50 s and 10.7 MB (the standard library's level 1) and 0.83 s and
// 9.4 MB (its default level).
const zipLevel = 4

// flaters are compressors to reuse: each holds about a megabyte of
// tables, and a site has thousands of files.
var flaters = sync.Pool{New: func() any {
	fw, _ := flate.NewWriter(nil, zipLevel) // a valid level: no error
	return fw
}}

func (z *zipWriter) Write(p string, data []byte) error {
	if z.next != nil {
		if err := z.next.Write(p, data); err != nil {
			return err
		}
	}
	return z.compress(p, data)
}

// compress adds data to the zip as the file p.
func (z *zipWriter) compress(p string, data []byte) error {
	c := compressed{crc: crc32.ChecksumIEEE(data), size: uint64(len(data))}
	var buf bytes.Buffer
	fw := flaters.Get().(*flate.Writer)
	defer flaters.Put(fw)
	fw.Reset(&buf)
	fw.Write(data)
	if err := fw.Close(); err != nil {
		return err
	}
	if buf.Len() < len(data) { // photos do not shrink: store them
		c.data, c.compressed = buf.Bytes(), true
	} else {
		c.data = bytes.Clone(data) // the caller may reuse data
	}
	z.add(p, c)
	return nil
}

// Stream passes the file on to the next writer as a stream (see
// [StreamWriter]), so that large data files are never held whole,
// compressing what goes by.
func (z *zipWriter) Stream(p string, write func(io.Writer) error) error {
	var buf bytes.Buffer
	fw := flaters.Get().(*flate.Writer)
	defer flaters.Put(fw)
	fw.Reset(&buf)
	crc, n := crc32.NewIEEE(), new(countWriter)
	tee := func(w io.Writer) error { return write(io.MultiWriter(w, fw, crc, n)) }
	var err error
	if z.next == nil {
		err = tee(io.Discard)
	} else {
		err = Stream(z.next, p, tee)
	}
	if err != nil {
		return err
	}
	if err := fw.Close(); err != nil {
		return err
	}
	z.add(p, compressed{data: buf.Bytes(), crc: crc.Sum32(), size: uint64(*n), compressed: true})
	return nil
}

func (z *zipWriter) add(p string, c compressed) {
	z.mu.Lock()
	z.files[p] = c
	z.mu.Unlock()
}

// countWriter counts the bytes written to it.
type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}

// renderZip renders the site through a zipWriter into w and then writes
// site.zip from the files as they were written: one rendering serves the
// site and its offline copy.
func (s *Site) renderZip(w Writer) error {
	z := &zipWriter{next: w, files: make(map[string]compressed), prev: previousZip(w)}
	if err := s.render(z, s.jobs(false)); err != nil {
		return err
	}
	return s.writeZip(w, z)
}

// zip renders the site only to make site.zip, for the live preview, which
// renders a file only when it is asked for (see [Site.Lazy]).
func (s *Site) zip(w Writer) error {
	z := &zipWriter{files: make(map[string]compressed)}
	if err := s.render(z, s.jobs(false)); err != nil {
		return err
	}
	return s.writeZip(w, z)
}

// writeZip writes the files z kept as site.zip: in name order under one
// folder named after the site's path, dated by the site's date, so that
// the same register gives the same bytes.
func (s *Site) writeZip(w Writer, z *zipWriter) error {
	dir := path.Base(strings.TrimSuffix(s.urls.base, "/"))
	if dir == "." || dir == "/" || dir == "" {
		dir = "site"
	}
	// CreateRaw, unlike CreateHeader, writes only the MS-DOS date and
	// time fields, not Modified: set them (a day's date is midnight UTC).
	t := s.reg.AsOf.UTC()
	date := uint16(t.Day() + int(t.Month())<<5 + max(t.Year()-1980, 0)<<9)
	clock := uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	// Streamed to the file, not made whole first: at 1,000 synthetic
	// people in three languages the zip is 18 MB, which a buffer held
	// twice over as it grew.
	return Stream(w, ZipFile, func(out io.Writer) error {
		zw := zip.NewWriter(out)
		for _, name := range slices.Sorted(maps.Keys(z.files)) {
			c := z.files[name]
			h := &zip.FileHeader{Name: dir + "/" + name, Method: zip.Store, Modified: s.reg.AsOf,
				ModifiedDate: date, ModifiedTime: clock,
				CRC32: c.crc, UncompressedSize64: c.size, CompressedSize64: uint64(len(c.data))}
			if c.compressed {
				h.Method = zip.Deflate
			}
			f, err := zw.CreateRaw(h)
			if err != nil {
				return err
			}
			if _, err := f.Write(c.data); err != nil {
				return err
			}
		}
		return zw.Close()
	})
}
