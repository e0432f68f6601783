package site_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/tizim/tizim/internal/testkit/testsite"
)

// TestBadge: every language has badge.svg and count.json beside its pages,
// with the headline count as of the site's date, the JSON valid and the SVG
// well-formed, self-contained XML.
func TestBadge(t *testing.T) {
	files := render(t, "testdata/site.txtar", "2021-06-01")
	for _, tt := range []struct{ dir, lang, text string }{
		{"", "en", "1 political prisoner in custody as of 1 June 2021"},
		{"ru/", "ru", "1 политзаключённый под стражей на 1 июня 2021 г."},
	} {
		data, ok := files[tt.dir+"count.json"]
		if !ok {
			t.Fatalf("no %scount.json", tt.dir)
		}
		var got struct {
			Count       int    `json:"count"`
			Unconfirmed int    `json:"unconfirmed"`
			TermEnded   int    `json:"term_ended"`
			AsOf        string `json:"as_of"`
			Text        string `json:"text"`
			URL         string `json:"url"`
			Lang        string `json:"lang"`
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&got); err != nil {
			t.Fatalf("%scount.json: %v", tt.dir, err)
		}
		want := struct {
			Count       int    `json:"count"`
			Unconfirmed int    `json:"unconfirmed"`
			TermEnded   int    `json:"term_ended"`
			AsOf        string `json:"as_of"`
			Text        string `json:"text"`
			URL         string `json:"url"`
			Lang        string `json:"lang"`
		}{1, 1, 1, "2021-06-01", tt.text, "https://example.org/reg/" + tt.dir + "current/", tt.lang}
		if got != want {
			t.Errorf("%scount.json: %+v, want %+v", tt.dir, got, want)
		}

		svg, ok := files[tt.dir+"badge.svg"]
		if !ok {
			t.Fatalf("no %sbadge.svg", tt.dir)
		}
		var texts []string
		var title string
		d := xml.NewDecoder(bytes.NewReader(svg))
		var stack []string
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%sbadge.svg is not well-formed XML: %v\n%s", tt.dir, err, svg)
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				stack = append(stack, tok.Name.Local)
				if len(stack) == 1 {
					attrs := map[string]string{}
					for _, a := range tok.Attr {
						attrs[a.Name.Local] = a.Value
					}
					if tok.Name.Space != "http://www.w3.org/2000/svg" || attrs["role"] != "img" || attrs["aria-label"] != tt.text {
						t.Errorf("%sbadge.svg: root %v %v", tt.dir, tok.Name, attrs)
					}
				}
				for _, a := range tok.Attr {
					if a.Name.Local == "href" || strings.Contains(a.Value, "url(") {
						t.Errorf("%sbadge.svg refers to something outside it: %v", tt.dir, a)
					}
				}
			case xml.EndElement:
				stack = stack[:len(stack)-1]
			case xml.CharData:
				if len(stack) == 0 {
					continue
				}
				switch stack[len(stack)-1] {
				case "title":
					title = string(tok)
				case "text":
					texts = append(texts, string(tok))
				}
			}
		}
		if title != tt.text || len(texts) != 1 || texts[0] != tt.text {
			t.Errorf("%sbadge.svg: title %q, text %q; want %q", tt.dir, title, texts, tt.text)
		}
		if bytes.Contains(svg, []byte("@import")) || bytes.Contains(svg, []byte("@font-face")) {
			t.Errorf("%sbadge.svg loads a font or stylesheet", tt.dir)
		}
	}
	if !bytes.Contains(files["data/index.html"], []byte(`&lt;img src="https://example.org/reg/badge.svg" alt="`)) {
		t.Error("the data page lacks the badge's embed snippet")
	}
}

// TestBadgeDeterministic: the same content and date make the same badge;
// another date, another one.
func TestBadgeDeterministic(t *testing.T) {
	a := render(t, "testdata/site.txtar", "2021-06-01")
	b := render(t, "testdata/site.txtar", "2021-06-01")
	c := render(t, "testdata/site.txtar", "2021-06-02")
	for _, f := range []string{"badge.svg", "count.json", "ru/badge.svg", "ru/count.json"} {
		if !bytes.Equal(a[f], b[f]) {
			t.Errorf("%s differs between two builds", f)
		}
		if bytes.Equal(a[f], c[f]) {
			t.Errorf("%s is the same on another date", f)
		}
	}
}

// TestContactShown: site.yaml's contact: is on every person page and in
// the footer of every page, each route a safe link where one can be made.
func TestContactShown(t *testing.T) {
	data, err := os.ReadFile("testdata/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	a := testsite.Parse(data)
	a.Set("content/site.yaml", append(bytes.Clone(a.Get("content/site.yaml")), []byte(`contact:
  email: corrections@example.org
  telegram: "@example_group"
  signal: "+7 (701) 000-00-00"
  form: https://forms.example.org/tell-us?x=1&y=2
  note: {en: We answer within a week., ru: Отвечаем в течение недели.}
`)...))
	files := renderFS(t, a.FS(""), "2021-06-01")
	want := `<p class="contact">Relatives, corrections: E-mail: <a href="mailto:corrections@example.org" rel="noreferrer">corrections@example.org</a>` +
		` · Telegram: <a href="https://t.me/example_group" rel="noreferrer">@example_group</a>` +
		` · Signal: <a href="https://signal.me/#p/&#43;77010000000" rel="noreferrer">&#43;7 (701) 000-00-00</a>` +
		` · <a href="https://forms.example.org/tell-us?x=1&amp;y=2" rel="noreferrer">web form</a>. We answer within a week.</p>`
	person := string(files["people/anna-ivanova/index.html"])
	if n := strings.Count(person, want); n != 2 { // on the page and in its footer
		t.Errorf("the person page shows the contact %d times, want 2 (the page and its footer):\n%s", n, want)
	}
	for name, data := range files {
		if strings.HasSuffix(name, ".html") && !strings.HasPrefix(name, "ru/") && name != "404.html" && !bytes.Contains(data, []byte(want)) {
			t.Errorf("%s lacks the contact", name)
		}
	}
	if !strings.Contains(string(files["ru/people/anna-ivanova/index.html"]), `Родственникам, для исправлений: Эл. почта: <a href="mailto:corrections@example.org"`) ||
		!strings.Contains(string(files["ru/index.html"]), "Отвечаем в течение недели.</p>") {
		t.Error("the Russian pages lack the contact in Russian")
	}
}
