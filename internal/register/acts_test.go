package register_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/date"
	"github.com/tizim/tizim/internal/register"
)

// sentence makes a sentence from "kind term amount", term and amount
// optional ("-" for no term).
func sentence(t *testing.T, s string) *content.Sentence {
	t.Helper()
	if s == "" {
		return nil
	}
	f := strings.SplitN(s, " ", 3)
	out := &content.Sentence{Kind: content.SentenceKind(f[0])}
	if len(f) > 1 && f[1] != "-" {
		term, err := date.ParseTerm(f[1])
		if err != nil {
			t.Fatal(err)
		}
		out.Term = term
	}
	if len(f) > 2 {
		out.Amount = content.Text{Default: f[2]}
	}
	return out
}

// TestAct covers every branch of the labels that name what an event did:
// an event, its sentence, and the sentence in force before it.
func TestAct(t *testing.T) {
	for _, tt := range []struct {
		typ         content.EventType
		prev, s     string // sentences, "" for none
		court, want string
	}{
		// sentenced: by kind; none given: convicted.
		{typ: "sentenced", s: "prison 7y", want: "act.sentenced.prison"},
		{typ: "sentenced", s: "suspended 2y", want: "act.sentenced.suspended"},
		{typ: "sentenced", s: "restricted_freedom 5y", want: "act.sentenced.restricted_freedom"},
		{typ: "sentenced", s: "probation 1y", want: "act.sentenced.probation"},
		{typ: "sentenced", s: "fine - 56,000 tenge", want: "act.sentenced.fine"},
		{typ: "sentenced", s: "time_served", want: "act.sentenced.time_served"},
		{typ: "sentenced", s: "none", want: "act.sentenced.none"},
		{typ: "sentenced", want: "act.sentenced"},
		{typ: "sentenced", prev: "prison 7y", s: "prison 5y", want: "act.sentenced.prison"}, // a new trial: its kind

		// appeal and sentence_changed: compared with the sentence before.
		{typ: "appeal", prev: "prison 7y", s: "prison 7y", want: "act.appeal.upheld"},
		{typ: "sentence_changed", prev: "prison 7y", s: "prison 7y", want: "act.sentence_changed.upheld"},
		{typ: "appeal", prev: "prison 12m", s: "prison 1y", want: "act.appeal.upheld"}, // calendar lengths
		{typ: "appeal", prev: "prison 7y", s: "prison 5y", want: "act.appeal.reduced"},
		{typ: "sentence_changed", prev: "prison 7y", s: "prison 6y6m", want: "act.sentence_changed.reduced"},
		{typ: "appeal", prev: "prison 5y", s: "prison 7y", want: "act.appeal.increased"},
		{typ: "sentence_changed", prev: "restricted_freedom 1y", s: "restricted_freedom 2y", want: "act.sentence_changed.increased"},
		{typ: "sentence_changed", prev: "prison 7y", s: "restricted_freedom 2y", want: "act.sentence_changed.to_restricted_freedom"},
		{typ: "sentence_changed", prev: "prison 7y", s: "probation 3y", want: "act.sentence_changed.to_probation"},
		{typ: "appeal", prev: "prison 7y", s: "suspended 3y", want: "act.appeal.to_suspended"},
		{typ: "sentence_changed", prev: "prison 7y", s: "none", want: "act.sentence_changed.lifted"},
		{typ: "appeal", prev: "restricted_freedom 2y", s: "time_served", want: "act.appeal.lifted"},
		{typ: "appeal", prev: "prison 3y", s: "fine - 500,000 tenge", want: "act.appeal.reduced"},                        // a milder kind
		{typ: "sentence_changed", prev: "restricted_freedom 2y", s: "prison 2y", want: "act.sentence_changed.increased"}, // a harsher kind
		{typ: "appeal", prev: "none", s: "prison 2y", want: "act.appeal.increased"},
		{typ: "sentence_changed", prev: "suspended 2y", s: "probation 2y", want: "act.sentence_changed.changed"},
		{typ: "appeal", prev: "none", s: "none", want: "act.appeal.upheld"},
		{typ: "appeal", prev: "time_served", s: "none", want: "act.appeal.changed"},
		// fines: by their amounts
		{typ: "appeal", prev: "fine - 56,000 tenge", s: "fine - 28 000 tenge", want: "act.appeal.reduced"},
		{typ: "appeal", prev: "fine - 56,000 tenge", s: "fine - 100000 tenge", want: "act.appeal.increased"},
		{typ: "appeal", prev: "fine - 56,000 tenge", s: "fine - 56 000 ₸", want: "act.appeal.upheld"},
		{typ: "appeal", prev: "fine - 56,000 tenge", s: "fine - 56,000 tenge", want: "act.appeal.upheld"},
		{typ: "appeal", prev: "fine - 100 MCI", s: "fine - 50 MCI", want: "act.appeal.reduced"},
		{typ: "appeal", prev: "prison 2y 1,000,000 tenge", s: "prison 2y 500,000 tenge", want: "act.appeal.reduced"},
		{typ: "appeal", prev: "prison 2y 1,000,000 tenge", s: "prison 2y", want: "act.appeal.upheld"},
		// what the record does not say: the plain label
		{typ: "appeal", prev: "fine - a large sum", s: "fine - a smaller sum", want: "event.appeal"},
		{typ: "appeal", prev: "fine - 2 times 100 MCI", s: "fine - 100 MCI", want: "event.appeal"},
		{typ: "appeal", prev: "fine", s: "fine - 100 MCI", want: "event.appeal"},
		{typ: "appeal", prev: "prison 7y", s: "prison", want: "event.appeal"},
		{typ: "sentence_changed", prev: "prison", s: "prison 7y", want: "event.sentence_changed"},
		{typ: "appeal", prev: "prison 7y", want: "event.appeal"},
		{typ: "appeal", s: "prison 7y", want: "event.appeal"},
		{typ: "sentence_changed", want: "event.sentence_changed"},

		// other and trial: with a court, a ruling or a hearing.
		{typ: "other", court: "Almaty City Court", want: "act.other.court"},
		{typ: "trial", court: "Almaty City Court", want: "act.trial.court"},
		{typ: "other", want: "event.other"},
		{typ: "trial", want: "event.trial"},
		{typ: "detained", court: "Almaty City Court", want: "event.detained"},
		{typ: "released", prev: "prison 7y", want: "event.released"},
	} {
		name := string(tt.typ) + " " + tt.prev + " → " + tt.s
		var timeline []*content.Event
		if tt.prev != "" {
			timeline = append(timeline, &content.Event{Type: content.Sentenced, Sentence: sentence(t, tt.prev)})
		}
		e := &content.Event{Type: tt.typ, Sentence: sentence(t, tt.s), Court: tt.court}
		// Events between that carry no sentence do not count.
		timeline = append(timeline, &content.Event{Type: content.Appeal}, &content.Event{Type: content.Transferred}, e)
		p := &register.Person{Timeline: timeline}
		if got := register.Act(p, e); got != tt.want {
			t.Errorf("%s: %q, want %q", name, got, tt.want)
		}
		if got := register.Acts(p)[len(timeline)-1]; got != tt.want {
			t.Errorf("%s: Acts gives %q, want %q", name, got, tt.want)
		}
		if !strings.HasPrefix(tt.want, "event.") && !slices.Contains(register.ActKeys(), tt.want) {
			t.Errorf("%s: %q is not in ActKeys", name, tt.want)
		}
	}
}

// TestActLaterSentence: the sentence in force is the latest before the
// event, not one after it.
func TestActLaterSentence(t *testing.T) {
	first := &content.Event{Type: content.Sentenced, Sentence: sentence(t, "prison 7y")}
	appeal := &content.Event{Type: content.Appeal, Sentence: sentence(t, "prison 5y")}
	parole := &content.Event{Type: content.SentenceChanged, Sentence: sentence(t, "restricted_freedom 2y")}
	later := &content.Event{Type: content.SentenceChanged, Sentence: sentence(t, "restricted_freedom 1y")}
	p := &register.Person{Timeline: []*content.Event{first, appeal, parole, later}}
	want := []string{"act.sentenced.prison", "act.appeal.reduced", "act.sentence_changed.to_restricted_freedom", "act.sentence_changed.reduced"}
	if got := register.Acts(p); !slices.Equal(got, want) {
		t.Errorf("Acts: %q, want %q", got, want)
	}
	for i, e := range p.Timeline {
		if got := register.Act(p, e); got != want[i] {
			t.Errorf("Act of event %d: %q, want %q", i, got, want[i])
		}
	}
}
