package build

import (
	"bufio"
	"bytes"
	"maps"
	"os/exec"
	"path"
	"strings"
	"time"

	"github.com/tizim/tizim/internal/content"
)

// history fills in each person's Changed: the day of the latest commit
// that touched their folder, for "last changed" on their page. It reads
// the log once for the whole folder rather than once per person, which
// matters at 100,000 people. Outside a git checkout, or without git, the
// dates stay zero and the pages say nothing. A shallow clone would give
// every person the date of its one commit, so the publishing workflow
// fetches the whole history.
//
// last is what the last build read (nil if none): when it was read at an
// ancestor of the commit checked out, only the commits since are read. A
// register with thousands of commits took seconds of every build to read
// its whole log (6 s of CPU for 5,000 commits at 10,000 people). It
// returns what it read, for the next build.
func history(root string, people []*content.Person, last *gitHistory) *gitHistory {
	h := readHistoryAt(root, last)
	if h == nil {
		setChanged(people, nil)
		return nil
	}
	setChanged(people, h.Days)
	return h
}

// gitHistory is the day of the latest commit to each person's folder
// ("content/people/x") at the commit Head.
type gitHistory struct {
	Head string
	Days map[string]time.Time
}

// readHistoryAt reads the history at the commit checked out in root,
// reading only the commits since last.Head when that is an ancestor; nil
// outside a git checkout.
func readHistoryAt(root string, last *gitHistory) *gitHistory {
	head, err := gitHead(root)
	if err != nil {
		return nil
	}
	if last != nil && last.Head == head {
		return last
	}
	if last != nil && last.Head != "" && exec.Command("git", "-C", root, "merge-base", "--is-ancestor", last.Head, head).Run() == nil {
		days := maps.Clone(last.Days)
		if days == nil {
			days = make(map[string]time.Time)
		}
		if logDays(root, last.Head+".."+head, days) == nil {
			return &gitHistory{Head: head, Days: days}
		}
	}
	days := make(map[string]time.Time)
	if logDays(root, head, days) != nil {
		return nil
	}
	return &gitHistory{Head: head, Days: days}
}

// readHistory returns the day of the latest commit to each person's
// folder ("content/people/x"), or nil outside a git checkout.
func readHistory(root string) map[string]time.Time {
	if h := readHistoryAt(root, nil); h != nil {
		return h.Days
	}
	return nil
}

// logDays reads the log of the commits revs names and raises each person
// folder's day in days to the latest day of a commit to it. The latest
// day, not the first in the log's order: a range's commits are added to
// days read before, and the log's order is not strictly by date.
func logDays(root, revs string, days map[string]time.Time) error {
	cmd := exec.Command("git", "log", "--format=%x00%cs", "--name-only", "--no-renames", revs, "--", content.Dir+"/people")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return err
	}
	var day time.Time
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if d, ok := strings.CutPrefix(line, "\x00"); ok {
			day, _ = time.Parse(time.DateOnly, d)
			continue
		}
		if line == "" || day.IsZero() {
			continue
		}
		// The log lists paths from the repository's top, which may be
		// above root; match on the part from content/people/ on.
		i := strings.Index(line, content.Dir+"/people/")
		if i < 0 {
			continue
		}
		dir := path.Dir(line[i:])
		if day.After(days[dir]) {
			days[dir] = day
		}
	}
	return sc.Err()
}

// setChanged sets each person's Changed from the days readHistory found.
func setChanged(people []*content.Person, latest map[string]time.Time) {
	for _, p := range people {
		p.Changed = latest[path.Dir(p.Path)]
	}
}
