package serve

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"html/template"
	"net/http"
	"regexp"
	"strings"
)

// devPrefix is where the server's own files live. It is outside any base
// path, and no site writes a folder of that name.
const devPrefix = "/__tizim/"

var (
	//go:embed reload.js
	reloadJS []byte
	//go:embed overlay.css
	overlayCSS []byte
)

// serveDev serves the reload script, the overlay's stylesheet, the event
// stream and the errors of the latest build.
func (s *Server) serveDev(w http.ResponseWriter, r *http.Request, st *state) {
	switch strings.TrimPrefix(r.URL.Path, devPrefix) {
	case "reload.js":
		s.writeFile(w, r, st, "reload.js", reloadJS, http.StatusOK)
	case "overlay.css":
		s.writeFile(w, r, st, "overlay.css", overlayCSS, http.StatusOK)
	case "events":
		s.serveEvents(w, r)
	case "errors":
		serveErrors(w, st)
	default:
		http.NotFound(w, r)
	}
}

// serveErrors answers with the latest build's errors as JSON, for tools
// and for scripts that want to show them their own way.
func serveErrors(w http.ResponseWriter, st *state) {
	out := struct {
		Build  string    `json:"build"`
		OK     bool      `json:"ok"`
		Errors []Problem `json:"errors"`
	}{st.id, len(st.errs) == 0, st.errs}
	if out.Errors == nil {
		out.Errors = []Problem{}
	}
	w.Header().Set("Content-Type", "application/json")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(out)
}

// serveEvents is a server-sent event stream: "hello" with the current
// build's id on connecting, then "reload" with the id of each new build.
// Server-sent events rather than polling: the page learns of a build the
// moment it is made, and an idle page costs nothing.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	flush, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming is not supported", http.StatusInternalServerError)
		return
	}
	// Subscribe before reading the current build, so that no build falls
	// between the two.
	ch := s.events.subscribe()
	defer s.events.unsubscribe(ch)
	w.Header().Set("Content-Type", "text/event-stream")
	w.WriteHeader(http.StatusOK)
	// retry: how soon the browser reconnects, e.g. to the next run after
	// Ctrl-C and a new tizim serve.
	w.Write([]byte("retry: 1000\nevent: hello\ndata: " + s.current().id + "\n\n"))
	flush.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		case id := <-ch:
			if _, err := w.Write([]byte("event: reload\ndata: " + id + "\n\n")); err != nil {
				return
			}
			flush.Flush()
		}
	}
}

var (
	headEnd   = regexp.MustCompile(`(?i)</head\s*>`)
	bodyStart = regexp.MustCompile(`(?i)<body(\s[^>]*)?>`)
)

// inject adds to an HTML page, in a copy, the reload script (an external
// script: the pages' Content-Security-Policy forbids inline ones) and,
// while the latest build has errors, the overlay listing them with its
// stylesheet (no style attributes, for the same reason).
func inject(page []byte, st *state) []byte {
	head := `<script src="` + devPrefix + `reload.js" data-build="` + template.HTMLEscapeString(st.id) + `" defer></script>`
	var body []byte
	if len(st.errs) > 0 {
		head += `<link rel="stylesheet" href="` + devPrefix + `overlay.css">`
		body = overlay(st)
	}
	out := make([]byte, 0, len(page)+len(head)+len(body))
	at := len(page) // without </head>, at the end: the script still runs
	if loc := headEnd.FindIndex(page); loc != nil {
		at = loc[0]
	}
	out = append(append(append(out, page[:at]...), head...), page[at:]...)
	if body == nil {
		return out
	}
	at = 0 // without <body>, first: the overlay still shows
	if loc := bodyStart.FindIndex(out); loc != nil {
		at = loc[1]
	}
	return append(out[:at:at], append(body, out[at:]...)...)
}

var overlayTmpl = template.Must(template.New("overlay").Parse(`<div id="tizim-errors" role="alert">
<p>{{.Count}} in the site’s files: {{if .Good}}this page shows the last good build{{else}}the site cannot be shown until {{if .One}}it is{{else}}they are{{end}} fixed{{end}}. Save a fix and the page reloads.</p>
<ol>
{{range .Errs}}<li>{{with .Where}}<code>{{.}}</code>: {{end}}{{.Message}}</li>
{{end}}</ol>
</div>
`))

// overlay renders the list of the latest build's errors. html/template
// escapes them: messages quote the content, which may hold markup.
func overlay(st *state) []byte {
	var b bytes.Buffer
	err := overlayTmpl.Execute(&b, map[string]any{
		"Count": count(len(st.errs), "error"),
		"One":   len(st.errs) == 1,
		"Good":  st.site.Files != nil,
		"Errs":  st.errs,
	})
	if err != nil {
		panic(err) // the template is fixed and its data simple
	}
	return b.Bytes()
}

// errorPage stands in for every page while there is no good build: the
// overlay lists the errors, or, before the first build, it says it is
// building.
const errorPage = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>tizim serve</title>
</head>
<body>
<main>
<p>tizim serve: there is no good build of the site yet. This page reloads as soon as there is one.</p>
</main>
</body>
</html>
`

// serveErrorPage answers any request for a page while there is no good
// build: 500 with the errors, or 503 while the first build runs.
func (s *Server) serveErrorPage(w http.ResponseWriter, r *http.Request, st *state) {
	code := http.StatusInternalServerError
	if len(st.errs) == 0 {
		code = http.StatusServiceUnavailable
	}
	s.writeFile(w, r, st, "error.html", []byte(errorPage), code)
}
