package content

import (
	"io/fs"
	"path"
	"strings"

	"github.com/gosimple/slug"
	"go.yaml.in/yaml/v3"
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
// When schemaURL is not empty, the file starts with the comment that tells
// YAML editors (VS Code's YAML extension, Codespaces) to check it against
// the case file schema there, as the maintainer types; see [CaseSchemaURL].
func CaseTemplate(name, today, schemaURL string) []byte {
	modeline := ""
	if schemaURL != "" {
		modeline = "# yaml-language-server: $schema=" + schemaURL + "\n"
	}
	return []byte(modeline + `name: ` + yamlQuote(name) + `
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
  # When a later report shows the person still held, record it, or the
  # site will show the status as unconfirmed after a year (confirm_within):
  # - date: YYYY-MM-DD
  #   type: confirmed
  #   text: A report of this date says they are still held.
  #   sources: [source-id]
draft: true                   # remove this line to publish the person
`)
}

// CaseSchemaURL returns the address at which the site of fsys publishes the
// JSON Schema of case files: base_url from content/site.yaml followed by
// schema/case.schema.json. It returns "" when site.yaml gives no absolute
// http(s) base_url (a path alone does not say where the site is) or cannot
// be read: a new case file is then written without the schema comment.
// Errors elsewhere in site.yaml do not matter here; tizim check reports them.
func CaseSchemaURL(fsys fs.FS) string {
	var errs ErrorList
	d, root := readYAML(fsys, path.Join(Dir, "site.yaml"), &errs)
	if root == nil || root.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != "base_url" {
			continue
		}
		base := d.baseURL(root.Content[i+1])
		if lower := strings.ToLower(base); len(errs) > 0 || !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
			return ""
		}
		return base + "schema/case.schema.json"
	}
	return ""
}

// yamlQuote writes s as a double-quoted YAML string.
func yamlQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}
