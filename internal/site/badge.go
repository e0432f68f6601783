package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// The badge: the headline count as a small picture and as data, in each
// language, for other sites and social posts to show. Both are made from
// the register's date, not the clock, so a build is reproducible, and are
// rebuilt with the site, so an embedded badge shows the latest count.
const (
	BadgeFile = "badge.svg"  // in each language's folder: /badge.svg, /ru/badge.svg
	CountFile = "count.json" // beside it
)

// Badge is what the data page says of the badge of its language.
type Badge struct {
	Text string // "6 political prisoners in custody as of 1 December 2026", the home page's headline
	Alt  string // a text for the picture that stays true as the count changes
	SVG  string // the absolute address of badge.svg
	JSON string // the absolute address of count.json
	List string // the absolute address of the current list, which a badge links to
	// Count is the headline count, the people confirmed in custody;
	// Unconfirmed and TermEnded the others on the current list, held by
	// older records or past the end of their terms, whom it leaves out.
	Count, Unconfirmed, TermEnded int
	Width                         int // of the picture in pixels; its height is 28
}

// Badge is the badge of the page's language: its text and addresses.
func (pg *Page) Badge() Badge {
	n := len(pg.Reg.Confirmed)
	u := pg.site.urls
	// The home page's headline, in its words: the people confirmed in
	// custody, as the register counts them.
	text := pg.text("count.prisoners", n, "{n}", pg.Num(n)) + " " + pg.text("home.in_custody", 0, "{date}", pg.Date(pg.AsOf()))
	return Badge{
		Text:  text,
		Width: badgeWidth(text),
		Alt:   pg.text("badge.alt", 0, "{title}", pg.SiteTitle()),
		SVG:   u.Abs(u.LangPath(pg.Lang, BadgeFile)),
		JSON:  u.Abs(u.LangPath(pg.Lang, CountFile)),
		List:  u.Abs(u.LangPath(pg.Lang, "current/")),
		Count: n, Unconfirmed: len(pg.Reg.Unconfirmed), TermEnded: len(pg.Reg.TermEnded),
	}
}

// countJSON writes count.json of a language:
//
//	{"count": 6, "unconfirmed": 1, "term_ended": 0, "as_of": "2026-12-01",
//	 "text": "6 political prisoners in custody as of 1 December 2026",
//	 "url": "https://.../current/", "lang": "en"}
//
// count is the headline count, as on the home page: the people confirmed
// in custody. unconfirmed and term_ended are the others on the current
// list, whom it leaves out (see register.Register).
func (s *Site) countJSON(w Writer, lang string) error {
	pg := s.newPage(lang, CountFile)
	b := pg.Badge()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(struct {
		Count       int    `json:"count"`
		Unconfirmed int    `json:"unconfirmed"`
		TermEnded   int    `json:"term_ended"`
		AsOf        string `json:"as_of"`
		Text        string `json:"text"`
		URL         string `json:"url"`
		Lang        string `json:"lang"`
	}{b.Count, b.Unconfirmed, b.TermEnded, pg.AsOf().ISO(), b.Text, b.List, lang})
	if err != nil {
		return fmt.Errorf("%s: %w", pg.Path, err)
	}
	return w.Write(pg.Path, buf.Bytes())
}

// badgeSVG writes badge.svg of a language: the text of count.json on a
// plate of its own colours (light, or dark where the reader's system is),
// so that it reads on any page; in the reader's own sans-serif font, and
// wide enough for the widest of them.
func (s *Site) badgeSVG(w Writer, lang string) error {
	pg := s.newPage(lang, BadgeFile)
	b := pg.Badge()
	width := b.Width
	var text bytes.Buffer
	if err := xml.EscapeText(&text, []byte(b.Text)); err != nil {
		return err
	}
	// xml.EscapeText leaves apostrophes and quotes as entities, which
	// attributes in double quotes need too.
	label := text.String()
	ws, mid := strconv.Itoa(width), strconv.FormatFloat(float64(width)/2, 'f', -1, 64)
	svg := `<svg xmlns="http://www.w3.org/2000/svg" width="` + ws + `" height="28" viewBox="0 0 ` + ws + ` 28" role="img" aria-label="` + label + `" lang="` + lang + `">` + "\n" +
		`<title>` + label + `</title>` + "\n" +
		`<style>rect{fill:#fff;stroke:#8a1c1c}text{fill:#1b1b1b}@media (prefers-color-scheme:dark){rect{fill:#1b1b1b;stroke:#e98a80}text{fill:#f4f4f4}}</style>` + "\n" +
		`<rect x="0.5" y="0.5" width="` + strconv.Itoa(width-1) + `" height="27" rx="4" fill="#fff" stroke="#8a1c1c"/>` + "\n" +
		`<text x="` + mid + `" y="18.5" text-anchor="middle" fill="#1b1b1b" font-size="13" font-family="system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Helvetica Neue',Arial,sans-serif">` + label + `</text>` + "\n" +
		`</svg>` + "\n"
	return w.Write(pg.Path, []byte(svg))
}

// badgeWidth is the width in pixels of a badge for text at 13 px, counted
// generously, glyph by glyph, for the widest common sans-serif fonts, so
// that the text never overflows: where a font is narrower the text, which
// is centred, has more room on both sides.
func badgeWidth(text string) int {
	w := 0.0
	for _, r := range text {
		switch {
		case unicode.IsSpace(r):
			w += 4.5
		case strings.ContainsRune("mwMWШЩЖЮМФшщжюмфы@%—", r):
			w += 12.5
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			w += 9.5
		case strings.ContainsRune("il.,:;'|!ıj", r):
			w += 4.5
		default:
			w += 8
		}
	}
	return int(w) + 24 // 12 px either side
}
