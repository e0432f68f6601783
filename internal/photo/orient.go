package photo

import (
	"image"
	"image/draw"
)

// orient returns img turned and mirrored as the EXIF orientation o says
// it must be shown: 2 mirrors it left to right, 3 turns it half round, 4
// mirrors it top to bottom, 5 mirrors it along its diagonal, 6 turns it a
// quarter clockwise, 7 mirrors it along its other diagonal, 8 turns it a
// quarter anticlockwise. The result keeps the kind of pixels of img where
// it can (grey stays grey, a palette stays a palette), so that encoding it
// loses nothing more than it must.
func orient(img image.Image, o int) image.Image {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	// src maps a pixel of the result to the pixel of img it shows.
	var src func(x, y int) (int, int)
	switch o {
	case 2:
		src = func(x, y int) (int, int) { return w - 1 - x, y }
	case 3:
		src = func(x, y int) (int, int) { return w - 1 - x, h - 1 - y }
	case 4:
		src = func(x, y int) (int, int) { return x, h - 1 - y }
	case 5:
		src = func(x, y int) (int, int) { return y, x }
	case 6:
		src = func(x, y int) (int, int) { return y, h - 1 - x }
	case 7:
		src = func(x, y int) (int, int) { return w - 1 - y, h - 1 - x }
	case 8:
		src = func(x, y int) (int, int) { return w - 1 - y, x }
	default:
		return img
	}
	r := image.Rect(0, 0, w, h)
	if o >= 5 {
		r = image.Rect(0, 0, h, w)
	}
	if p, ok := img.(*image.Paletted); ok {
		out := image.NewPaletted(r, p.Palette)
		for y := range r.Dy() {
			for x := range r.Dx() {
				sx, sy := src(x, y)
				out.SetColorIndex(x, y, p.ColorIndexAt(b.Min.X+sx, b.Min.Y+sy))
			}
		}
		return out
	}
	var out draw.Image
	switch img.(type) {
	case *image.Gray:
		out = image.NewGray(r)
	case *image.Gray16:
		out = image.NewGray16(r)
	case *image.NRGBA:
		out = image.NewNRGBA(r)
	case *image.NRGBA64:
		out = image.NewNRGBA64(r)
	case *image.RGBA64:
		out = image.NewRGBA64(r)
	default: // YCbCr and CMYK from JPEG, RGBA
		out = image.NewRGBA(r)
	}
	for y := range r.Dy() {
		for x := range r.Dx() {
			sx, sy := src(x, y)
			out.Set(x, y, img.At(b.Min.X+sx, b.Min.Y+sy))
		}
	}
	return out
}
