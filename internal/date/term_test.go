package date

import (
	"slices"
	"testing"
	"time"
)

func TestParseTermValid(t *testing.T) {
	tests := []struct {
		in, canon string
		want      Term
	}{
		{"7y", "7y", Term{Years: 7}},
		{"1y6m", "1y6m", Term{Years: 1, Months: 6}},
		{"14d", "14d", Term{Days: 14}},
		{"3y8m", "3y8m", Term{Years: 3, Months: 8}},
		{"2y3m10d", "2y3m10d", Term{2, 3, 10}},
		{"1y15d", "1y15d", Term{Years: 1, Days: 15}},
		{"6m", "6m", Term{Months: 6}},
		{"18m", "18m", Term{Months: 18}},
		{"9999d", "9999d", Term{Days: 9999}},
	}
	for _, tt := range tests {
		got, err := ParseTerm(tt.in)
		if err != nil {
			t.Errorf("ParseTerm(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseTerm(%q) = %#v, want %#v", tt.in, got, tt.want)
		}
		if s := got.String(); s != tt.canon {
			t.Errorf("ParseTerm(%q).String() = %q, want %q", tt.in, s, tt.canon)
		}
	}
}

func TestParseTermInvalid(t *testing.T) {
	tests := []struct{ in, reason string }{
		{"", "it is empty; "},
		{"7 years", ""},
		{"7", ""},
		{"y", ""},
		{"7Y", ""},
		{"6m1y", ""},
		{"1d1m", ""},
		{"1y1y", ""},
		{"1y2m3d4d", ""},
		{"-1y", ""},
		{"1.5y", ""},
		{" 7y", ""},
		{"7y ", ""},
		{"7y6", ""},
		{"0y", "leave out units that are zero; "},
		{"1y0m", "leave out units that are zero; "},
		{"07y", "write numbers without leading zeros; "},
		{"10000d", "10000 is too large; "},
		{"99999999999999999999y", "99999999999999999999 is too large; "},
	}
	for _, tt := range tests {
		got, err := ParseTerm(tt.in)
		if err == nil {
			t.Errorf("ParseTerm(%q) = %v, want error", tt.in, got)
			continue
		}
		want := `"` + tt.in + `" is not a valid term: ` + tt.reason + termHint
		if err.Error() != want {
			t.Errorf("ParseTerm(%q) error = %q\nwant %q", tt.in, err, want)
		}
	}
}

func TestParseTermErrorExample(t *testing.T) {
	_, err := ParseTerm("7 years")
	want := `"7 years" is not a valid term: write years, months and days as in 7y, 1y6m, 14d or 3y8m`
	if err == nil || err.Error() != want {
		t.Errorf("ParseTerm error = %v\nwant %s", err, want)
	}
}

func TestTermZero(t *testing.T) {
	if !(Term{}).IsZero() || (Term{Days: 1}).IsZero() {
		t.Error("IsZero wrong")
	}
	if s := (Term{}).String(); s != "" {
		t.Errorf("zero Term String = %q", s)
	}
}

func TestTermFormat(t *testing.T) {
	tests := []struct {
		t    Term
		want string
	}{
		{Term{Years: 7}, "7 years"},
		{Term{Years: 1}, "1 year"},
		{Term{Years: 1, Months: 6}, "1 year 6 months"},
		{Term{Months: 1}, "1 month"},
		{Term{Days: 14}, "14 days"},
		{Term{Days: 1}, "1 day"},
		{Term{2, 1, 1}, "2 years 1 month 1 day"},
		{Term{}, "0 days"},
	}
	for _, tt := range tests {
		if got := tt.t.Format(english); got != tt.want {
			t.Errorf("%v.Format = %q, want %q", tt.t, got, tt.want)
		}
	}
}

func TestTermAddTo(t *testing.T) {
	start := time.Date(2021, 1, 22, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		t    Term
		want time.Time
	}{
		{Term{Years: 7}, time.Date(2028, 1, 22, 0, 0, 0, 0, time.UTC)},
		{Term{Years: 1, Months: 6}, time.Date(2022, 7, 22, 0, 0, 0, 0, time.UTC)},
		{Term{Days: 14}, time.Date(2021, 2, 5, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		if got := tt.t.AddTo(start); !got.Equal(tt.want) {
			t.Errorf("%v.AddTo(%v) = %v, want %v", tt.t, start, got, tt.want)
		}
	}
}

func TestTermMinus(t *testing.T) {
	tests := []struct{ t, u, want Term }{
		{Term{Years: 7}, Term{Months: 8}, Term{Years: 6, Months: 4}},
		{Term{Years: 3, Months: 8}, Term{Years: 1, Months: 6}, Term{Years: 2, Months: 2}},
		{Term{Months: 18}, Term{}, Term{Years: 1, Months: 6}},
		{Term{Years: 1, Days: 10}, Term{Days: 14}, Term{Years: 1, Days: -4}},
		{Term{Years: 2}, Term{Years: 2}, Term{}},
		{Term{Months: 6}, Term{Years: 1}, Term{Months: -6}},
		{Term{Years: 1, Months: 6, Days: 20}, Term{Months: 7, Days: 5}, Term{Months: 11, Days: 15}},
	}
	for _, tt := range tests {
		if got := tt.t.Minus(tt.u); got != tt.want {
			t.Errorf("%v.Minus(%v) = %#v, want %#v", tt.t, tt.u, got, tt.want)
		}
	}
}

func TestTermCompare(t *testing.T) {
	// Ascending. 30d and 1m tie on length and 1m wins on fields;
	// 12m (360) comes before 1y (365).
	want := []Term{
		{Days: 14},
		{Days: 30},
		{Months: 1},
		{Months: 12},
		{Years: 1},
		{Years: 1, Days: 1},
		{Years: 1, Months: 6},
		{Years: 7},
	}
	for i, a := range want {
		for j, b := range want {
			c := a.Compare(b)
			if (c < 0) != (i < j) || (c == 0) != (i == j) || (c > 0) != (i > j) {
				t.Errorf("Compare(%v, %v) = %d", a, b, c)
			}
		}
	}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortFunc(got, Term.Compare)
	if !slices.Equal(got, want) {
		t.Errorf("sorted = %v, want %v", got, want)
	}
}
