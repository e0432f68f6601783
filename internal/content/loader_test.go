package content_test

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/testkit/testsite"
)

// shipped returns the shipped content as an in-memory site.
func shipped(t *testing.T) fstest.MapFS { return testsite.Folder(t, "../../content", content.Dir) }

// replace edits a file of m.
func replace(t *testing.T, m fstest.MapFS, name, old, new string) {
	t.Helper()
	s := string(m[name].Data)
	if !strings.Contains(s, old) {
		t.Fatalf("%s has no %q", name, old)
	}
	m[name] = &fstest.MapFile{Data: []byte(strings.Replace(s, old, new, 1))}
}

// TestLoader loads a site, edits it and loads it again: each load gives
// what a fresh Load would, and a folder not named as changed is not read
// again (which is the point).
// atabek returns Aron Atabek's record of c.
func atabek(c *content.Content) *content.Person {
	for _, p := range c.People {
		if p.Slug == "aron-atabek" {
			return p
		}
	}
	return &content.Person{}
}

func TestLoader(t *testing.T) {
	m := shipped(t)
	const file = "content/people/aron-atabek/case.yaml"
	l := content.NewLoader(m)
	same := func(step string, changed []string) *content.Content {
		t.Helper()
		got, err := l.Load(changed)
		want, wantErr := content.Load(m)
		if (err == nil) != (wantErr == nil) || (err != nil && err.Error() != wantErr.Error()) {
			t.Fatalf("%s: error %v, a fresh load says %v", step, err, wantErr)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: differs from a fresh load", step)
		}
		return got
	}
	same("first load", nil)

	replace(t, m, file, "name: Aron Atabek", "name: Aron Atabek Edited")
	if c := same("after an edit", []string{file}); atabek(c).Name != "Aron Atabek Edited" {
		t.Fatalf("the edit is not loaded: %q", atabek(c).Name)
	}

	// An edit the loader is not told of is not seen: the folder was kept.
	replace(t, m, file, "name: Aron Atabek Edited", "name: Aron Atabek Unseen")
	c, err := l.Load([]string{"content/site.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	if atabek(c).Name != "Aron Atabek Edited" {
		t.Errorf("a folder not named as changed was read again: %q", atabek(c).Name)
	}
	same("told of the edit", []string{"content/people/aron-atabek"})

	// A broken file fails the load; the fix is loaded.
	replace(t, m, file, "name: Aron Atabek Unseen", "name: [")
	same("a broken file", []string{file})
	replace(t, m, file, "name: [", "name: Aron Atabek")
	same("the fix", []string{file})

	// Fewer languages in site.yaml: every case file is read again, and
	// the Kazakh texts of unchanged ones are now errors.
	replace(t, m, "content/site.yaml", "languages: [en, ru, kk]", "languages: [en, ru]")
	if _, err := l.Load([]string{"content/site.yaml"}); err == nil || !strings.Contains(err.Error(), `language "kk" is not one of site.yaml's languages`) {
		t.Errorf("languages changed: %v", err)
	}
	replace(t, m, "content/site.yaml", "languages: [en, ru]", "languages: [en, ru, kk]")
	same("languages back", []string{"content/site.yaml"})

	// A citation of a source that does not exist stays an error through
	// edits elsewhere, and goes when the source is added.
	replace(t, m, file, "sources: [", "sources: [no-such-source, ")
	if same("an unknown source", []string{file}) != nil {
		t.Fatal("an unknown source loaded")
	}
	same("an edit elsewhere", []string{"content/people/sanavar-zakirova/case.yaml"})
	sources := "content/sources/added.yaml"
	m[sources] = &fstest.MapFile{Data: []byte("- id: no-such-source\n  title: Now it exists\n  publisher: Test\n  url: https://example.org/x\n")}
	if same("the source added", []string{sources}) == nil {
		t.Fatal("the source added: the load failed")
	}
	delete(m, sources)
	same("the source removed", []string{sources})
	replace(t, m, file, "sources: [no-such-source, ", "sources: [")
	same("the citation removed", []string{file})

	// A new person, and one removed.
	m["content/people/new-person/case.yaml"] = &fstest.MapFile{Data: m[file].Data}
	delete(m, file)
	same("a folder added and one removed", []string{"content/people/new-person/case.yaml", file})
}

// TestDropProfiles: a build lets go of the profiles' bytes and reads each
// again when its page is made; what it reads must be what was loaded and
// checked, byte for byte, or it is an error that says to build again.
func TestDropProfiles(t *testing.T) {
	m := shipped(t)
	const file = "content/people/aron-atabek/profile.md"
	c, err := content.Load(m)
	if err != nil {
		t.Fatal(err)
	}
	md := atabek(c).Profiles["en"]
	loaded := string(md.Source)
	c.DropProfiles()
	if md.Source != nil {
		t.Fatal("the profile's bytes are still held")
	}
	if got, err := md.Read(m); err != nil || string(got) != loaded {
		t.Fatalf("read again: %v, %d bytes; want the %d loaded", err, len(got), len(loaded))
	}
	replace(t, m, file, "Atabek", "Atabek (edited)")
	if _, err := md.Read(m); err == nil || !strings.Contains(err.Error(), file+" changed during the build; build again") {
		t.Errorf("a profile edited since it was loaded: %v", err)
	}
}
