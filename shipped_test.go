package tizim_test

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
)

// TestShippedNine holds the shipped register to its own history: on 8
// September 2020 it named nine political prisoners (RFE/RL, "Number Of
// Political Prisoners On Rise In Kazakhstan, Activists Say"), and a build
// as of that day must give exactly those nine, each confirmed in custody
// by the report of that day or an earlier one within the year.
func TestShippedNine(t *testing.T) {
	c, err := content.Load(os.DirFS("."))
	if err != nil {
		t.Fatal(err)
	}
	r := register.New(c, time.Date(2020, 9, 8, 0, 0, 0, 0, time.UTC))
	var got []string
	for _, p := range r.Current {
		got = append(got, p.Slug)
	}
	slices.Sort(got)
	want := []string{
		"abai-begimbetov", "aron-atabek", "askhat-zheksebaev", "asqar-ibraev", "erzhan-elshibaev",
		"maks-boqaev", "qairat-qylyshev", "sanavar-zakirova", "serik-ydyrysov",
	}
	if !slices.Equal(got, want) {
		t.Errorf("the current list as of 2020-09-08 is %q, want the nine named that day %q", got, want)
	}
	if len(r.Confirmed) != len(r.Current) {
		t.Errorf("as of 2020-09-08, %d of the %d are confirmed in custody; the report of that day confirms all", len(r.Confirmed), len(r.Current))
	}
}

// TestShippedSources requires every source of the shipped register to be
// one a reader can open: a publisher, a date and an http(s) address.
func TestShippedSources(t *testing.T) {
	c, err := content.Load(os.DirFS("."))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Sources) < 5 {
		t.Fatalf("only %d sources", len(c.Sources))
	}
	for _, s := range c.Sources {
		if !strings.HasPrefix(s.URL, "https://") && !strings.HasPrefix(s.URL, "http://") {
			t.Errorf("%s:%d: source %s has no web address", s.Path, s.Line, s.ID)
		}
		if s.Publisher == "" || s.Date.IsZero() {
			t.Errorf("%s:%d: source %s lacks its publisher or date", s.Path, s.Line, s.ID)
		}
	}
}
