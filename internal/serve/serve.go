// Package serve is tizim's preview server for maintainers: it builds the
// site in memory, serves it on 127.0.0.1 under the path of base_url, and
// rebuilds and reloads open pages whenever a file in content/, templates/,
// static/ or i18n/ changes.
//
// While the latest build has errors the server keeps serving the last good
// build, and every HTML page it serves carries a list of the errors, each
// with its file:line:column. The reload script and the error list are added
// to responses only; the files of the build stay exactly what `tizim build`
// would write.
//
// The parts: a [BuildFunc] makes a [Snapshot] (its files, rendered on demand);
// a [Server] holds the current one, swapped atomically, and serves it over
// HTTP; [Run] wires a file watcher to [Server.Rebuild].
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"
)

// DefaultPort is where `tizim serve` listens without --port. 1313 rather
// than 8080, which other development tools and local proxies often hold
// already.
const DefaultPort = 1313

// debounce is how long the watcher waits after the last change before it
// rebuilds: editors save in several steps (write a temporary file, rename,
// change attributes), and a build of half a save would flash an error.
const debounce = 25 * time.Millisecond

// Options says what to serve.
type Options struct {
	Root string    // the site folder holding content/ (and optionally templates/, static/, i18n/)
	AsOf time.Time // the site's date
	Port int       // the port on 127.0.0.1; 0 picks a free one
	Log  io.Writer // one line per build; nil discards

	// Listener, when set, is used instead of listening on Port (tests).
	Listener net.Listener
	// Build, when set, replaces the full rebuild of Root.
	Build BuildFunc
}

// Run builds the site, serves it on 127.0.0.1 and rebuilds it on every
// change until ctx is done. It returns an error only when it cannot start:
// build errors are shown on the pages, not returned.
func Run(ctx context.Context, opts Options) error {
	log := opts.Log
	if log == nil {
		log = io.Discard
	}
	ln, err := listen(opts)
	if err != nil {
		return err
	}
	defer ln.Close()
	build := opts.Build
	if build == nil {
		build = Build(opts.Root, opts.AsOf)
	}
	s := NewServer(build, log)
	defer s.Close()

	// Watch before the first build, so that an edit made while it runs is
	// not lost.
	w, err := newWatcher(opts.Root, log)
	if err != nil {
		return err
	}
	defer w.close()
	s.Rebuild(nil)
	watching, stopWatching := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() { w.run(watching, debounce, s.Rebuild) })
	// Return only once no rebuild is running: the caller may remove the
	// site folder next (tests do).
	defer wg.Wait()
	defer stopWatching()

	base := (&url.URL{Path: s.current().site.Base}).EscapedPath()
	fmt.Fprintf(log, "serving http://%s%s — edit content/ and the page reloads; Ctrl-C to stop\n", ln.Addr(), base)
	return serveUntil(ctx, s, ln)
}

// listen opens the port, first of all, so that a port in use stops the
// server before it builds anything.
func listen(opts Options) (net.Listener, error) {
	if opts.Listener != nil {
		return opts.Listener, nil
	}
	// 127.0.0.1 only: a maintainer's laptop may be on a hostile network,
	// and the preview has no business being reachable from it.
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(opts.Port)))
	if err != nil {
		return nil, fmt.Errorf("cannot listen on 127.0.0.1:%d (is another tizim serve running? choose another port with --port): %w", opts.Port, err)
	}
	return ln, nil
}

// serveUntil serves HTTP on ln until ctx is done, then ends the open event
// streams (which would otherwise keep Shutdown waiting) and stops.
func serveUntil(ctx context.Context, s *Server, ln net.Listener) error {
	hs := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	s.Close()
	stop, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := hs.Shutdown(stop); err != nil {
		hs.Close()
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
