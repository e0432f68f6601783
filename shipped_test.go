package tizim_test

import (
	"os"
	"slices"
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
