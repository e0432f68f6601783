package content_test

import (
	"testing"
	"testing/fstest"

	"github.com/tizim/tizim/internal/content"
)

// TestContact reads the forms each route of site.yaml's contact: may take.
func TestContact(t *testing.T) {
	for _, tt := range []struct {
		yaml string
		want content.Contact
	}{
		{"email: corrections@example.org", content.Contact{Email: "corrections@example.org"}},
		{"email: mailto:a.b+c@mail.example.kz", content.Contact{Email: "a.b+c@mail.example.kz"}},
		{"telegram: \"@example_group\"", content.Contact{Telegram: "example_group"}},
		{"telegram: https://t.me/example_group", content.Contact{Telegram: "example_group"}},
		{"telegram: t.me/example_group/", content.Contact{Telegram: "example_group"}},
		{"signal: \"+7 (701) 000-00-00\"", content.Contact{Signal: "+7 (701) 000-00-00"}},
		{"signal: example.01", content.Contact{Signal: "example.01"}},
		{"signal: https://signal.me/#eu/abc", content.Contact{Signal: "https://signal.me/#eu/abc"}},
		{"form: https://forms.example.org/x?id=1", content.Contact{Form: "https://forms.example.org/x?id=1"}},
		{"form: https://example.org/f\n  note: {en: Write to us., ru: Напишите нам.}", content.Contact{Form: "https://example.org/f",
			Note: content.Text{Default: "Write to us.", Other: content.TranslationsOf(map[string]string{"ru": "Напишите нам."})}}},
	} {
		fsys := withPerson(fstest.MapFS{"content/site.yaml": {Data: []byte("title: T\nlanguages: [en, ru]\ncontact:\n  " + tt.yaml + "\n")}})
		c, err := content.Load(fsys)
		if err != nil {
			t.Errorf("%s: %v", tt.yaml, err)
			continue
		}
		got := c.Site.Contact
		if got == nil {
			t.Errorf("%s: no contact", tt.yaml)
			continue
		}
		if got.Email != tt.want.Email || got.Telegram != tt.want.Telegram || got.Signal != tt.want.Signal || got.Form != tt.want.Form ||
			got.Note.Default != tt.want.Note.Default || len(got.Note.Other) != len(tt.want.Note.Other) {
			t.Errorf("%s: %+v, want %+v", tt.yaml, *got, tt.want)
		}
	}
}

// TestContactNeedsARoute: a note alone reaches no one.
func TestContactNeedsARoute(t *testing.T) {
	fsys := withPerson(fstest.MapFS{"content/site.yaml": {Data: []byte("title: T\ncontact:\n  note: Write to us.\n")}})
	_, err := content.Load(fsys)
	if err == nil || err.Error() != `content/site.yaml:3:3: contact gives no way to reach you; give at least one of email, signal, telegram, form` {
		t.Errorf("got %v", err)
	}
}

// TestContactNoteInDefault: a note by language includes the default one,
// as every text by language does.
func TestContactNoteInDefault(t *testing.T) {
	fsys := withPerson(fstest.MapFS{"content/site.yaml": {Data: []byte("title: T\nlanguages: [en, ru]\ncontact:\n  email: a@example.org\n  note: {ru: Только по-русски}\n")}})
	_, err := content.Load(fsys)
	if err == nil || err.Error() != `content/site.yaml:5:9: "contact.note" has no text in the default language "en"; give it as en: ... (or write the field as plain text)` {
		t.Errorf("got %v", err)
	}
}

// withPerson adds the one person and source a site needs to load.
func withPerson(m fstest.MapFS) fstest.MapFS {
	m["content/people/a/case.yaml"] = &fstest.MapFile{Data: []byte("name: A\nevents:\n  - date: 2020\n    type: detained\n    text: Detained.\n    sources: [s]\n")}
	m["content/sources/s.yaml"] = &fstest.MapFile{Data: []byte("- id: s\n  title: S\n")}
	return m
}
