package site

import (
	"slices"
	"strings"
	"testing"
)

// TestRunOrder: the data files and the search index, which are long and
// cannot be split, start before every page, and the other jobs keep
// their order (pages with tables by depth, person pages last).
func TestRunOrder(t *testing.T) {
	s, _ := synthSite(t, 50, 1)
	jobs := s.jobs(false)
	order := runOrder(jobs)
	if len(order) != len(jobs) {
		t.Fatalf("%d jobs, %d in the order", len(jobs), len(order))
	}
	var first []string
	for _, i := range order {
		if !jobs[i].long {
			break
		}
		first = append(first, jobs[i].name)
	}
	for _, want := range []string{"data/register.json", "data/register.csv", "data/events.csv", "search/"} {
		if !slices.Contains(first, want) {
			t.Errorf("%s does not start before the pages; first: %v", want, first)
		}
	}
	var rest []int
	for _, i := range order[len(first):] {
		if jobs[i].long {
			t.Errorf("long job %s after a short one", jobs[i].name)
		}
		rest = append(rest, i)
	}
	if !slices.IsSorted(rest) {
		t.Errorf("the other jobs are out of their order")
	}
	seen := make(map[int]bool)
	for _, i := range order {
		seen[i] = true
	}
	if len(seen) != len(jobs) {
		t.Errorf("the order runs %d of %d jobs", len(seen), len(jobs))
	}
	if last := jobs[order[len(order)-1]].name; strings.HasPrefix(last, "data/") {
		t.Errorf("a data file is the last job: %s", last)
	}
}
