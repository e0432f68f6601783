// Package photo finds and removes the metadata a portrait's file carries
// besides its pixels: the EXIF block a phone or camera writes (where the
// photo was taken, when, the camera's serial number), XMP and IPTC blocks,
// comments, embedded thumbnails and data appended after the image.
//
// The site publishes every photo decoded and encoded anew, without any of
// this, but the file committed to the repository is public as it is, and
// every earlier version of it stays in the git history. So the content
// check refuses a photo that carries metadata ([Read]), and
// `tizim photo strip` removes it ([StripFile]) before the photo is
// committed.
//
// The JPEG, PNG and WebP containers are read by hand (they are simple),
// for hostile files: every offset is checked against the data, nothing is
// allocated by a size the file claims, and no value read is ever
// returned, so that a location cannot leak into a public CI log.
//
// # The rule
//
// A photo passes only if it carries no block made to hold metadata: any
// EXIF, XMP, IPTC or Photoshop block, JPEG comment, PNG text chunk,
// embedded thumbnail, or data outside the image is refused, whatever it
// says. Judging fields one by one would not be safer: an EXIF block always
// names at least the camera and the time, vendors' maker notes are
// undocumented and often hold a serial number, and a parser that misses
// one field would let a location through. Kept are the blocks that say
// how to show the pixels and identify no one: JPEG's JFIF header (without
// a thumbnail), ICC colour profiles and Adobe's colour-transform marker;
// PNG's and WebP's image, colour and animation chunks, and chunks of
// unknown kinds, which no camera or editor uses for metadata. The rule is
// against what devices and programs write without asking, not against
// someone hiding data on purpose, which the pixels themselves could hold.
//
// The [Kind]s found are only for the message, to say in plain words why
// the photo is refused; they never decide whether it is.
package photo

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	_ "golang.org/x/image/webp" // decoding WebP to check its dimensions
)

// Kind is one kind of metadata a photo may carry, in words a maintainer
// understands.
type Kind uint8

// The kinds, most telling first: the order in which messages list them.
const (
	GPS       Kind = iota + 1 // a GPS position: where the photo was taken
	Place                     // a place name: a city, region or country
	Serial                    // a camera or lens serial number
	Owner                     // a name: the photographer, the camera's owner, the computer
	Taken                     // the date and time the photo was taken
	Camera                    // the camera's or lens's make and model
	Thumbnail                 // a small copy of the picture, which can show what was cropped away
	Appended                  // data outside the image: often a second photo or a video
	Comment                   // a comment, caption, title or keywords
	XMP                       // an XMP block in which none of the above was recognized
	IPTC                      // an IPTC block in which none of the above was recognized
	EXIF                      // an EXIF block in which none of the above was recognized
	Other                     // another block of metadata
	numKinds
)

var kindNames = [numKinds]string{
	GPS:       "GPS location",
	Place:     "place name",
	Serial:    "camera serial number",
	Owner:     "owner or artist name",
	Taken:     "date and time taken",
	Camera:    "camera make and model",
	Thumbnail: "an embedded thumbnail",
	Appended:  "data outside the image",
	Comment:   "a comment",
	XMP:       "XMP metadata",
	IPTC:      "IPTC data",
	EXIF:      "EXIF data",
	Other:     "other metadata",
}

// String returns the kind in plain words, e.g. "GPS location".
func (k Kind) String() string {
	if k == 0 || k >= numKinds {
		return fmt.Sprintf("Kind(%d)", uint8(k))
	}
	return kindNames[k]
}

// Describe lists kinds in plain words, separated by commas.
func Describe(kinds []Kind) string {
	words := make([]string, len(kinds))
	for i, k := range kinds {
		words[i] = k.String()
	}
	return strings.Join(words, ", ")
}

// kinds is a set of Kinds.
type kinds uint32

func (s *kinds) add(k Kind)     { *s |= 1 << k }
func (s kinds) has(k Kind) bool { return s&(1<<k) != 0 }

// list returns the kinds of s in order.
func (s kinds) list() []Kind {
	var out []Kind
	for k := GPS; k < numKinds; k++ {
		if s.has(k) {
			out = append(out, k)
		}
	}
	return out
}

// Metadata is what [Read] found in a photo file besides its pixels.
type Metadata struct {
	Format string // "jpeg", "png" or "webp", as package image names them
	Kinds  []Kind // what the file carries, most telling first; empty when it is clean

	// Orientation is how the EXIF block says to turn or mirror the pixels
	// for display, 2 to 8 as EXIF numbers them, or 1 when they are shown
	// as stored. Browsers follow it, so removing it alone would show the
	// photo on its side; [Strip] turns the pixels instead.
	Orientation int

	drop []span // the byte ranges that hold the metadata, in order
}

// span is the byte range [start, end) of a file.
type span struct{ start, end int }

// ErrNotImage is returned for a file that is not JPEG, PNG or WebP.
var ErrNotImage = errors.New("this is not a JPEG, PNG or WebP image")

// errDamaged is returned for a file whose structure runs past its end.
func errDamaged(format string) error {
	return fmt.Errorf("the %s file is damaged: a part of it runs past the end of the file", format)
}

// Read finds the metadata in the JPEG, PNG or WebP file data. It reads the
// file's structure only, not its pixels; it returns [ErrNotImage] for
// another kind of file and an error for one whose structure is damaged.
func Read(data []byte) (*Metadata, error) {
	var s scan
	var err error
	switch {
	case bytes.HasPrefix(data, []byte("\xff\xd8")):
		s.format = "jpeg"
		err = s.jpeg(data)
	case bytes.HasPrefix(data, []byte(pngSignature)):
		s.format = "png"
		err = s.png(data)
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		s.format = "webp"
		err = s.webp(data)
	default:
		return nil, ErrNotImage
	}
	if err != nil {
		return nil, err
	}
	m := &Metadata{Format: s.format, Kinds: s.found.list(), Orientation: 1, drop: s.drop}
	if s.orientation >= 2 && s.orientation <= 8 {
		m.Orientation = s.orientation
	}
	return m, nil
}

// scan is the state of Read: what it has found so far.
type scan struct {
	format      string
	found       kinds
	orientation int
	drop        []span
}

// block records that data[start:end] holds metadata of the kinds in k.
func (s *scan) block(start, end int, k kinds) {
	s.found |= k
	s.drop = append(s.drop, span{start, end})
}

// appended records data after the end of the image, unless it is only
// padding: some cameras fill the rest of a block with zeros or 0xff.
func (s *scan) appended(data []byte, start int) {
	if start >= len(data) {
		return
	}
	if len(bytes.Trim(data[start:], "\x00\xff")) == 0 {
		return
	}
	var k kinds
	k.add(Appended)
	s.block(start, len(data), k)
}

// Strip returns the photo file data without its metadata, and what it
// removed. A clean file is returned as it is. When the EXIF orientation
// says to turn the picture, Strip turns the pixels and encodes them anew
// (JPEG at quality 95, PNG losslessly); otherwise it only cuts the
// metadata's blocks out, and the pixels stay exactly as they were. A WebP
// file that would need turning is an error, since there is no WebP
// encoder at hand.
func Strip(data []byte) ([]byte, *Metadata, error) {
	m, err := Read(data)
	if err != nil {
		return nil, nil, err
	}
	if len(m.Kinds) == 0 {
		return data, m, nil
	}
	var out []byte
	if m.Orientation != 1 {
		out, err = upright(data, m)
		if err != nil {
			return nil, nil, err
		}
	} else {
		out = m.cut(data)
	}
	// Never hand back a file that would still be refused.
	if after, err := Read(out); err != nil || len(after.Kinds) > 0 {
		return nil, nil, fmt.Errorf("could not remove all the metadata from this %s file; open it in an image program and save a copy without metadata", m.Format)
	}
	return out, m, nil
}

// cut returns data without the byte ranges that hold metadata, fixing
// what the container says about them.
func (m *Metadata) cut(data []byte) []byte {
	out := make([]byte, 0, len(data))
	at := 0
	for _, d := range m.drop {
		out = append(out, data[at:d.start]...)
		at = d.end
	}
	out = append(out, data[at:]...)
	if m.Format == "webp" {
		fixWebP(out, data, m.drop)
	}
	return out
}

// maxPixels bounds the pictures upright decodes: a small file can declare
// a huge picture, and turning one holds it in memory twice. It is the
// content check's limit, content.MaxPhotoPixels.
const maxPixels = 40 << 20

// upright decodes a JPEG or PNG file, turns its pixels as its EXIF
// orientation says, and encodes them anew without metadata.
func upright(data []byte, m *Metadata) ([]byte, error) {
	if m.Format == "webp" {
		return nil, fmt.Errorf("the WebP file's EXIF block says to turn the picture (orientation %d), and tizim cannot write WebP; open it in an image program and save it as JPEG (photo.jpg)", m.Orientation)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("cannot read the picture: %w", err)
	}
	if cfg.Width*cfg.Height > maxPixels || cfg.Width > 20000 || cfg.Height > 20000 {
		return nil, fmt.Errorf("the picture is %d×%d pixels, far more than a portrait needs; save a smaller copy", cfg.Width, cfg.Height)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("cannot read the picture: %w", err)
	}
	img = orient(img, m.Orientation)
	var buf bytes.Buffer
	if m.Format == "png" {
		err = png.Encode(&buf, img)
	} else {
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 95})
	}
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// maxFile bounds the files StripFile reads: far above a portrait (the
// content check allows 20 MB), so that a camera's original can be
// stripped before it is scaled down.
const maxFile = 256 << 20

// StripFile removes the metadata from the photo file at name, as [Strip]
// does, and returns what it removed. It replaces the file only when there
// was something to remove, atomically: the new file is written beside it
// and renamed over it, so that the old one is never half overwritten.
func StripFile(name string) (*Metadata, error) {
	data, err := readFile(name)
	if err != nil {
		return nil, err
	}
	out, m, err := Strip(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(m.Kinds) == 0 {
		return m, nil
	}
	if err := writeFile(name, out); err != nil {
		return nil, err
	}
	return m, nil
}

func readFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFile+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxFile {
		return nil, fmt.Errorf("%s: the file is larger than %d MB; this is not a portrait", name, maxFile>>20)
	}
	return data, nil
}

// writeFile replaces the file at name with data, keeping its permissions.
// The temporary file's name starts with a dot, so that the content check
// skips it if it is ever left behind.
func writeFile(name string, data []byte) error {
	st, err := os.Stat(name)
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	err = errors.Join(err, f.Sync(), f.Close(), os.Chmod(tmp, st.Mode().Perm()))
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// has reports whether b contains any of subs.
func has(b []byte, subs ...string) bool {
	return slices.ContainsFunc(subs, func(s string) bool { return bytes.Contains(b, []byte(s)) })
}
