package site_test

import (
	"strings"
	"testing"

	"github.com/tizim/tizim/internal/testkit/testsite"
)

// fallbackSite is a site in English, Russian and Kazakh whose Kazakh falls
// back to Russian, then English, with nothing in Kazakh yet.
const fallbackSite = `-- content/site.yaml --
title: {en: Register, ru: Реестр}
base_url: https://example.org/reg/
languages: [en, ru, kk]
fallbacks:
  kk: [ru]
translations:
  Almaty: {ru: Алматы}
-- content/sources/s.yaml --
- id: src-a
  title: A report
-- content/people/anna-a/case.yaml --
name: Anna A
names: {ru: Анна А}
region: Almaty
groups: [Our Right]
charges:
  - text: {en: Inciting discord, ru: Разжигание розни}
events:
  - date: 2020-07-01
    type: detained
    text: {en: Detained in Almaty., ru: Задержана в Алматы.}
    sources: [src-a]
  - date: 2021-02-01
    type: sentenced
    text: Sentenced to five years.
    sentence: {kind: prison, term: 5y}
    sources: [src-a]
-- content/people/anna-a/profile.md --
An English profile.
-- content/people/anna-a/profile.ru.md --
Профиль на русском.
-- content/pages/about.md --
---
title: About
menu: 1
---
About the register.
-- content/pages/about.ru.md --
---
title: О реестре
menu: 1
---
О реестре.
`

// TestFallbackChain renders a Kazakh page whose texts exist only in Russian
// or English: each shows in the first language of kk → ru → en that has
// it, with its lang attribute and, for texts, a visible note in Kazakh.
func TestFallbackChain(t *testing.T) {
	files := renderFS(t, testsite.Parse([]byte(fallbackSite)).FS(""), "2021-06-01")
	const (
		kkRu = "Орысша — қазақшаға әлі аударылмаған"
		kkEn = "Ағылшынша — қазақшаға әлі аударылмаған"
		ruEn = "На английском — ещё не переведено на русский"
	)
	for _, tt := range []struct {
		page string
		want []string
	}{
		{"kk/people/anna-a/index.html", []string{
			`<h1><span lang="ru">Анна А</span></h1>`,
			// an event's text in Russian, and one in English only
			`<p><span lang="ru">Задержана в Алматы.</span> <small class="fallback">` + kkRu + `</small><a href="#source-`,
			`<p><span lang="en">Sentenced to five years.</span> <small class="fallback">` + kkEn + `</small><a href="#source-`,
			// a charge, and names of the facts
			`<li><span lang="ru">Разжигание розни</span> <small class="fallback">` + kkRu + `</small></li>`,
			`<span lang="ru">Алматы</span> <small class="fallback">` + kkRu + `</small></a>`,
			`<span lang="en">Our Right</span> <small class="fallback">` + kkEn + `</small></a>`,
			// the profile, a block: a notice above it
			`<p class="notice" role="note">` + kkRu + `</p>
<div lang="ru">`,
			"Профиль на русском.",
		}},
		{"kk/about/index.html", []string{
			`<p class="notice" role="note">` + kkRu + `</p>`,
			`<article class="prose" lang="ru">
<h1>О реестре</h1>`,
		}},
		{"kk/people/index.html", []string{
			// in a table, a name has its lang attribute only
			`<a href="../../kk/people/anna-a/index.html"><span lang="ru">Анна А</span></a>`,
		}},
		{"ru/people/anna-a/index.html", []string{
			`<h1>Анна А</h1>`,
			`<p>Задержана в Алматы.<a href="#source-`,
			`<p><span lang="en">Sentenced to five years.</span> <small class="fallback">` + ruEn + `</small><a href="#source-`,
			`<span lang="en">Our Right</span> <small class="fallback">` + ruEn + `</small></a>`,
		}},
	} {
		got := string(files[tt.page])
		if got == "" {
			t.Errorf("%s: not written", tt.page)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s lacks %q", tt.page, w)
			}
		}
	}
	// The title falls back too: Kazakh pages say "Реестр".
	if got := string(files["kk/index.html"]); !strings.Contains(got, "<title>Реестр</title>") {
		t.Errorf("kk/index.html: the site title is not the Russian one")
	}
}
