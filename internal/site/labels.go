package site

// labels holds the interface's words per language. The default language
// must have every key; the others fall back to English key by key until
// they are translated (the languages issue moves these into files that
// maintainers edit).
var labels = map[string]map[string]string{
	"en": {
		"count.one":    "{n} political prisoner",
		"count.other":  "{n} political prisoners",
		"people.one":   "{n} person",
		"people.other": "{n} people",

		"status.free":               "Free",
		"status.pretrial_detention": "Pretrial detention",
		"status.house_arrest":       "House arrest",
		"status.imprisoned":         "Imprisoned",
		"status.restricted":         "Restricted freedom",
		"status.died":               "Died",

		"event.detained":         "Detained",
		"event.house_arrest":     "House arrest",
		"event.restricted":       "Restricted",
		"event.sentenced":        "Sentenced",
		"event.sentence_changed": "Sentence changed",
		"event.appeal":           "Appeal",
		"event.released":         "Released",
		"event.acquitted":        "Acquitted",
		"event.pardoned":         "Pardoned",
		"event.amnesty":          "Amnesty",
		"event.died":             "Died",
		"event.recognized":       "Recognized as a political prisoner",
		"event.delisted":         "Removed from the register",
		"event.charged":          "Charged",
		"event.trial":            "Trial",
		"event.hunger_strike":    "Hunger strike",
		"event.health":           "Health",
		"event.transferred":      "Transferred",
		"event.other":            "Event",

		"sentence.prison":                         "prison",
		"sentence.prison.amount":                  "prison: {amount}",
		"sentence.prison.term":                    "{term} in prison",
		"sentence.prison.term.amount":             "{term} in prison; {amount}",
		"sentence.restricted_freedom":             "restricted freedom",
		"sentence.restricted_freedom.amount":      "restricted freedom: {amount}",
		"sentence.restricted_freedom.term":        "{term} of restricted freedom",
		"sentence.restricted_freedom.term.amount": "{term} of restricted freedom; {amount}",
		"sentence.suspended":                      "suspended sentence",
		"sentence.suspended.amount":               "suspended sentence: {amount}",
		"sentence.suspended.term":                 "suspended sentence of {term}",
		"sentence.suspended.term.amount":          "suspended sentence of {term}; {amount}",
		"sentence.probation":                      "probation",
		"sentence.probation.amount":               "probation: {amount}",
		"sentence.probation.term":                 "{term} of probation",
		"sentence.probation.term.amount":          "{term} of probation; {amount}",
		"sentence.fine":                           "fine",
		"sentence.fine.amount":                    "fine of {amount}",
		"sentence.time_served":                    "time served",
		"sentence.time_served.amount":             "time served: {amount}",
		"sentence.none":                           "no punishment",
		"sentence.none.amount":                    "no punishment: {amount}",
	},
}

// label returns the text for key in lang, falling back to English.
func label(lang, key string) string {
	if s, ok := labels[lang][key]; ok {
		return s
	}
	if s, ok := labels["en"][key]; ok {
		return s
	}
	return key
}
