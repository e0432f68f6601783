package content_test

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"strings"
	"testing"

	"github.com/tizim/tizim/internal/content"
)

// pngClaiming is a valid PNG file of one pixel whose header claims a
// width × height image: decoding it would need that much memory.
func pngClaiming(t *testing.T, width, height uint32) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 1, 1))); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	// IHDR: 8-byte signature, 4-byte length, "IHDR", width, height, ...
	binary.BigEndian.PutUint32(data[16:], width)
	binary.BigEndian.PutUint32(data[20:], height)
	binary.BigEndian.PutUint32(data[29:], crc32.ChecksumIEEE(data[12:29]))
	return data
}

// TestLimits feeds the loader files past each limit: each gets one clear
// error naming the file, read no further than the limit.
func TestLimits(t *testing.T) {
	event := "  - {date: 2020, type: other, text: x, sources: [src-a]}\n"
	for _, tt := range []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"big case file", "content/people/big/case.yaml",
			[]byte("name: Big\nevents:\n" + event + "# " + strings.Repeat("x", content.MaxCaseFile) + "\n"),
			"content/people/big/case.yaml: the file is larger than 256 KB, the most a file of this kind may be"},
		{"a 1 MB name", "content/people/big/case.yaml",
			[]byte("name: " + strings.Repeat("Я", 1<<19) + "\nevents:\n" + event),
			"content/people/big/case.yaml: the file is larger than 256 KB"},
		{"too many events", "content/people/many/case.yaml",
			[]byte("name: Many\nevents:\n" + strings.Repeat(event, content.MaxEvents+1)),
			`content/people/many/case.yaml:3:3: "events" has 1001 events; a case file may have at most 1000`},
		{"big profile", "content/people/ok-person/profile.md",
			[]byte(strings.Repeat("A long profile. ", content.MaxMarkdownFile/16+1)),
			"content/people/ok-person/profile.md: the file is larger than 512 KB"},
		{"decompression bomb", "content/people/ok-person/photo.png",
			pngClaiming(t, 60000, 60000),
			"content/people/ok-person/photo.png: the photo is 60000×60000 pixels; a portrait needs far fewer"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, files := fixture(t, "testdata/base.txtar")
			files[tt.file] = tt.data
			_, err := loadFiles(files)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v\nwant an error containing %q", err, tt.want)
			}
			if n := strings.Count(err.Error(), "\n") + 1; n != 1 {
				t.Errorf("%d errors, want exactly one:\n%v", n, err)
			}
		})
	}
}
