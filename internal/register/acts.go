package register

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/tizim/tizim/internal/content"
)

// Acts: the label of an event names what happened, not only its type. A
// sentence is named by its kind ("Sentenced to prison"); a changed sentence
// or an appeal by how it compares with the sentence in force before it
// ("Sentence reduced on appeal", "Prison replaced with restricted
// freedom"); an event of type other or trial that names a court is a court
// ruling or a court hearing. Where nothing more can be said the label is
// the event type's own, the key event.<type>.

// The changes a sentence_changed or appeal event can make to the sentence
// in force before it; the key of its label is act.<type>.<change>.
const (
	ActUpheld   = "upheld"    // the same sentence
	ActReduced  = "reduced"   // the same kind, shorter or smaller, or a milder kind
	ActIncrease = "increased" // the same kind, longer or larger, or a harsher kind
	ActChanged  = "changed"   // another kind of the same weight (suspended for probation)
	ActLifted   = "lifted"    // no punishment, or the time served
	// From prison to a regime outside it (early release): the key names the
	// new regime, act.<type>.to_restricted_freedom, to_probation,
	// to_suspended.
	ActToPrefix = "to_"
)

// Act returns the i18n key of the label of event e of person p, which
// names what the event did (see the package's rules above): for a
// sentenced event act.sentenced.<kind> (act.sentenced without a sentence:
// "Convicted"); for a sentence_changed or appeal event act.<type>.<change>
// by how its sentence compares with the one in force before it; for an
// other or trial event with a court act.<type>.court; otherwise
// event.<type>. The sentence in force before e is that of the latest event
// before it in p's timeline that carries one.
func Act(p *Person, e *content.Event) string {
	var prev *content.Sentence
	if e.Type == content.SentenceChanged || e.Type == content.Appeal {
		for _, o := range p.Timeline {
			if o == e {
				break
			}
			if o.Sentence != nil && o.Type.CarriesSentence() {
				prev = o.Sentence
			}
		}
	}
	return ActAfter(prev, e)
}

// Acts returns the keys of [Act] for every event of p's timeline, in its
// order, in one pass.
func Acts(p *Person) []string {
	out := make([]string, len(p.Timeline))
	var prev *content.Sentence
	for i, e := range p.Timeline {
		out[i] = ActAfter(prev, e)
		if e.Sentence != nil && e.Type.CarriesSentence() {
			prev = e.Sentence
		}
	}
	return out
}

// ActAfter returns the key of [Act] for event e when the sentence in force
// before it is prev (nil for none).
func ActAfter(prev *content.Sentence, e *content.Event) string {
	plain := "event." + string(e.Type)
	switch e.Type {
	case content.Sentenced:
		if e.Sentence == nil {
			return "act.sentenced"
		}
		return "act.sentenced." + string(e.Sentence.Kind)
	case content.SentenceChanged, content.Appeal:
		if e.Sentence == nil || prev == nil {
			return plain
		}
		if c := sentenceChange(prev, e.Sentence); c != "" {
			return "act." + string(e.Type) + "." + c
		}
		return plain
	case content.Other, content.Trial:
		if e.Court != "" {
			return "act." + string(e.Type) + ".court"
		}
	}
	return plain
}

// weight ranks sentence kinds from the mildest: no punishment or the time
// already served, a fine, a restraint outside prison, prison.
func weight(k content.SentenceKind) int {
	switch k {
	case content.Fine:
		return 1
	case content.RestrictedFreedom, content.Suspended, content.Probation:
		return 2
	case content.Prison:
		return 3
	}
	return 0 // none, time_served
}

// sentenceChange says how sentence s changes prev: one of the Act*
// changes, or "" when the record does not say (the same kind, but a term or
// an amount given on only one of them, or amounts that are not numbers).
func sentenceChange(prev, s *content.Sentence) string {
	if s.Kind != prev.Kind {
		switch wp, ws := weight(prev.Kind), weight(s.Kind); {
		case ws == 0 && wp > 0:
			return ActLifted
		case prev.Kind == content.Prison && ws == 2:
			return ActToPrefix + string(s.Kind)
		case ws < wp:
			return ActReduced
		case ws > wp:
			return ActIncrease
		}
		return ActChanged
	}
	if weight(s.Kind) == 0 {
		return ActUpheld
	}
	switch {
	case !s.Term.IsZero() && !prev.Term.IsZero():
		a, b := prev.Term.AddTo(termBase), s.Term.AddTo(termBase)
		switch {
		case b.Before(a):
			return ActReduced
		case b.After(a):
			return ActIncrease
		}
		if s.Amount.Default == "" || prev.Amount.Default == "" {
			return ActUpheld
		}
	case !s.Term.IsZero() || !prev.Term.IsZero():
		return ""
	}
	// The same term, or none on either: the amounts decide.
	switch x, y := prev.Amount.Default, s.Amount.Default; {
	case x == y:
		return ActUpheld
	case x == "" || y == "":
		return ""
	}
	a, okA := amount(prev.Amount.Default)
	b, okB := amount(s.Amount.Default)
	switch {
	case !okA || !okB:
		return ""
	case b < a:
		return ActReduced
	case b > a:
		return ActIncrease
	}
	return ActUpheld
}

// amount reads the number of an amount such as "56,000 tenge" or
// "1 500 000 ₸": the digits of its first number, with the separators of
// thousands (commas, dots, spaces) left out. It reports false for text
// with no digits or more than one number.
func amount(s string) (int64, bool) {
	var digits strings.Builder
	numbers, in := 0, false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			if !in {
				numbers++
				in = true
			}
			digits.WriteRune(r)
		case in && (r == ',' || r == '.' || r == '\u00a0' || r == '\u202f' || r == ' ' || r == '\''):
			// a separator inside the number
		case unicode.IsSpace(r) || !unicode.IsDigit(r):
			in = false
		}
	}
	if numbers != 1 || digits.Len() == 0 || digits.Len() > 18 {
		return 0, false
	}
	n, err := strconv.ParseInt(digits.String(), 10, 64)
	return n, err == nil
}

// ActKeys are every key [Act] can return other than event.<type>, for
// checking that the interface text has them all.
func ActKeys() []string {
	keys := []string{"act.sentenced"}
	for _, k := range content.SentenceKinds {
		keys = append(keys, "act.sentenced."+string(k))
	}
	for _, t := range []content.EventType{content.SentenceChanged, content.Appeal} {
		for _, c := range []string{ActUpheld, ActReduced, ActIncrease, ActChanged, ActLifted,
			ActToPrefix + string(content.RestrictedFreedom), ActToPrefix + string(content.Probation), ActToPrefix + string(content.Suspended)} {
			keys = append(keys, "act."+string(t)+"."+c)
		}
	}
	return append(keys, "act.other.court", "act.trial.court")
}
