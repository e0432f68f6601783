// Command tizim builds the static website of a register of political
// prisoners from its content folder.
//
// Usage:
//
//	tizim build [--root DIR] [--out DIR] [--as-of YYYY-MM-DD] [--base-url URL]
//	tizim check [--root DIR] [--as-of YYYY-MM-DD] [--format text|github|json] [--verbose]
//	tizim new person [--root DIR] [--slug SLUG] "Name"
//	tizim photo strip PATH...
//	tizim serve [--root DIR] [--port N] [--as-of YYYY-MM-DD]
//	tizim version
//
// Photos must be committed without metadata (check refuses them, since
// the repository and its history are public): photo strip rewrites each
// file in place without it, turning the pixels upright if the metadata
// said to.
//
// Exit status: 0 on success, 1 when the content has errors (all are
// printed, as file:line:column: message), 2 on a usage error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"syscall"
	"time"

	"github.com/tizim/tizim/internal/build"
	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/photo"
	"github.com/tizim/tizim/internal/register"
	"github.com/tizim/tizim/internal/serve"
)

const usage = `tizim builds the website of a register of political prisoners.

Usage:
  tizim build [--root DIR] [--out DIR] [--as-of YYYY-MM-DD] [--base-url URL]
                                                             build the site into --out (default public)
  tizim check [--root DIR] [--as-of YYYY-MM-DD] [--format text|github|json] [--verbose]
                                                             validate content, i18n and templates, write nothing;
                                                             --verbose lists what each language has not translated
  tizim new person [--root DIR] [--slug SLUG] "Name"          start a case file for a new person
  tizim photo strip PATH...                                   remove the metadata (GPS location, camera, time) from photos
  tizim serve [--root DIR] [--port N] [--as-of YYYY-MM-DD]    preview on http://127.0.0.1:1313/, rebuilt on every edit
  tizim version                                               print the version

Run "tizim <command> -h" for a command's flags.
`

// errUsage marks a mistake in the command line: exit status 2.
var errUsage = errors.New("usage")

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	err := dispatch(args, stdout, stderr)
	var list content.ErrorList
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, errReported):
		return 1
	case errors.As(err, &list):
		fmt.Fprintln(stderr, list)
		fmt.Fprintf(stderr, "%d error(s); nothing was written\n", len(list))
		return 1
	default:
		fmt.Fprintln(stderr, "tizim:", err)
		return 1
	}
}

func dispatch(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	cmd, args := args[0], args[1:]
	fl := flag.NewFlagSet("tizim "+cmd, flag.ContinueOnError)
	fl.SetOutput(stderr)
	root := fl.String("root", ".", "the site `folder` holding content/")
	switch cmd {
	case "build":
		out := fl.String("out", "", "the output `folder` (default: public inside --root)")
		asOf := fl.String("as-of", "", "the site's `date`, YYYY-MM-DD (default: $SOURCE_DATE_EPOCH, else today in UTC)")
		portable := fl.Bool("portable", false, "accepted for older scripts; changes nothing (every link is relative: every build works from file:// or any folder)")
		baseURL := fl.String("base-url", "", "the site's `address`, in place of base_url in site.yaml (the Pages workflow sets it)")
		noCache := fl.Bool("no-cache", false, "make every file anew and remove the build cache (.public.cache beside the output), which otherwise lets a build render only what changed")
		if err := parse(fl, args, 0); err != nil {
			return err
		}
		day, err := siteDate(*asOf)
		if err != nil {
			fmt.Fprintln(stderr, "tizim build:", err)
			return errUsage
		}
		if *out == "" {
			*out = filepath.Join(*root, "public")
		}
		start := time.Now()
		st, err := build.Build(build.Options{Root: *root, Out: *out, AsOf: day, Portable: *portable, BaseURL: *baseURL, NoCache: *noCache})
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "built %s: %d people, %s, %d files of %s (%d unchanged) in %v\n",
			*out, st.People, listSummary(st.Current, st.Confirmed, st.Unconfirmed, st.TermEnded, day), st.Files, build.Size(st.Bytes), st.Unchanged, time.Since(start).Round(time.Millisecond))
		warn(stdout, stderr, "build", *root, st.Warnings())
		return nil
	case "check":
		asOf := fl.String("as-of", "", "the site's `date`, YYYY-MM-DD")
		format := fl.String("format", "text", "how to report errors: `text`, github (workflow annotations) or json")
		verbose := fl.Bool("verbose", false, "list every text each language has not translated, with its file and line")
		if err := parse(fl, args, 0); err != nil {
			return err
		}
		if *format != "text" && *format != "github" && *format != "json" {
			fmt.Fprintf(stderr, "tizim check: --format must be text, github or json, not %q\n", *format)
			return errUsage
		}
		day, err := siteDate(*asOf)
		if err != nil {
			fmt.Fprintln(stderr, "tizim check:", err)
			return errUsage
		}
		reg, warnings, err := build.Check(*root, day)
		if *format != "text" {
			return report(stdout, *format, *root, reg, day, warnings, err)
		}
		if err != nil {
			return err
		}
		warn(stdout, stderr, "check", *root, warnings)
		fmt.Fprintf(stdout, "ok: %d people, %s%s\n", len(reg.People), regSummary(reg, day), debtSummary(reg))
		if *verbose {
			listUntranslated(stdout, reg)
		}
		return nil
	case "new":
		fl.Usage = func() {
			fmt.Fprintln(stderr, `usage: tizim new person [--root DIR] [--slug SLUG] "Name"`)
			fl.PrintDefaults()
		}
		if len(args) == 0 || args[0] != "person" {
			fl.Usage()
			return errUsage
		}
		slug := fl.String("slug", "", "the person's `slug`, the folder and URL name (default: made from the name)")
		if err := parse(fl, args[1:], 1); err != nil {
			return err
		}
		return newPerson(*root, fl.Arg(0), *slug, stdout, stderr)
	case "serve":
		port := fl.Int("port", serve.DefaultPort, "the `port` on 127.0.0.1 (0: any free one)")
		asOf := fl.String("as-of", "", "the site's `date`, YYYY-MM-DD (default: $SOURCE_DATE_EPOCH, else today in UTC)")
		if err := parse(fl, args, 0); err != nil {
			return err
		}
		day, err := siteDate(*asOf)
		if err != nil {
			fmt.Fprintln(stderr, "tizim serve:", err)
			return errUsage
		}
		if *port < 0 || *port > 65535 {
			fmt.Fprintf(stderr, "tizim serve: --port must be between 0 and 65535, not %d\n", *port)
			return errUsage
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		return serve.Run(ctx, serve.Options{Root: *root, AsOf: day, Port: *port, Log: stdout})
	case "photo":
		// A flag set of its own: the paths are files, not inside --root.
		fl = flag.NewFlagSet("tizim photo strip", flag.ContinueOnError)
		fl.SetOutput(stderr)
		fl.Usage = func() {
			fmt.Fprintln(stderr, "usage: tizim photo strip PATH...\nRemoves the metadata (GPS location, camera, time taken, comments) from photo files, in place.")
		}
		if len(args) == 0 || args[0] != "strip" {
			fl.Usage()
			return errUsage
		}
		if err := fl.Parse(args[1:]); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return err
			}
			return errUsage
		}
		if fl.NArg() == 0 {
			fl.Usage()
			return errUsage
		}
		return stripPhotos(fl.Args(), stdout, stderr)
	case "version":
		if err := parse(fl, args, 0); err != nil {
			return err
		}
		fmt.Fprintln(stdout, "tizim", version())
		return nil
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprintf(stderr, "tizim: unknown command %q\n\n%s", cmd, usage)
	return errUsage
}

// parse parses flags and checks the number of remaining arguments.
func parse(fl *flag.FlagSet, args []string, nargs int) error {
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if fl.NArg() != nargs {
		fmt.Fprintf(fl.Output(), "%s: expected %d argument(s), got %d\n", fl.Name(), nargs, fl.NArg())
		fl.Usage()
		return errUsage
	}
	return nil
}

// siteDate is the day the site is "as of": the flag, else
// SOURCE_DATE_EPOCH (for reproducible builds), else today in UTC.
func siteDate(flagValue string) (time.Time, error) {
	if flagValue != "" {
		t, err := time.Parse(time.DateOnly, flagValue)
		if err != nil {
			return time.Time{}, fmt.Errorf("--as-of %q is not a date; write YYYY-MM-DD", flagValue)
		}
		return t, nil
	}
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH %q is not a number of seconds", s)
		}
		return time.Unix(sec, 0).UTC(), nil
	}
	return time.Now().UTC(), nil
}

func newPerson(root, name, slug string, stdout, stderr io.Writer) error {
	if slug == "" {
		slug = content.Slug(name)
		if slug == "" {
			return fmt.Errorf("cannot make a slug of %q; give the name in letters, or a slug with --slug", name)
		}
	} else if !content.IsSlug(slug) {
		return fmt.Errorf("--slug %q is not a slug; use lower-case ASCII letters, digits and single hyphens, e.g. %s", slug, content.Slug(name)+"-2")
	}
	files := content.Files(root)
	c, loadErr := content.Load(files)
	dir := filepath.Join(root, content.Dir, "people", slug)
	if _, err := os.Stat(dir); err == nil {
		who := ""
		if loadErr == nil {
			for _, p := range c.People {
				if p.Slug == slug {
					who = fmt.Sprintf(" (%q)", p.Name)
				}
			}
		}
		return fmt.Errorf("%s already exists%s. If it is the same person, edit its case.yaml; if it is another person, give the new one a slug of its own, for example:\n  tizim new person --slug %s %q", dir, who, slug+"-2", name)
	}
	// The content may have errors (a maintainer's work in progress):
	// then the register's people cannot be compared, and check will.
	if loadErr == nil {
		for _, p := range build.Namesakes(c.People, name) {
			fmt.Fprintf(stderr, "tizim new person: warning: %q may already be in the register: %s has %q, a spelling of the same name. If it is the same person, add to that folder and delete the new one; if it is another person, give both a birth year (born:).\n", name, filepath.Dir(filepath.Join(root, filepath.FromSlash(p.Path))), p.Name)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	file := filepath.Join(dir, "case.yaml")
	today := time.Now().UTC().Format(time.DateOnly)
	if err := os.WriteFile(file, content.CaseTemplate(name, today, content.CaseSchemaURL(files)), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "created %s\nEdit it, add a profile.md beside it if you like, then run: tizim check\n", file)
	return nil
}

// stripPhotos removes the metadata from each photo file and says what it
// removed. A file it cannot strip is reported, and the others are still
// done.
func stripPhotos(paths []string, stdout, stderr io.Writer) error {
	failed, removed := false, false
	for _, p := range paths {
		m, err := photo.StripFile(p)
		switch {
		case err != nil:
			fmt.Fprintln(stderr, "tizim photo strip:", err)
			failed = true
		case len(m.Kinds) == 0:
			fmt.Fprintf(stdout, "nothing to remove from %s\n", p)
		case m.Orientation != 1:
			fmt.Fprintf(stdout, "removed %s from %s, and turned the picture upright as the metadata said\n", photo.Describe(m.Kinds), p)
			removed = true
		default:
			fmt.Fprintf(stdout, "removed %s from %s\n", photo.Describe(m.Kinds), p)
			removed = true
		}
	}
	if removed {
		fmt.Fprintln(stdout, "If a photo was committed before, its old version stays in the git history: see docs/add-a-person.md#photos.")
	}
	if failed {
		return errReported
	}
	return nil
}

// listSummary says how many are on the current list and how many of
// them are confirmed in custody, as the site's headline does.
func listSummary(current, confirmed, unconfirmed, ended int, day time.Time) string {
	s := fmt.Sprintf("%d on the current list as of %s", current, day.Format(time.DateOnly))
	if unconfirmed+ended > 0 {
		terms := "terms"
		if ended == 1 {
			terms = "term"
		}
		s += fmt.Sprintf(" (%d confirmed, %d unconfirmed, %d %s ended with no release recorded)", confirmed, unconfirmed, ended, terms)
	}
	return s
}

func regSummary(reg *register.Register, day time.Time) string {
	return listSummary(len(reg.Current), len(reg.Confirmed), len(reg.Unconfirmed), len(reg.TermEnded), day)
}

// untranslated is what each language other than the default has not
// translated, of what the register publishes.
func untranslated(reg *register.Register) map[string][]content.Missing {
	c := &content.Content{Site: reg.Site, Pages: reg.Pages}
	for _, p := range reg.People {
		c.People = append(c.People, p.Person)
	}
	out := make(map[string][]content.Missing)
	for _, lang := range reg.Site.Languages[1:] {
		out[lang] = c.Untranslated(lang)
	}
	return out
}

// debtSummary is the translation debt for the summary line:
// "; untranslated: ru 0, kk 14", or "" for a site in one language.
func debtSummary(reg *register.Register) string {
	if len(reg.Site.Languages) < 2 {
		return ""
	}
	debt := untranslated(reg)
	s := "; untranslated:"
	for i, lang := range reg.Site.Languages[1:] {
		if i > 0 {
			s += ","
		}
		s += fmt.Sprintf(" %s %d", lang, len(debt[lang]))
	}
	return s
}

// listUntranslated writes each text a language has not translated, one a
// line: "content/people/x/case.yaml:12: kk: event text".
func listUntranslated(w io.Writer, reg *register.Register) {
	debt := untranslated(reg)
	for _, lang := range reg.Site.Languages[1:] {
		for _, m := range debt[lang] {
			fmt.Fprintf(w, "%s:%d: %s: %s\n", m.Path, m.Line, lang, m.What)
		}
	}
}

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}
