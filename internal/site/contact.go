package site

import (
	"html/template"
	"strings"
)

// ContactRoute is one way to reach the register's maintainers, as pages
// show it.
type ContactRoute struct {
	Kind  string // email, telegram, signal or form
	Label string // the route's name in the page's language ("Telegram"); "" for the form
	Text  string // what the page shows: the address, the @name, the number, or the form's link text
	// URL is the route's link: mailto:, https://t.me/, https://signal.me/
	// or the form's https address; "" where none is safe to make (a
	// Signal username).
	URL string
}

// ContactInfo is site.yaml's contact: in the page's language.
type ContactInfo struct {
	Routes []ContactRoute
	Note   template.HTML // the note in the page's language (see [Page.Local]), or ""
}

// Contact is how relatives and readers reach the maintainers, from
// site.yaml's contact:, or nil when it gives none.
func (pg *Page) Contact() *ContactInfo {
	c := pg.Reg.Site.Contact
	if c == nil {
		return nil
	}
	out := &ContactInfo{}
	if c.Email != "" {
		out.Routes = append(out.Routes, ContactRoute{Kind: "email", Label: pg.text("contact.email", 0), Text: c.Email, URL: "mailto:" + c.Email})
	}
	if c.Telegram != "" {
		out.Routes = append(out.Routes, ContactRoute{Kind: "telegram", Label: "Telegram", Text: "@" + c.Telegram, URL: "https://t.me/" + c.Telegram})
	}
	if c.Signal != "" {
		r := ContactRoute{Kind: "signal", Label: "Signal", Text: c.Signal}
		switch {
		case strings.HasPrefix(c.Signal, "https://"):
			r.Text, r.URL = pg.text("contact.signal_link", 0), c.Signal
		case strings.HasPrefix(c.Signal, "+"):
			r.URL = "https://signal.me/#p/+" + strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' {
					return r
				}
				return -1
			}, c.Signal)
		}
		out.Routes = append(out.Routes, r)
	}
	if c.Form != "" {
		out.Routes = append(out.Routes, ContactRoute{Kind: "form", Text: pg.text("contact.form", 0), URL: c.Form})
	}
	if !c.Note.IsZero() {
		out.Note = pg.local(c.Note)
	}
	return out
}
