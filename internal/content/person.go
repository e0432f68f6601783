package content

import (
	"io/fs"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/tizim/tizim/internal/date"
)

var (
	caseFields     = []string{"name", "names", "aliases", "born", "gender", "region", "occupation", "groups", "tags", "charges", "events", "draft", "internal"}
	eventFields    = []string{"date", "type", "text", "court", "judge", "facility", "by", "sentence", "sources", "internal"}
	sentenceFields = []string{"kind", "term", "amount"}
	chargeFields   = []string{"article", "text"}
	genders        = []string{"female", "male", "other"}
	// The names of the event types and sentence kinds, made once: making
	// them for every event was a twentieth of the loader's allocations.
	eventTypeNames    = Names(EventTypes)
	sentenceKindNames = Names(SentenceKinds)
)

// loadCase decodes one case.yaml.
func loadCase(fsys fs.FS, p string, langs Languages, errs *ErrorList) *Person {
	a := arenas.Get().(*yamlArena)
	defer func() {
		a.reset() // the person keeps no node
		arenas.Put(a)
	}()
	d, root := readYAMLIn(fsys, p, errs, a)
	if root == nil {
		return nil
	}
	d.langs = langs
	person := &Person{Path: p}
	ok := d.fields(root, "a case file", caseFields, func(key string, v *yaml.Node) {
		switch key {
		case "name":
			person.Name, person.Line = d.text(v, key), v.Line
		case "names":
			person.Names = d.textMap(v, key, nameLang)
		case "aliases":
			person.Aliases = d.textList(v, key)
		case "born":
			person.Born = d.date(v, key)
			person.bornPos = [2]int32{int32(v.Line), int32(v.Column)}
		case "gender":
			person.Gender = d.oneOf(v, key, genders)
		case "region":
			person.Region, person.lines.region = d.text(v, key), int32(v.Line)
		case "occupation":
			person.Occupation, person.lines.occupation = d.localText(v, key), int32(v.Line)
		case "groups":
			person.Groups, person.lines.groups = d.textList(v, key), int32(v.Line)
		case "tags":
			person.Tags, person.lines.tags = d.textList(v, key), int32(v.Line)
		case "charges":
			person.Charges = d.charges(v)
		case "events":
			person.Events, person.eventPos = d.events(v)
		case "draft":
			person.Draft = d.boolean(v, key)
		case "internal":
			// Checked for presence only: never stored, never published.
		}
	})
	if ok {
		d.require(root, "the case file", "name", "events")
	}
	return person
}

func (d *decoder) charges(v *yaml.Node) []Charge {
	if v.Kind != yaml.SequenceNode {
		d.errorf(v, "\"charges\" must be a list of charges, each with text: and optionally article:, not %s", kindName(v))
		return nil
	}
	var out []Charge
	for _, item := range v.Content {
		c := Charge{Line: item.Line}
		if !d.fields(item, "a charge", chargeFields, func(key string, v *yaml.Node) {
			switch key {
			case "article":
				c.Article = d.text(v, key)
			case "text":
				c.Text = d.localText(v, key)
			}
		}) {
			continue
		}
		d.require(item, "the charge", "text")
		out = append(out, c)
	}
	return out
}

// events decodes the events of a case file, and where each one's date and
// source ids are.
func (d *decoder) events(v *yaml.Node) ([]*Event, []eventPos) {
	if v.Kind != yaml.SequenceNode {
		d.errorf(v, "\"events\" must be a list of events, each starting with \"- date:\", not %s", kindName(v))
		return nil, nil
	}
	if len(v.Content) == 0 {
		d.errorf(v, "\"events\" is empty; a case needs at least one dated event")
		return nil, nil
	}
	if len(v.Content) > MaxEvents {
		d.errorf(v, "\"events\" has %d events; a case file may have at most %d", len(v.Content), MaxEvents)
		return nil, nil
	}
	var (
		out []*Event
		pos []eventPos
	)
	for i, item := range v.Content {
		var ep eventPos
		if e := d.event(item, i, &ep); e != nil {
			out = append(out, e)
			pos = append(pos, ep)
		}
	}
	return out, pos
}

func (d *decoder) event(n *yaml.Node, index int, pos *eventPos) *Event {
	e := &Event{Line: n.Line, Index: index}
	var typeNode, sentenceNode, byNode *yaml.Node
	if !d.fields(n, "an event", eventFields, func(key string, v *yaml.Node) {
		switch key {
		case "date":
			e.Date = d.date(v, key)
			pos.date = [2]int32{int32(v.Line), int32(v.Column)}
		case "type":
			typeNode = v
			e.Type = EventType(d.oneOf(v, "event type", eventTypeNames))
		case "text":
			e.Text = d.localText(v, key)
		case "court":
			e.Court = d.text(v, key)
		case "judge":
			e.Judge = d.text(v, key)
		case "facility":
			e.Facility = d.text(v, key)
		case "by":
			byNode = v
			e.By = d.text(v, key)
		case "sentence":
			sentenceNode = v
			e.Sentence = d.sentence(v)
		case "sources":
			e.Sources = d.sourceIDs(v)
			if v.Kind == yaml.SequenceNode {
				pos.sources = make([][2]int32, len(v.Content))
				for i, item := range v.Content {
					pos.sources[i] = [2]int32{int32(item.Line), int32(item.Column)}
				}
			}
		case "internal":
		}
	}) {
		return nil
	}
	d.require(n, "the event", "date", "type", "text", "sources")
	if typeNode == nil || e.Type == "" {
		return e
	}
	if sentenceNode != nil && !e.Type.CarriesSentence() {
		d.errorf(sentenceNode, "a %q event cannot carry a sentence; sentence is allowed only on sentenced, sentence_changed and appeal events", e.Type)
	}
	if byNode != nil && !e.Type.CarriesBy() {
		d.errorf(byNode, "a %q event cannot have \"by\"; it names who recognized or delisted, on recognized and delisted events", e.Type)
	}
	return e
}

func (d *decoder) sentence(v *yaml.Node) *Sentence {
	s := &Sentence{}
	if !d.fields(v, "a sentence", sentenceFields, func(key string, v *yaml.Node) {
		switch key {
		case "kind":
			s.Kind = SentenceKind(d.oneOf(v, "sentence kind", sentenceKindNames))
		case "term":
			s.Term = d.term(v, key)
		case "amount":
			s.Amount = d.localText(v, key)
		}
	}) {
		return nil
	}
	d.require(v, "the sentence", "kind")
	return s
}

// term decodes a term like 7y, 1y6m, 14d or 3y8m; zero after an error.
func (d *decoder) term(v *yaml.Node, key string) date.Term {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		d.errorf(v, "%q must be a term like 7y, 1y6m, 14d or 3y8m, not %s", key, kindName(v))
		return date.Term{}
	}
	t, err := date.ParseTerm(v.Value)
	if err != nil {
		d.errorf(v, "%s", err)
	}
	return t
}

func (d *decoder) sourceIDs(v *yaml.Node) []string {
	ids := d.textList(v, "sources")
	if v.Kind == yaml.SequenceNode && len(v.Content) == 0 {
		d.errorf(v, "\"sources\" is empty; cite at least one source id from content/sources/")
	}
	for i, id := range ids {
		for j := range i {
			if ids[j] == id {
				d.errorf(v.Content[i], "source %q is cited twice in this event", id)
			}
		}
	}
	return ids
}

// checkLink returns why s may not be a link from content, or "".
func checkLink(s string, mailto bool) string {
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "https://"), strings.HasPrefix(lower, "http://"):
		if strings.ContainsAny(s, " \t\n\"<>`") {
			return quote(s) + " is not a valid link: it contains a space, quote or angle bracket"
		}
		if rest := s[strings.Index(s, "//")+2:]; rest == "" || strings.HasPrefix(rest, "/") {
			return quote(s) + " is not a valid link: it has no host"
		}
		return ""
	case mailto && strings.HasPrefix(lower, "mailto:"):
		return ""
	}
	allowed := "http:// or https://"
	if mailto {
		allowed = "http://, https:// or mailto:"
	}
	return quote(s) + " is not allowed: links must start with " + allowed
}
