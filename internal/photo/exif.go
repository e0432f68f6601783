package photo

import "encoding/binary"

// exifTags says what the EXIF tags that identify someone hold, by tag
// number. Tags of the first IFD (the image) and of the Exif IFD share one
// numbering, so one table serves both.
var exifTags = map[uint16]Kind{
	0x010e: Comment, // ImageDescription
	0x010f: Camera,  // Make
	0x0110: Camera,  // Model
	0x0132: Taken,   // DateTime
	0x013b: Owner,   // Artist
	0x013c: Owner,   // HostComputer: often the owner's name ("Ivan's MacBook")
	0x02bc: XMP,     // XMP packet inside the TIFF structure
	0x8298: Owner,   // Copyright
	0x83bb: IPTC,    // IPTC-NAA
	0x8825: GPS,     // the GPS IFD
	0x9003: Taken,   // DateTimeOriginal
	0x9004: Taken,   // DateTimeDigitized
	0x9010: Taken,   // OffsetTime: the time zone, a clue to where
	0x9011: Taken,   // OffsetTimeOriginal
	0x9012: Taken,   // OffsetTimeDigitized
	0x9286: Comment, // UserComment
	0x9c9b: Comment, // XPTitle (Windows)
	0x9c9c: Comment, // XPComment
	0x9c9d: Owner,   // XPAuthor
	0x9c9e: Comment, // XPKeywords
	0x9c9f: Comment, // XPSubject
	0xa430: Owner,   // CameraOwnerName
	0xa431: Serial,  // BodySerialNumber
	0xa433: Camera,  // LensMake
	0xa434: Camera,  // LensModel
	0xa435: Serial,  // LensSerialNumber
	0xc62f: Serial,  // CameraSerialNumber (DNG)
}

const (
	tagOrientation = 0x0112
	tagExifIFD     = 0x8769
)

// maxEntries bounds the entries read from one IFD: real ones have a few
// dozen, and the count is the file's claim.
const maxEntries = 1000

// exifKinds reads the TIFF structure of an EXIF block: the tag numbers of
// its first IFD and of the Exif IFD it points to, whether it points to a
// GPS IFD, and whether a second IFD (a thumbnail) follows the first. It
// also returns the orientation, 0 when none is given. It reads no other
// value. A block it cannot make sense of is still EXIF data.
func exifKinds(b []byte) (kinds, int) {
	var k kinds
	orientation := 0
	var order binary.ByteOrder
	switch {
	case len(b) < 8:
	case string(b[:4]) == "II*\x00":
		order = binary.LittleEndian
	case string(b[:4]) == "MM\x00*":
		order = binary.BigEndian
	}
	if order != nil {
		// Each IFD is read once, in this order; none is followed twice,
		// so a file whose offsets point in a loop costs nothing.
		ifd0 := order.Uint32(b[4:])
		exifIFD := uint32(0)
		each := func(tag, typ uint16, value []byte) {
			switch {
			case tag == tagOrientation && typ == 3: // SHORT
				orientation = int(order.Uint16(value))
			case tag == tagExifIFD:
				exifIFD = order.Uint32(value)
			}
			if kind, ok := exifTags[tag]; ok {
				k.add(kind)
			}
		}
		_, next := readIFD(b, ifd0, order, each)
		if exifIFD != 0 && exifIFD != ifd0 {
			readIFD(b, exifIFD, order, func(tag, _ uint16, _ []byte) {
				if kind, ok := exifTags[tag]; ok {
					k.add(kind)
				}
			})
		}
		if next != 0 && next != ifd0 {
			// A second IFD describes the thumbnail.
			if n, _ := readIFD(b, next, order, func(uint16, uint16, []byte) {}); n > 0 {
				k.add(Thumbnail)
			}
		}
	}
	if k == 0 {
		k.add(EXIF)
	}
	return k, orientation
}

// readIFD calls each for every entry of the IFD at offset off of the TIFF
// structure b, with the entry's tag, type and 4-byte value field. It
// returns the number of entries it read, and the offset of the next IFD,
// or 0 when there is none or it cannot tell. Entries past the end of b
// are not read.
func readIFD(b []byte, off uint32, order binary.ByteOrder, each func(tag, typ uint16, value []byte)) (read int, next uint32) {
	if off < 8 || uint64(off)+2 > uint64(len(b)) {
		return 0, 0
	}
	i := int(off)
	n := int(order.Uint16(b[i:]))
	i += 2
	for ; read < min(n, maxEntries) && i+12 <= len(b); read++ {
		each(order.Uint16(b[i:]), order.Uint16(b[i+2:]), b[i+8:i+12])
		i += 12
	}
	if read < n || i+4 > len(b) {
		return read, 0
	}
	return read, order.Uint32(b[i:])
}

// xmpKinds looks through an XMP packet for the properties that identify
// someone. XMP is XML with conventional prefixes; matching their names as
// text finds them whether written as attributes or elements, and a false
// match only changes the words of a message about a block that is refused
// anyway.
func xmpKinds(b []byte) kinds {
	var k kinds
	for _, p := range []struct {
		kind  Kind
		names []string
	}{
		{GPS, []string{"GPSLatitude", "GPSLongitude"}},
		{Place, []string{":City", ":Country", ":Location", ":Sublocation", ":ProvinceState", "photoshop:State", "LocationCreated", "LocationShown"}},
		{Serial, []string{"SerialNumber"}},
		{Owner, []string{":creator", ":Artist", "OwnerName", ":rights", ":Copyright", "xmpRights:Owner", "CreatorContactInfo", ":AuthorsPosition", ":Credit"}},
		{Taken, []string{"DateTimeOriginal", "DateTimeDigitized", "CreateDate", "DateCreated"}},
		{Camera, []string{"tiff:Make", "tiff:Model", "LensModel", "aux:Lens"}},
		{Thumbnail, []string{":Thumbnails"}},
		{Comment, []string{":description", ":title", ":subject", "UserComment", ":Headline", ":Instructions"}},
	} {
		if has(b, p.names...) {
			k.add(p.kind)
		}
	}
	if k == 0 {
		k.add(XMP)
	}
	return k
}

// irbKinds reads Photoshop's image resource blocks (a JPEG's APP13
// segment): each is a signature, a 2-byte id, a padded Pascal-string name
// and a 4-byte length, then the resource, padded to an even length.
func irbKinds(b []byte) kinds {
	var k kinds
	for i := 0; i+7 <= len(b); {
		id := binary.BigEndian.Uint16(b[i+4:])
		name := int(b[i+6])
		i += 6 + (1+name+1)&^1
		if i+4 > len(b) {
			break
		}
		n := int(binary.BigEndian.Uint32(b[i:]))
		i += 4
		if n < 0 || n > len(b)-i {
			n = len(b) - i
		}
		res := b[i : i+n]
		i += (n + 1) &^ 1
		switch id {
		case 0x0404:
			k |= iptcKinds(res)
		case 0x0409, 0x040c:
			k.add(Thumbnail)
		case 0x0422:
			e, _ := exifKinds(res)
			k |= e
		case 0x0424:
			k |= xmpKinds(res)
		}
	}
	if k == 0 {
		k.add(Other)
	}
	return k
}

// iptcDatasets says what the IPTC datasets of record 2 that identify
// someone hold, by dataset number.
var iptcDatasets = map[byte]Kind{
	5:   Comment, // Object Name
	25:  Comment, // Keywords
	40:  Comment, // Special Instructions
	55:  Taken,   // Date Created
	60:  Taken,   // Time Created
	62:  Taken,   // Digital Creation Date
	63:  Taken,   // Digital Creation Time
	80:  Owner,   // By-line
	85:  Owner,   // By-line Title
	90:  Place,   // City
	92:  Place,   // Sub-location
	95:  Place,   // Province/State
	100: Place,   // Country Code
	101: Place,   // Country Name
	105: Comment, // Headline
	110: Owner,   // Credit
	115: Owner,   // Source
	116: Owner,   // Copyright Notice
	118: Owner,   // Contact
	120: Comment, // Caption
	122: Owner,   // Caption Writer
}

// iptcKinds reads IPTC datasets: each is 0x1c, a record and a dataset
// number, and a length (of 2 bytes, or, with the high bit set, the number
// of bytes of a longer one).
func iptcKinds(b []byte) kinds {
	var k kinds
	for i := 0; i+5 <= len(b) && b[i] == 0x1c; {
		record, dataset := b[i+1], b[i+2]
		n := int(binary.BigEndian.Uint16(b[i+3:]))
		i += 5
		if n&0x8000 != 0 {
			m := n & 0x7fff
			if m > 4 || i+m > len(b) {
				break
			}
			n = 0
			for _, c := range b[i : i+m] {
				n = n<<8 | int(c)
			}
			i += m
		}
		if record == 2 {
			if kind, ok := iptcDatasets[dataset]; ok {
				k.add(kind)
			}
		}
		if n > len(b)-i {
			break
		}
		i += n
	}
	if k == 0 {
		k.add(IPTC)
	}
	return k
}
