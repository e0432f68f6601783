package synth

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"math/rand/v2"
)

// photo makes a 600×800 JPEG portrait stand-in: a vertical gradient
// between two random colours with a lighter oval for a face. The JPEG
// encoder is deterministic, so the same r gives the same bytes.
func photo(r *rand.Rand) []byte {
	const w, h = 600, 800
	top := color.RGBA{uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(256)), 255}
	bottom := color.RGBA{uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(256)), 255}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	mix := func(a, b uint8, t, n int) uint8 { return uint8((int(a)*(n-t) + int(b)*t) / n) }
	for y := range h {
		c := color.RGBA{mix(top.R, bottom.R, y, h), mix(top.G, bottom.G, y, h), mix(top.B, bottom.B, y, h), 255}
		for x := range w {
			// An oval centred at (300, 320), 150 by 200 pixels in radius.
			dx, dy := float64(x-300)/150, float64(y-320)/200
			if dx*dx+dy*dy <= 1 {
				img.SetRGBA(x, y, color.RGBA{c.R/2 + 110, c.G/2 + 100, c.B/2 + 90, 255})
			} else {
				img.SetRGBA(x, y, c)
			}
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80}); err != nil {
		panic(err) // encoding into memory cannot fail
	}
	return buf.Bytes()
}
