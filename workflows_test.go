package tizim_test

// Tests of the GitHub workflows in .github/workflows: the rules that keep
// the publishing token away from the repository's code, so that an edit
// that loosens one of them fails `go test ./...` (actionlint, in .ci/run,
// checks the syntax; these check the security properties):
//
//   - every workflow sets its token's permissions, and grants no write at
//     the top;
//   - a job whose token can write anything runs no script and checks out
//     nothing: code of the repository never runs with write rights;
//   - every checkout leaves no credentials on disk (persist-credentials:
//     false);
//   - every action is one this file knows, at or above the major version
//     in minMajor (the old majors ran on Node 20, which GitHub retired).
//
// And the checks of check.yml always report, so that both can be required
// (see the comment at its top).

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// minMajor is the lowest major version allowed of each action a workflow
// uses: the current major when it was last checked, each running on Node
// 24. To use another action, or a newer major, check its releases and
// change the table.
var minMajor = map[string]int{
	"actions/checkout":              7,
	"actions/setup-go":              7,
	"actions/configure-pages":       6,
	"actions/upload-pages-artifact": 5,
	"actions/deploy-pages":          5,
	"actions/cache":                 5,
}

// ghWorkflow is the part of a workflow file these tests read.
type ghWorkflow struct {
	On          yaml.Node        `yaml:"on"`
	Permissions yaml.Node        `yaml:"permissions"` // Kind 0 when absent
	Jobs        map[string]ghJob `yaml:"jobs"`
}

type ghJob struct {
	If          string    `yaml:"if"`
	Permissions yaml.Node `yaml:"permissions"` // Kind 0 when absent
	Uses        yaml.Node `yaml:"uses"`        // a reusable workflow
	Steps       []ghStep  `yaml:"steps"`
}

type ghStep struct {
	Name string               `yaml:"name"`
	Uses yaml.Node            `yaml:"uses"`
	Run  *string              `yaml:"run"`
	With map[string]yaml.Node `yaml:"with"`
}

// workflowFiles returns the paths of the workflow files.
func workflowFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{"*.yml", "*.yaml"} {
		m, err := filepath.Glob(filepath.Join(".github", "workflows", pattern))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no workflow files in .github/workflows")
	}
	slices.Sort(files)
	return files
}

// parseWorkflow parses a workflow file.
func parseWorkflow(data []byte) (*ghWorkflow, error) {
	var w ghWorkflow
	if err := yaml.Unmarshal(data, &w); err != nil {
		return nil, err
	}
	if len(w.Jobs) == 0 {
		return nil, fmt.Errorf("no jobs")
	}
	return &w, nil
}

// writes returns the scopes a permissions block grants write on, "all"
// for write-all, and an error for a block that is not one of the forms
// GitHub knows. An absent block (Kind 0) grants nothing here: see the
// callers.
func writes(n yaml.Node) ([]string, error) {
	switch {
	case n.Kind == 0:
		return nil, nil
	case n.Kind == yaml.ScalarNode:
		switch n.Value {
		case "read-all":
			return nil, nil
		case "write-all":
			return []string{"all"}, nil
		}
		return nil, fmt.Errorf("line %d: permissions %q: want read-all, or a map of scopes", n.Line, n.Value)
	case n.Kind == yaml.MappingNode:
		var w []string
		for i := 0; i+1 < len(n.Content); i += 2 {
			scope, level := n.Content[i].Value, n.Content[i+1].Value
			switch level {
			case "write":
				w = append(w, scope)
			case "read", "none":
			default:
				return nil, fmt.Errorf("line %d: permission %s: %q", n.Content[i+1].Line, scope, level)
			}
		}
		return w, nil
	}
	return nil, fmt.Errorf("line %d: permissions: want a map", n.Line)
}

var (
	versionRef = regexp.MustCompile(`^v(\d+)(\.\d+){0,2}$`)
	shaRef     = regexp.MustCompile(`^[0-9a-f]{40}$`)
	// A commit pinned by its SHA says its version in a comment: "# v7.0.1".
	versionComment = regexp.MustCompile(`^#\s*v(\d+)\b`)
)

// actionProblem returns what is wrong with a uses: value, or "".
func actionProblem(n yaml.Node) string {
	uses := n.Value
	if strings.HasPrefix(uses, "./") {
		return "" // an action of this repository
	}
	name, ref, ok := strings.Cut(uses, "@")
	if !ok {
		return fmt.Sprintf("%s: no version after @", uses)
	}
	// owner/repo, also for owner/repo/path and reusable workflows.
	if parts := strings.SplitN(name, "/", 3); len(parts) >= 2 {
		name = parts[0] + "/" + parts[1]
	}
	want, known := minMajor[name]
	if !known {
		return fmt.Sprintf("%s: an action not in minMajor (workflows_test.go): check its current major and add it", uses)
	}
	var major string
	switch {
	case versionRef.MatchString(ref):
		major = versionRef.FindStringSubmatch(ref)[1]
	case shaRef.MatchString(ref):
		m := versionComment.FindStringSubmatch(strings.TrimSpace(n.LineComment))
		if m == nil {
			return fmt.Sprintf("%s: a commit without a comment saying its version (# v%d...)", uses, want)
		}
		major = m[1]
	default:
		return fmt.Sprintf("%s: want a version tag such as v%d, or a commit SHA with a # v%d comment; %q can move", uses, want, want, ref)
	}
	if got, _ := strconv.Atoi(major); got < want {
		return fmt.Sprintf("%s: major %d, want at least v%d (the older majors run on Node 20, which GitHub retired)", uses, got, want)
	}
	return ""
}

// workflowProblems returns every broken rule in one workflow file.
func workflowProblems(data []byte) []string {
	w, err := parseWorkflow(data)
	if err != nil {
		return []string{err.Error()}
	}
	var out []string
	add := func(format string, a ...any) { out = append(out, fmt.Sprintf(format, a...)) }

	top, err := writes(w.Permissions)
	switch {
	case err != nil:
		add("%v", err)
	case w.Permissions.Kind == 0:
		add("no permissions: at the top: without it the token gets the repository's default, which may be write (use permissions: {} or contents: read)")
	case len(top) > 0:
		add("permissions at the top grant write on %s to every job: grant it to the one job that needs it", strings.Join(top, ", "))
	}

	names := make([]string, 0, len(w.Jobs))
	for name := range w.Jobs {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		job := w.Jobs[name]
		perms := w.Permissions
		if job.Permissions.Kind != 0 {
			perms = job.Permissions
		}
		jw, err := writes(perms)
		if err != nil {
			add("job %s: %v", name, err)
		}
		if job.Uses.Value != "" {
			if p := actionProblem(job.Uses); p != "" {
				add("job %s: %s", name, p)
			}
			if len(jw) > 0 {
				add("job %s: calls a workflow with write on %s", name, strings.Join(jw, ", "))
			}
		}
		for i, st := range job.Steps {
			what := fmt.Sprintf("job %s, step %d", name, i+1)
			if st.Name != "" {
				what += fmt.Sprintf(" (%s)", st.Name)
			}
			if st.Run != nil && len(jw) > 0 {
				add("%s: runs a script with write on %s: only a job that runs no code of the repository may write", what, strings.Join(jw, ", "))
			}
			if st.Uses.Value == "" {
				continue
			}
			if p := actionProblem(st.Uses); p != "" {
				add("%s: %s", what, p)
			}
			if strings.HasPrefix(st.Uses.Value, "actions/checkout@") {
				if len(jw) > 0 {
					add("%s: checks out the repository with write on %s", what, strings.Join(jw, ", "))
				}
				pc, ok := st.With["persist-credentials"]
				if !ok || pc.Value != "false" {
					add("%s: checkout without persist-credentials: false leaves the token in .git for every later step", what)
				}
			}
		}
	}
	return out
}

// TestWorkflows applies the rules to every workflow of the repository.
func TestWorkflows(t *testing.T) {
	for _, f := range workflowFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range workflowProblems(data) {
			t.Errorf("%s: %s", f, p)
		}
	}
}

// TestWorkflowRules shows that each rule catches what it is for, on
// workflows that break one rule each.
func TestWorkflowRules(t *testing.T) {
	const good = `
on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    permissions: {contents: read, pages: read}
    steps:
      - uses: actions/checkout@v7.0.1
        with: {persist-credentials: false}
      - uses: actions/setup-go@0123456789abcdef0123456789abcdef01234567 # v7.0.0
      - run: go test ./...
      - uses: ./.github/actions/local
  deploy:
    runs-on: ubuntu-latest
    permissions: {pages: write, id-token: write}
    steps:
      - uses: actions/deploy-pages@v5
`
	if p := workflowProblems([]byte(good)); len(p) > 0 {
		t.Errorf("good workflow: %q", p)
	}
	for _, tc := range []struct{ name, from, to, want string }{
		{"no top permissions", "permissions: {}\njobs", "jobs", "no permissions: at the top"},
		{"write at the top", "permissions: {}\njobs", "permissions: {contents: read, pages: write}\njobs", "at the top grant write on pages"},
		{"write-all at the top", "permissions: {}\njobs", "permissions: write-all\njobs", "at the top grant write on all"},
		{"unknown level", "pages: read}", "pages: admin}", `permission pages: "admin"`},
		{"script with write", "{contents: read, pages: read}", "{contents: write}", "runs a script with write on contents"},
		{"checkout with write", "{contents: read, pages: read}", "{contents: read, id-token: write}", "checks out the repository with write on id-token"},
		{"inherited write", "permissions: {}\njobs", "permissions: {contents: read}\njobs", ""}, // read only: fine
		{"credentials kept", "with: {persist-credentials: false}", "with: {fetch-depth: 0}", "without persist-credentials: false"},
		{"credentials kept explicitly", "persist-credentials: false", "persist-credentials: true", "without persist-credentials: false"},
		{"old major", "actions/checkout@v7.0.1", "actions/checkout@v4", "major 4, want at least v7"},
		{"old major by SHA", "# v7.0.0", "# v5.5.0", "major 5, want at least v7"},
		{"SHA without comment", " # v7.0.0", "", "a commit without a comment"},
		{"branch", "actions/deploy-pages@v5", "actions/deploy-pages@main", `"main" can move`},
		{"no version", "actions/deploy-pages@v5", "actions/deploy-pages", "no version after @"},
		{"unknown action", "actions/deploy-pages@v5", "someone/deploy@v9", "not in minMajor"},
	} {
		if !strings.Contains(good, tc.from) {
			t.Fatalf("%s: %q is not in the good workflow", tc.name, tc.from)
		}
		bad := strings.Replace(good, tc.from, tc.to, 1)
		got := workflowProblems([]byte(bad))
		if tc.want == "" {
			if len(got) > 0 {
				t.Errorf("%s: %q, want none", tc.name, got)
			}
			continue
		}
		if !slices.ContainsFunc(got, func(p string) bool { return strings.Contains(p, tc.want) }) {
			t.Errorf("%s: %q, want one containing %q", tc.name, got, tc.want)
		}
	}
}

// TestCheckAlwaysReports keeps check.yml's two checks finishing with a
// result on every pull request, so that both can be required: a workflow
// left out by a paths filter reports nothing, and a required check that
// reports nothing blocks the merge. The jobs have no if: either; the
// tests job skips its steps instead (see the comment in check.yml).
func TestCheckAlwaysReports(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(".github", "workflows", "check.yml"))
	if err != nil {
		t.Fatal(err)
	}
	w, err := parseWorkflow(data)
	if err != nil {
		t.Fatal(err)
	}
	var on map[string]map[string]any
	if err := w.On.Decode(&on); err != nil {
		t.Fatalf("on: %v", err)
	}
	pr, ok := on["pull_request"]
	if !ok {
		t.Fatal("check.yml does not run on pull_request")
	}
	for _, filter := range []string{"paths", "paths-ignore"} {
		if _, ok := pr[filter]; ok {
			t.Errorf("check.yml: pull_request has %s: a pull request it leaves out never gets its checks", filter)
		}
	}
	for _, name := range []string{"content", "tests"} {
		job, ok := w.Jobs[name]
		if !ok {
			t.Errorf("check.yml: no job %s", name)
			continue
		}
		if job.If != "" {
			t.Errorf("check.yml: job %s has if: %s; skip its steps instead, so that it always reports", name, job.If)
		}
	}
}
