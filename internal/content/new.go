package content

import (
	"strings"

	"github.com/gosimple/slug"
)

// kazakhLetters are the Cyrillic letters Kazakh has and Russian lacks; a
// name with any of them is transliterated by Kazakh rules (Қ → q), not
// Russian ones (Қ → k-).
const kazakhLetters = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"

// SlugLang guesses the language whose transliteration suits name: "kk" for
// Kazakh Cyrillic, "ru" for other Cyrillic, "en" otherwise.
func SlugLang(name string) string {
	if strings.ContainsAny(name, kazakhLetters) {
		return "kk"
	}
	for _, r := range name {
		if r >= 0x0400 && r <= 0x04FF {
			return "ru"
		}
	}
	return "en"
}

// Slug makes the URL slug of a person's name: lower-case ASCII letters,
// digits and single hyphens, transliterated by the rules of the name's
// language.
func Slug(name string) string {
	return slug.MakeLang(name, SlugLang(name))
}

// CaseTemplate is the case.yaml that `tizim new person` writes: the
// required fields, with comments that show a maintainer what comes next.
func CaseTemplate(name, today string) []byte {
	return []byte(`name: ` + yamlQuote(name) + `
# names: {ru: ..., kk: ...}    # the name in other languages, optional
# region: Almaty
# occupation: ...
# groups: [...]
# charges:
#   - text: the charge as the sources word it
events:
  - date: ` + today + `        # YYYY, YYYY-MM or YYYY-MM-DD; add ~ if approximate, ? if uncertain
    type: detained            # detained, house_arrest, sentenced, released, recognized, ...
    text: Describe what happened, in your own words.
    sources: [source-id]      # ids from content/sources/*.yaml
draft: true                   # remove this line to publish the person
`)
}

// yamlQuote writes s as a double-quoted YAML string.
func yamlQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}
