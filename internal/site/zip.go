package site

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
)

// ZipFile is where the whole site is offered for download, for readers in
// places where the register is blocked: unzipped, it works from the disk.
const ZipFile = "site.zip"

// ZipLimit is the number of people up to which a site offers site.zip
// unless site.yaml says otherwise: beyond it the download would be too
// large to be of use on a slow connection, and building it would double
// the build.
const ZipLimit = 5000

// offersZip reports whether the site publishes site.zip.
func (s *Site) offersZip() bool {
	if s.noZip {
		return false
	}
	if z := s.reg.Site.OfflineZip; z != nil {
		return *z
	}
	return len(s.reg.People) <= ZipLimit
}

// Portable returns a copy of s that makes portable links (see
// [URLs.Portable]): the site works from any folder, a mirror at any path,
// or file://. Absolute addresses (canonical links, feeds, sitemap) keep
// pointing at base_url.
func (s *Site) Portable() *Site {
	c := *s
	c.urls = s.urls.Portable()
	c.rows, c.fragments = new(sync.Map), new(sync.Map) // both hold root-relative links
	return &c
}

// HasZip reports whether the site offers site.zip; the copy inside the
// zip does not link to it.
func (pg *Page) HasZip() bool { return pg.site.offersZip() }

// compressed is one file of the zip, deflated as it was rendered.
type compressed struct {
	data       []byte
	crc        uint32
	size       uint64
	compressed bool
}

// zipWriter compresses each file as the renderers hand it over, in
// parallel, and keeps only the compressed bytes until the zip is written
// in name order.
type zipWriter struct {
	mu    sync.Mutex
	files map[string]compressed
}

// flaters are compressors to reuse: each holds about a megabyte of
// tables, and a site has thousands of files.
var flaters = sync.Pool{New: func() any {
	fw, _ := flate.NewWriter(nil, flate.DefaultCompression) // a valid level: no error
	return fw
}}

func (z *zipWriter) Write(p string, data []byte) error {
	c := compressed{data: data, crc: crc32.ChecksumIEEE(data), size: uint64(len(data))}
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
		c.data = bytes.Clone(data)
	}
	z.mu.Lock()
	z.files[p] = c
	z.mu.Unlock()
	return nil
}

// zip renders the portable site and writes it as site.zip: files in name
// order under one folder named after the site's path, dated by the
// site's date, so that the same register gives the same bytes.
func (s *Site) zip(w Writer) error {
	z := &zipWriter{files: make(map[string]compressed)}
	p := s.Portable()
	p.noZip = true // the zip holds the site, not itself
	if err := p.Render(z); err != nil {
		return err
	}
	dir := path.Base(strings.TrimSuffix(s.urls.base, "/"))
	if dir == "." || dir == "/" || dir == "" {
		dir = "site"
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range slices.Sorted(maps.Keys(z.files)) {
		c := z.files[name]
		h := &zip.FileHeader{Name: dir + "/" + name, Method: zip.Store, Modified: s.reg.AsOf,
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
	if err := zw.Close(); err != nil {
		return err
	}
	return w.Write(ZipFile, buf.Bytes())
}
