package photo_test

import (
	"bytes"
	"compress/zlib"
	"encoding/hex"
	"errors"
	"image"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tizim/tizim/internal/photo"
	. "github.com/tizim/tizim/internal/testkit/phototest"
)

// Metadata blocks as phones, cameras and editors write them.
var (
	phoneExif = TIFF{Tags: []uint16{0x010f, 0x0110, 0x0132}, ExifTags: []uint16{0x9003, 0xa431}, GPS: true}
	gpsXMP    = XMP("exif:GPSLatitude", "exif:GPSLongitude", "xmp:CreateDate")
)

// iptc returns Photoshop's APP13 segment holding IPTC datasets of record
// 2, each with the text Value.
func iptc(datasets ...byte) []byte {
	var iim []byte
	for _, d := range datasets {
		iim = append(iim, 0x1c, 2, d, 0, byte(len(Value)))
		iim = append(iim, Value...)
	}
	res := append([]byte("8BIM\x04\x04\x00\x00"), 0, 0, 0, byte(len(iim)))
	res = append(res, iim...)
	return Segment(0xed, append([]byte("Photoshop 3.0\x00"), res...))
}

// text returns a PNG tEXt chunk.
func text(keyword, value string) []byte { return Chunk("tEXt", []byte(keyword+"\x00"+value)) }

func deflate(b []byte) []byte {
	var buf bytes.Buffer
	w := zlib.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// rawExif returns the zTXt chunk in which ImageMagick keeps an EXIF block.
func rawExif(t TIFF) []byte {
	block := append([]byte("Exif\x00\x00"), t.Bytes()...)
	profile := "\nexif\n" + strings.Repeat(" ", 6) + itoa(len(block)) + "\n" + hex.EncodeToString(block) + "\n"
	return Chunk("zTXt", append([]byte("Raw profile type exif\x00\x00"), deflate([]byte(profile))...))
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// pictureEnd returns the JPEG data with extra inserted before its
// end-of-image marker, after the pixels.
func pictureEnd(data, extra []byte) []byte {
	return slices.Concat(data[:len(data)-2], extra, data[len(data)-2:])
}

// detections are files with each kind of metadata, and what Read must
// find in them.
var detections = []struct {
	name string
	data []byte
	want []photo.Kind
}{
	{"jpeg: clean, as Go writes it", JPEG(), nil},
	{"jpeg: JFIF, ICC profile, Adobe", JPEG(
		Segment(0xe0, []byte("JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")),
		Segment(0xe2, []byte("ICC_PROFILE\x00\x01\x01profile")),
		Segment(0xee, []byte("Adobe\x00\x64\x00\x00\x00\x00\x01"))), nil},
	{"jpeg: a phone's EXIF", JPEG(ExifSegment(phoneExif)),
		[]photo.Kind{photo.GPS, photo.Serial, photo.Taken, photo.Camera}},
	{"jpeg: big-endian EXIF", JPEG(ExifSegment(TIFF{BigEndian: true, GPS: true, ExifTags: []uint16{0xa430}})),
		[]photo.Kind{photo.GPS, photo.Owner}},
	{"jpeg: artist and copyright", JPEG(ExifSegment(TIFF{Tags: []uint16{0x013b, 0x8298}})), []photo.Kind{photo.Owner}},
	{"jpeg: thumbnail", JPEG(ExifSegment(TIFF{Thumbnail: true})), []photo.Kind{photo.Thumbnail}},
	{"jpeg: EXIF with only the orientation", JPEG(ExifSegment(TIFF{Orientation: 1})), []photo.Kind{photo.EXIF}},
	{"jpeg: EXIF that is not TIFF", JPEG(Segment(0xe1, []byte("Exif\x00\x00GPS 43.2 N"))), []photo.Kind{photo.EXIF}},
	{"jpeg: EXIF whose offsets loop", JPEG(Segment(0xe1, []byte("Exif\x00\x00II*\x00\x08\x00\x00\x00\x01\x00\x69\x87\x04\x00\x01\x00\x00\x00\x08\x00\x00\x00\x08\x00\x00\x00"))),
		[]photo.Kind{photo.EXIF}},
	{"jpeg: XMP", JPEG(XMPSegment(gpsXMP)), []photo.Kind{photo.GPS, photo.Taken}},
	{"jpeg: XMP with nothing known", JPEG(XMPSegment(XMP("xmp:Rating"))), []photo.Kind{photo.XMP}},
	{"jpeg: extended XMP", JPEG(Segment(0xe1, append([]byte("http://ns.adobe.com/xmp/extension/\x00"), XMP("dc:creator")...))),
		[]photo.Kind{photo.Owner}},
	{"jpeg: IPTC", JPEG(iptc(80, 90)), []photo.Kind{photo.Place, photo.Owner}},
	{"jpeg: IPTC with nothing known", JPEG(iptc(10)), []photo.Kind{photo.IPTC}},
	{"jpeg: Photoshop thumbnail", JPEG(Segment(0xed, []byte("Photoshop 3.0\x008BIM\x04\x0c\x00\x00\x00\x00\x00\x02xy"))),
		[]photo.Kind{photo.Thumbnail}},
	{"jpeg: comment", JPEG(Segment(0xfe, []byte("Created with GIMP"))), []photo.Kind{photo.Comment}},
	{"jpeg: comment after the pixels", pictureEnd(JPEG(), Segment(0xfe, []byte(Value))), []photo.Kind{photo.Comment}},
	{"jpeg: JFIF thumbnail", JPEG(Segment(0xe0, append([]byte("JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x01\x01"), 1, 2, 3))),
		[]photo.Kind{photo.Thumbnail}},
	{"jpeg: JFXX thumbnail", JPEG(Segment(0xe0, []byte("JFXX\x00\x10thumb"))), []photo.Kind{photo.Thumbnail}},
	{"jpeg: MPF index", JPEG(Segment(0xe2, []byte("MPF\x00II*\x00"))), []photo.Kind{photo.Other}},
	{"jpeg: Ducky", JPEG(Segment(0xec, []byte("Ducky\x00\x01"))), []photo.Kind{photo.Other}},
	{"jpeg: a video after the image", append(JPEG(), "\x00\x00\x00\x18ftypmp42"+Value...), []photo.Kind{photo.Appended}},
	{"jpeg: padding after the image", append(JPEG(), 0, 0, 0, 0xff), nil},
	{"jpeg: bytes between segments", JPEG([]byte(Value)), []photo.Kind{photo.Appended}},
	{"jpeg: fill bytes between segments", JPEG([]byte{0xff, 0xff}), nil},
	{"jpeg: everything", JPEG(ExifSegment(TIFF{Tags: []uint16{0x010e}, Thumbnail: true}), XMPSegment(XMP("photoshop:City")), Segment(0xfe, nil)),
		[]photo.Kind{photo.Place, photo.Thumbnail, photo.Comment}},

	{"png: clean", PNG(nil), nil},
	{"png: colour, density and time chunks", PNG(nil, Chunk("gAMA", []byte{0, 0, 0xb1, 0x8f}), Chunk("pHYs", make([]byte, 9)), Chunk("tIME", make([]byte, 7))), nil},
	{"png: eXIf", PNG(nil, Chunk("eXIf", phoneExif.Bytes())), []photo.Kind{photo.GPS, photo.Serial, photo.Taken, photo.Camera}},
	{"png: comment", PNG(nil, text("Comment", Value)), []photo.Kind{photo.Comment}},
	{"png: author", PNG(nil, text("Author", Value)), []photo.Kind{photo.Owner}},
	{"png: creation time, compressed", PNG(nil, Chunk("zTXt", append([]byte("Creation Time\x00\x00"), deflate([]byte(Value))...))), []photo.Kind{photo.Taken}},
	{"png: XMP", PNG(nil, Chunk("iTXt", append([]byte("XML:com.adobe.xmp\x00\x00\x00\x00\x00"), gpsXMP...))), []photo.Kind{photo.GPS, photo.Taken}},
	{"png: XMP, compressed", PNG(nil, Chunk("iTXt", append([]byte("XML:com.adobe.xmp\x00\x01\x00en\x00\x00"), deflate(XMP("dc:creator"))...))), []photo.Kind{photo.Owner}},
	{"png: ImageMagick's raw EXIF", PNG(nil, rawExif(TIFF{GPS: true})), []photo.Kind{photo.GPS}},
	{"png: data after the end", append(PNG(nil), Value...), []photo.Kind{photo.Appended}},

	{"webp: clean", WebP(), nil},
	{"webp: ICC profile", WebP(RIFFChunk("ICCP", []byte("profile"))), nil},
	{"webp: EXIF", WebP(RIFFChunk("EXIF", phoneExif.Bytes())), []photo.Kind{photo.GPS, photo.Serial, photo.Taken, photo.Camera}},
	{"webp: EXIF with the JPEG header", WebP(RIFFChunk("EXIF", append([]byte("Exif\x00\x00"), TIFF{GPS: true}.Bytes()...))), []photo.Kind{photo.GPS}},
	{"webp: XMP", WebP(RIFFChunk("XMP ", XMP("xmp:Rating"))), []photo.Kind{photo.XMP}},
	{"webp: EXIF, XMP and ICC", WebP(RIFFChunk("ICCP", []byte("profile")), RIFFChunk("EXIF", TIFF{Tags: []uint16{0x0132}}.Bytes()), RIFFChunk("XMP ", gpsXMP)),
		[]photo.Kind{photo.GPS, photo.Taken}},
	{"webp: data after the end", append(WebP(), Value...), []photo.Kind{photo.Appended}},
}

// TestRead finds each kind of metadata in JPEG, PNG and WebP files.
func TestRead(t *testing.T) {
	for _, tt := range detections {
		t.Run(tt.name, func(t *testing.T) {
			m, err := photo.Read(tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(m.Kinds, tt.want) {
				t.Errorf("found %v, want %v", m.Kinds, tt.want)
			}
			if format := strings.SplitN(tt.name, ":", 2)[0]; m.Format != format {
				t.Errorf("format %q, want %q", m.Format, format)
			}
		})
	}
}

// TestReadErrors gives Read files that are not images or are damaged.
func TestReadErrors(t *testing.T) {
	jpg, png, webp := JPEG(), PNG(nil), WebP()
	for _, tt := range []struct {
		name string
		data []byte
		want string
	}{
		{"text", []byte("name: x\n"), "this is not a JPEG, PNG or WebP image"},
		{"empty", nil, "this is not a JPEG, PNG or WebP image"},
		{"gif", []byte("GIF89a\x01\x00\x01\x00"), "this is not a JPEG, PNG or WebP image"},
		{"jpeg cut in a segment", jpg[:20], "the JPEG file is damaged"},
		{"jpeg segment too long", JPEG([]byte{0xff, 0xe1, 0xff, 0xff}), "the JPEG file is damaged"},
		{"jpeg segment too short", JPEG([]byte{0xff, 0xe1, 0x00, 0x01}), "the JPEG file is damaged"},
		{"png cut in a chunk", png[:40], "the PNG file is damaged"},
		{"webp cut", webp[:len(webp)-3], "the WebP file is damaged"},
		{"webp chunk too long", append(webp[:16:16], 0xff, 0xff, 0xff, 0x7f), "the WebP file is damaged"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m, err := photo.Read(tt.data)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, %v; want an error containing %q", m, err, tt.want)
			}
		})
	}
	if _, err := photo.Read([]byte("text")); !errors.Is(err, photo.ErrNotImage) {
		t.Errorf("not an image: %v, want ErrNotImage", err)
	}
}

// decode returns the pixels of an image file.
func decode(t *testing.T, data []byte) image.Image {
	t.Helper()
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("cannot decode: %v", err)
	}
	return img
}

// samePixels reports whether a and b have the same size and colours.
func samePixels(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			r1, g1, b1, a1 := a.At(x, y).RGBA()
			r2, g2, b2, a2 := b.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				return false
			}
		}
	}
	return true
}

// TestStrip removes the metadata of every file of TestRead without
// touching its pixels: what is left passes Read and decodes to the same
// picture, and holds none of the values. A clean file comes back as it
// was.
func TestStrip(t *testing.T) {
	for _, tt := range detections {
		t.Run(tt.name, func(t *testing.T) {
			out, m, err := photo.Strip(tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(m.Kinds, tt.want) {
				t.Errorf("removed %v, want %v", m.Kinds, tt.want)
			}
			if tt.want == nil {
				if !bytes.Equal(out, tt.data) {
					t.Error("a clean file was changed")
				}
				return
			}
			after, err := photo.Read(out)
			if err != nil || len(after.Kinds) > 0 || after.Format != m.Format {
				t.Fatalf("after stripping: %v %v", after, err)
			}
			if bytes.Contains(out, []byte(Value)) {
				t.Error("the stripped file still holds a value of the metadata")
			}
			if !samePixels(decode(t, tt.data), decode(t, out)) {
				t.Error("the pixels changed")
			}
			if len(out) >= len(tt.data) {
				t.Errorf("%d bytes before, %d after", len(tt.data), len(out))
			}
		})
	}
}

// TestStripWebP checks that a WebP file keeps a consistent container when
// chunks are cut out: the RIFF length counts the rest of the file, and the
// VP8X flags no longer announce what is gone (but still the ICC profile).
func TestStripWebP(t *testing.T) {
	data := WebP(RIFFChunk("ICCP", []byte("profile")), RIFFChunk("EXIF", phoneExif.Bytes()), RIFFChunk("XMP ", gpsXMP))
	out, _, err := photo.Strip(append(data, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	if n := int(out[4]) | int(out[5])<<8 | int(out[6])<<16 | int(out[7])<<24; n != len(out)-8-2 {
		t.Errorf("RIFF length %d, want %d", n, len(out)-10)
	}
	if flags := out[20]; flags != 1<<5 {
		t.Errorf("VP8X flags %08b, want only the ICC profile's", flags)
	}
}

// TestOrientation strips the EXIF block of a PNG whose orientation says to
// turn or mirror the picture: the pixels are turned instead, so that the
// picture shows as it did.
func TestOrientation(t *testing.T) {
	// The picture, three by two, and how each orientation shows it.
	pic := image.NewGray(image.Rect(0, 0, 3, 2))
	copy(pic.Pix, "abcdef")
	for o, want := range map[uint16][]string{
		1: {"abc", "def"},
		2: {"cba", "fed"},
		3: {"fed", "cba"},
		4: {"def", "abc"},
		5: {"ad", "be", "cf"},
		6: {"da", "eb", "fc"},
		7: {"fc", "eb", "da"},
		8: {"cf", "be", "ad"},
	} {
		data := PNG(pic, Chunk("eXIf", TIFF{Orientation: o, Tags: []uint16{0x0132}}.Bytes()))
		out, m, err := photo.Strip(data)
		if err != nil {
			t.Fatalf("orientation %d: %v", o, err)
		}
		if m.Orientation != int(o) {
			t.Errorf("orientation %d read as %d", o, m.Orientation)
		}
		img, ok := decode(t, out).(*image.Gray)
		if !ok {
			t.Fatalf("orientation %d: a grey picture became %T", o, decode(t, out))
		}
		var got []string
		for y := range img.Rect.Dy() {
			got = append(got, string(img.Pix[y*img.Stride:y*img.Stride+img.Rect.Dx()]))
		}
		if !slices.Equal(got, want) {
			t.Errorf("orientation %d: got %q, want %q", o, got, want)
		}
		if after, _ := photo.Read(out); len(after.Kinds) > 0 {
			t.Errorf("orientation %d: still carries %v", o, after.Kinds)
		}
	}
}

// TestOrientationJPEG turns a JPEG whose EXIF says it was taken with the
// phone on its side: the result is a JPEG without metadata, taller than
// wide, with what was on the left at the top.
func TestOrientationJPEG(t *testing.T) {
	data := JPEG(ExifSegment(TIFF{Orientation: 6, GPS: true}))
	out, m, err := photo.Strip(data)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(m.Kinds, []photo.Kind{photo.GPS}) {
		t.Errorf("removed %v", m.Kinds)
	}
	img := decode(t, out)
	if b := img.Bounds(); b.Dx() != 16 || b.Dy() != 24 {
		t.Fatalf("turned picture is %v, want 16×24", b)
	}
	// Picture's red grows from left to right; turned a quarter clockwise,
	// it grows from top to bottom.
	top, _, _, _ := img.At(8, 1).RGBA()
	bottom, _, _, _ := img.At(8, 22).RGBA()
	if top >= bottom {
		t.Errorf("red is %d at the top and %d at the bottom: not turned clockwise", top>>8, bottom>>8)
	}
	if !bytes.HasPrefix(out, []byte("\xff\xd8")) {
		t.Error("not a JPEG")
	}
	if after, _ := photo.Read(out); len(after.Kinds) > 0 {
		t.Errorf("still carries %v", after.Kinds)
	}
}

// TestOrientationWebP refuses to strip a WebP photo that would need
// turning, since it cannot be written again.
func TestOrientationWebP(t *testing.T) {
	_, _, err := photo.Strip(WebP(RIFFChunk("EXIF", TIFF{Orientation: 8}.Bytes())))
	if err == nil || !strings.Contains(err.Error(), "save it as JPEG") {
		t.Errorf("got %v, want an error saying to save it as JPEG", err)
	}
}

// TestStripFile rewrites a photo in place, keeping its permissions and
// leaving nothing beside it, and leaves a clean photo untouched.
func TestStripFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "photo.jpg")
	if err := os.WriteFile(name, PhoneJPEG(), 0o640); err != nil {
		t.Fatal(err)
	}
	m, err := photo.StripFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if got := photo.Describe(m.Kinds); got != "GPS location, camera serial number, date and time taken, camera make and model" {
		t.Errorf("removed %s", got)
	}
	data, _ := os.ReadFile(name)
	if after, err := photo.Read(data); err != nil || len(after.Kinds) > 0 {
		t.Errorf("after: %v %v", after, err)
	}
	if st, _ := os.Stat(name); st.Mode().Perm() != 0o640 {
		t.Errorf("permissions %v, want 0640", st.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in the folder, want 1", len(entries))
	}
	m, err = photo.StripFile(name)
	if err != nil || len(m.Kinds) > 0 {
		t.Errorf("second time: %v %v", m, err)
	}
	if again, _ := os.ReadFile(name); !bytes.Equal(again, data) {
		t.Error("a clean photo was rewritten")
	}

	notImage := filepath.Join(dir, "case.yaml")
	os.WriteFile(notImage, []byte("name: x\n"), 0o644)
	if _, err := photo.StripFile(notImage); err == nil || !strings.Contains(err.Error(), notImage+": this is not a JPEG, PNG or WebP image") {
		t.Errorf("not an image: %v", err)
	}
	if _, err := photo.StripFile(filepath.Join(dir, "missing.jpg")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}
