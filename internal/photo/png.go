package photo

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"io"
	"strconv"
	"strings"
)

const pngSignature = "\x89PNG\r\n\x1a\n"

// png walks the chunks of a PNG file, each a 4-byte length, a 4-byte type,
// the data and a 4-byte checksum, up to the IEND chunk; after it, anything
// but padding is data outside the image.
func (s *scan) png(data []byte) error {
	i := len(pngSignature)
	for i < len(data) {
		if len(data)-i < 12 {
			return errDamaged("PNG")
		}
		n := binary.BigEndian.Uint32(data[i:])
		if uint64(n) > uint64(len(data)-i-12) {
			return errDamaged("PNG")
		}
		typ, body := string(data[i+4:i+8]), data[i+8:i+8+int(n)]
		start := i
		i += 12 + int(n)
		switch typ {
		case "eXIf":
			k, o := exifKinds(body)
			s.block(start, i, k)
			if s.orientation == 0 {
				s.orientation = o
			}
		case "tEXt", "zTXt", "iTXt":
			s.block(start, i, textKinds(typ, body))
		case "IEND":
			s.appended(data, i)
			return nil
		}
	}
	return nil // no IEND chunk: a truncated file, but nothing hidden
}

// maxText bounds what is decompressed of one text chunk: an XMP packet is
// a few kilobytes, and a small chunk could inflate to gigabytes.
const maxText = 1 << 20

// textKinds says what a PNG text chunk holds, by its keyword: a tEXt chunk
// is keyword, 0, text; a zTXt chunk keyword, 0, method, compressed text;
// an iTXt chunk keyword, 0, compressed or not, method, language, 0,
// translated keyword, 0, text. Only XMP and the raw profiles that
// ImageMagick writes are read further.
func textKinds(typ string, b []byte) kinds {
	var k kinds
	keyword, rest, _ := bytes.Cut(b, []byte{0})
	key := string(keyword)
	read := func() []byte {
		switch typ {
		case "tEXt":
			return rest
		case "zTXt":
			if len(rest) < 1 {
				return nil
			}
			return inflate(rest[1:])
		}
		if len(rest) < 2 {
			return nil
		}
		compressed := rest[0] != 0
		_, rest, _ = bytes.Cut(rest[2:], []byte{0}) // language
		_, rest, _ = bytes.Cut(rest, []byte{0})     // translated keyword
		if compressed {
			return inflate(rest)
		}
		return rest
	}
	switch {
	case key == "XML:com.adobe.xmp":
		return xmpKinds(read())
	case strings.HasPrefix(key, "Raw profile type "):
		raw := rawProfile(read())
		switch strings.ToLower(strings.TrimPrefix(key, "Raw profile type ")) {
		case "exif", "app1":
			if bytes.HasPrefix(raw, []byte(exifHeader)) {
				raw = raw[len(exifHeader):]
			}
			k, _ = exifKinds(raw)
			return k
		case "xmp":
			return xmpKinds(raw)
		case "iptc":
			return iptcKinds(raw)
		case "8bim":
			return irbKinds(raw)
		}
		k.add(Other)
	case key == "Author" || key == "Copyright":
		k.add(Owner)
	case key == "Creation Time" || strings.HasPrefix(key, "date:"):
		k.add(Taken)
	case key == "Source": // "the device used to create the image"
		k.add(Camera)
	default:
		k.add(Comment)
	}
	return k
}

// inflate returns what it can decompress of zlib data, at most maxText
// bytes.
func inflate(b []byte) []byte {
	r, err := zlib.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil
	}
	out, _ := io.ReadAll(io.LimitReader(r, maxText))
	return out
}

// rawProfile decodes ImageMagick's raw profile text: a line with the
// profile's type, a line with its length in bytes, then the bytes in
// hexadecimal over many lines.
func rawProfile(text []byte) []byte {
	fields := bytes.Fields(text)
	if len(fields) < 2 {
		return nil
	}
	n, err := strconv.Atoi(string(fields[1]))
	if err != nil || n <= 0 {
		return nil
	}
	out := make([]byte, 0, min(n, len(text)/2))
	var hi byte
	half := false
	for _, f := range fields[2:] {
		for _, c := range f {
			v, ok := unhex(c)
			if !ok {
				return out
			}
			if !half {
				hi, half = v, true
				continue
			}
			out, half = append(out, hi<<4|v), false
			if len(out) == n {
				return out
			}
		}
	}
	return out
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
