package export

import (
	"slices"
	"testing"
)

// TestGuard covers every character OWASP lists for CSV injection, including
// the tab and carriage return that the loader's trimming keeps out of
// content today but a later field might let through.
func TestGuard(t *testing.T) {
	in := []string{"=1+1", "+1", "-1", "@A1", "\tx", "\rx", "", "a=b", "'=quoted", " =x", "1-2", "Ƒ"}
	want := []string{"'=1+1", "'+1", "'-1", "'@A1", "'\tx", "'\rx", "", "a=b", "'=quoted", " =x", "1-2", "Ƒ"}
	if got := guard(slices.Clone(in)); !slices.Equal(got, want) {
		t.Errorf("guard(%q)\n got %q\nwant %q", in, got, want)
	}
}
