package site

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"

	"io/fs"
	"strings"

	_ "golang.org/x/image/webp" // decoding WebP portraits

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
)

// maxPhoto is the longest side of a published photo, in pixels: enough for
// a portrait on any screen, small for a slow connection.
const maxPhoto = 800

// photoFile is the published photo's file name: PNG stays PNG (it may be
// a drawing with transparency); JPEG and WebP become JPEG, which every
// browser shows.
func photoFile(p *register.Person) string {
	if strings.HasSuffix(p.Photo, ".png") {
		return "photo.png"
	}
	return "photo.jpg"
}

// photoPath is the site path of the published photo, shared by every
// language.
func photoPath(p *register.Person) string { return "people/" + p.Slug + "/" + photoFile(p) }

// photo publishes a person's photo decoded and encoded anew, which drops
// every metadata block (EXIF with GPS position and camera serial, XMP, ICC
// comments) that could identify who took it and where. The content check
// already refuses a photo that carries any, since the repository's copy
// is public too; this is the second line. For the same reason it need not
// apply an EXIF orientation: a photo that reaches it has none, and
// `tizim photo strip` turns the pixels upright as it removes the block.
func (s *Site) photo(w Writer, p *register.Person) error {
	img, err := s.decodePhoto(p)
	if err != nil {
		return err
	}
	img = shrink(img, maxPhoto)
	var buf bytes.Buffer
	if photoFile(p) == "photo.png" {
		err = png.Encode(&buf, img)
	} else {
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85})
	}
	if err != nil {
		return fmt.Errorf("%s: %w", p.Photo, err)
	}
	return w.Write(photoPath(p), buf.Bytes())
}

// decodePhoto reads and decodes a person's photo. It is what check does
// of [Site.photo]: the errors of a photo are those of reading it.
func (s *Site) decodePhoto(p *register.Person) (image.Image, error) {
	data, err := fs.ReadFile(s.files, p.Photo)
	if err != nil {
		return nil, err
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		// At the photo's path, so that check's annotation shows on it.
		return nil, content.ErrorList{&content.Error{Path: p.Photo, Msg: "cannot read the photo (" + err.Error() + "); save it as a JPEG (an animated WebP cannot be shown)", Err: err}}
	}
	return img, nil
}

// shrink scales img down so that neither side exceeds limit, averaging the
// source pixels under each target pixel (a box filter: sharp enough for a
// portrait and dependency-free).
func shrink(img image.Image, limit int) image.Image {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= limit && h <= limit {
		return img
	}
	nw, nh := limit, h*limit/w
	if h > w {
		nw, nh = w*limit/h, limit
	}
	nw, nh = max(nw, 1), max(nh, 1)
	out := image.NewRGBA(image.Rect(0, 0, nw, nh))
	for y := 0; y < nh; y++ {
		y0, y1 := b.Min.Y+y*h/nh, b.Min.Y+(y+1)*h/nh
		for x := 0; x < nw; x++ {
			x0, x1 := b.Min.X+x*w/nw, b.Min.X+(x+1)*w/nw
			var r, g, bl, a, n uint64
			for sy := y0; sy < max(y1, y0+1); sy++ {
				for sx := x0; sx < max(x1, x0+1); sx++ {
					cr, cg, cb, ca := img.At(sx, sy).RGBA()
					r, g, bl, a, n = r+uint64(cr), g+uint64(cg), bl+uint64(cb), a+uint64(ca), n+1
				}
			}
			out.Set(x, y, color.RGBA64{uint16(r / n), uint16(g / n), uint16(bl / n), uint16(a / n)})
		}
	}
	return out
}
