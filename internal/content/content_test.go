package content

import (
	"slices"
	"testing"
)

func TestTranslations(t *testing.T) {
	var ts Translations
	for _, step := range []struct{ lang, text string }{{"ru", "Алматы"}, {"kk", "Алматы қ."}, {"ru", "г. Алматы"}, {"uz", "Olmaota"}} {
		ts = ts.Set(step.lang, step.text)
	}
	want := Translations{{"kk", "Алматы қ."}, {"ru", "г. Алматы"}, {"uz", "Olmaota"}}
	if !slices.Equal(ts, want) {
		t.Errorf("after setting ru, kk, ru again and uz: %q, want %q", ts, want)
	}
	if s, ok := ts.Get("ru"); !ok || s != "г. Алматы" {
		t.Errorf("Get(ru) = %q, %v", s, ok)
	}
	if s, ok := ts.Get("en"); ok || s != "" {
		t.Errorf("Get(en) = %q, %v; want nothing", s, ok)
	}
	if got := TranslationsOf(map[string]string{"uz": "Olmaota", "kk": "Алматы қ.", "ru": "г. Алматы"}); !slices.Equal(got, want) {
		t.Errorf("TranslationsOf = %q, want %q, in code order", got, want)
	}
	text := Text{Default: "Almaty", Other: want}
	if s, lang := text.Pick(Chain{"kk", "en"}); lang != "kk" || s != "Алматы қ." {
		t.Errorf("Pick(kk, en) = %q, %q", s, lang)
	}
	if s, lang := text.Pick(Chain{"de", "en"}); lang != "en" || s != "Almaty" {
		t.Errorf("Pick(de, en) = %q, %q; want the default text", s, lang)
	}
}

// TestChain checks each language's chain and that texts, names and
// profiles are picked along it.
func TestChain(t *testing.T) {
	s := &Settings{
		Languages:    Languages{"en", "ru", "kk", "uz"},
		Fallbacks:    map[string][]string{"kk": {"ru"}, "uz": {"kk", "ru"}},
		Translations: map[string]map[string]string{"Our Right": {"ru": "«Наше право»"}, "Almaty": {"ru": "Алматы", "kk": "Алматы қ."}},
	}
	text := Text{Default: "Detained.", Other: Translations{{"ru", "Задержан."}}}
	p := &Person{Name: "Qairat", Names: map[string]string{"ru": "Кайрат"}, Profiles: map[string]*Markdown{"en": {Path: "p.md"}, "kk": {Path: "p.kk.md"}}}
	for _, tt := range []struct {
		lang                 string
		chain                Chain
		text, textLang       string
		group, groupLang     string
		region, regionLang   string
		name, nameLang       string
		profile, profileLang string
	}{
		{"en", Chain{"en"}, "Detained.", "en", "Our Right", "en", "Almaty", "en", "Qairat", "en", "p.md", "en"},
		{"ru", Chain{"ru", "en"}, "Задержан.", "ru", "«Наше право»", "ru", "Алматы", "ru", "Кайрат", "ru", "p.md", "en"},
		{"kk", Chain{"kk", "ru", "en"}, "Задержан.", "ru", "«Наше право»", "ru", "Алматы қ.", "kk", "Кайрат", "ru", "p.kk.md", "kk"},
		{"uz", Chain{"uz", "kk", "ru", "en"}, "Задержан.", "ru", "«Наше право»", "ru", "Алматы қ.", "kk", "Кайрат", "ru", "p.kk.md", "kk"},
	} {
		c := s.Chain(tt.lang)
		if !slices.Equal(c, tt.chain) {
			t.Errorf("Chain(%s) = %v, want %v", tt.lang, c, tt.chain)
		}
		check := func(what, got, gotLang, want, wantLang string) {
			if got != want || gotLang != wantLang {
				t.Errorf("%s: %s = %q in %q, want %q in %q", tt.lang, what, got, gotLang, want, wantLang)
			}
		}
		got, lang := text.Pick(c)
		check("text", got, lang, tt.text, tt.textLang)
		got, lang = s.Name("Our Right", c)
		check("group", got, lang, tt.group, tt.groupLang)
		got, lang = s.Name("Almaty", c)
		check("region", got, lang, tt.region, tt.regionLang)
		got, lang = p.NameIn(c)
		check("name", got, lang, tt.name, tt.nameLang)
		md, lang := p.Profile(c)
		check("profile", md.Path, lang, tt.profile, tt.profileLang)
	}
}
