package site_test

import (
	"bytes"
	"os"
	"slices"
	"testing"

	"github.com/tizim/tizim"
	"github.com/tizim/tizim/internal/i18n"
	"github.com/tizim/tizim/internal/register"
	"github.com/tizim/tizim/internal/testkit/testsite"
)

// TestActKeys: the theme's interface text names every act register.Act
// can return (i18n.Load holds the other languages to the default's keys).
func TestActKeys(t *testing.T) {
	s, err := i18n.Load([]string{"en", "ru", "kk"}, tizim.DefaultTheme)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "ru", "kk"} {
		keys := s.Keys(lang)
		for _, k := range register.ActKeys() {
			if !slices.Contains(keys, k) {
				t.Errorf("i18n/%s.yaml lacks %s", lang, k)
			}
		}
	}
}

// TestEventLabels: the timeline, the home page's latest events and the feed
// name what an event did (see register.Act), in each language: an appeal
// that shortens a prison term is "Sentence reduced on appeal", not
// "Appeal", and an event of type other before a court is a court ruling.
func TestEventLabels(t *testing.T) {
	data, err := os.ReadFile("testdata/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	a := testsite.Parse(data)
	a.Set("content/people/jan-k/case.yaml", []byte(`name: Jan K
events:
  - date: 2021-01-22
    type: sentenced
    text: Sentenced.
    sentence: {kind: prison, term: 7y}
    sources: [news-1]
  - date: 2021-04-02
    type: appeal
    text: The appeal court cuts the term.
    sentence: {kind: prison, term: 5y}
    sources: [news-1]
  - date: 2021-05-03
    type: other
    court: Almaty City Court
    text: The court turns down early release.
    sources: [news-1]
  - date: 2021-05-04
    type: other
    text: Something else.
    sources: [news-1]
`))
	files := renderFS(t, a.FS(""), "2021-06-01")
	for _, tt := range []struct{ file, want string }{
		{"people/jan-k/index.html", `</time> Sentenced to prison</p>`},
		{"people/jan-k/index.html", `</time> Sentence reduced on appeal</p>`},
		{"people/jan-k/index.html", `</time> Court ruling</p>`},
		{"people/jan-k/index.html", `</time> Event</p>`},
		{"ru/people/jan-k/index.html", `</time> Смягчение наказания в апелляции</p>`},
		{"ru/people/jan-k/index.html", `</time> Решение суда</p>`},
		{"index.html", `Jan K</a>: <span class="event-type">Sentence reduced on appeal</span>`},
		{"feed.xml", `Jan K: Sentence reduced on appeal (2 April 2021)`},
		{"ru/feed.xml", `: Смягчение наказания в апелляции (`},
	} {
		if !bytes.Contains(files[tt.file], []byte(tt.want)) {
			t.Errorf("%s lacks %q", tt.file, tt.want)
		}
	}
}
