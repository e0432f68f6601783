package site_test

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	_ "image/png"
	"os"
	"testing"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/testkit/testsite"
)

// bigJPEG returns a 1600×1200 JPEG without metadata.
func bigJPEG(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 1600, 1200))
	for y := range 1200 {
		for x := range 1600 {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 128, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// jpegWithGPS returns bigJPEG carrying an EXIF block with a GPS marker
// and a comment, as a phone photo would.
func jpegWithGPS(t *testing.T) []byte {
	data := bigJPEG(t)
	payload := []byte("Exif\x00\x00GPSLatitude 43.238949 GPSLongitude 76.889709 SECRET-CAMERA-SERIAL")
	seg := append([]byte{0xFF, 0xE1, byte((len(payload) + 2) >> 8), byte(len(payload) + 2)}, payload...)
	// Insert the APP1 segment right after the SOI marker.
	return append(append([]byte{0xFF, 0xD8}, seg...), data[2:]...)
}

// TestPhotoStripped publishes a photo re-encoded, without its metadata.
// The content check refuses a photo with metadata before it gets here;
// the site drops it all the same, as a second line: the photo is loaded
// clean, then swapped for one with GPS before the site is rendered.
func TestPhotoStripped(t *testing.T) {
	data, err := os.ReadFile("testdata/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	a := testsite.Parse(data)
	a.Set("content/people/anna-ivanova/photo.jpg", bigJPEG(t))
	c, err := content.Load(a.FS(""))
	if err != nil {
		t.Fatal(err)
	}
	a.Set("content/people/anna-ivanova/photo.jpg", jpegWithGPS(t))
	files := renderLoaded(t, c, a.FS(""), "2021-06-01")
	out := files["people/anna-ivanova/photo.jpg"]
	if out == nil {
		t.Fatal("photo not published")
	}
	for _, leak := range []string{"Exif", "GPS", "SECRET"} {
		if bytes.Contains(out, []byte(leak)) {
			t.Errorf("published photo still contains %q", leak)
		}
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(out))
	if err != nil || format != "jpeg" || cfg.Width != 800 || cfg.Height != 600 {
		t.Errorf("published photo: %s %dx%d %v, want jpeg 800x600", format, cfg.Width, cfg.Height, err)
	}
	if !bytes.Contains(files["people/anna-ivanova/index.html"], []byte(`src="../../people/anna-ivanova/photo.jpg"`)) {
		t.Error("person page does not show the photo")
	}
}

// TestPhotoWebP publishes a WebP portrait as a JPEG that any browser shows.
func TestPhotoWebP(t *testing.T) {
	data, err := os.ReadFile("testdata/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	webp, err := os.ReadFile("testdata/portrait.webp") // from golang.org/x/image/testdata (BSD licence)
	if err != nil {
		t.Fatal(err)
	}
	a := testsite.Parse(data)
	a.Set("content/people/anna-ivanova/photo.webp", webp)
	files := renderFS(t, a.FS(""), "2021-06-01")
	out := files["people/anna-ivanova/photo.jpg"]
	cfg, format, err := image.DecodeConfig(bytes.NewReader(out))
	if err != nil || format != "jpeg" || max(cfg.Width, cfg.Height) > 800 || cfg.Width == 0 {
		t.Errorf("published photo: %s %dx%d %v, want a jpeg at most 800 px", format, cfg.Width, cfg.Height, err)
	}
}
