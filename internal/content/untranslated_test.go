package content_test

import (
	"fmt"
	"slices"
	"testing"
)

// TestUntranslated checks the translation debt of each language: every
// text without its own translation, where it is written, fallbacks or not.
func TestUntranslated(t *testing.T) {
	_, files := fixture(t, "testdata/base.txtar")
	files["content/site.yaml"] = []byte(`title:
  en: Test Register
  ru: Тестовый реестр
description: A register.
languages: [en, ru, kk]
fallbacks: {kk: [ru]}
translations:
  Almaty: {ru: Алматы, kk: Алматы}
  Our Right: {ru: «Наше право»}
`)
	files["content/people/ok-person/case.yaml"] = []byte(`name: Ok Person
names: {ru: Ок Персон}
region: Almaty
occupation: {en: writer, kk: жазушы}
groups: [Our Right, Street Party]
charges:
  - text: {en: Inciting discord, ru: Разжигание розни}
  - text: Spreading false information
events:
  - date: 2020-07~
    type: sentenced
    text: {en: Sentenced to one year., ru: Приговорён к году., kk: Бір жылға сотталды.}
    court: Almaty City Court
    sentence: {kind: fine, amount: {en: 100 tenge, ru: 100 тенге}}
    sources: [src-a]
`)
	files["content/people/ok-person/profile.md"] = []byte("A profile.\n")
	files["content/people/ok-person/profile.ru.md"] = []byte("Профиль.\n")
	files["content/people/draft/case.yaml"] = []byte("name: Draft\ndraft: true\nevents: [{date: 2020, type: detained, text: D., sources: [src-a]}]\n")
	files["content/pages/about.ru.md"] = []byte("---\ntitle: О реестре\n---\nО реестре.\n")
	c, err := loadFiles(files)
	if err != nil {
		t.Fatal(err)
	}
	const site, person = "content/site.yaml", "content/people/ok-person/case.yaml"
	for _, tt := range []struct {
		lang string
		want []string
	}{
		{"en", nil},
		{"ru", []string{
			person + ":4: occupation",
			person + ":5: translations: \"Street Party\"",
			person + ":8: charge",
			person + ":10: translations: \"Almaty City Court\"",
			site + ":4: description",
		}},
		{"kk", []string{
			"content/pages/about.md:1: page (no about.kk.md)",
			person + ":1: name",
			person + ":5: translations: \"Street Party\"",
			person + ":7: charge",
			person + ":8: charge",
			person + ":10: sentence amount",
			person + ":10: translations: \"Almaty City Court\"",
			"content/people/ok-person/profile.md:1: profile (no profile.kk.md)",
			site + ":2: title",
			site + ":4: description",
			site + ":9: translations: \"Our Right\"",
		}},
	} {
		var got []string
		for _, m := range c.Untranslated(tt.lang) {
			got = append(got, fmt.Sprintf("%s:%d: %s", m.Path, m.Line, m.What))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Untranslated(%s):\n%q\nwant\n%q", tt.lang, got, tt.want)
		}
	}
}
