package serve

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tizim/tizim/internal/content"
)

// Server serves the current build and tells open pages when it changes.
// Its handler is safe for concurrent use; a rebuild swaps the whole state
// at once, so a request sees one build, never a mix.
type Server struct {
	build BuildFunc
	log   io.Writer

	rebuilding sync.Mutex // one build at a time
	state      atomic.Pointer[state]
	events     hub
	epoch      string // tells the builds of different runs apart (see state.id)
	codespace  codespace
	done       chan struct{}
	closeOnce  sync.Once
}

// state is what the server shows: the last good site and the outcome of
// the latest build.
type state struct {
	// id names the build. A page carries the id it was served with and
	// the event stream starts with the current one, so that a page
	// reloads when it missed a build, even one made by an earlier run.
	id   string
	gen  int       // builds so far
	site *Snapshot // the last good build; Files is nil until there is one
	errs []Problem // the latest build's errors; none when it succeeded
}

// Problem is one build error, shaped like the errors of `tizim check
// --format json`.
type Problem struct {
	File    string `json:"file,omitempty"` // relative to the site folder
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"col,omitempty"`
	Message string `json:"message"`
}

// Where returns "file:line:column" (as much of it as is known), the way
// every tizim error names its place.
func (p Problem) Where() string {
	w := p.File
	if p.Line > 0 {
		w += ":" + strconv.Itoa(p.Line)
		if p.Col > 0 {
			w += ":" + strconv.Itoa(p.Col)
		}
	}
	return w
}

// NewServer returns a server with nothing built yet: until the first
// [Server.Rebuild] every page says the site is being built. log receives
// one line per build.
func NewServer(build BuildFunc, log io.Writer) *Server {
	if log == nil {
		log = io.Discard
	}
	s := &Server{build: build, log: log, epoch: strconv.FormatInt(time.Now().UnixNano(), 36), done: make(chan struct{}),
		codespace: codespace{name: os.Getenv("CODESPACE_NAME"), domain: os.Getenv("GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN")}}
	s.state.Store(&state{id: s.epoch + "-0", site: &Snapshot{Base: "/"}})
	return s
}

// Close ends the event streams of open pages, so that the HTTP server can
// shut down; the pages reconnect to the next run by themselves.
func (s *Server) Close() {
	s.closeOnce.Do(func() { close(s.done) })
}

func (s *Server) current() *state { return s.state.Load() }

// Rebuild builds the site, makes the result current (or, on errors, keeps
// the last good site and records the errors), tells open pages to reload
// and logs one line. changed is passed on to the BuildFunc.
func (s *Server) Rebuild(changed []string) {
	s.rebuilding.Lock()
	defer s.rebuilding.Unlock()
	prev := s.current()
	start := time.Now()
	built, err := s.build(changed)
	took := time.Since(start).Round(time.Millisecond)
	if err == nil && (built == nil || built.Files == nil) {
		err = errors.New("the build made no site") // a BuildFunc's mistake, shown rather than served
	}
	if err == nil && built.Base == "" {
		built = &Snapshot{Files: built.Files, Base: "/"}
	}
	next := &state{gen: prev.gen + 1, site: built}
	next.id = s.epoch + "-" + strconv.Itoa(next.gen)
	if err != nil {
		next.site, next.errs = failedSite(prev.site, built), problems(err)
	}
	// The terminal hears of a build before the browser does, so that
	// whoever sees the page reload finds its line already printed.
	s.logBuild(next, prev, changed, took)
	s.state.Store(next)
	s.events.broadcast(next.id)
}

// failedSite is what to serve after a failed build: the last good site if
// there is one, else nothing, under the base path the failed build found.
func failedSite(good, failed *Snapshot) *Snapshot {
	if good.Files != nil {
		return good
	}
	if failed != nil && failed.Base != "" {
		return &Snapshot{Base: failed.Base}
	}
	return good
}

// problems lists the errors of a build; content errors keep their place.
func problems(err error) []Problem {
	var list content.ErrorList
	var one *content.Error
	switch {
	case errors.As(err, &list):
		out := make([]Problem, len(list))
		for i, e := range list {
			out[i] = Problem{File: e.Path, Line: e.Line, Col: e.Col, Message: e.Msg}
		}
		return out
	case errors.As(err, &one):
		return []Problem{{File: one.Path, Line: one.Line, Col: one.Col, Message: one.Msg}}
	}
	return []Problem{{Message: err.Error()}}
}

// logBuild prints one line about a build, and its errors, since the
// maintainer may be looking at the terminal rather than the browser.
func (s *Server) logBuild(next, prev *state, changed []string, took time.Duration) {
	verb := "rebuilt"
	if prev.gen == 0 {
		verb = "built"
	}
	why := ""
	switch len(changed) {
	case 0:
	case 1:
		why = changed[0] + " changed: "
	default:
		why = fmt.Sprintf("%s and %d more changed: ", changed[0], len(changed)-1)
	}
	if next.errs == nil {
		fmt.Fprintf(s.log, "%s%s in %v\n", why, verb, took)
		return
	}
	for _, p := range next.errs {
		if w := p.Where(); w != "" {
			fmt.Fprintf(s.log, "%s: %s\n", w, p.Message)
		} else {
			fmt.Fprintln(s.log, p.Message)
		}
	}
	still := "still serving the last good build"
	if next.site.Files == nil {
		still = "the pages show them until they are fixed"
	}
	fmt.Fprintf(s.log, "%s%s; %s\n", why, count(len(next.errs), "error"), still)
}

// count returns "1 error", "3 errors".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// ServeHTTP serves the current site under its base path, the dev server's
// own files under /__tizim/, and redirects "/" to the base path.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !localHost(r.Host) && !s.codespace.forwards(r.Host) {
		// A page on another site could reach this server through DNS
		// rebinding; the names the server is actually opened with are
		// all local (or, in a codespace, GitHub's own name for it).
		http.Error(w, "tizim serve answers only on 127.0.0.1 and localhost", http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	st := s.current()
	if strings.HasPrefix(r.URL.Path, devPrefix) {
		s.serveDev(w, r, st)
		return
	}
	s.serveSite(w, r, st)
}

// localHost reports whether the Host header names this machine.
func localHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	switch strings.Trim(host, "[]") {
	case "127.0.0.1", "localhost", "::1":
		return true
	}
	return false
}

// codespace is the GitHub codespace the server runs in, if any. A browser
// in a codespace reaches the preview through GitHub's port forwarding, at
// https://<name>-<port>.<domain>/, and the request arrives with that
// Host. The name is GitHub's and leads only into this codespace, so it
// is as safe to answer as localhost: no other site can point it here.
type codespace struct {
	name   string // $CODESPACE_NAME
	domain string // $GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN, e.g. app.github.dev
}

// forwards reports whether the Host header is this codespace's name for
// one of its forwarded ports.
func (c codespace) forwards(hostport string) bool {
	if c.name == "" || c.domain == "" {
		return false
	}
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.ToLower(host)
	port, ok := strings.CutPrefix(host, strings.ToLower(c.name)+"-")
	if !ok {
		return false
	}
	port, ok = strings.CutSuffix(port, "."+strings.ToLower(c.domain))
	if !ok || port == "" {
		return false
	}
	for _, r := range port {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
