// Package phototest makes small photo files for tests: clean JPEG, PNG
// and WebP images, and the metadata blocks (EXIF, XMP, comments, text
// chunks) that phones, cameras and editors add to them, so that tests
// build exactly the file they need instead of keeping binary fixtures.
package phototest

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"slices"
)

// Picture is the 24×16 picture the JPEG and PNG files show: colours that
// change across it, so that a picture turned or mirrored is not the same.
func Picture() *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, 24, 16))
	for y := range 16 {
		for x := range 24 {
			img.SetNRGBA(x, y, color.NRGBA{uint8(x * 10), uint8(y * 15), uint8(200 - x*5), 255})
		}
	}
	return img
}

// JPEG returns a clean JPEG of [Picture], as Go's encoder writes it (with
// no application segment), with segs inserted after the start-of-image
// marker.
func JPEG(segs ...[]byte) []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, Picture(), &jpeg.Options{Quality: 90}); err != nil {
		panic(err) // encoding into memory cannot fail
	}
	data := buf.Bytes()
	return slices.Concat(data[:2], slices.Concat(segs...), data[2:])
}

// Segment returns a JPEG segment: the marker (0xe1 for APP1, 0xfe for a
// comment), its length and the payload.
func Segment(marker byte, payload []byte) []byte {
	n := len(payload) + 2
	return append([]byte{0xff, marker, byte(n >> 8), byte(n)}, payload...)
}

// ExifSegment returns the APP1 segment of an EXIF block holding t.
func ExifSegment(t TIFF) []byte {
	return Segment(0xe1, append([]byte("Exif\x00\x00"), t.Bytes()...))
}

// PNG returns a clean PNG of img, or of [Picture] when img is nil, with
// chunks inserted after the header chunk.
func PNG(img image.Image, chunks ...[]byte) []byte {
	if img == nil {
		img = Picture()
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err)
	}
	data := buf.Bytes()
	const afterIHDR = 8 + 12 + 13
	return slices.Concat(data[:afterIHDR], slices.Concat(chunks...), data[afterIHDR:])
}

// Chunk returns a PNG chunk of the type typ (such as "tEXt") holding data.
func Chunk(typ string, data []byte) []byte {
	out := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	out = append(append(out, typ...), data...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(out[4:]))
}

// WebPWidth and WebPHeight are the size of the picture WebP makes.
const WebPWidth, WebPHeight = 12, 8

// WebP returns a lossless WebP of a WebPWidth × WebPHeight picture in two
// colours, checked. With chunks (made by [RIFFChunk]), it is an extended
// WebP: a VP8X chunk whose flags announce the EXIF and XMP chunks among
// them, then the chunks of the types ICCP, ANIM and ALPH, the picture, then
// the others, in the order the format gives.
func WebP(chunks ...[]byte) []byte {
	body := []byte("WEBP")
	if len(chunks) > 0 {
		var flags byte
		var before, after [][]byte
		for _, c := range chunks {
			switch string(c[:4]) {
			case "ICCP":
				flags |= 1 << 5
				before = append(before, c)
			case "EXIF":
				flags |= 1 << 3
				after = append(after, c)
			case "XMP ":
				flags |= 1 << 2
				after = append(after, c)
			default:
				after = append(after, c)
			}
		}
		vp8x := []byte{flags, 0, 0, 0, WebPWidth - 1, 0, 0, WebPHeight - 1, 0, 0}
		body = slices.Concat(body, RIFFChunk("VP8X", vp8x), slices.Concat(before...), RIFFChunk("VP8L", vp8l()), slices.Concat(after...))
	} else {
		body = append(body, RIFFChunk("VP8L", vp8l())...)
	}
	return slices.Concat([]byte("RIFF"), binary.LittleEndian.AppendUint32(nil, uint32(len(body))), body)
}

// RIFFChunk returns a WebP chunk of the type typ (such as "EXIF"),
// padded to an even length.
func RIFFChunk(typ string, data []byte) []byte {
	out := append([]byte(typ), binary.LittleEndian.AppendUint32(nil, uint32(len(data)))...)
	out = append(out, data...)
	if len(data)%2 == 1 {
		out = append(out, 0)
	}
	return out
}

// vp8l returns the bitstream of a lossless WebP picture: the header, then
// no transform, no colour cache and one group of prefix codes, all
// "simple" codes of one or two symbols, so that each pixel takes one bit:
// its green channel, 0x20 or 0xe0; red, blue and alpha are fixed.
func vp8l() []byte {
	var w bitWriter
	w.write(0x2f, 8) // signature
	w.write(WebPWidth-1, 14)
	w.write(WebPHeight-1, 14)
	w.write(0, 1) // alpha is not used
	w.write(0, 3) // version
	w.write(0, 1) // no transform
	w.write(0, 1) // no colour cache
	w.write(0, 1) // no meta prefix codes
	simple := func(symbols ...uint32) {
		w.write(1, 1) // a simple code
		w.write(uint32(len(symbols)-1), 1)
		w.write(1, 1) // the first symbol takes 8 bits
		for _, s := range symbols {
			w.write(s, 8)
		}
	}
	simple(0x20, 0xe0) // green
	simple(0x80)       // red
	simple(0x40)       // blue
	simple(0xff)       // alpha
	simple(0)          // distance
	for y := range WebPHeight {
		for x := range WebPWidth {
			w.write(uint32((x+y)&1), 1)
		}
	}
	return w.bytes()
}

// bitWriter writes bits least significant first, as VP8L reads them.
type bitWriter struct {
	out  []byte
	bits uint64
	n    uint
}

func (w *bitWriter) write(v uint32, n uint) {
	w.bits |= uint64(v) << w.n
	w.n += n
	for w.n >= 8 {
		w.out = append(w.out, byte(w.bits))
		w.bits >>= 8
		w.n -= 8
	}
}

func (w *bitWriter) bytes() []byte {
	if w.n > 0 {
		return append(w.out, byte(w.bits))
	}
	return w.out
}

// TIFF describes the TIFF structure of an EXIF block: the tags its first
// IFD (the image's) and its Exif IFD hold, each with a short text value,
// and whether it has a GPS IFD and a thumbnail IFD.
type TIFF struct {
	BigEndian   bool
	Tags        []uint16 // tags of the first IFD, such as 0x010f (Make)
	ExifTags    []uint16 // tags of the Exif IFD, such as 0xa431 (BodySerialNumber)
	GPS         bool     // a GPS IFD with a latitude and longitude
	Orientation uint16   // 0 for none
	Thumbnail   bool     // a second IFD, pointing to a thumbnail
}

// Value is the text every tag of a [TIFF] holds: tests look for it where
// it must not be.
const Value = "SECRET"

// Bytes returns the TIFF structure: the header, then the IFDs, then the
// values that do not fit in an entry.
func (t TIFF) Bytes() []byte {
	var order binary.AppendByteOrder = binary.LittleEndian
	out := []byte("II*\x00\x08\x00\x00\x00")
	if t.BigEndian {
		order = binary.BigEndian
		out = []byte("MM\x00*\x00\x00\x00\x08")
	}
	type entry struct {
		tag, typ uint16
		value    uint32 // a number, or the offset of the IFD it points to
		ifd      int    // 1 to 3: value is the offset of that IFD
		text     bool   // value is the offset of Value
	}
	ifds := [4][]entry{}
	for _, tag := range t.Tags {
		ifds[0] = append(ifds[0], entry{tag: tag, typ: 2, text: true})
	}
	if t.Orientation != 0 {
		ifds[0] = append(ifds[0], entry{tag: 0x0112, typ: 3, value: uint32(t.Orientation)})
	}
	if t.ExifTags != nil {
		ifds[0] = append(ifds[0], entry{tag: 0x8769, typ: 4, ifd: 1})
		for _, tag := range t.ExifTags {
			ifds[1] = append(ifds[1], entry{tag: tag, typ: 2, text: true})
		}
	}
	if t.GPS {
		ifds[0] = append(ifds[0], entry{tag: 0x8825, typ: 4, ifd: 2})
		ifds[2] = []entry{{tag: 1, typ: 2, text: true}, {tag: 2, typ: 2, text: true}, {tag: 3, typ: 2, text: true}, {tag: 4, typ: 2, text: true}}
	}
	if t.Thumbnail {
		ifds[3] = []entry{{tag: 0x0201, typ: 4, value: 0}, {tag: 0x0202, typ: 4, value: 0}}
	}
	// Lay the IFDs out one after the other, then the text.
	offsets := [4]uint32{}
	at := uint32(8)
	for i, ifd := range ifds {
		if len(ifd) > 0 || i == 0 {
			offsets[i] = at
			at += 2 + 12*uint32(len(ifd)) + 4
		}
	}
	text := at
	for i, ifd := range ifds {
		if offsets[i] == 0 {
			continue
		}
		slices.SortFunc(ifd, func(a, b entry) int { return int(a.tag) - int(b.tag) })
		out = order.AppendUint16(out, uint16(len(ifd)))
		for _, e := range ifd {
			out = order.AppendUint16(out, e.tag)
			out = order.AppendUint16(out, e.typ)
			switch {
			case e.text:
				out = order.AppendUint32(out, uint32(len(Value)+1))
				out = order.AppendUint32(out, text)
			case e.typ == 3:
				out = order.AppendUint32(out, 1)
				out = order.AppendUint16(out, uint16(e.value))
				out = append(out, 0, 0)
			case e.ifd != 0:
				out = order.AppendUint32(out, 1)
				out = order.AppendUint32(out, offsets[e.ifd])
			default:
				out = order.AppendUint32(out, 1)
				out = order.AppendUint32(out, e.value)
			}
		}
		next := uint32(0)
		if i == 0 {
			next = offsets[3]
		}
		out = order.AppendUint32(out, next)
	}
	return append(append(out, Value...), 0)
}

// XMP returns an XMP packet holding the given properties, written as
// elements with their prefixes (such as "exif:GPSLatitude"), each with
// the text [Value].
func XMP(properties ...string) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="">`)
	for _, p := range properties {
		b.WriteString("<" + p + ">" + Value + "</" + p + ">")
	}
	b.WriteString(`</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`)
	return b.Bytes()
}

// XMPSegment returns the APP1 segment of an XMP packet.
func XMPSegment(packet []byte) []byte {
	return Segment(0xe1, append([]byte("http://ns.adobe.com/xap/1.0/\x00"), packet...))
}

// PhoneJPEG returns a JPEG as a phone writes it: an EXIF block with the
// GPS position, the camera's make, model and serial number, and the time
// the photo was taken.
func PhoneJPEG() []byte {
	return JPEG(ExifSegment(TIFF{Tags: []uint16{0x010f, 0x0110, 0x0132}, ExifTags: []uint16{0x9003, 0xa431}, GPS: true}))
}
