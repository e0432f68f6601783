package site

import (
	"archive/zip"
	"bytes"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
)

// ZipFile is where the whole site is offered for download, for readers in
// places where the register is blocked: unzipped, it works from the disk.
const ZipFile = "site.zip"

// Portable returns a copy of s that makes portable links (see
// [URLs.Portable]): the site works from any folder, a mirror at any path,
// or file://. Absolute addresses (canonical links, feeds, sitemap) keep
// pointing at base_url.
func (s *Site) Portable() *Site {
	c := *s
	c.urls = s.urls.Portable()
	return &c
}

// HasZip reports whether the site offers site.zip; the copy inside the
// zip does not link to it.
func (pg *Page) HasZip() bool { return !pg.site.noZip }

// memory collects rendered files.
type memory struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *memory) Write(p string, data []byte) error {
	m.mu.Lock()
	m.files[p] = data
	m.mu.Unlock()
	return nil
}

// zip renders the portable site and writes it as site.zip: files in name
// order under one folder named after the site's path, dated by the
// site's date, so that the same register gives the same bytes.
func (s *Site) zip(w Writer) error {
	m := &memory{files: make(map[string][]byte)}
	p := s.Portable()
	p.noZip = true // the zip holds the site, not itself
	if err := p.Render(m); err != nil {
		return err
	}
	dir := path.Base(strings.TrimSuffix(s.urls.base, "/"))
	if dir == "." || dir == "/" || dir == "" {
		dir = "site"
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range slices.Sorted(maps.Keys(m.files)) {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: dir + "/" + name, Method: zip.Deflate, Modified: s.reg.AsOf})
		if err != nil {
			return err
		}
		if _, err := f.Write(m.files[name]); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return w.Write(ZipFile, buf.Bytes())
}
