package content

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

var (
	siteFields     = []string{"title", "description", "base_url", "languages", "current_statuses", "repo_url", "repo_branch", "license", "facilities", "translations", "fallbacks", "offline_zip", "confirm_within", "contact"}
	facilityFields = []string{"address"}
	sourceFields   = []string{"id", "title", "publisher", "date", "url", "archive_url", "lang"}
	pageFields     = []string{"title", "description", "menu", "draft"}
)

// loadSite decodes content/site.yaml, filling in the format's defaults.
func loadSite(fsys fs.FS, errs *ErrorList) *Settings {
	p := path.Join(Dir, "site.yaml")
	if _, err := fs.Stat(fsys, p); errors.Is(err, fs.ErrNotExist) {
		*errs = append(*errs, &Error{Path: p, Msg: "missing site.yaml; it needs at least a title (see the content format in README.md)"})
		return nil
	}
	d, root := readYAML(fsys, p, errs)
	if root == nil {
		return nil
	}
	s := &Settings{BaseURL: "/", Languages: []string{"en"}, CurrentStatuses: DefaultCurrentStatuses, RepoBranch: "main", ConfirmWithin: DefaultConfirmWithin}
	var title, description, translations, fallbacks, contact *yaml.Node // decoded once the languages are known
	if !d.fields(root, "site.yaml", siteFields, func(key string, v *yaml.Node) {
		switch key {
		case "title":
			title = v
		case "description":
			description = v
		case "base_url":
			s.BaseURL = d.baseURL(v)
		case "languages":
			langs := d.textList(v, key)
			for i, l := range langs {
				if !langRE.MatchString(l) {
					d.errorf(v.Content[i], "%q is not a language code; use two- or three-letter codes such as en, ru, kk", l)
				} else if slices.Contains(langs[:i], l) {
					d.errorf(v.Content[i], "language %q is listed twice", l)
				}
			}
			if len(langs) == 0 {
				d.errorf(v, "\"languages\" is empty; list at least the default language, e.g. [en]")
			} else {
				s.Languages = langs
			}
		case "current_statuses":
			if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
				d.errorf(v, "\"current_statuses\" must be a non-empty list of statuses; allowed: %s", strings.Join(Names(Statuses), ", "))
				return
			}
			s.CurrentStatuses = nil
			for _, item := range v.Content {
				if st := d.oneOf(item, "status", Names(Statuses)); st != "" {
					s.CurrentStatuses = append(s.CurrentStatuses, Status(st))
				}
			}
		case "repo_url":
			s.RepoURL = strings.TrimSuffix(d.link(v, key, false), "/")
		case "repo_branch":
			s.RepoBranch = d.text(v, key)
		case "license":
			s.License = d.text(v, key)
		case "facilities":
			s.Facilities = d.facilities(v)
		case "translations":
			translations = v
		case "fallbacks":
			fallbacks = v
		case "contact":
			contact = v
		case "offline_zip":
			z := d.boolean(v, key)
			s.OfflineZip = &z
		case "confirm_within":
			if t := d.term(v, key); !t.IsZero() {
				s.ConfirmWithin = t
			}
		}
	}) {
		return nil
	}
	d.langs = s.Languages
	if title != nil {
		s.Title, s.titleLine = d.localText(title, "title"), title.Line
	}
	if description != nil {
		s.Description, s.descriptionLine = d.localText(description, "description"), description.Line
	}
	if translations != nil {
		s.Translations, s.translationLines = d.translations(translations)
	}
	if fallbacks != nil {
		s.Fallbacks = d.fallbacks(fallbacks)
	}
	if contact != nil {
		s.Contact = d.contact(contact)
	}
	d.require(root, "site.yaml", "title")
	return s
}

// baseURL accepts an absolute http(s) URL, or a path starting with "/", and
// always returns it ending in "/", since every link is built by appending.
func (d *decoder) baseURL(v *yaml.Node) string {
	s := d.text(v, "base_url")
	if s == "" {
		return "/"
	}
	u, err := ParseBaseURL(s)
	if err != nil {
		d.errorf(v, "%s", err)
		return "/"
	}
	return u
}

// ParseBaseURL checks a site's base URL, an absolute http(s) address or a
// path starting with "/", and returns it ending in "/".
func ParseBaseURL(s string) (string, error) {
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	if strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") {
		return s, nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("base_url %q must be the site's address, like https://example.github.io/register/ (or a path like /register/)", s)
	}
	return s, nil
}

func (d *decoder) facilities(v *yaml.Node) map[string]Facility {
	if v.Kind != yaml.MappingNode {
		d.errorf(v, "\"facilities\" must map each facility's name to its address:, not %s", kindName(v))
		return nil
	}
	out := make(map[string]Facility)
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		if _, dup := out[k.Value]; dup {
			d.errorf(k, "facility %q is listed twice", k.Value)
			continue
		}
		var f Facility
		if d.fields(val, "a facility", facilityFields, func(key string, v *yaml.Node) {
			f.Address = d.text(v, key)
		}) {
			d.require(val, "the facility", "address")
		}
		out[strings.Clone(k.Value)] = f
	}
	return out
}

// translations decodes site.yaml's glossary of names in other languages:
//
//	translations:
//	  Almaty: {ru: Алматы, kk: Алматы}
func (d *decoder) translations(v *yaml.Node) (map[string]map[string]string, map[string]int) {
	if v.Kind != yaml.MappingNode {
		d.errorf(v, "\"translations\" must map each name to its forms in other languages, like  Almaty: {ru: Алматы}, not %s", kindName(v))
		return nil, nil
	}
	out := make(map[string]map[string]string)
	lines := make(map[string]int)
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		name := d.text(k, "translations")
		if _, dup := out[name]; dup {
			d.errorf(k, "%q is listed twice under translations; keep one", name)
			continue
		}
		out[name] = d.textMap(val, "translations."+name, d.langKey("translations."+name, false))
		lines[name] = k.Line
	}
	return out, lines
}

// fallbacks decodes site.yaml's fallback languages:
//
//	fallbacks:
//	  kk: [ru]
//
// Each key is a language other than the default, each value the languages
// it falls back to, in order, before the default language, which is
// always last and never listed.
func (d *decoder) fallbacks(v *yaml.Node) map[string][]string {
	if v.Kind != yaml.MappingNode {
		d.errorf(v, "\"fallbacks\" must map a language to the languages it falls back to, like  kk: [ru], not %s", kindName(v))
		return nil
	}
	def := d.langs.Default()
	known := func(n *yaml.Node, lang string) bool {
		switch {
		case !langRE.MatchString(lang):
			d.errorf(n, "fallbacks: %q is not a language code; use a two- or three-letter code such as ru or kk", lang)
		case !slices.Contains(d.langs, lang):
			d.errorf(n, "fallbacks: language %q is not one of site.yaml's languages (%s)", lang, strings.Join(d.langs, ", "))
		default:
			return true
		}
		return false
	}
	out := make(map[string][]string)
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		lang := d.text(k, "fallbacks")
		if !known(k, lang) {
			continue
		}
		if _, dup := out[lang]; dup {
			d.errorf(k, "%q is given twice in \"fallbacks\"; keep one", lang)
			continue
		}
		if lang == def {
			d.errorf(k, "fallbacks: %q is the default language, which has no fallbacks: every text is written in it", lang)
			continue
		}
		out[lang] = nil
		if val.Kind != yaml.SequenceNode {
			d.errorf(val, "fallbacks.%s must be a list of languages, like [ru], not %s", lang, kindName(val))
			continue
		}
		var chain []string
		for _, n := range val.Content {
			f := d.text(n, "fallbacks."+lang)
			switch {
			case f == "":
			case !known(n, f):
			case f == lang:
				d.errorf(n, "fallbacks.%s: %q falls back to itself; list only other languages", lang, f)
			case f == def:
				d.errorf(n, "fallbacks.%s: %q is the default language, always the last fallback; leave it out", lang, f)
			case slices.Contains(chain, f):
				d.errorf(n, "fallbacks.%s: %q is listed twice; keep one", lang, f)
			default:
				chain = append(chain, f)
			}
		}
		out[lang] = chain
	}
	return out
}

// loadSources reads every content/sources/*.yaml.
func loadSources(fsys fs.FS, errs *ErrorList) []*Source {
	root := path.Join(Dir, "sources")
	entries, err := fs.ReadDir(fsys, root)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		*errs = append(*errs, &Error{Path: root, Msg: "cannot read the folder: " + err.Error()})
		return nil
	}
	var out []*Source
	byID := make(map[string]*Source)
	for _, e := range entries {
		if hidden(e) {
			continue
		}
		if notPlain(e) {
			*errs = append(*errs, notPlainError(path.Join(root, e.Name()), e.Type()))
			continue
		}
		p := path.Join(root, e.Name())
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".yaml") {
			*errs = append(*errs, &Error{Path: p, Msg: "unexpected entry; content/sources/ holds only .yaml files, each a list of sources"})
			continue
		}
		d, root := readYAML(fsys, p, errs)
		if root == nil {
			continue
		}
		if root.Kind != yaml.SequenceNode {
			d.errorf(root, "a sources file must be a list of sources, each starting with \"- id:\", not %s", kindName(root))
			continue
		}
		for _, item := range root.Content {
			s := d.source(item)
			if s == nil || s.ID == "" {
				continue
			}
			if first := byID[s.ID]; first != nil {
				// Said at both places: a pull request that adds the
				// second may touch either file, and GitHub shows an
				// error only on the files it changes.
				d.errorf(item, "source id %q is already used at %s:%d; ids must be unique across all source files", s.ID, first.Path, first.Line)
				*errs = append(*errs, &Error{Path: first.Path, Line: first.Line, Col: first.col, Msg: fmt.Sprintf("source id %q is used again at %s:%d; ids must be unique across all source files", s.ID, s.Path, s.Line)})
				continue
			}
			byID[s.ID] = s
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(a, b *Source) int { return strings.Compare(a.ID, b.ID) })
	return out
}

func (d *decoder) source(n *yaml.Node) *Source {
	s := &Source{Path: d.path, Line: n.Line, col: n.Column}
	if !d.fields(n, "a source", sourceFields, func(key string, v *yaml.Node) {
		switch key {
		case "id":
			s.ID = d.text(v, key)
			if s.ID != "" && !IsSlug(s.ID) {
				d.errorf(v, "source id %q must be lower-case ASCII letters, digits and single hyphens, like rferl-2020-10-01-zakirova-appeal", s.ID)
				s.ID = ""
			}
		case "title":
			s.Title = d.text(v, key)
		case "publisher":
			s.Publisher = d.text(v, key)
		case "date":
			s.Date = d.date(v, key)
		case "url":
			s.URL = d.link(v, key, false)
		case "archive_url":
			s.ArchiveURL = d.link(v, key, false)
		case "lang":
			s.Lang = d.text(v, key)
			if s.Lang != "" && !langRE.MatchString(s.Lang) {
				d.errorf(v, "%q is not a language code; use a two- or three-letter code such as en, ru, kk", s.Lang)
			}
		}
	}) {
		return nil
	}
	d.require(n, "the source", "id", "title")
	return s
}

// loadPage reads one free page.
func loadPage(fsys fs.FS, p, name, lang string, errs *ErrorList) *Page {
	md := readMarkdown(fsys, p, errs)
	if md == nil {
		return nil
	}
	front, body, bodyLine, ok := splitFrontMatter(md.Source)
	if !ok {
		*errs = append(*errs, &Error{Path: p, Line: 1, Col: 1, Msg: "a page must start with front matter: a line \"---\", then at least title: ..., then a line \"---\""})
		return nil
	}
	// Front matter starts on line 2; a decoder on a shifted copy keeps
	// positions true to the file.
	d := &decoder{path: p, errs: errs}
	root := d.parseYAML(append([]byte("\n"), front...))
	if root == nil {
		return nil
	}
	pg := &Page{Name: name, Lang: lang, Body: newMarkdown(p, bodyLine, body)}
	checkMarkdown(pg.Body, errs)
	if !d.fields(root, "the front matter", pageFields, func(key string, v *yaml.Node) {
		switch key {
		case "title":
			pg.Title = d.text(v, key)
		case "description":
			pg.Description = d.text(v, key)
		case "menu":
			pg.Menu = d.integer(v, key)
		case "draft":
			pg.Draft = d.boolean(v, key)
		}
	}) {
		return nil
	}
	d.require(root, "the front matter", "title")
	return pg
}
