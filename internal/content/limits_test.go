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
	"github.com/tizim/tizim/internal/testkit/phototest"
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

// TestPhotoMetadata loads photos with and without metadata: one that
// carries any is refused at its path, with a message that names what it
// carries and how to remove it, and never what it says.
func TestPhotoMetadata(t *testing.T) {
	const jpg, png, webp = "content/people/ok-person/photo.jpg", "content/people/ok-person/photo.png", "content/people/ok-person/photo.webp"
	for _, tt := range []struct {
		name, file string
		data       []byte
		want       string // the whole error report; "" for none
	}{
		{"clean jpeg", jpg, phototest.JPEG(), ""},
		{"clean png", png, phototest.PNG(nil), ""},
		{"clean webp", webp, phototest.WebP(), ""},
		{"a phone's photo", jpg, phototest.PhoneJPEG(),
			jpg + `: the photo carries metadata that can identify where and by whom it was taken (GPS location, camera serial number, date and time taken, camera make and model); remove it: run "go run ./cmd/tizim photo strip ` + jpg + `" in a codespace or on your computer (or save a copy without metadata) and commit the new file. Earlier commits keep the old file: see docs/add-a-person.md#photos.`},
		{"a comment", png, phototest.PNG(nil, phototest.Chunk("tEXt", []byte("Comment\x00"+phototest.Value))),
			png + `: the photo carries metadata that can identify where and by whom it was taken (a comment); remove it: run "go run ./cmd/tizim photo strip ` + png + `" in a codespace or on your computer (or save a copy without metadata) and commit the new file. Earlier commits keep the old file: see docs/add-a-person.md#photos.`},
		{"webp with XMP", webp, phototest.WebP(phototest.RIFFChunk("XMP ", phototest.XMP("exif:GPSLatitude"))),
			webp + `: the photo carries metadata that can identify where and by whom it was taken (GPS location); remove it: run "go run ./cmd/tizim photo strip ` + webp + `" in a codespace or on your computer (or save a copy without metadata) and commit the new file. Earlier commits keep the old file: see docs/add-a-person.md#photos.`},
		{"damaged", jpg, append(phototest.JPEG()[:len(phototest.JPEG())-2], 0xff, 0xe1, 0x10, 0x00),
			jpg + ": the JPEG file is damaged: a part of it runs past the end of the file; open it in an image program and save it again"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, files := fixture(t, "testdata/base.txtar")
			files[tt.file] = tt.data
			c, err := loadFiles(files)
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if p := c.People[0].Photo; p != tt.file {
					t.Errorf("photo %q, want %q", p, tt.file)
				}
				return
			}
			if err == nil || err.Error() != tt.want {
				t.Fatalf("got  %v\nwant %s", err, tt.want)
			}
			if strings.Contains(err.Error(), phototest.Value) {
				t.Error("the message prints a value of the metadata")
			}
		})
	}
}
