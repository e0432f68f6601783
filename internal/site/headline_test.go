package site_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// TestHeadlinesAgree renders the test site, whose current list mixes a
// person confirmed in custody, one held by older records only and one whose
// term has ended, and reads every place that counts them: the home page,
// the current list (its lede and its rows), the statistics page, the feed
// and both data files, in both languages. They must all say the same.
func TestHeadlinesAgree(t *testing.T) {
	files := render(t, "testdata/site.txtar", "2021-06-01")
	const confirmed, unconfirmed, ended = 1, 1, 1

	var doc struct {
		Counts struct{ Current, Confirmed, Unconfirmed, Term_ended int }
		People []struct {
			Slug                    string
			On_current_list         bool
			Unconfirmed, Term_ended bool
		}
	}
	data := files["data/register.json"]
	// The file is one JSON document written a person per line.
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("register.json: %v", err)
	}
	if c := doc.Counts; c.Confirmed != confirmed || c.Unconfirmed != unconfirmed || c.Term_ended != ended || c.Current != confirmed+unconfirmed+ended {
		t.Errorf("register.json counts %+v", c)
	}
	var jc, ju, je int
	for _, p := range doc.People {
		switch {
		case !p.On_current_list:
		case p.Term_ended:
			je++
		case p.Unconfirmed:
			ju++
		default:
			jc++
		}
	}
	if jc != confirmed || ju != unconfirmed || je != ended {
		t.Errorf("register.json people: %d confirmed, %d unconfirmed, %d ended", jc, ju, je)
	}

	rows, err := csv.NewReader(bytes.NewReader(files["data/register.csv"])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := func(name string) int {
		for i, c := range rows[0] {
			if c == name {
				return i
			}
		}
		t.Fatalf("register.csv has no column %s", name)
		return -1
	}
	cur, unc, end := col("on_current_list"), col("unconfirmed"), col("term_ended")
	var cc, cu, ce int
	for _, r := range rows[1:] {
		switch {
		case r[cur] != "true":
		case r[end] == "true":
			ce++
		case r[unc] == "true":
			cu++
		default:
			cc++
		}
	}
	if cc != confirmed || cu != unconfirmed || ce != ended {
		t.Errorf("register.csv: %d confirmed, %d unconfirmed, %d ended", cc, cu, ce)
	}

	for _, lang := range []string{"", "ru/"} {
		head := map[string]string{"": "1 political prisoner", "ru/": "1 политзаключённый"}[lang]
		for _, page := range []string{"index.html", "current/index.html", "stats/index.html"} {
			html := string(files[lang+page])
			if !strings.Contains(html, head+"</") {
				t.Errorf("%s%s does not count %q", lang, page, head)
			}
			if strings.Contains(html, "3 political prisoners") || strings.Contains(html, "3 политзаключённых") {
				t.Errorf("%s%s counts the whole list as held", lang, page)
			}
			for _, want := range map[string][]string{
				"":    {"1 more person is held by the latest records, last confirmed", "1 person&#39;s prison term has ended with no release recorded"},
				"ru/": {"Ещё 1 человек под стражей по последним записям", "освобождение не зафиксировано: 1 человек"},
			}[lang] {
				if !strings.Contains(html, want) {
					t.Errorf("%s%s lacks %q", lang, page, want)
				}
			}
		}
		// The rows of the current list, by confirmation.
		got := map[string]int{}
		for _, m := range regexp.MustCompile(`data-confirmation="([a-z_]*)"`).FindAllStringSubmatch(string(files[lang+"current/index.html"]), -1) {
			got[m[1]]++
		}
		if got["confirmed"] != confirmed || got["unconfirmed"] != unconfirmed || got["term_ended"] != ended || len(got) != 3 {
			t.Errorf("%scurrent/: rows %v", lang, got)
		}
		// The filter offers each part with its count.
		for _, part := range []string{"confirmed", "unconfirmed", "term_ended"} {
			if !regexp.MustCompile(`<option value="` + part + `">[^<]* \(1\)</option>`).Match(files[lang+"current/index.html"]) {
				t.Errorf("%scurrent/: no filter option %s (1)", lang, part)
			}
		}
		feed := string(files[lang+"feed.xml"])
		sub := regexp.MustCompile(`<subtitle>([^<]*)</subtitle>`).FindStringSubmatch(feed)
		if sub == nil || !strings.HasPrefix(sub[1], head+" ") {
			t.Errorf("%sfeed.xml: subtitle %q, want it to start %q", lang, sub, head)
		}
	}
}
