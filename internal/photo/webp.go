package photo

import "encoding/binary"

// The flags of a WebP file's VP8X chunk that announce metadata chunks.
const (
	vp8xXMP  = 1 << 2
	vp8xEXIF = 1 << 3
)

// webp walks the chunks of a WebP file: a RIFF container, "RIFF", the
// length of the rest, "WEBP", then chunks of a 4-byte type, a 4-byte
// little-endian length and the data, padded to an even length. Anything
// after the length the container gives is data outside the image.
func (s *scan) webp(data []byte) error {
	n := binary.LittleEndian.Uint32(data[4:])
	if uint64(n) > uint64(len(data)-8) {
		return errDamaged("WebP")
	}
	end := 8 + int(n)
	i := 12
	for i+8 <= end {
		typ := string(data[i : i+4])
		n := binary.LittleEndian.Uint32(data[i+4:])
		if uint64(n) > uint64(end-i-8) {
			return errDamaged("WebP")
		}
		start := i
		body := data[i+8 : i+8+int(n)]
		i = min(i+8+int(n)+int(n&1), end)
		switch typ {
		case "EXIF":
			// The specification says TIFF, but some programs write
			// the JPEG segment's header first.
			if len(body) >= len(exifHeader) && string(body[:len(exifHeader)]) == exifHeader {
				body = body[len(exifHeader):]
			}
			k, o := exifKinds(body)
			s.block(start, i, k)
			if s.orientation == 0 {
				s.orientation = o
			}
		case "XMP ":
			s.block(start, i, xmpKinds(body))
		}
	}
	s.appended(data, end)
	return nil
}

// fixWebP makes a WebP file from which the chunks drop of data were cut,
// giving out, consistent again: the RIFF length no longer counts them, and
// the VP8X chunk, which comes first when there is one, no longer
// announces EXIF or XMP.
func fixWebP(out, data []byte, drop []span) {
	size := int(binary.LittleEndian.Uint32(data[4:]))
	end := 8 + size
	for _, d := range drop {
		if d.start < end {
			size -= min(d.end, end) - d.start
		}
	}
	binary.LittleEndian.PutUint32(out[4:], uint32(size))
	if len(out) >= 21 && string(out[12:16]) == "VP8X" {
		out[20] &^= vp8xEXIF | vp8xXMP
	}
}
