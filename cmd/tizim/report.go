package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/tizim/tizim/internal/build"
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
//
// GitHub shows at most ten annotations of each kind per step, so with
// "github" the log also says how many there are, and, in a workflow, every
// error and warning is written to the run's summary page
// ($GITHUB_STEP_SUMMARY) as a table with links to the lines.
func report(w io.Writer, format, root string, reg *register.Register, day time.Time, warnings []build.Warning, err error) error {
	var problems []problem
	var list content.ErrorList
	switch {
	case errors.As(err, &list):
		for _, e := range list {
			problems = append(problems, problem{File: repoPath(root, e.Path), Line: e.Line, Col: e.Col, Message: e.Msg})
		}
	case err != nil:
		problems = append(problems, problem{Message: err.Error()})
	}
	var warns []problem
	for _, wn := range warnings {
		p := problem{Line: wn.Line, Message: wn.Msg}
		if wn.Path != "" {
			p.File = repoPath(root, wn.Path)
		}
		warns = append(warns, p)
	}
	switch format {
	case "github":
		for _, p := range problems {
			fmt.Fprintln(w, annotation("error", "tizim check", p))
		}
		for _, p := range warns {
			fmt.Fprintln(w, annotation("warning", "tizim check", p))
		}
		summary := os.Getenv("GITHUB_STEP_SUMMARY")
		if summary != "" {
			if err := appendSummary(summary, problems, warns, reg, day); err != nil {
				fmt.Fprintf(w, "::warning title=tizim check::cannot write the run's summary: %s\n", escapeData(err.Error()))
				summary = ""
			}
		}
		if len(problems) == 0 {
			fmt.Fprintf(w, "ok: %d people, %s%s\n", len(reg.People), regSummary(reg, day), debtSummary(reg))
		} else {
			fmt.Fprintf(w, "tizim check: %s\n", count(len(problems), "error"))
		}
		if len(warns) > 0 {
			fmt.Fprintf(w, "tizim check: %s\n", count(len(warns), "warning"))
		}
		if len(problems) > annotationLimit || len(warns) > annotationLimit {
			where := "run tizim check to see them all"
			if summary != "" {
				where = "the run's summary page lists them all"
			}
			fmt.Fprintf(w, "GitHub shows only the first %d errors and %d warnings of a step on the lines of a pull request; %s\n", annotationLimit, annotationLimit, where)
		}
	case "json":
		out := struct {
			OK       bool      `json:"ok"`
			AsOf     string    `json:"as_of"`
			People   int       `json:"people,omitempty"`
			Current  int       `json:"current,omitempty"`
			Errors   []problem `json:"errors"`
			Warnings []problem `json:"warnings"`
		}{OK: len(problems) == 0, AsOf: day.Format(time.DateOnly), Errors: problems, Warnings: warns}
		if out.Errors == nil {
			out.Errors = []problem{}
		}
		if out.Warnings == nil {
			out.Warnings = []problem{}
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

// annotationLimit is how many annotations of one kind GitHub shows per
// step (its documentation of workflow commands: "a maximum of 10 error
// annotations and 10 warning annotations per step").
const annotationLimit = 10

// repoPath makes a path relative to the site folder relative to the
// folder tizim runs in, the repository, so that GitHub can place an
// annotation on the line of the pull request's diff.
func repoPath(root, p string) string {
	return path.Clean(filepath.ToSlash(filepath.Join(root, p)))
}

// annotation writes a problem as a GitHub workflow command of a level
// ("error", "warning").
func annotation(level, title string, p problem) string {
	props := []string{"title=" + escapeProperty(title)}
	if p.File != "" {
		props = append(props, "file="+escapeProperty(p.File))
	}
	if p.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", p.Line))
	}
	if p.Col > 0 {
		props = append(props, fmt.Sprintf("col=%d", p.Col))
	}
	return fmt.Sprintf("::%s %s::%s", level, strings.Join(props, ","), escapeData(p.Message))
}

func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// appendSummary adds the check's outcome to the Markdown file of the run's
// summary page: a table of every error and one of every warning, each
// place a link to its line in the commit checked.
func appendSummary(file string, problems, warns []problem, reg *register.Register, day time.Time) error {
	var b strings.Builder
	if len(problems) > 0 {
		fmt.Fprintf(&b, "### tizim check: %s\n\n", count(len(problems), "error"))
		b.WriteString("Nothing is published until they are fixed. Fix them from the top: one mistake can cause the ones after it.\n\n")
		summaryTable(&b, "Error", problems)
	} else {
		fmt.Fprintf(&b, "### tizim check: ok\n\n%d people, %s.\n\n", len(reg.People), regSummary(reg, day))
	}
	if len(warns) > 0 {
		fmt.Fprintf(&b, "#### %s\n\n", count(len(warns), "warning"))
		summaryTable(&b, "Warning", warns)
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(b.String()); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// summaryTable writes problems as a Markdown table, the column of
// messages headed what.
func summaryTable(b *strings.Builder, what string, ps []problem) {
	fmt.Fprintf(b, "| File | Line | %s |\n| --- | --- | --- |\n", what)
	for _, p := range ps {
		place := ""
		if p.Line > 0 {
			place = strconv.Itoa(p.Line)
			if p.Col > 0 {
				place += ":" + strconv.Itoa(p.Col)
			}
		}
		file := markdownText(p.File)
		if u := blobURL(p.File, p.Line); u != "" {
			file = "[" + file + "](" + u + ")"
		}
		fmt.Fprintf(b, "| %s | %s | %s |\n", file, place, markdownText(p.Message))
	}
	b.WriteString("\n")
}

// markdownText escapes s for a cell of a Markdown table: every ASCII
// punctuation character that Markdown or HTML could read as syntax gets a
// backslash, so that a message arrives as the words it is, and its lines
// join.
func markdownText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
			b.WriteByte(' ')
		case strings.ContainsRune("\\`*_{}[]<>()#+!|~&", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// blobURL is the address of a line of file in the commit that a workflow
// runs on, from the variables GitHub sets, or "" outside a workflow.
func blobURL(file string, line int) string {
	server, repo, sha := os.Getenv("GITHUB_SERVER_URL"), os.Getenv("GITHUB_REPOSITORY"), os.Getenv("GITHUB_SHA")
	if server == "" || repo == "" || sha == "" || file == "" || strings.HasPrefix(file, "../") || path.IsAbs(file) {
		return ""
	}
	var segs []string
	for _, s := range strings.Split(file, "/") {
		segs = append(segs, url.PathEscape(s))
	}
	u := server + "/" + repo + "/blob/" + sha + "/" + strings.Join(segs, "/")
	if line > 0 {
		u += "#L" + strconv.Itoa(line)
	}
	return u
}

// warn prints the warnings of command cmd, run on the site in root, on
// stderr; in a GitHub workflow,
// as annotations on stdout (where the check's are), which the run's summary
// shows where maintainers look.
func warn(stdout, stderr io.Writer, cmd, root string, warnings []build.Warning) {
	for _, wn := range warnings {
		if wn.Path != "" {
			wn.Path = repoPath(root, wn.Path)
		}
		if os.Getenv("GITHUB_ACTIONS") == "true" {
			fmt.Fprintln(stdout, annotation("warning", "tizim "+cmd, problem{File: wn.Path, Line: wn.Line, Message: wn.Msg}))
		} else {
			fmt.Fprintf(stderr, "tizim %s: warning: %s\n", cmd, wn)
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
