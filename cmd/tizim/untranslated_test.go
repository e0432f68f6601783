package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckUntranslated checks the translation debt that check reports: a
// count per language in the summary line, and with --verbose each text
// not translated, with its file and line.
func TestCheckUntranslated(t *testing.T) {
	root := t.TempDir()
	for name, data := range map[string]string{
		"content/site.yaml": `title: {en: Register, ru: Реестр, kk: Тізілім}
languages: [en, ru, kk]
fallbacks: {kk: [ru]}
translations:
  Almaty: {ru: Алматы}
`,
		"content/sources/s.yaml": "- id: src-a\n  title: A report\n",
		"content/people/a/case.yaml": `name: Anna A
names: {ru: Анна А, kk: Анна А}
region: Almaty
events:
  - date: 2020-07-01
    type: detained
    text: {en: Detained., ru: Задержана.}
    sources: [src-a]
`,
		"content/people/a/profile.md": "A profile.\n",
	} {
		file := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, stdout, stderr := runTizim("check", "--root", root, "--as-of", "2021-01-01")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "ok: 1 people, ") || !strings.HasSuffix(stdout, "; untranslated: ru 1, kk 3\n") {
		t.Errorf("summary: %q", stdout)
	}
	code, stdout, stderr = runTizim("check", "--root", root, "--as-of", "2021-01-01", "--verbose")
	if code != 0 {
		t.Fatalf("--verbose: exit %d: %s", code, stderr)
	}
	want := `content/people/a/profile.md:1: ru: profile (no profile.ru.md)
content/people/a/case.yaml:5: kk: event text
content/people/a/profile.md:1: kk: profile (no profile.kk.md)
content/site.yaml:5: kk: translations: "Almaty"
`
	if _, list, _ := strings.Cut(stdout, "\n"); list != want {
		t.Errorf("--verbose lists\n%s\nwant\n%s", list, want)
	}
}
