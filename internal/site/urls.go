package site

import (
	"net/url"
	"strings"
)

// URLs builds every link of the site, so that a base path, a language
// prefix or (later) relative links for mirrors are decided in one place.
//
// A site path is written without the base and without a leading slash, as
// the file it names relative to the output: "" (home), "people/x/",
// "static/style.css". Paths ending in "/" are directories served by their
// index.html.
type URLs struct {
	base        string // the path of base_url, e.g. "/register/"; always ends in "/"
	origin      string // scheme and host of base_url, or "" when base_url is a path
	defaultLang string
	portable    bool // links relative to the page, index.html spelled out (see Link)
}

// NewURLs returns the URL builder for a site with the given base_url and
// default language.
func NewURLs(baseURL, defaultLang string) URLs {
	u := URLs{base: "/", defaultLang: defaultLang}
	if pu, err := url.Parse(baseURL); err == nil {
		if pu.Host != "" {
			u.origin = pu.Scheme + "://" + pu.Host
		}
		if p := pu.EscapedPath(); p != "" {
			u.base = p
		}
	}
	if !strings.HasSuffix(u.base, "/") {
		u.base += "/"
	}
	return u
}

// LangPath returns the site path of p in language lang: the default
// language lives at the root, the others under /<lang>/.
func (u URLs) LangPath(lang, p string) string {
	if lang == "" || lang == u.defaultLang {
		return p
	}
	return lang + "/" + p
}

// Path returns the link to site path p, as a root-relative URL that works
// under the base path.
func (u URLs) Path(p string) string {
	return u.base + escapePath(p)
}

// Portable returns the same builder making portable links: relative to
// the page and naming index.html, so that the built site works from any
// folder, a mirror at any path, a zip, or file:// where no server turns
// "people/x/" into "people/x/index.html".
func (u URLs) Portable() URLs {
	u.portable = true
	return u
}

// Link returns the link on the page at site path from to site path to:
// root-relative under the base path, or relative to from when portable.
func (u URLs) Link(from, to string) string {
	if !u.portable {
		return u.Path(to)
	}
	if to == "" || strings.HasSuffix(to, "/") {
		to += "index.html"
	}
	dir := from // the folder of the page's file
	if !strings.HasSuffix(dir, "/") {
		if i := strings.LastIndexByte(dir, '/'); i >= 0 {
			dir = dir[:i+1]
		} else {
			dir = ""
		}
	}
	return strings.Repeat("../", strings.Count(dir, "/")) + escapePath(to)
}

// Abs returns the absolute URL of site path p, for canonical links and
// feeds; without an origin in base_url it is the same as Path.
func (u URLs) Abs(p string) string {
	return u.origin + u.Path(p)
}

// escapePath percent-encodes what a path segment may not hold, keeping "/".
func escapePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}
