// Package i18n owns what the site writes differently in each language: the
// interface text (menus, headings, the labels of statuses and event types),
// the words and patterns of dates and terms, the plural forms of counted
// text and the digits of numbers.
//
// The words are in one file per language, i18n/<lang>.yaml, read in layers:
// the embedded theme's, then the site's own, whose keys replace the theme's
// one by one. So a site adds a language with one file, and changes a word
// with one key. The rules, which plural form a count takes and how a number
// is grouped, are CLDR's for every language, from golang.org/x/text.
//
// Which language is the default, and in which order a language's texts fall
// back to others, is [content.Settings.Chain]; the words that say a text is
// shown in another language are language.fallback and language.in.<code>;
// the latter are the only keys a language may leave out.
package i18n

import (
	"errors"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/date"
)

// Strings is the interface text of a site (menus, headings, labels of
// statuses and event types) in each of its languages, read from
// i18n/<lang>.yaml files:
//
//	nav.current: Current list
//	count.prisoners:
//	  one: "{n} political prisoner"
//	  other: "{n} political prisoners"
//
// A value is either one text or, for text that counts something, a form
// for each plural category the language uses (en and kk: one, other; ru:
// one, few, many; see [Categories]). Words in braces are placeholders the
// site fills in; a translation may move them but not invent new ones. The
// keys date.* and term.* give the words of dates and terms (see
// [Strings.Locale]); the month names among them are lists.
type Strings struct {
	msgs    map[string]map[string]*message // language -> key -> message
	tops    map[string]place               // language -> the top of the file last read for it
	locales map[string]*date.Locale        // language -> its dates, once every key is checked
}

type message struct {
	text  string              // a plain message
	forms map[Category]string // or one form per plural category
	list  []string            // or the month names of a date key
	path  string
	line  int
	col   int
}

// place is a position in an i18n file.
type place struct {
	path      string
	line, col int
}

// Dir is the folder of interface text files, beside content/ in a site and
// in the embedded theme.
const Dir = "i18n"

var (
	i18nKeyRE     = regexp.MustCompile(`^[a-z0-9_]+(\.[a-z0-9_]+)*$`)
	placeholderRE = regexp.MustCompile(`\{[a-z_]+\}`)
)

// Load reads the interface text of each of langs from i18n/ in
// layers, lowest first: the embedded theme, then the site's own folder,
// whose keys replace the theme's one by one. A site therefore needs an
// i18n file only for the strings it changes or a language the theme lacks.
//
// Every key must exist in every language, plural messages must give every
// form the language needs, and a translation may use only the placeholders
// of the default language's text. The date keys must be in every language
// even when no language has them, each with its placeholders. Files in the
// site's own i18n/ must be for one of langs.
func Load(langs content.Languages, layers ...fs.FS) (*Strings, error) {
	var errs content.ErrorList
	s := &Strings{msgs: make(map[string]map[string]*message), tops: make(map[string]place), locales: make(map[string]*date.Locale)}
	for _, lang := range langs {
		s.msgs[lang] = make(map[string]*message)
	}
	for i, layer := range layers {
		entries, err := fs.ReadDir(layer, Dir)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			errs = append(errs, &content.Error{Path: Dir, Msg: "cannot read the folder: " + err.Error()})
			continue
		}
		for _, e := range entries {
			if content.Hidden(e) {
				continue
			}
			p := Dir + "/" + e.Name()
			lang, ok := strings.CutSuffix(e.Name(), ".yaml")
			if !slices.Contains(langs, lang) {
				if i > 0 { // the theme may carry languages a site does not use
					msg := "unexpected file; i18n/ holds one <lang>.yaml per language of site.yaml (" + strings.Join(langs, ", ") + ")"
					if ok && content.IsLangCode(lang) {
						msg = "language " + quote(lang) + " is not one of site.yaml's languages (" + strings.Join(langs, ", ") + "); add it there or remove the file"
					}
					errs = append(errs, &content.Error{Path: p, Msg: msg})
				}
				continue
			}
			s.read(layer, p, lang, &errs)
		}
	}
	s.check(langs, &errs)
	if len(errs) == 0 {
		for _, lang := range langs {
			s.locales[lang] = s.makeLocale(lang)
		}
	}
	return s, errs.Err()
}

// read merges one i18n file into s.
func (s *Strings) read(fsys fs.FS, p, lang string, errs *content.ErrorList) {
	f := content.ReadYAMLFile(fsys, p, errs)
	root := f.Root
	if root == nil {
		return
	}
	if root.Kind != yaml.MappingNode {
		f.Errorf(root, "an i18n file maps keys to text, like  nav.current: Current list, not %s", content.KindName(root))
		return
	}
	s.tops[lang] = place{p, root.Line, root.Column}
	seen := make(map[string]bool)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		key := k.Value
		switch {
		case !i18nKeyRE.MatchString(key):
			f.Errorf(k, "%q is not a key; keys are lower-case words joined by dots, like nav.current", key)
			continue
		case seen[key]:
			f.Errorf(k, "%q is given twice; keep one", key)
			continue
		}
		seen[key] = true
		if dk := dateKeyOf(key); dk != nil {
			s.msgs[lang][key] = readDateKey(f, p, lang, dk, v)
			continue
		}
		m := &message{path: p, line: v.Line, col: v.Column}
		if v.Kind == yaml.MappingNode {
			m.forms = readForms(f, lang, key, v)
		} else {
			m.text = f.Text(v, key)
		}
		s.msgs[lang][key] = m
	}
}

// readForms reads the plural forms v of key, which must be the forms
// lang needs, and may add "other".
func readForms(f *content.YAMLFile, lang, key string, v *yaml.Node) map[Category]string {
	forms := make(map[Category]string)
	need := Categories(lang)
	for j := 0; j+1 < len(v.Content); j += 2 {
		fk, fv := v.Content[j], v.Content[j+1]
		c := Category(fk.Value)
		if !slices.Contains(need, c) && c != Other {
			f.Errorf(fk, "%q is not a plural form of %s; the forms are %s", fk.Value, lang, catNames(need))
			continue
		}
		forms[c] = f.Text(fv, key+"."+fk.Value)
	}
	for _, c := range need {
		if _, ok := forms[c]; !ok {
			f.Errorf(v, "%q has no %q form; %s needs the forms %s", key, c, lang, catNames(need))
		}
	}
	return forms
}

// check reports keys missing from a language and placeholders a
// translation has that the default language's text does not.
func (s *Strings) check(langs content.Languages, errs *content.ErrorList) {
	all := make(map[string]bool)
	for _, lang := range langs {
		for k := range s.msgs[lang] {
			all[k] = true
		}
	}
	def := langs.Default()
	failed := make(map[string]bool) // files already reported as unreadable
	for _, e := range *errs {
		failed[e.Path] = true
	}
	for _, lang := range langs {
		if len(s.msgs[lang]) == 0 {
			if failed[Dir+"/"+lang+".yaml"] {
				continue
			}
			*errs = append(*errs, &content.Error{Path: Dir + "/" + lang + ".yaml", Msg: "no interface text for language " + quote(lang) + "; copy i18n/en.yaml of tizim's theme to this file and translate it"})
			continue
		}
		s.checkDates(lang, errs)
		var missing []string
		for _, k := range slices.Sorted(maps.Keys(all)) {
			if dateKeyOf(k) != nil {
				continue // checked on their own, more strictly
			}
			if strings.HasPrefix(k, "language.in.") {
				continue // optional: a language's name for language.fallback
			}
			m, ok := s.msgs[lang][k]
			if !ok {
				missing = append(missing, k)
				continue
			}
			if lang == def {
				continue
			}
			allowed := s.msgs[def][k].placeholders()
			for _, form := range m.all() {
				for _, ph := range placeholderRE.FindAllString(form, -1) {
					if !slices.Contains(allowed, ph) {
						msg := quote(k) + " uses " + ph + ", which the " + def + " text does not have"
						if len(allowed) > 0 {
							msg += "; it may use " + strings.Join(allowed, ", ")
						}
						*errs = append(*errs, &content.Error{Path: m.path, Line: m.line, Col: m.col, Msg: msg})
					}
				}
			}
		}
		if len(missing) > 0 {
			*errs = append(*errs, &content.Error{Path: Dir + "/" + lang + ".yaml", Msg: "missing text for " + strings.Join(missing, ", ") + "; every language needs every key"})
		}
	}
}

func (m *message) all() []string {
	if m == nil {
		return nil
	}
	if m.forms == nil {
		return []string{m.text}
	}
	return slices.Sorted(maps.Values(m.forms))
}

func (m *message) placeholders() []string {
	var out []string
	for _, form := range m.all() {
		for _, ph := range placeholderRE.FindAllString(form, -1) {
			if !slices.Contains(out, ph) {
				out = append(out, ph)
			}
		}
	}
	slices.Sort(out)
	return out
}

func catNames(cs []Category) string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = string(c)
	}
	return strings.Join(out, ", ")
}

// Text returns the message key in lang, in the plural form for the count
// n when the message counts something. Placeholders are left for the
// caller to fill; a list (month names) is joined by commas. A key that does
// not exist gives the key itself, so that a template's typo shows on the
// page rather than as blank space.
func (s *Strings) Text(lang, key string, n int) string {
	m := s.msgs[lang][key]
	if m == nil {
		return key
	}
	if m.list != nil {
		return strings.Join(m.list, ", ")
	}
	if m.forms == nil {
		return m.text
	}
	if f, ok := m.forms[Plural(lang, n)]; ok {
		return f
	}
	return m.forms[Other]
}

// Keys lists every key of lang, sorted.
func (s *Strings) Keys(lang string) []string { return slices.Sorted(maps.Keys(s.msgs[lang])) }

func quote(s string) string { return `"` + s + `"` }
