package date

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestParseValid(t *testing.T) {
	tests := []struct {
		in   string
		want Date
	}{
		{"2019", Date{Year: 2019, Precision: Year}},
		{"2019-03", Date{Year: 2019, Month: 3, Precision: Month}},
		{"2021-01-22", Date{Year: 2021, Month: 1, Day: 22, Precision: Day}},
		{"2020-07~", Date{Year: 2020, Month: 7, Precision: Month, Approximate: true}},
		{"2019?", Date{Year: 2019, Precision: Year, Uncertain: true}},
		{"2020-02-29", Date{Year: 2020, Month: 2, Day: 29, Precision: Day}},
		{"2000-02-29", Date{Year: 2000, Month: 2, Day: 29, Precision: Day}},
		{"1000-01-01", Date{Year: 1000, Month: 1, Day: 1, Precision: Day}},
		{"2999-12-31?", Date{Year: 2999, Month: 12, Day: 31, Precision: Day, Uncertain: true}},
		{"2021-04-30~", Date{Year: 2021, Month: 4, Day: 30, Precision: Day, Approximate: true}},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("Parse(%q) = %#v, want %#v", tt.in, got, tt.want)
		}
		if s := got.String(); s != tt.in {
			t.Errorf("Parse(%q).String() = %q", tt.in, s)
		}
	}
}

func TestParseInvalid(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "it is empty"},
		{"2020-13-01", "month 13 is out of range (01–12)"},
		{"2020-00", "month 00 is out of range (01–12)"},
		{"2021-02-29", "day 29 is out of range for February 2021 (01–28)"},
		{"1900-02-29", "day 29 is out of range for February 1900 (01–28)"},
		{"2021-04-31", "day 31 is out of range for April 2021 (01–30)"},
		{"2021-01-00", "day 00 is out of range for January 2021 (01–31)"},
		{"20", "the year 20 must have four digits"},
		{"20-07-01", "the year 20 must have four digits"},
		{"02020", "the year 02020 must have four digits"},
		{"2020-7", "the month must have two digits: write 07, not 7"},
		{"2020-07-1", "the day must have two digits: write 01, not 1"},
		{"2020-007", "the month 007 must have two digits"},
		{"2020 ", "it contains a space"},
		{" 2020", "it contains a space"},
		{"2020-07 01", "it contains a space"},
		{"2020\t", "it contains a space"},
		{"2020-07-01x", `it contains "x", which is not allowed`},
		{"2020/07/01", `it contains "/", which is not allowed`},
		{"2020-07-01T10:00", `it contains "T", which is not allowed`},
		{"+2020", `it contains "+", which is not allowed`},
		{"２０２０", `it contains "２", which is not allowed`},
		{"2020\xff", `it contains "\xff", which is not allowed`},
		{"0999", "year 0999 is out of range (1000–2999)"},
		{"3000", "year 3000 is out of range (1000–2999)"},
		{"2020~?", "~ may only be written once, at the very end"},
		{"2020??", "? may only be written once, at the very end"},
		{"2020~-07", "~ may only be written once, at the very end"},
		{"2020-", "the month is missing"},
		{"2020-07-", "the day is missing"},
		{"-2020", "the year is missing"},
		{"~", "the year is missing"},
		{"2020-07-01-05", "more than three parts"},
	}
	for _, tt := range tests {
		d, err := Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q) = %v, want error", tt.in, d)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, tt.want) {
			t.Errorf("Parse(%q) error = %q, want it to contain %q", tt.in, msg, tt.want)
		}
		if !strings.HasPrefix(msg, `"`) || !strings.Contains(msg, " is not a valid date: ") {
			t.Errorf("Parse(%q) error = %q, want it to start with the quoted value", tt.in, msg)
		}
		if !strings.HasSuffix(msg, syntaxHint) {
			t.Errorf("Parse(%q) error = %q, want it to end with the syntax hint", tt.in, msg)
		}
		if d != (Date{}) {
			t.Errorf("Parse(%q) returned %v with its error, want the zero Date", tt.in, d)
		}
	}
}

func TestParseErrorExample(t *testing.T) {
	_, err := Parse("2020-13-01")
	want := `"2020-13-01" is not a valid date: month 13 is out of range (01–12); write YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ~ (approximate) or ? (uncertain)`
	if err == nil || err.Error() != want {
		t.Errorf("Parse error = %v\nwant %s", err, want)
	}
}

func TestMustParsePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustParse(\"2020-7\") did not panic")
		}
	}()
	MustParse("2020-7")
}

func TestOf(t *testing.T) {
	// 23:30 on 21 January in UTC-5 is already 22 January in UTC.
	tm := time.Date(2021, time.January, 21, 23, 30, 0, 0, time.FixedZone("EST", -5*3600))
	if got, want := Of(tm), MustParse("2021-01-22"); got != want {
		t.Errorf("Of(%v) = %v, want %v", tm, got, want)
	}
}

func TestZero(t *testing.T) {
	var d Date
	if !d.IsZero() || MustParse("2020").IsZero() {
		t.Error("IsZero wrong")
	}
	if d.String() != "" || d.ISO() != "" || d.Format(english) != "" {
		t.Errorf("zero Date renders as %q, %q, %q; want empty", d.String(), d.ISO(), d.Format(english))
	}
	if !d.First().IsZero() || !d.Last().IsZero() {
		t.Error("zero Date has a First or Last")
	}
	if d.Contains(time.Time{}) || d.Contains(time.Now()) {
		t.Error("zero Date contains a day")
	}
	if !d.Before(MustParse("1000")) {
		t.Error("zero Date should sort before any real date")
	}
}

func TestISO(t *testing.T) {
	for in, want := range map[string]string{
		"2020": "2020", "2020-07~": "2020-07", "2021-01-22?": "2021-01-22",
	} {
		if got := MustParse(in).ISO(); got != want {
			t.Errorf("MustParse(%q).ISO() = %q, want %q", in, got, want)
		}
	}
}

func TestFirstLast(t *testing.T) {
	tests := []struct {
		in          string
		first, last time.Time
	}{
		{"2019", day(2019, 1, 1), day(2019, 12, 31)},
		{"2019~", day(2019, 1, 1), day(2019, 12, 31)},
		{"2020-02", day(2020, 2, 1), day(2020, 2, 29)},
		{"2021-02", day(2021, 2, 1), day(2021, 2, 28)},
		{"1900-02", day(1900, 2, 1), day(1900, 2, 28)},
		{"2000-02?", day(2000, 2, 1), day(2000, 2, 29)},
		{"2021-04", day(2021, 4, 1), day(2021, 4, 30)},
		{"2021-12", day(2021, 12, 1), day(2021, 12, 31)},
		{"2021-01-22", day(2021, 1, 22), day(2021, 1, 22)},
		{"2020-02-29~", day(2020, 2, 29), day(2020, 2, 29)},
	}
	for _, tt := range tests {
		d := MustParse(tt.in)
		if got := d.First(); !got.Equal(tt.first) || got.Location() != time.UTC {
			t.Errorf("%s.First() = %v, want %v", tt.in, got, tt.first)
		}
		if got := d.Last(); !got.Equal(tt.last) || got.Location() != time.UTC {
			t.Errorf("%s.Last() = %v, want %v", tt.in, got, tt.last)
		}
	}
}

func TestContains(t *testing.T) {
	tests := []struct {
		in   string
		t    time.Time
		want bool
	}{
		{"2020", day(2020, 1, 1), true},
		{"2020", time.Date(2020, 12, 31, 23, 59, 59, 0, time.UTC), true},
		{"2020", day(2021, 1, 1), false},
		{"2020", time.Date(2019, 12, 31, 23, 59, 0, 0, time.UTC), false},
		{"2020-02", day(2020, 2, 29), true},
		{"2020-02", day(2020, 3, 1), false},
		{"2020-02", day(2020, 1, 31), false},
		{"2021-01-22", time.Date(2021, 1, 22, 12, 0, 0, 0, time.UTC), true},
		{"2021-01-22", day(2021, 1, 23), false},
		// Late on 21 January in UTC-5 is 22 January in UTC.
		{"2021-01-22", time.Date(2021, 1, 21, 22, 0, 0, 0, time.FixedZone("", -5*3600)), true},
		// Early on 22 January in UTC+6 is still 21 January in UTC.
		{"2021-01-22", time.Date(2021, 1, 22, 3, 0, 0, 0, time.FixedZone("", 6*3600)), false},
	}
	for _, tt := range tests {
		if got := MustParse(tt.in).Contains(tt.t); got != tt.want {
			t.Errorf("%s.Contains(%v) = %v, want %v", tt.in, tt.t, got, tt.want)
		}
	}
}

func TestCompareSort(t *testing.T) {
	want := []string{
		"2019-12-31",
		"2020", "2020~", "2020?",
		"2020-01", "2020-01~",
		"2020-01-01", "2020-01-01~", "2020-01-01?",
		"2020-01-02",
		"2020-02?",
		"2021",
	}
	got := slices.Clone(want)
	slices.Reverse(got)
	dates := make([]Date, len(got))
	for i, s := range got {
		dates[i] = MustParse(s)
	}
	slices.SortFunc(dates, Date.Compare)
	for i, d := range dates {
		got[i] = d.String()
	}
	if !slices.Equal(got, want) {
		t.Errorf("sorted = %v\nwant     %v", got, want)
	}
	for i, a := range want {
		for j, b := range want {
			da, db := MustParse(a), MustParse(b)
			c := da.Compare(db)
			if (c < 0) != (i < j) || (c == 0) != (i == j) || (c > 0) != (i > j) {
				t.Errorf("Compare(%s, %s) = %d", a, b, c)
			}
			if da.Before(db) != (i < j) {
				t.Errorf("%s.Before(%s) = %v", a, b, da.Before(db))
			}
		}
	}
}

func TestCompareZeroOnlyWhenEqual(t *testing.T) {
	// Not from Parse: same First and precision, differing only in fields
	// that Year precision ignores.
	a := Date{Year: 2020, Precision: Year}
	b := Date{Year: 2020, Month: 5, Precision: Year}
	if a.Compare(b) == 0 || b.Compare(a) == 0 || a.Compare(b) != -b.Compare(a) {
		t.Errorf("Compare(%#v, %#v) = %d, want nonzero and antisymmetric", a, b, a.Compare(b))
	}
	c := Date{Year: 2020, Precision: Year, Approximate: true, Uncertain: true}
	if c.Compare(MustParse("2020?")) <= 0 {
		t.Error("a date both ~ and ? should sort after ?")
	}
}

func TestFormat(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2019", "2019"},
		{"2019-03", "March 2019"},
		{"2021-01-22", "22 January 2021"},
		{"2021-01-02", "2 January 2021"},
		{"2020-07~", "c. July 2020"},
		{"2019~", "c. 2019"},
		{"2020-02-29~", "c. 29 February 2020"},
		{"2019?", "2019 (uncertain)"},
		{"2019-12?", "December 2019 (uncertain)"},
		{"2021-01-22?", "22 January 2021 (uncertain)"},
	}
	for _, tt := range tests {
		if got := MustParse(tt.in).Format(english); got != tt.want {
			t.Errorf("%s.Format = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFormatInvalidMonthDoesNotPanic(t *testing.T) {
	for _, l := range []*Locale{english, marked} {
		for _, d := range []Date{
			{Year: 2020, Month: 13, Precision: Month},
			{Year: 2020, Month: 0, Precision: Month, Approximate: true},
			{Year: 2020, Month: 13, Day: 1, Precision: Day},
		} {
			if got, want := d.Format(l), d.String(); got != want {
				t.Errorf("%#v.Format = %q, want %q", d, got, want)
			}
		}
		if got := (Date{}).Format(l); got != "" {
			t.Errorf("zero Date.Format = %q, want empty", got)
		}
	}
}

func TestText(t *testing.T) {
	type record struct {
		Arrested Date `json:"arrested"`
	}
	var r record
	if err := json.Unmarshal([]byte(`{"arrested":"2020-07~"}`), &r); err != nil {
		t.Fatal(err)
	}
	if r.Arrested != MustParse("2020-07~") {
		t.Errorf("unmarshalled %#v", r.Arrested)
	}
	b, err := json.Marshal(r)
	if err != nil || string(b) != `{"arrested":"2020-07~"}` {
		t.Errorf("Marshal = %s, %v", b, err)
	}

	err = json.Unmarshal([]byte(`{"arrested":"2020-7"}`), &r)
	if err == nil || !strings.Contains(err.Error(), "write 07, not 7") {
		t.Errorf("Unmarshal of a bad date: err = %v", err)
	}
	if r.Arrested != MustParse("2020-07~") {
		t.Errorf("failed Unmarshal changed the date to %#v", r.Arrested)
	}
	if err := new(Date).UnmarshalText(nil); err == nil {
		t.Error("UnmarshalText of empty text succeeded")
	}
	if b, _ := (Date{}).MarshalText(); len(b) != 0 {
		t.Errorf("zero Date marshals as %q", b)
	}
}

// TestISODigits holds ISO, written digit by digit, to fmt's digits, for
// dates Parse admits and for dates made in code outside that range.
func TestISODigits(t *testing.T) {
	for _, d := range []Date{
		{Year: 1000, Precision: Year}, {Year: 2999, Month: 12, Day: 31, Precision: Day},
		{Year: 2021, Month: 1, Precision: Month}, {Year: 2021, Month: 10, Day: 9, Precision: Day},
		{Year: 7, Month: 3, Day: 4, Precision: Day}, {Year: 12345, Precision: Year},
		{Year: -5, Month: 1, Precision: Month}, {Year: 2020, Month: 1, Day: 100, Precision: Day},
	} {
		want := map[Precision]string{
			Year:  fmt.Sprintf("%04d", d.Year),
			Month: fmt.Sprintf("%04d-%02d", d.Year, d.Month),
			Day:   fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day),
		}[d.Precision]
		if got := d.ISO(); got != want {
			t.Errorf("%+v: ISO() = %q, want %q", d, got, want)
		}
	}
}
