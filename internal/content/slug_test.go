package content

import (
	"regexp"
	"testing"
)

// FuzzSlug holds IsSlug to the pattern it replaces.
func FuzzSlug(f *testing.F) {
	for _, s := range []string{"", "a", "abai-abishev", "-a", "a-", "a--b", "A", "a_b", "zhenis-2", "ж", "a-b-c", "0", "--", "-"} {
		f.Add(s)
	}
	re := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := IsSlug(s), re.MatchString(s); got != want {
			t.Fatalf("IsSlug(%q) = %v, the pattern says %v", s, got, want)
		}
	})
}
