package i18n

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/date"
)

// A dateKey is a key of the i18n files that a language's [date.Locale] is
// made from. Every language needs each of them: without its own words a
// date could only be shown in another language.
type dateKey struct {
	key  string
	what string // what the key gives, for the error that it is missing
	// list says that the value is the twelve month names, January first;
	// otherwise it is a pattern, or counted text when placeholders is {n},
	// with exactly these placeholders.
	list         bool
	placeholders []string
}

var dateKeys = []dateKey{
	{key: "date.months", list: true, what: `the twelve month names, January first, as a date of a month shows them ("July 2020")`},
	{key: "date.months_with_day", list: true, what: `the twelve month names, January first, after a day number ("22 July 2020"; Russian: "22 июля")`},
	{key: "date.months_approximate", list: true, what: `the twelve month names, January first, in an approximate date of a month ("c. July 2020"; Russian: "ок. июля")`},
	{key: "date.year", placeholders: []string{"{year}"}, what: `the pattern of a date of a year ("2020")`},
	{key: "date.month", placeholders: []string{"{month}", "{year}"}, what: `the pattern of a date of a month ("July 2020")`},
	{key: "date.day", placeholders: []string{"{day}", "{month}", "{year}"}, what: `the pattern of a date of a day ("22 July 2020")`},
	{key: "date.approximate", placeholders: []string{"{date}"}, what: `the pattern of an approximate date ("c. July 2020")`},
	{key: "date.uncertain", placeholders: []string{"{date}"}, what: `the pattern of an uncertain date ("2020 (uncertain)")`},
	{key: "term.years", placeholders: []string{"{n}"}, what: `a number of years of a sentence ("7 years")`},
	{key: "term.months", placeholders: []string{"{n}"}, what: `a number of months of a sentence ("6 months")`},
	{key: "term.days", placeholders: []string{"{n}"}, what: `a number of days of a sentence ("14 days")`},
}

// dateKeyOf returns the dateKey of key, or nil.
func dateKeyOf(key string) *dateKey {
	for i := range dateKeys {
		if dateKeys[i].key == key {
			return &dateKeys[i]
		}
	}
	return nil
}

// readDateKey reads the value v of dk in an i18n file of lang and checks
// it as dk needs. It returns the message even when it has errors, which
// are enough said without adding that the key is missing.
func readDateKey(f *content.YAMLFile, p, lang string, dk *dateKey, v *yaml.Node) *message {
	m := &message{path: p, line: v.Line, col: v.Column}
	switch {
	case dk.list:
		if v.Kind != yaml.SequenceNode {
			f.Errorf(v, "%q must be a list of the twelve month names, January first, like [January, February, ...], not %s", dk.key, content.KindName(v))
			return m
		}
		if len(v.Content) != 12 {
			f.Errorf(v, "%q has %d month names; give all twelve, January first", dk.key, len(v.Content))
			return m
		}
		for _, item := range v.Content {
			m.list = append(m.list, f.Text(item, dk.key))
		}
		return m
	case v.Kind == yaml.MappingNode && dk.placeholders[0] != "{n}":
		f.Errorf(v, "%q is a pattern: one text, like %q, not a form per plural category", dk.key, strings.Join(dk.placeholders, " "))
		return m
	case v.Kind == yaml.MappingNode:
		m.forms = readForms(f, lang, dk.key, v)
		for c, form := range m.forms {
			checkPlaceholders(f, formNode(v, c), dk.key+"."+string(c), form, dk.placeholders)
		}
		return m
	}
	m.text = f.Text(v, dk.key)
	checkPlaceholders(f, v, dk.key, m.text, dk.placeholders)
	return m
}

// formNode returns the value of form c in the plural forms v.
func formNode(v *yaml.Node, c Category) *yaml.Node {
	for j := 0; j+1 < len(v.Content); j += 2 {
		if v.Content[j].Value == string(c) {
			return v.Content[j+1]
		}
	}
	return v
}

// checkPlaceholders reports a placeholder of text that is not in want, or
// one of want that text lacks: a date pattern without its {year} would
// lose the year.
func checkPlaceholders(f *content.YAMLFile, v *yaml.Node, name, text string, want []string) {
	if text == "" {
		return // already reported
	}
	got := placeholderRE.FindAllString(text, -1)
	for _, ph := range got {
		if !slices.Contains(want, ph) {
			f.Errorf(v, "%q uses %s, which it cannot have; it may use %s", name, ph, strings.Join(want, ", "))
		}
	}
	for _, ph := range want {
		if !slices.Contains(got, ph) {
			f.Errorf(v, "%q has no %s; it needs %s", name, ph, strings.Join(want, ", "))
		}
	}
}

// checkDates reports the date keys that lang lacks, in one error at the top
// of the file last read for lang, where they may be added.
func (s *Strings) checkDates(lang string, errs *content.ErrorList) {
	var missing []*dateKey
	for i, dk := range dateKeys {
		if _, ok := s.msgs[lang][dk.key]; !ok {
			missing = append(missing, &dateKeys[i])
		}
	}
	top := s.tops[lang]
	switch len(missing) {
	case 0:
		return
	case 1:
		*errs = append(*errs, &content.Error{Path: top.path, Line: top.line, Col: top.col,
			Msg: fmt.Sprintf("missing %s, %s; copy the key from tizim's i18n/en.yaml and translate it", missing[0].key, missing[0].what)})
	default:
		keys := make([]string, len(missing))
		for i, dk := range missing {
			keys[i] = dk.key
		}
		*errs = append(*errs, &content.Error{Path: top.path, Line: top.line, Col: top.col,
			Msg: "missing " + strings.Join(keys, ", ") + ": the month names, the patterns of dates and the words of terms, which every language needs; copy these keys from tizim's i18n/en.yaml and translate them"})
	}
}

// Locale returns how lang writes dates and terms, from its date.* and
// term.* keys; nil when lang is not one of the languages loaded, or Load
// failed.
func (s *Strings) Locale(lang string) *date.Locale { return s.locales[lang] }

// makeLocale makes the Locale of lang, whose date keys are all checked.
func (s *Strings) makeLocale(lang string) *date.Locale {
	msgs := s.msgs[lang]
	l := &date.Locale{
		YearPattern:  msgs["date.year"].text,
		MonthPattern: msgs["date.month"].text,
		DayPattern:   msgs["date.day"].text,
		Approximate:  msgs["date.approximate"].text,
		Uncertain:    msgs["date.uncertain"].text,
		Years:        s.counter(lang, "term.years"),
		Months:       s.counter(lang, "term.months"),
		Days:         s.counter(lang, "term.days"),
	}
	copy(l.MonthNames[:], msgs["date.months"].list)
	copy(l.MonthNamesWithDay[:], msgs["date.months_with_day"].list)
	copy(l.MonthNamesApproximate[:], msgs["date.months_approximate"].list)
	return l
}

// counter writes a number with the counted text key: "7 years". The
// number is written without grouping, as terms always were ("1500 days").
func (s *Strings) counter(lang, key string) func(int) string {
	return func(n int) string {
		return strings.ReplaceAll(s.Text(lang, key, n), "{n}", strconv.Itoa(n))
	}
}
