package site

import (
	"strings"
	"testing"
)

// TestFill holds fill to strings.NewReplacer, whose work it does for
// placeholders.
func TestFill(t *testing.T) {
	repl := []string{"{term}", "3 years", "{amount}", "{term} & <b>", "{n}", ""}
	for _, msg := range []string{
		"", "plain", "{term}", "a {term} b {amount} c", "{amount}{term}{n}", "{x} {term} {", "{ {term}",
		"{x {amount}", "}{term}{", "{{term}}", "{term", "term}", "{n}{n}{unknown}{n",
	} {
		want := strings.NewReplacer(repl...).Replace(msg)
		if got := fill(msg, repl...); got != want {
			t.Errorf("fill(%q) = %q, want %q", msg, got, want)
		}
	}
}

// FuzzFill is TestFill for any message.
func FuzzFill(f *testing.F) {
	for _, s := range []string{"a {term} b {amount}", "{{n}}", "{x {n}"} {
		f.Add(s)
	}
	repl := []string{"{term}", "3 years", "{amount}", "{term} & <b>", "{n}", ""}
	f.Fuzz(func(t *testing.T, msg string) {
		if got, want := fill(msg, repl...), strings.NewReplacer(repl...).Replace(msg); got != want {
			t.Errorf("fill(%q) = %q, want %q", msg, got, want)
		}
	})
}
