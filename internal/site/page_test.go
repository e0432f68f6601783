package site

import (
	"bytes"
	"encoding/json"
	"reflect"
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

// TestPersonJSONLDOrder requires personJSONLD's fields in the order of
// their names, which is how the map it replaced was written.
func TestPersonJSONLDOrder(t *testing.T) {
	v := personJSONLD{Context: "c", Type: "t", AlternateName: []string{"a"}, BirthDate: "1970", Gender: "Female",
		Image: "https://x/p.jpg", JobTitle: "j", Name: "n", URL: "https://x/"}
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	sorted, _ := json.Marshal(m) // encoding/json writes a map's keys in order
	if !bytes.Equal(data, sorted) || len(m) != reflect.TypeFor[personJSONLD]().NumField() {
		t.Errorf("personJSONLD writes %s, want %s", data, sorted)
	}
}
