package chart_test

import (
	"os"
	"testing"
	"time"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
	"github.com/tizim/tizim/internal/testkit/testsite"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// load builds the register that package register's statistics are tested
// on, as of the same date, so that the charts draw what those tests count.
func load(t testing.TB) *register.Register {
	t.Helper()
	data, err := os.ReadFile("../../register/testdata/stats.txtar")
	if err != nil {
		t.Fatal(err)
	}
	c, err := content.Load(testsite.Parse(data).FS(""))
	if err != nil {
		t.Fatal(err)
	}
	return register.New(c, day("2024-06-15"))
}

func person(t testing.TB, r *register.Register, slug string) *register.Person {
	t.Helper()
	for _, p := range r.People {
		if p.Slug == slug {
			return p
		}
	}
	t.Fatalf("no person %s", slug)
	return nil
}
