package register_test

import (
	"testing"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
)

// TestChangeKind holds the change log's sections to the methodology: each
// event type that changes a person's standing has its section, and the
// others none.
func TestChangeKind(t *testing.T) {
	want := map[content.EventType]string{
		content.Recognized: "added", content.Detained: "detained", content.HouseArrest: "detained",
		content.Sentenced: "sentenced", content.SentenceChanged: "sentenced", content.Appeal: "sentenced",
		content.Released: "released", content.Acquitted: "released", content.Pardoned: "released", content.Amnesty: "released",
		content.Died: "died", content.Delisted: "removed",
	}
	for _, et := range content.EventTypes {
		got := ""
		if i := register.ChangeKind(et); i >= 0 {
			got = register.ChangeKinds[i]
		}
		if got != want[et] {
			t.Errorf("%s: section %q, want %q", et, got, want[et])
		}
	}
}

func TestTermMonthsAndFirstDetained(t *testing.T) {
	r := load(t, "2030-01-01")
	for _, tt := range []struct {
		slug     string
		months   int
		detained string
	}{
		{"a", 12, "2020-03-02"}, // the appeal's term, as of the register's date
		{"b", 0, "2019"},
		{"d", 60, ""},
	} {
		p := person(r, tt.slug)
		if got := register.TermMonths(p); got != tt.months {
			t.Errorf("%s: %d months, want %d", tt.slug, got, tt.months)
		}
		if got := register.FirstDetained(p); got.String() != tt.detained && !(got.IsZero() && tt.detained == "") {
			t.Errorf("%s: first detained %v, want %s", tt.slug, got, tt.detained)
		}
	}
}
