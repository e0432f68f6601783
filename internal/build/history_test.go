package build

import (
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/tizim/tizim/internal/content"
)

// TestHistory commits two people's folders on different days and reads
// back each one's latest day.
func TestHistory(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	root := t.TempDir()
	git := func(date string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date,
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(p, s string) {
		t.Helper()
		p = filepath.Join(root, p)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git("2024-01-02T10:00:00Z", "init", "-q")
	write("content/people/a/case.yaml", "a")
	write("content/people/b/case.yaml", "b")
	git("2024-01-02T10:00:00Z", "add", ".")
	git("2024-01-02T10:00:00Z", "commit", "-q", "-m", "first")
	write("content/people/b/profile.md", "b")
	git("2025-03-04T10:00:00Z", "add", ".")
	git("2025-03-04T10:00:00Z", "commit", "-q", "-m", "second")

	people := []*content.Person{
		{Path: "content/people/a/case.yaml"},
		{Path: "content/people/b/case.yaml"},
		{Path: "content/people/c/case.yaml"}, // not committed
	}
	first := history(root, people, nil)
	check := func(wants ...string) {
		t.Helper()
		for i, want := range wants {
			got := ""
			if !people[i].Changed.IsZero() {
				got = people[i].Changed.Format(time.DateOnly)
			}
			if got != want {
				t.Errorf("%s: changed %q, want %q", people[i].Path, got, want)
			}
		}
	}
	check("2024-01-02", "2025-03-04", "")

	// A build after a new commit reads only that commit, and gets what
	// reading the whole log gets.
	write("content/people/c/case.yaml", "c")
	git("2025-05-06T10:00:00Z", "add", ".")
	git("2025-05-06T10:00:00Z", "commit", "-q", "-m", "third")
	next := history(root, people, first)
	check("2024-01-02", "2025-03-04", "2025-05-06")
	if whole := readHistoryAt(root, nil); !maps.Equal(next.Days, whole.Days) || next.Head != whole.Head {
		t.Errorf("read since the last build: %v; the whole log: %v", next, whole)
	}
	// With nothing committed since, nothing is read.
	if again := history(root, people, next); again != next {
		t.Error("the history was read again at the same commit")
	}
	// A history rewritten (the last build's commit is no longer an
	// ancestor) is read whole.
	write("content/people/a/case.yaml", "a2")
	git("2025-07-08T10:00:00Z", "add", ".")
	git("2025-07-08T10:00:00Z", "commit", "-q", "--amend", "-m", "third, amended")
	history(root, people, next)
	check("2025-07-08", "2025-03-04", "2025-07-08")
	// Outside a git checkout: no days.
	if h := history(t.TempDir(), people, next); h != nil || !people[0].Changed.IsZero() {
		t.Errorf("outside a checkout: %v, %v", h, people[0].Changed)
	}
}
