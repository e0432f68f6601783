package content

import (
	"net/url"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Contact is how relatives and readers reach the register's maintainers,
// to tell them of a case or correct a record: site.yaml's contact:. Every
// route is optional, but one at least is given.
type Contact struct {
	Email string // an address, like corrections@example.org
	// Telegram is a Telegram username without the "@" (written @name or
	// https://t.me/name in site.yaml).
	Telegram string
	// Signal is a phone number (+ and digits, as written), a Signal
	// username (name.01), or a https://signal.me/ link.
	Signal string
	Form   string // the https address of a web form
	Note   Text   // optional: a short text shown with the routes
}

var contactFields = []string{"email", "signal", "telegram", "form", "note"}

var (
	// emailRE is a plain address: what mailto: links carry without
	// escaping, which every address a group would publish is.
	emailRE = regexp.MustCompile(`^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$`)
	// Telegram usernames: 5 to 32 letters, digits and underscores,
	// starting with a letter.
	telegramRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]{4,31}$`)
	// A phone number as people write it: +, digits, spaces, hyphens,
	// brackets; 7 to 15 digits in all.
	phoneRE = regexp.MustCompile(`^\+[0-9][0-9 ()-]{5,22}[0-9]$`)
	// Signal usernames: a nickname of 3 to 32 letters, digits and
	// underscores, a dot and at least two digits.
	signalNameRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{2,31}\.[0-9]{2,9}$`)
)

// contact decodes site.yaml's contact:, once the languages are known (its
// note is text by language).
func (d *decoder) contact(v *yaml.Node) *Contact {
	c := &Contact{}
	if !d.fields(v, "contact", contactFields, func(key string, v *yaml.Node) {
		switch key {
		case "email":
			c.Email = d.text(v, "contact.email")
			c.Email = strings.TrimPrefix(c.Email, "mailto:")
			if c.Email != "" && !emailRE.MatchString(c.Email) {
				d.errorf(v, "contact.email %q is not an e-mail address; write it like corrections@example.org", c.Email)
				c.Email = ""
			}
		case "telegram":
			c.Telegram = telegramName(d.text(v, "contact.telegram"))
			if c.Telegram == "" && v.Kind == yaml.ScalarNode && strings.TrimSpace(v.Value) != "" {
				d.errorf(v, "contact.telegram %q is not a Telegram username; write it like @example_group or https://t.me/example_group (5 to 32 letters, digits and _)", v.Value)
			}
		case "signal":
			c.Signal = d.text(v, "contact.signal")
			if c.Signal != "" && !signalOK(c.Signal) {
				d.errorf(v, "contact.signal %q is not a Signal contact; give a phone number with its country code (+7 701 000 00 00), a username (example.01) or a https://signal.me/ link", c.Signal)
				c.Signal = ""
			}
		case "form":
			c.Form = d.text(v, "contact.form")
			if c.Form == "" {
				return
			}
			if !strings.HasPrefix(strings.ToLower(c.Form), "https://") {
				d.errorf(v, "contact.form %q must be a https:// address", c.Form)
				c.Form = ""
			} else if msg := checkLink(c.Form, false); msg != "" {
				d.errorf(v, "contact.form: %s", msg)
				c.Form = ""
			}
		case "note":
			c.Note = d.localText(v, "contact.note")
		}
	}) {
		return nil
	}
	if c.Email == "" && c.Telegram == "" && c.Signal == "" && c.Form == "" && !d.hasAny(v, "email", "telegram", "signal", "form") {
		d.errorf(v, "contact gives no way to reach you; give at least one of email, signal, telegram, form")
		return nil
	}
	return c
}

// hasAny reports whether the mapping n has one of the keys, so that a
// route that was given but wrong is not also reported as missing.
func (d *decoder) hasAny(n *yaml.Node, keys ...string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		for _, k := range keys {
			if n.Content[i].Value == k {
				return true
			}
		}
	}
	return false
}

// telegramName returns the username of @name, t.me/name or
// https://t.me/name, or "" when s is none of these.
func telegramName(s string) string {
	name, ok := strings.CutPrefix(s, "@")
	if !ok {
		rest := strings.TrimPrefix(strings.TrimPrefix(s, "https://"), "http://")
		rest = strings.TrimPrefix(rest, "www.")
		if name, ok = strings.CutPrefix(rest, "t.me/"); !ok {
			if name, ok = strings.CutPrefix(rest, "telegram.me/"); !ok {
				return ""
			}
		}
		name = strings.TrimSuffix(name, "/")
	}
	if !telegramRE.MatchString(name) {
		return ""
	}
	return name
}

// signalOK reports whether s is a phone number, a Signal username or a
// https://signal.me/ link.
func signalOK(s string) bool {
	if phoneRE.MatchString(s) {
		n := 0
		for _, r := range s {
			if r >= '0' && r <= '9' {
				n++
			}
		}
		return n >= 7 && n <= 15
	}
	if signalNameRE.MatchString(s) {
		return true
	}
	u, err := url.Parse(s)
	return err == nil && u.Scheme == "https" && u.Host == "signal.me" && checkLink(s, false) == ""
}
