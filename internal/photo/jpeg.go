package photo

import (
	"bytes"
	"encoding/binary"
)

// JPEG markers this file names.
const (
	markerSOS  = 0xda // start of scan: entropy-coded pixels follow
	markerEOI  = 0xd9 // end of image
	markerAPP0 = 0xe0
	markerAPP1 = 0xe1
	markerAPP2 = 0xe2
	markerAPPD = 0xed // APP13
	markerAPPE = 0xee // APP14
	markerAPPF = 0xef
	markerCOM  = 0xfe
)

// jpeg walks the segments of a JPEG file, from the start-of-image marker
// to the end-of-image marker, skipping the entropy-coded data after each
// start of scan. Between segments it skips fill bytes (0xff), as the
// standard allows, and records any other stray bytes as data outside the
// image; after the end of the image, anything but padding is too.
func (s *scan) jpeg(data []byte) error {
	i := 2 // after the start-of-image marker
	for i < len(data) {
		if data[i] != 0xff {
			// Bytes that belong to no segment, which decoders skip.
			j := bytes.IndexByte(data[i:], 0xff)
			if j < 0 {
				j = len(data) - i
			}
			var k kinds
			k.add(Appended)
			s.block(i, i+j, k)
			i += j
			continue
		}
		start := i
		for i+1 < len(data) && data[i+1] == 0xff {
			i++ // fill bytes
		}
		if i+1 >= len(data) {
			return nil // a file ending in fill bytes
		}
		marker := data[i+1]
		i += 2
		switch {
		case marker == markerEOI:
			s.appended(data, i)
			return nil
		case marker == 0x00, marker == 0x01, marker >= 0xd0 && marker <= 0xd8:
			continue // markers without a length: stuffing, TEM, RSTn, SOI
		}
		if i+2 > len(data) {
			return errDamaged("JPEG")
		}
		n := int(binary.BigEndian.Uint16(data[i:]))
		if n < 2 || i+n > len(data) {
			return errDamaged("JPEG")
		}
		seg := data[i+2 : i+n]
		i += n
		if k, o := segmentKinds(marker, seg); k != 0 {
			s.block(start, i, k)
			if s.orientation == 0 {
				s.orientation = o
			}
		}
		if marker == markerSOS {
			i = skipScan(data, i)
		}
	}
	return nil // no end-of-image marker: a truncated file, but nothing hidden
}

// skipScan returns the index of the first marker at or after i that ends
// the entropy-coded data of a scan: an 0xff followed by a byte other than
// 0x00 (a stuffed 0xff), a restart marker or a fill byte.
func skipScan(data []byte, i int) int {
	for {
		j := bytes.IndexByte(data[i:], 0xff)
		if j < 0 {
			return len(data)
		}
		i += j
		if i+1 >= len(data) {
			return len(data)
		}
		switch m := data[i+1]; {
		case m == 0x00, m >= 0xd0 && m <= 0xd7:
			i += 2
		case m == 0xff:
			i++
		default:
			return i
		}
	}
}

// The identifiers that start the payload of metadata segments.
const (
	exifHeader   = "Exif\x00\x00"
	xmpHeader    = "http://ns.adobe.com/xap/1.0/\x00"
	xmpExtHeader = "http://ns.adobe.com/xmp/extension/\x00"
	irbHeader    = "Photoshop 3.0\x00"
)

// segmentKinds returns what metadata the JPEG segment with the given
// marker and payload holds: none for the segments that make the image and
// the few application segments that only say how to show its colours. For
// an EXIF segment it also returns the orientation (0 when none is given).
func segmentKinds(marker byte, seg []byte) (k kinds, orientation int) {
	switch {
	case marker == markerCOM:
		k.add(Comment)
	case marker == markerAPP0:
		switch {
		// JFIF: version, units, densities, then the size of a thumbnail
		// in pixels, which is 0×0 but for a few old cameras.
		case bytes.HasPrefix(seg, []byte("JFIF\x00")) && len(seg) >= 14:
			if seg[12] != 0 || seg[13] != 0 || len(seg) > 14 {
				k.add(Thumbnail)
			}
		case bytes.HasPrefix(seg, []byte("JFXX\x00")):
			k.add(Thumbnail) // JFIF's extension holds only thumbnails
		default:
			k.add(Other)
		}
	case marker == markerAPP1:
		switch {
		case bytes.HasPrefix(seg, []byte(exifHeader)):
			return exifKinds(seg[len(exifHeader):])
		case bytes.HasPrefix(seg, []byte(xmpHeader)):
			k = xmpKinds(seg[len(xmpHeader):])
		case bytes.HasPrefix(seg, []byte(xmpExtHeader)):
			k = xmpKinds(seg[len(xmpExtHeader):])
		default:
			k.add(Other)
		}
	case marker == markerAPP2:
		if !bytes.HasPrefix(seg, []byte("ICC_PROFILE\x00")) {
			k.add(Other) // e.g. MPF, the index of more pictures after this one
		}
	case marker == markerAPPD:
		if bytes.HasPrefix(seg, []byte(irbHeader)) {
			k = irbKinds(seg[len(irbHeader):])
		} else {
			k.add(Other)
		}
	case marker == markerAPPE:
		if !bytes.HasPrefix(seg, []byte("Adobe")) {
			k.add(Other)
		}
	case marker > markerAPP0 && marker <= markerAPPF:
		k.add(Other)
	}
	return k, 0
}
