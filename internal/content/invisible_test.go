package content

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestIndexInvisible: indexInvisible looks for the characters of
// invisibleNames only in texts with a byte they can start with.
func TestIndexInvisible(t *testing.T) {
	for r := range invisibleNames {
		var b [4]byte
		utf8.EncodeRune(b[:], r)
		if b[0] != 0xE2 && b[0] != 0xEF {
			t.Errorf("U+%04X starts with byte %#x, which indexInvisible does not look for", r, b[0])
		}
		s := "Жанна " + string(r) + "x"
		if got, want := indexInvisible(s), strings.IndexFunc(s, invisible); got != want {
			t.Errorf("indexInvisible(%q) = %d, want %d", s, got, want)
		}
	}
	for _, s := range []string{"", "plain", "Жанна Гусейнова", "a\u2010b", "\uFB01"} {
		if got := indexInvisible(s); got != -1 {
			t.Errorf("indexInvisible(%q) = %d, want -1", s, got)
		}
	}
}
