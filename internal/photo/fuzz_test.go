package photo_test

import (
	"bytes"
	"testing"

	"github.com/tizim/tizim/internal/photo"
)

// FuzzRead reads arbitrary bytes as a photo: Read must never panic, and a
// file it reads must either be clean or lose all its metadata to Strip
// (without turning, which decodes the picture), leaving a smaller file
// that Read finds clean.
func FuzzRead(f *testing.F) {
	for _, tt := range detections {
		f.Add(tt.data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := photo.Read(data)
		if err != nil {
			return
		}
		if len(m.Kinds) == 0 || m.Orientation != 1 {
			return
		}
		out, removed, err := photo.Strip(data)
		if err != nil {
			t.Fatalf("Strip: %v", err)
		}
		if len(removed.Kinds) == 0 || len(out) > len(data) {
			t.Fatalf("removed %v, %d bytes from %d", removed.Kinds, len(out), len(data))
		}
		after, err := photo.Read(out)
		if err != nil || len(after.Kinds) > 0 {
			t.Fatalf("after Strip: %v, %v", after, err)
		}
		if bytes.Equal(out, data) {
			t.Fatal("Strip removed nothing")
		}
	})
}
