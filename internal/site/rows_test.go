package site

import (
	"testing"

	"github.com/tizim/tizim"
	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
	"github.com/tizim/tizim/internal/testkit/synth"
)

// TestRowsDropped renders a site and checks that the table rows kept for
// reuse are gone once it is done, language by language, while the shared
// fragments are kept.
func TestRowsDropped(t *testing.T) {
	fsys := synth.FS(120, 1)
	c, err := content.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(register.New(c, synth.AsOf), fsys, Overlay(fsys, tizim.DefaultTheme))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.render(discard{}, s.jobs(false)); err != nil {
		t.Fatal(err)
	}
	rows, fragments := 0, 0
	s.rows.Range(func(any, any) bool { rows++; return true })
	s.fragments.Range(func(any, any) bool { fragments++; return true })
	if rows != 0 || fragments == 0 {
		t.Errorf("after the build %d table rows and %d shared fragments are kept; want no rows and some fragments", rows, fragments)
	}
}
