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
	if s, ok := text.In("kk"); !ok || s != "Алматы қ." {
		t.Errorf("In(kk) = %q, %v", s, ok)
	}
	if s, ok := text.In("de"); ok || s != "Almaty" {
		t.Errorf("In(de) = %q, %v; want the default text", s, ok)
	}
}
