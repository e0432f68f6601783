package serve

import (
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
)

// serveSite serves a file of the current site, the way GitHub Pages does:
// folders by their index.html, a folder without its final slash by a
// redirect, anything else missing by 404.html with status 404.
func (s *Server) serveSite(w http.ResponseWriter, r *http.Request, st *state) {
	site := st.site
	if site.Files == nil {
		s.serveErrorPage(w, r, st)
		return
	}
	p := r.URL.Path
	rel, under := strings.CutPrefix(p, site.Base)
	if !under {
		if p == "/" || p+"/" == site.Base {
			redirect(w, r, site.Base)
			return
		}
		s.serveNotFound(w, r, st)
		return
	}
	name := rel
	if rel == "" || strings.HasSuffix(rel, "/") {
		name += "index.html"
	}
	data, ok, err := site.Files.Get(name)
	if err != nil {
		s.serveRenderError(w, r, st, err)
		return
	}
	if ok {
		s.writeFile(w, r, st, name, data, http.StatusOK)
		return
	}
	if _, ok, _ := site.Files.Get(rel + "/index.html"); ok {
		redirect(w, r, p+"/")
		return
	}
	s.serveNotFound(w, r, st)
}

// serveRenderError answers for a page that could not be rendered (a
// template that fails on some content only): the error, as a failed build
// shows its errors, and one line in the log.
func (s *Server) serveRenderError(w http.ResponseWriter, r *http.Request, st *state, err error) {
	fmt.Fprintln(s.log, err) // it names the file
	failed := &state{id: st.id, gen: st.gen, site: &Snapshot{Base: st.site.Base}, errs: problems(err)}
	s.serveErrorPage(w, r, failed)
}

// serveNotFound answers with the site's own 404 page, as the published
// site does.
func (s *Server) serveNotFound(w http.ResponseWriter, r *http.Request, st *state) {
	if data, ok, err := st.site.Files.Get("404.html"); ok && err == nil {
		s.writeFile(w, r, st, "404.html", data, http.StatusNotFound)
		return
	}
	http.NotFound(w, r)
}

// redirect sends the browser to the unescaped path p, keeping the query.
// It uses 302, not 301: browsers remember a 301 for good, and base_url may
// change while the server runs.
func redirect(w http.ResponseWriter, r *http.Request, p string) {
	loc := (&url.URL{Path: p, RawQuery: r.URL.RawQuery}).String()
	http.Redirect(w, r, loc, http.StatusFound)
}

// writeFile sends a file; an HTML page gets the reload script and, while
// the latest build has errors, the list of them.
func (s *Server) writeFile(w http.ResponseWriter, r *http.Request, st *state, name string, data []byte, code int) {
	ctype := contentType(name, data)
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data, st)
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// types are the content types of the files a site has, fixed here rather
// than taken from the system, whose tables differ from machine to machine
// (some have no entry for .webp, some call .js application/javascript).
var types = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".json": "application/json",
	".xml":  "application/xml; charset=utf-8", // feed.xml too, so that browsers show it rather than download it
	".csv":  "text/csv; charset=utf-8",
	".txt":  "text/plain; charset=utf-8",
	".svg":  "image/svg+xml",
	".jpg":  "image/jpeg",
	".jpeg": "image/jpeg",
	".png":  "image/png",
	".webp": "image/webp",
	".ico":  "image/x-icon",
	".zip":  "application/zip",
}

// contentType returns the type of a site file by its extension, else by
// its content.
func contentType(name string, data []byte) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := types[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return http.DetectContentType(data)
}
