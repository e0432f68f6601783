package site

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"sync/atomic"
	"testing"
)

// streams is a Writer that takes files as streams too, as the build's
// folder writer does.
type streams struct {
	files
	streamed atomic.Int32
}

func (s *streams) Stream(p string, write func(io.Writer) error) error {
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return err
	}
	s.streamed.Add(1)
	return s.Write(p, b.Bytes())
}

// TestZipIsTheSite renders a register whose data files are streamed
// (gzip-compressed, as a large register's are): site.zip holds every file
// the site wrote, streamed or not, byte for byte, and the same register
// gives the same zip.
func TestZipIsTheSite(t *testing.T) {
	defer func(n int) { gzipAbove = n }(gzipAbove)
	gzipAbove = 10
	s, newSite := synthSite(t, 40, 3)
	out := &streams{files: files{m: make(map[string][]byte)}}
	if err := s.Render(out); err != nil {
		t.Fatal(err)
	}
	if n := out.streamed.Load(); n < 3 {
		t.Fatalf("%d files streamed, want the 3 data files", n)
	}
	data := out.m[ZipFile]
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	inZip := make(map[string]bool)
	for _, f := range zr.File {
		name, ok := strings.CutPrefix(f.Name, "register/")
		if !ok {
			t.Errorf("%s is not in the zip's folder", f.Name)
		}
		inZip[name] = true
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if want, ok := out.m[name]; !ok || !bytes.Equal(got, want) {
			t.Errorf("site.zip's %s is not the file the site wrote", f.Name)
		}
		if !f.Modified.Equal(s.reg.AsOf) {
			t.Errorf("%s is dated %v, want the site's date", f.Name, f.Modified)
		}
	}
	for name := range out.m {
		if name != ZipFile && !inZip[name] {
			t.Errorf("site.zip lacks %s", name)
		}
	}
	if !inZip["data/"+"register.json.gz"] {
		t.Error("site.zip lacks the streamed data files")
	}
	if again := renderAll(t, newSite())[ZipFile]; !bytes.Equal(again, data) {
		t.Error("the same register gives another site.zip")
	}
}
