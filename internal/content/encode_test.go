package content_test

import (
	"reflect"
	"testing"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/testkit/synth"
)

// TestEncodePerson encodes and decodes every person of the shipped
// content and of a synthetic register (three languages, profiles, photos,
// every kind of event): each comes back as loading gave them, once their
// profiles' bodies and their positions are dropped as a build drops them.
func TestEncodePerson(t *testing.T) {
	sites := []struct {
		name string
		load func() (*content.Content, error)
	}{
		{"shipped", func() (*content.Content, error) { return content.Load(shipped(t)) }},
		{"synthetic", func() (*content.Content, error) { return content.Load(synth.FS(300, 7)) }},
	}
	for _, s := range sites {
		c, err := s.load()
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		c.DropProfiles()
		c.DropPositions()
		var dec content.PersonDecoder
		var b []byte
		for i, p := range c.People {
			b = content.AppendPerson(b[:0], p)
			got, err := dec.Decode(b)
			if err != nil {
				t.Fatalf("%s: %s: %v", s.name, p.Slug, err)
			}
			if !reflect.DeepEqual(got, p) {
				t.Errorf("%s: %s decoded differs:\n got %+v\nwant %+v", s.name, p.Slug, got, p)
			}
			if got.SameRead(p) {
				t.Errorf("%s: %s: a decoded person is the same reading as the one encoded", s.name, p.Slug)
			}
			// Every shorter encoding is refused, not misread (the
			// first people's: this is quadratic).
			if i >= 20 {
				continue
			}
			for n := range len(b) {
				if _, err := dec.Decode(b[:n]); err == nil {
					t.Fatalf("%s: %s: the first %d of %d bytes decoded without error", s.name, p.Slug, n, len(b))
				}
			}
		}
	}
}
