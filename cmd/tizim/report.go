package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
)

// errReported means the errors were already printed: exit status 1.
var errReported = errors.New("reported")

// problem is one error in the machine-readable reports. File is relative
// to the repository (the folder tizim runs in), so that GitHub can place
// an annotation on the line of the pull request's diff.
type problem struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"col,omitempty"`
	Message string `json:"message"`
}

// report prints the outcome of a check as GitHub workflow commands
// (format "github") or as one JSON document (format "json").
func report(w io.Writer, format, root string, reg *register.Register, day time.Time, err error) error {
	var problems []problem
	var list content.ErrorList
	switch {
	case errors.As(err, &list):
		for _, e := range list {
			problems = append(problems, problem{File: path.Clean(filepath.ToSlash(filepath.Join(root, e.Path))), Line: e.Line, Col: e.Col, Message: e.Msg})
		}
	case err != nil:
		problems = append(problems, problem{Message: err.Error()})
	}
	switch format {
	case "github":
		for _, p := range problems {
			props := []string{"title=tizim check"}
			if p.File != "" {
				props = append(props, "file="+escapeProperty(p.File))
			}
			if p.Line > 0 {
				props = append(props, fmt.Sprintf("line=%d", p.Line))
			}
			if p.Col > 0 {
				props = append(props, fmt.Sprintf("col=%d", p.Col))
			}
			fmt.Fprintf(w, "::error %s::%s\n", strings.Join(props, ","), escapeData(p.Message))
		}
		if len(problems) == 0 {
			fmt.Fprintf(w, "ok: %d people, %d on the current list as of %s\n", len(reg.People), len(reg.Current), day.Format(time.DateOnly))
		}
	case "json":
		out := struct {
			OK      bool      `json:"ok"`
			AsOf    string    `json:"as_of"`
			People  int       `json:"people,omitempty"`
			Current int       `json:"current,omitempty"`
			Errors  []problem `json:"errors"`
		}{OK: len(problems) == 0, AsOf: day.Format(time.DateOnly), Errors: problems}
		if out.Errors == nil {
			out.Errors = []problem{}
		}
		if reg != nil && out.OK {
			out.People, out.Current = len(reg.People), len(reg.Current)
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		enc.Encode(out)
	}
	if len(problems) > 0 {
		return errReported
	}
	return nil
}

// warn prints the warnings of command cmd on stderr; in a GitHub workflow,
// as annotations on stdout (where the check's are), which the run's summary
// shows where maintainers look.
func warn(stdout, stderr io.Writer, cmd string, warnings []string) {
	for _, m := range warnings {
		if os.Getenv("GITHUB_ACTIONS") == "true" {
			fmt.Fprintf(stdout, "::warning title=%s::%s\n", escapeProperty("tizim "+cmd), escapeData(m))
		} else {
			fmt.Fprintf(stderr, "tizim %s: warning: %s\n", cmd, m)
		}
	}
}

// escapeData and escapeProperty follow GitHub's workflow command syntax,
// so that a message with a newline or a file name with a comma arrives
// whole.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
