package build

import (
	"bufio"
	"bytes"
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
func history(root string, people []*content.Person) {
	setChanged(people, readHistory(root))
}

// readHistory returns the day of the latest commit to each person's
// folder ("content/people/x"), or nil outside a git checkout.
func readHistory(root string) map[string]time.Time {
	cmd := exec.Command("git", "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", content.Dir+"/people")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return nil
	}
	latest := make(map[string]time.Time) // person folder -> newest commit day
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
		if _, seen := latest[dir]; !seen { // the log is newest first
			latest[dir] = day
		}
	}
	return latest
}

// setChanged sets each person's Changed from the days readHistory found.
func setChanged(people []*content.Person, latest map[string]time.Time) {
	for _, p := range people {
		p.Changed = latest[path.Dir(p.Path)]
	}
}
