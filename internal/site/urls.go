package site

import (
	"net/url"
	"strings"
)

// URLs builds every link of the site, so that the base path, the language
// prefix and the form of links are decided in one place.
//
// Every link a reader follows or a page loads is relative to the page and
// names index.html (see [URLs.Link]), so that one rendering works served
// under base_url, from a mirror at any path, and unzipped from site.zip on
// a disk (file://), where no server turns "people/x/" into
// "people/x/index.html". Only addresses that must be absolute (canonical,
// Open Graph, hreflang, the sitemap, feeds) are, with [URLs.Abs], and
// clean: "https://…/people/x/".
//
// A site path is written without the base and without a leading slash, as
// the file it names relative to the output: "" (home), "people/x/",
// "static/style.css". Paths ending in "/" are directories served by their
// index.html.
type URLs struct {
	base        string // the path of base_url, e.g. "/register/"; always ends in "/"
	origin      string // scheme and host of base_url, or "" when base_url is a path
	defaultLang string
}

// NotFoundPage is the site path of the page a host serves at every address
// that has no file (GitHub Pages' 404.html): at any depth, so its links are
// root-relative under the base path instead of relative.
const NotFoundPage = "404.html"

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

// Link returns the link on the page at site path from to site path to:
// relative to the page's folder, with index.html spelled out for a
// directory ("../people/x/index.html"), so that it works served and from
// disk alike. On [NotFoundPage] it is root-relative under the base path
// instead ("/register/people/x/").
func (u URLs) Link(from, to string) string {
	if from == NotFoundPage {
		return u.Path(to)
	}
	if to == "" || strings.HasSuffix(to, "/") {
		to += "index.html"
	}
	return strings.Repeat("../", strings.Count(from, "/")) + escapePath(to)
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
