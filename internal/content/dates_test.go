package content_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/tizim/tizim/internal/content"
)

// TestCheckDates refuses the dates that cannot be, as of the day the check
// runs, at the date's place: an event after today, and a birth after the
// first event. A date that may still be today, or a birth in the year of
// the first event, passes.
func TestCheckDates(t *testing.T) {
	today := time.Date(2026, 12, 1, 15, 4, 5, 0, time.Local)
	tests := []struct {
		born, date string
		want       string // "line:col: start of message", or ""
	}{
		{"", "2026-12-01", ""},
		{"", "2026-12", ""},
		{"", "2026~", ""},
		{"", "2026-12-02", "4:12: the date 2026-12-02 is after today (2026-12-01)"},
		{"", "2027~", "4:12: the date 2027~ is after today (2026-12-01)"},
		{"", "2062-01-05", "4:12: the date 2062-01-05 is after today"},
		{"1961?", "2020-03-02", ""},
		{"2020", "2020-03-02", ""},
		{"2020-03-03", "2020-03-02", "2:7: born 2020-03-03 is after the person's first event (2020-03-02, line 4)"},
		{"2021", "2020", "2:7: born 2021 is after the person's first event (2020, line 4)"},
	}
	for _, tt := range tests {
		t.Run(tt.born+" "+tt.date, func(t *testing.T) {
			born := "# no birth date"
			if tt.born != "" {
				born = "born: " + tt.born
			}
			_, files := fixture(t, "testdata/base.txtar")
			files["content/people/ok-person/case.yaml"] = []byte(fmt.Sprintf(`name: Ok Person
%s
events:
  - {date: %s, type: detained, text: Held., sources: [src-a]}
  - {date: 2025, type: confirmed, text: Still held., sources: [src-a]}
`, born, tt.date))
			c, err := loadFiles(files)
			if err != nil {
				t.Fatal(err)
			}
			err = content.CheckDates(c, today)
			if tt.want == "" {
				if err != nil {
					t.Errorf("got %v", err)
				}
				return
			}
			var list content.ErrorList
			if !errors.As(err, &list) || len(list) != 1 {
				t.Fatalf("got %v, want one error", err)
			}
			if got := fmt.Sprintf("%d:%d: %s", list[0].Line, list[0].Col, list[0].Msg); len(got) < len(tt.want) || got[:len(tt.want)] != tt.want {
				t.Errorf("got  %s\nwant %s…", got, tt.want)
			}
			if list[0].Path != "content/people/ok-person/case.yaml" {
				t.Errorf("path %s", list[0].Path)
			}
		})
	}
}
