package content

import (
	"cmp"
	"path"
	"slices"
)

// Missing is a text that a language has no translation of: what it is, and
// where the text to translate is written.
type Missing struct {
	Path string
	Line int
	What string // e.g. "event text", "charge", "profile", "translations: \"Our Right\""
}

// Untranslated lists what lang has no text of its own for: the texts of
// site.yaml, the names of its translations glossary that case files use,
// and each published person's name, occupation, charges, event texts,
// sentence amounts and profile, and each published free page. A text that
// a fallback language has (see [Settings.Chain]) counts too: the reader of
// lang still sees it in another language. The default language has
// everything; drafts are left out, being unpublished. The list is sorted
// by file and line.
func (c *Content) Untranslated(lang string) []Missing {
	if c.Site == nil || lang == c.Site.Languages.Default() {
		return nil
	}
	def := c.Site.Languages.Default()
	siteFile := path.Join(Dir, "site.yaml")
	var out []Missing
	add := func(p string, line int, what string) { out = append(out, Missing{p, line, what}) }
	text := func(t Text, p string, line int, what string) {
		if !t.IsZero() && !t.Has(lang, def) {
			add(p, line, what)
		}
	}
	text(c.Site.Title, siteFile, c.Site.titleLine, "title")
	text(c.Site.Description, siteFile, c.Site.descriptionLine, "description")

	// Names of the glossary, each once: at its entry in translations:, or
	// where a case file first uses it when it has none.
	seen := make(map[string]bool)
	name := func(n, p string, line int) {
		if n == "" || seen[n] {
			return
		}
		seen[n] = true
		if _, ok := c.Site.Translations[n][lang]; ok {
			return
		}
		if l, ok := c.Site.translationLines[n]; ok {
			p, line = siteFile, l
		}
		add(p, line, "translations: "+quote(n))
	}
	for _, p := range c.People {
		if p.Draft {
			continue
		}
		if p.Names[lang] == "" {
			add(p.Path, p.Line, "name")
		}
		text(p.Occupation, p.Path, int(p.lines.occupation), "occupation")
		name(p.Region, p.Path, int(p.lines.region))
		for _, g := range p.Groups {
			name(g, p.Path, int(p.lines.groups))
		}
		for _, t := range p.Tags {
			name(t, p.Path, int(p.lines.tags))
		}
		for _, ch := range p.Charges {
			text(ch.Text, p.Path, ch.Line, "charge")
		}
		for _, e := range p.Events {
			text(e.Text, p.Path, e.Line, "event text")
			if e.Sentence != nil {
				text(e.Sentence.Amount, p.Path, e.Line, "sentence amount")
			}
			name(e.Court, p.Path, e.Line)
			name(e.Facility, p.Path, e.Line)
			name(e.By, p.Path, e.Line)
		}
		if md := p.Profiles[def]; md != nil && p.Profiles[lang] == nil {
			add(md.Path, 1, "profile (no profile."+lang+".md)")
		}
	}
	has := make(map[string]bool)
	for _, pg := range c.Pages {
		if pg.Lang == lang && !pg.Draft {
			has[pg.Name] = true
		}
	}
	for _, pg := range c.Pages {
		if pg.Lang == def && !pg.Draft && !has[pg.Name] {
			add(pg.Body.Path, 1, "page (no "+pg.Name+"."+lang+".md)")
		}
	}
	slices.SortStableFunc(out, func(a, b Missing) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line))
	})
	return out
}
