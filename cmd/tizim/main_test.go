package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tizim/tizim/internal/build"
	"github.com/tizim/tizim/internal/testkit/phototest"
)

// tree reads every file under dir into a map, for byte-for-byte comparisons.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := make(map[string][]byte)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func equalTrees(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || !bytes.Equal(v, w) {
			return false
		}
	}
	return true
}

// copyContent copies the shipped content/ into a temporary site folder.
func copyContent(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	err := os.CopyFS(filepath.Join(root, "content"), os.DirFS("../../content"))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func runTizim(args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// TestBuildRealSite builds the shipped content twice: no errors, every page
// there, and the same bytes both times.
func TestBuildRealSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, stderr := runTizim("build", "--root", "../..", "--out", out, "--as-of", "2026-11-22")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !regexp.MustCompile(`\d+ people`).MatchString(stdout) || !regexp.MustCompile(`\d+ files of [\d.]+ (KB|MB) `).MatchString(stdout) {
		t.Errorf("stdout: %s", stdout)
	}
	if stderr != "" {
		t.Errorf("a small site warned: %s", stderr)
	}
	first := tree(t, out)
	for _, want := range []string{"index.html", "404.html", ".nojekyll", "current/index.html", "people/index.html",
		"people/sanavar-zakirova/index.html", "about/index.html", "methodology/index.html", "static/style.css"} {
		if _, ok := first[want]; !ok {
			t.Errorf("%s missing", want)
		}
	}
	if code, _, stderr := runTizim("build", "--root", "../..", "--out", out, "--as-of", "2026-11-22"); code != 0 {
		t.Fatal(stderr)
	}
	if !equalTrees(first, tree(t, out)) {
		t.Error("two builds of the same content and date differ")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	for _, e := range entries {
		if e.Name() != "public" && e.Name() != ".public.lock" && e.Name() != ".public.cache" {
			t.Errorf("left beside the output: %s", e.Name())
		}
	}
}

// TestFailedBuildKeepsSite breaks a case file after a good build: the build
// fails with exit status 1, names the file, line and column, and leaves the
// previous output exactly as it was.
func TestFailedBuildKeepsSite(t *testing.T) {
	root := copyContent(t)
	out := filepath.Join(root, "public")
	if code, _, stderr := runTizim("build", "--root", root, "--as-of", "2026-11-22"); code != 0 {
		t.Fatal(stderr)
	}
	before := tree(t, out)
	bad := filepath.Join(root, "content/people/sanavar-zakirova/case.yaml")
	data, _ := os.ReadFile(bad)
	os.WriteFile(bad, bytes.Replace(data, []byte("type: sentenced"), []byte("type: arested"), 1), 0o644)
	code, _, stderr := runTizim("build", "--root", root, "--as-of", "2026-11-22")
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if !strings.Contains(stderr, "content/people/sanavar-zakirova/case.yaml:") || !strings.Contains(stderr, `unknown event type "arested" (did you mean "detained"?)`) {
		t.Errorf("stderr: %s", stderr)
	}
	if !equalTrees(before, tree(t, out)) {
		t.Error("a failed build changed the previous output")
	}
	if code, _, _ := runTizim("check", "--root", root); code != 1 {
		t.Errorf("check: exit %d, want 1", code)
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		out  string
	}{
		{nil, 2, "Usage:"},
		{[]string{"frobnicate"}, 2, "unknown command"},
		{[]string{"build", "--as-of", "22.11.2026"}, 2, "write YYYY-MM-DD"},
		{[]string{"build", "--nope"}, 2, "flag provided but not defined"},
		{[]string{"build", "-h"}, 0, "-as-of"},
		{[]string{"check", "-h"}, 0, "-root"},
		{[]string{"new", "person", "-h"}, 0, "-root"},
		{[]string{"new"}, 2, "usage: tizim new person"},
		{[]string{"photo"}, 2, "usage: tizim photo strip PATH..."},
		{[]string{"photo", "remove", "x.jpg"}, 2, "usage: tizim photo strip PATH..."},
		{[]string{"photo", "strip"}, 2, "usage: tizim photo strip PATH..."},
		{[]string{"photo", "strip", "-h"}, 0, "usage: tizim photo strip PATH..."},
		{[]string{"photo", "strip", "--root", "."}, 2, "flag provided but not defined"},
		{[]string{"version"}, 0, "tizim"},
		{[]string{"check", "--root", "../..", "--as-of", "2020-09-08"}, 0, "9 on the current list"},
	}
	for _, tt := range tests {
		code, stdout, stderr := runTizim(tt.args...)
		if code != tt.code || !strings.Contains(stdout+stderr, tt.out) {
			t.Errorf("tizim %v: exit %d, output %q; want exit %d and %q", tt.args, code, stdout+stderr, tt.code, tt.out)
		}
	}
}

// TestNewPerson creates a person from a Kazakh name: the slug follows
// Kazakh transliteration and the new case file is a valid draft.
func TestNewPerson(t *testing.T) {
	root := copyContent(t)
	code, stdout, stderr := runTizim("new", "person", "--root", root, "Қайрат Қылышев-Жаңа")
	if code != 0 {
		t.Fatal(stderr)
	}
	file := filepath.Join(root, "content/people/qairat-qylyshev-zhana/case.yaml")
	if !strings.Contains(stdout, file) {
		t.Errorf("stdout %q does not name %s", stdout, file)
	}
	data, err := os.ReadFile(file)
	if err != nil || !bytes.Contains(data, []byte(`name: "Қайрат Қылышев-Жаңа"`)) {
		t.Fatalf("case file: %s %v", data, err)
	}
	// Its first line points YAML editors at the site's published schema.
	if !bytes.HasPrefix(data, []byte("# yaml-language-server: $schema=https://tizim.github.io/kazakhstan/schema/case.schema.json\n")) {
		t.Errorf("case file does not start with the schema comment:\n%s", data)
	}
	// It cites a placeholder source, so check must point at it.
	code, _, stderr = runTizim("check", "--root", root)
	if code != 1 || !strings.Contains(stderr, `qairat-qylyshev-zhana/case.yaml:`) || !strings.Contains(stderr, `"source-id"`) {
		t.Errorf("check after new person: exit %d, %s", code, stderr)
	}
	if code, _, _ := runTizim("new", "person", "--root", root, "Қайрат Қылышев-Жаңа"); code != 1 {
		t.Errorf("creating the same person twice: exit %d, want 1", code)
	}
}

// TestPhotoStrip adds a phone's photo to a person: check refuses it and
// says to run photo strip, which removes the metadata in place, after
// which check passes and photo strip has nothing more to remove. A file
// that is not an image is an error, and the other files are still done.
func TestPhotoStrip(t *testing.T) {
	root := copyContent(t)
	rel := "content/people/sanavar-zakirova/photo.jpg"
	file := filepath.Join(root, rel)
	if err := os.WriteFile(file, phototest.PhoneJPEG(), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runTizim("check", "--root", root)
	if code != 1 || !strings.Contains(stderr, rel+": the photo carries metadata that can identify where and by whom it was taken (GPS location,") ||
		!strings.Contains(stderr, `run "go run ./cmd/tizim photo strip `+rel+`"`) {
		t.Fatalf("check: exit %d, %s", code, stderr)
	}

	notImage := filepath.Join(root, "content/people/sanavar-zakirova/case.yaml")
	caseFile, _ := os.ReadFile(notImage)
	code, stdout, stderr := runTizim("photo", "strip", notImage, file)
	if code != 1 || stderr != "tizim photo strip: "+notImage+": this is not a JPEG, PNG or WebP image\n" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if !strings.HasPrefix(stdout, "removed GPS location, camera serial number, date and time taken, camera make and model from "+file+"\n") ||
		!strings.Contains(stdout, "docs/add-a-person.md#photos") {
		t.Errorf("stdout %q", stdout)
	}
	if data, _ := os.ReadFile(notImage); !bytes.Equal(data, caseFile) {
		t.Error("the case file was changed")
	}
	if code, _, stderr := runTizim("check", "--root", root); code != 0 {
		t.Errorf("check after photo strip: exit %d, %s", code, stderr)
	}

	code, stdout, stderr = runTizim("photo", "strip", file)
	if code != 0 || stdout != "nothing to remove from "+file+"\n" || stderr != "" {
		t.Errorf("second time: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// TestCheckFormats breaks two case files and reads the errors as GitHub
// annotations and as JSON.
func TestCheckFormats(t *testing.T) {
	root := copyContent(t)
	t.Setenv("GITHUB_STEP_SUMMARY", "") // tests run in workflows too
	bad := filepath.Join(root, "content/people/sanavar-zakirova/case.yaml")
	data, _ := os.ReadFile(bad)
	data = bytes.Replace(data, []byte("type: sentenced"), []byte("type: arested"), 1)
	data = bytes.Replace(data, []byte("date: 2020-09-08"), []byte("date: 2020-13-08"), 1)
	os.WriteFile(bad, data, 0o644)

	code, stdout, _ := runTizim("check", "--root", root, "--format", "github")
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 3 || lines[2] != "tizim check: 2 errors" {
		t.Fatalf("want 2 annotations and their count, got:\n%s", stdout)
	}
	lines = lines[:2]
	file := filepath.ToSlash(filepath.Join(root, "content/people/sanavar-zakirova/case.yaml"))
	for _, l := range lines {
		if !strings.HasPrefix(l, "::error title=tizim check,file="+strings.ReplaceAll(file, ":", "%3A")+",line=") || !strings.Contains(l, ",col=") {
			t.Errorf("not a GitHub annotation with file, line and column: %s", l)
		}
	}
	if !strings.Contains(stdout, `::unknown event type "arested" (did you mean "detained"?)`) {
		t.Errorf("annotation lacks the message:\n%s", stdout)
	}

	code, stdout, _ = runTizim("check", "--root", root, "--format", "json")
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	var rep struct {
		OK     bool
		Errors []struct {
			File      string
			Line, Col int
			Message   string
		}
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	if rep.OK || len(rep.Errors) != 2 || rep.Errors[0].File != file || rep.Errors[0].Line == 0 || rep.Errors[0].Col == 0 {
		t.Errorf("report: %+v", rep)
	}

	code, stdout, _ = runTizim("check", "--root", "../..", "--as-of", "2020-09-08", "--format", "json")
	if code != 0 || !strings.Contains(stdout, `"ok": true`) || !strings.Contains(stdout, `"current": 9`) {
		t.Errorf("valid site: exit %d, %s", code, stdout)
	}
	if code, _, stderr := runTizim("check", "--format", "xml"); code != 2 || !strings.Contains(stderr, "must be text, github or json") {
		t.Errorf("bad format: exit %d, %s", code, stderr)
	}
}

func TestEscapeAnnotations(t *testing.T) {
	if got := escapeData("50% done\nnext"); got != "50%25 done%0Anext" {
		t.Errorf("escapeData: %q", got)
	}
	if got := escapeProperty("a:b,c"); got != "a%3Ab%2Cc" {
		t.Errorf("escapeProperty: %q", got)
	}
}

var workflowRun = regexp.MustCompile(`go run \./cmd/tizim (.*)`)

// TestWorkflowCommands runs the tizim commands of the GitHub workflows
// against the shipped site, so that a change to the command line cannot
// silently break publishing or pull-request checks.
func TestWorkflowCommands(t *testing.T) {
	files, _ := filepath.Glob("../../.github/workflows/*.yml")
	before, _ := os.ReadDir(".")
	defer func() {
		// A command whose output folder the test missed would write it
		// into the repository.
		if after, _ := os.ReadDir("."); len(after) != len(before) {
			t.Errorf("the workflow commands wrote into %s: %d entries, were %d", must(os.Getwd()), len(after), len(before))
		}
	}()
	ran := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range workflowRun.FindAllStringSubmatch(string(data), -1) {
			// The runner's temporary folder is a temporary folder; any
			// other expression, or a variable that the step's env: sets to
			// one ($BASE_URL), stands for the address GitHub gives the site.
			line := strings.ReplaceAll(m[1], "$RUNNER_TEMP", t.TempDir())
			line = regexp.MustCompile(`\$\{\{[^}]*\}\}|\$[A-Z_]+`).ReplaceAllString(line, "https://example.github.io/register")
			args := strings.Fields(strings.ReplaceAll(line, `"`, ""))
			root := copyContent(t)
			args = append(args, "--root", root, "--as-of", "2026-11-22")
			if code, stdout, stderr := runTizim(args...); code != 0 {
				t.Errorf("%s: tizim %s: exit %d\n%s%s", filepath.Base(f), strings.Join(args, " "), code, stdout, stderr)
			}
			ran++
		}
	}
	if ran < 2 {
		t.Errorf("only %d workflow commands found", ran)
	}
}

// TestWarn prints a warning for a person at a terminal, and in a GitHub
// workflow as an annotation, escaped so that it arrives whole.
func TestWarn(t *testing.T) {
	msg := []build.Warning{{Msg: "the site is 7.5 GB: 100% over\nthe limit"}}
	t.Setenv("GITHUB_ACTIONS", "")
	var stdout, stderr bytes.Buffer
	warn(&stdout, &stderr, "build", ".", msg)
	if want := "tizim build: warning: " + msg[0].Msg + "\n"; stdout.Len() != 0 || stderr.String() != want {
		t.Errorf("at a terminal: stdout %q, stderr %q; want stderr %q", stdout.String(), stderr.String(), want)
	}
	t.Setenv("GITHUB_ACTIONS", "true")
	stdout.Reset()
	stderr.Reset()
	warn(&stdout, &stderr, "build", ".", msg)
	if want := "::warning title=tizim build::the site is 7.5 GB: 100%25 over%0Athe limit\n"; stdout.String() != want || stderr.Len() != 0 {
		t.Errorf("in a workflow: stdout %q, stderr %q; want stdout %q", stdout.String(), stderr.String(), want)
	}
	// A warning about a file is placed on its line, relative to the
	// repository.
	stdout.Reset()
	warn(&stdout, &stderr, "check", "site", []build.Warning{{Path: "content/people/x/case.yaml", Line: 2, Msg: "m"}})
	if want := "::warning title=tizim check,file=site/content/people/x/case.yaml,line=2::m\n"; stdout.String() != want {
		t.Errorf("a file's warning: %q, want %q", stdout.String(), want)
	}
}

// TestStepSummary makes twelve errors, more than GitHub shows as
// annotations: the log says how many there are, and the run's summary
// lists every one, escaped, with a link to its line.
func TestStepSummary(t *testing.T) {
	root := copyContent(t)
	summary := filepath.Join(t.TempDir(), "summary.md")
	t.Setenv("GITHUB_STEP_SUMMARY", summary)
	t.Setenv("GITHUB_SERVER_URL", "https://github.com")
	t.Setenv("GITHUB_REPOSITORY", "org/register")
	t.Setenv("GITHUB_SHA", "abc123")
	file := filepath.Join(root, "content/people/sanavar-zakirova/case.yaml")
	data, _ := os.ReadFile(file)
	var extra strings.Builder
	for i := range 12 {
		fmt.Fprintf(&extra, "colour%d: <b>red|blue</b>\n", i)
	}
	os.WriteFile(file, append([]byte(extra.String()), data...), 0o644)

	// From the repository's folder, as in a workflow: paths are relative.
	t.Chdir(root)
	code, stdout, _ := runTizim("check", "--format", "github")
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if n := strings.Count(stdout, "::error "); n != 12 {
		t.Errorf("%d annotations, want 12", n)
	}
	for _, want := range []string{"tizim check: 12 errors\n", "GitHub shows only the first 10 errors", "the run's summary page lists them all"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("log lacks %q:\n%s", want, stdout)
		}
	}
	got, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	md := string(got)
	if !strings.HasPrefix(md, "### tizim check: 12 errors\n") {
		t.Errorf("summary heading:\n%s", md)
	}
	rows := 0
	for _, l := range strings.Split(md, "\n") {
		if strings.HasPrefix(l, "| [") {
			rows++
		}
	}
	if rows != 12 {
		t.Errorf("%d rows, want 12:\n%s", rows, md)
	}
	if !strings.Contains(md, "| [content/people/sanavar-zakirova/case.yaml](https://github.com/org/register/blob/abc123/content/people/sanavar-zakirova/case.yaml#L1) | 1:1 | unknown field") {
		t.Errorf("no link to the first line:\n%s", md)
	}
	if want := `unknown field "colour0" in a case file`; !strings.Contains(md, want) {
		t.Errorf("summary lacks %q:\n%s", want, md)
	}

	// A clean check says so, and the summary gets one more section.
	os.WriteFile(file, data, 0o644)
	if code, stdout, _ := runTizim("check", "--format", "github"); code != 0 || !regexp.MustCompile(`^ok: \d+ people`).MatchString(stdout) {
		t.Errorf("clean: exit %d, %s", code, stdout)
	}
	got, _ = os.ReadFile(summary)
	if !regexp.MustCompile("### tizim check: ok\n\n\\d+ people").Match(got) {
		t.Errorf("summary after a clean check:\n%s", got)
	}
}

func TestMarkdownText(t *testing.T) {
	for in, want := range map[string]string{
		"plain words, ok.":       "plain words, ok.",
		"<script>|x`y`":          `\<script\>\|x\` + "`y\\`",
		"[link](javascript:x)":   `\[link\]\(javascript:x\)`,
		"*a* _b_ #c ~d~ & e!\nf": `\*a\* \_b\_ \#c \~d\~ \& e\! f`,
		`a back\slash`:           `a back\\slash`,
		"Қайрат {x} + y":         `Қайрат \{x\} \+ y`,
	} {
		if got := markdownText(in); got != want {
			t.Errorf("markdownText(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTwinsWarn adds a second folder for a person already in the register,
// under another spelling of the name: new person warns before creating it,
// and check warns at both folders, in each format, without failing.
func TestTwinsWarn(t *testing.T) {
	root := copyContent(t)
	t.Setenv("GITHUB_STEP_SUMMARY", "")
	code, stdout, stderr := runTizim("new", "person", "--root", root, "Kairat Kylyshev")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	existing := filepath.Join(root, "content/people/qairat-qylyshev")
	if !strings.Contains(stderr, `warning: "Kairat Kylyshev" may already be in the register: `+existing+` has "Qairat Qylyshev"`) {
		t.Errorf("new person did not warn:\n%s", stderr)
	}
	if !strings.Contains(stdout, "created ") {
		t.Errorf("stdout: %s", stdout)
	}
	// Make the new case file valid, then check.
	file := filepath.Join(root, "content/people/kairat-kylyshev/case.yaml")
	os.WriteFile(file, []byte("name: Kairat Kylyshev\nevents:\n  - {date: 2020, type: other, text: A report., sources: [news-2021-01-22-zakirova-release]}\n"), 0o644)

	code, stdout, stderr = runTizim("check", "--root", root)
	if code != 0 {
		t.Fatalf("check: exit %d\n%s", code, stderr)
	}
	for _, slug := range []string{"kairat-kylyshev", "qairat-qylyshev"} {
		if !strings.Contains(stderr, "tizim check: warning: "+filepath.ToSlash(filepath.Join(root, "content/people", slug, "case.yaml"))+":1: ") {
			t.Errorf("no warning at %s:\n%s", slug, stderr)
		}
	}
	code, stdout, _ = runTizim("check", "--root", root, "--format", "github")
	if code != 0 || strings.Count(stdout, "::warning title=tizim check,file=") != 2 || !strings.Contains(stdout, "tizim check: 2 warnings") {
		t.Errorf("github: exit %d\n%s", code, stdout)
	}
	code, stdout, _ = runTizim("check", "--root", root, "--format", "json")
	var rep struct {
		OK       bool
		Warnings []struct{ File, Message string }
	}
	json.Unmarshal([]byte(stdout), &rep)
	if code != 0 || !rep.OK || len(rep.Warnings) != 2 || !strings.Contains(rep.Warnings[0].Message, "may be the same person as") {
		t.Errorf("json: exit %d, %+v", code, rep)
	}

	// Born apart, they are two people.
	born := func(slug, year string) {
		p := filepath.Join(root, "content/people", slug, "case.yaml")
		data, _ := os.ReadFile(p)
		os.WriteFile(p, bytes.Replace(data, []byte("\nevents:"), []byte("\nborn: "+year+"\nevents:"), 1), 0o644)
	}
	born("kairat-kylyshev", "1961")
	born("qairat-qylyshev", "1975")
	if code, _, stderr := runTizim("check", "--root", root); code != 0 || strings.Contains(stderr, "warning") {
		t.Errorf("born apart: exit %d, %s", code, stderr)
	}

	// The same slug: say whose it is, and how to choose another.
	code, _, stderr = runTizim("new", "person", "--root", root, "Qairat Qylyshev")
	if code != 1 || !strings.Contains(stderr, `already exists ("Qairat Qylyshev")`) || !strings.Contains(stderr, `tizim new person --slug qairat-qylyshev-2 "Qairat Qylyshev"`) {
		t.Errorf("existing slug: exit %d, %s", code, stderr)
	}
	code, _, stderr = runTizim("new", "person", "--root", root, "--slug", "qairat-qylyshev-2", "Qairat Qylyshev")
	if _, err := os.Stat(filepath.Join(root, "content/people/qairat-qylyshev-2/case.yaml")); code != 0 || err != nil {
		t.Errorf("--slug: exit %d, %v, %s", code, err, stderr)
	}
	if code, _, stderr := runTizim("new", "person", "--root", root, "--slug", "Bad_Slug", "X"); code != 1 || !strings.Contains(stderr, `--slug "Bad_Slug" is not a slug`) {
		t.Errorf("bad --slug: exit %d, %s", code, stderr)
	}
}

// TestTemplateErrorAnnotation breaks the site's own template: the
// annotation is placed on the template's line, so GitHub shows it there.
func TestTemplateErrorAnnotation(t *testing.T) {
	root := copyContent(t)
	t.Setenv("GITHUB_STEP_SUMMARY", "")
	os.MkdirAll(filepath.Join(root, "templates"), 0o755)
	os.WriteFile(filepath.Join(root, "templates/person.html"), []byte("{{define \"main\"}}\n\n\n\n  <p>{{.Nope}}</p>{{end}}\n"), 0o644)
	t.Chdir(root)
	code, stdout, _ := runTizim("check", "--format", "github")
	want := "::error title=tizim check,file=templates/person.html,line=5,col=8::.Nope is not part of the theme's interface"
	if code != 1 || !strings.HasPrefix(stdout, want) || !strings.Contains(stdout, "in the site's own templates/person.html") {
		t.Errorf("exit %d, want an annotation starting %q:\n%s", code, want, stdout)
	}
}

func must[T any](v T, _ error) T { return v }
