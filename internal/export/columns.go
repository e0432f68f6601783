package export

import (
	"strings"

	"github.com/tizim/tizim/internal/content"
)

// Column documents one column of a CSV file or one field of the JSON file,
// for the /data/ page. The files are written from the same lists, and tests
// check that every column and field is documented, in order.
type Column struct {
	Name        string // as in the file: "since", "name_ru", "people[].events[].date"
	Type        string // what the values look like, e.g. "date (EDTF)", "true or false"
	Description string // one English sentence
	Example     string // a value as it appears in the file; "" for objects and arrays of objects
}

// File documents one file of the export.
type File struct {
	Name        string   // JSONFile, PeopleFile or EventsFile
	Description string   // one English sentence
	Notes       []string // English paragraphs on reading the file, shown before its columns
	Columns     []Column
}

// Types of values, shared by the descriptions so the page reads uniformly.
const (
	typeText     = "text"
	typeEDTF     = "date (EDTF)"
	typeDay      = "date (YYYY-MM-DD)"
	typeBool     = "true or false"
	typeList     = "list, separated by \" | \""
	typeString   = "string"
	typeStrings  = "array of strings"
	typeBoolean  = "boolean"
	typeNumber   = "number"
	typeObjects  = "array of objects"
	typeObject   = "object"
	typeByLang   = "object: language → text"
	typeByName   = "object: name → text"
	typeNameLang = "object: name → language → text"
)

// Files documents the three files of a site with the given languages (the
// first is the default), in the order the /data/ page lists them; gzipped
// when the site publishes them compressed (see [GzipAbove]).
func Files(langs []string, gzipped bool) []File {
	files := files(langs)
	if gzipped {
		for i := range files {
			files[i].Name += ".gz"
			files[i].Notes = append([]string{gzipNote}, files[i].Notes...)
		}
	}
	return files
}

// gzipNote tells how to read a compressed file.
const gzipNote = "The file is compressed with gzip, to a fraction of its size. Most data tools read it as it is (pandas' read_csv and read_json, R's read.csv, DuckDB, zcat | jq); gunzip, 7-Zip or a double-click on macOS unpacks it."

func files(langs []string) []File {
	return []File{
		{
			Name:        JSONFile,
			Description: "The whole register in one JSON document: the site, every published person with all their names, facts, derived status and dated events, and the sources those events cite.",
			Notes: []string{
				"The file is one JSON document in UTF-8, with each person and each source on a line of its own, so that versions of it can be compared line by line. People are ordered by slug and each person's events by date, as on their page. Fields with no value are left out, except status, listed and on_current_list, which are always there. Dates are written as in the case files (EDTF): YYYY, YYYY-MM or YYYY-MM-DD, followed by ~ when approximate or ? when uncertain. Text given in several languages is an object by language code, the default language included.",
			},
			Columns: JSONFields(),
		},
		{
			Name:        PeopleFile,
			Description: "One row per published person, with their derived status as of the register's date.",
			Notes:       csvNotes,
			Columns:     PeopleColumns(langs),
		},
		{
			Name:        EventsFile,
			Description: "One row per event of every published person: each step of each case, dated and cited.",
			Notes:       csvNotes,
			Columns:     EventColumns(langs),
		},
	}
}

// csvNotes explain what both CSV files share; see [WritePeopleCSV] for why
// there is no byte order mark.
var csvNotes = []string{
	"The file is CSV as in RFC 4180 (comma-separated, lines ending in CRLF), encoded in UTF-8 without a byte order mark. To open it in Excel, use Data > From Text/CSV and choose the file origin \"65001: Unicode (UTF-8)\" and the comma as delimiter; opening it by double-click shows Cyrillic text garbled, or everything in one column where the list separator is a semicolon. LibreOffice and Google Sheets ask for or detect the encoding.",
	"An empty cell means the case file does not give the value. Lists are joined with \" | \"; register.json keeps them as lists. Text in other languages is empty where no translation is given.",
	"A cell that would begin with =, +, -, @, a tab or a carriage return begins with an apostrophe (') instead, so that a spreadsheet cannot run it as a formula; remove the apostrophe if you process the file with other tools.",
}

// PeopleColumns documents register.csv for a site with the given languages
// (the first is the default): a name_<lang> column for each other language.
func PeopleColumns(langs content.Languages) []Column {
	def := langs.Default()
	cols := []Column{
		{"slug", typeText, "The person's identifier: the folder of their case file and the last part of their page's address.", "qairat-qylyshev"},
		{"url", typeText, "The address of the person's page in the default language.", "https://tizim.github.io/kazakhstan/people/qairat-qylyshev/"},
		{"name", typeText, "The person's name as the case file gives it, in the default language (" + def + ").", "Qairat Qylyshev"},
	}
	for _, lang := range langs[1:] {
		cols = append(cols, Column{"name_" + lang, typeText, "The person's name in " + lang + ", where the case file gives it.", nameExample[lang]})
	}
	return append(cols,
		Column{"aliases", typeList, "Other names and spellings the person is known by.", "Kairat Kylyshev"},
		Column{"born", typeEDTF, "The date of birth, as precisely as it is known.", "1961?"},
		Column{"gender", typeText, "One of " + strings.Join(genders, ", ") + ".", "male"},
		Column{"region", typeText, "The region of the case, in the default language.", "Almaty"},
		Column{"occupation", typeText, "The person's occupation, in the default language.", "civil rights activist"},
		Column{"groups", typeList, "The movements, parties or collective cases the person is counted with.", "Street Party"},
		Column{"tags", typeList, "Topics of the case.", "banned opposition | protests"},
		Column{"charges", typeList, "The criminal charges in the default language, each preceded by its article and a colon where the article is known.", "art. 405: participation in a banned organization"},
		Column{"status", typeText, "The person's status as of the register's date, derived from the events: one of " + statuses() + ".", "imprisoned"},
		Column{"since", typeEDTF, "The date of the event that began the status; empty when the person has been free throughout the record.", "2020-07~"},
		Column{"listed", typeBool, "Whether the person is on the register as of its date: recognized as a political prisoner and not delisted since.", "true"},
		Column{"on_current_list", typeBool, "Whether the person is on the current list: listed, with a status that the site counts as current (such as imprisoned).", "true"},
		Column{"last_confirmed", typeEDTF, "The date of the latest event that set the status or showed it still holds (a confirmation, a recognition, a hearing, a transfer...); empty when the person was never anything but free.", "2024-05~"},
		Column{"unconfirmed", typeBool, "Whether the person is held by the record but last_confirmed is older than the site's confirm_within (register.json gives it): counted apart from those confirmed in custody.", "false"},
		Column{"term_ended", typeBool, "Whether the person's prison term has run out with no release recorded and no report since showing them held: no longer counted as imprisoned.", "false"},
		Column{"facility", typeText, "Where the person is held, when in custody and the place is known.", "SIZO No. 1, Almaty"},
		Column{"sentence_kind", typeText, "The kind of the latest sentence as of the register's date: one of " + sentenceKinds() + ".", "prison"},
		Column{"sentence_term", typeText, "The sentence's term in years (y), months (m) and days (d).", "7y"},
		Column{"sentence_amount", typeText, "The sentence's amount, such as the sum of a fine, in the default language.", "100,000 tenge"},
		Column{"sentence_date", typeEDTF, "The date of the event that passed or last changed the sentence.", "2020-07~"},
		Column{"term_end", typeEDTF, "When a prison term would end, counted from sentence_date; if it has passed while the status is still imprisoned, the record may be out of date.", "2027-07~"},
		Column{"first_detained", typeEDTF, "The date of the person's earliest detained event.", "2020-03-02"},
		Column{"sources", typeList, "The ids of the sources the person's events cite, in order of first citation; register.json describes each source.", "rferl-2020-09-08-register-update"},
	)
}

// EventColumns documents events.csv for a site with the given languages
// (the first is the default): a text_<lang> column for each other language.
func EventColumns(langs content.Languages) []Column {
	def := langs.Default()
	cols := []Column{
		{"slug", typeText, "The slug of the person the event belongs to, as in register.csv.", "qairat-qylyshev"},
		{"name", typeText, "The person's name in the default language.", "Qairat Qylyshev"},
		{"date", typeEDTF, "The event's date as the case file gives it: YYYY, YYYY-MM or YYYY-MM-DD, with ~ when approximate or ? when uncertain.", "2020-07~"},
		{"date_first", typeDay, "The earliest day the date allows, from which the event counts.", "2020-07-01"},
		{"date_last", typeDay, "The latest day the date allows.", "2020-07-31"},
		{"precision", typeText, "How precise the date is: year, month or day.", "month"},
		{"approximate", typeBool, "Whether the date is approximate (written with ~).", "true"},
		{"uncertain", typeBool, "Whether the date is uncertain (written with ?).", "false"},
		{"type", typeText, "The kind of event: one of " + eventTypes() + ".", "sentenced"},
		{"text", typeText, "What happened, in the default language (" + def + ").", "A district court sentences her to seven years."},
	}
	for _, lang := range langs[1:] {
		cols = append(cols, Column{"text_" + lang, typeText, "What happened, in " + lang + ", where a translation is given.", textExample[lang]})
	}
	return append(cols,
		Column{"court", typeText, "The court, on court events.", "Medeu District Court"},
		Column{"judge", typeText, "The judge, where known.", "J. Judge"},
		Column{"facility", typeText, "The place of detention the event names.", "SIZO No. 1, Almaty"},
		Column{"by", typeText, "Who recognized the person as a political prisoner or delisted them, on recognized and delisted events.", "Ar.Rukh.Khaq"},
		Column{"sentence_kind", typeText, "The kind of sentence the event passes or changes to: one of " + sentenceKinds() + ".", "prison"},
		Column{"sentence_term", typeText, "The sentence's term in years (y), months (m) and days (d).", "7y"},
		Column{"sentence_amount", typeText, "The sentence's amount, such as the sum of a fine, in the default language.", "100,000 tenge"},
		Column{"sources", typeList, "The ids of the sources the event cites; register.json describes each source.", "rferl-2020-10-01-zakirova-appeal"},
	)
}

// JSONFields documents register.json, field by field: a name is the path
// from the top of the document, with [] for the elements of an array.
// Objects by language or by name are documented as a whole.
func JSONFields() []Column {
	return []Column{
		{"title", typeByLang, "The register's title in each language.", `{"en":"Political Prisoners of Kazakhstan"}`},
		{"description", typeByLang, "The register's description in each language.", `{"en":"A public register of people in Kazakhstan recognized as political prisoners."}`},
		{"as_of", typeString, "The register's date (YYYY-MM-DD): statuses, listed and the current list are as of this day; cite the data with it.", `"2021-06-01"`},
		{"confirm_within", typeString, "How recent the latest confirmation of a status in custody must be for the person to count as confirmed in custody, as a term (1y: a year).", `"1y"`},
		{"counts", typeObject, "The headline figures as of as_of; the current list is the sum of the last three.", ""},
		{"counts.current", typeNumber, "How many people are on the current list.", "9"},
		{"counts.confirmed", typeNumber, "Of them, how many are confirmed in custody within confirm_within: the figure to quote.", "3"},
		{"counts.unconfirmed", typeNumber, "Of them, how many are held by the record but not confirmed within confirm_within (people[].unconfirmed).", "4"},
		{"counts.term_ended", typeNumber, "Of them, how many have a prison term that ran out with no release recorded (people[].term_ended).", "2"},
		{"languages", typeStrings, "The site's language codes, the default language first.", `["en","ru","kk"]`},
		{"license", typeString, "The licence of the data, as the site states it.", `"CC BY 4.0"`},
		{"base_url", typeString, "The site's address.", `"https://tizim.github.io/kazakhstan/"`},
		{"translations", typeNameLang, "The names that the data writes in the default language (regions, groups, tags, courts, judges, facilities, recognizing bodies) in the other languages, where the site gives them.", `{"Almaty":{"ru":"Алматы"}}`},
		{"facilities", typeByName, "The postal address of each place where someone in the data is held, where the site gives it, so that readers can write to them.", `{"SIZO No. 1, Almaty":"Almaty, 1 Example St."}`},
		{"people", typeObjects, "Every published person, by slug.", ""},
		{"people[].slug", typeString, "The person's identifier: the folder of their case file and the last part of their page's address.", `"qairat-qylyshev"`},
		{"people[].url", typeString, "The address of the person's page in the default language.", `"https://tizim.github.io/kazakhstan/people/qairat-qylyshev/"`},
		{"people[].name", typeString, "The person's name as the case file gives it, in the default language.", `"Qairat Qylyshev"`},
		{"people[].names", typeByLang, "The person's name in every language given, the default language included.", `{"en":"Qairat Qylyshev","ru":"Кайрат Кылышев"}`},
		{"people[].aliases", typeStrings, "Other names and spellings the person is known by.", `["Kairat Kylyshev"]`},
		{"people[].born", typeEDTF, "The date of birth, as precisely as it is known.", `"1961?"`},
		{"people[].gender", typeString, "One of " + strings.Join(genders, ", ") + ".", `"male"`},
		{"people[].region", typeString, "The region of the case, in the default language (see translations).", `"Almaty"`},
		{"people[].occupation", typeByLang, "The person's occupation in each language given.", `{"en":"teacher","ru":"учительница"}`},
		{"people[].groups", typeStrings, "The movements, parties or collective cases the person is counted with, in the default language.", `["Street Party"]`},
		{"people[].tags", typeStrings, "Topics of the case, in the default language.", `["protests"]`},
		{"people[].charges", typeObjects, "The criminal charges as the sources word them.", ""},
		{"people[].charges[].article", typeString, "The article of the criminal code, where known.", `"art. 106"`},
		{"people[].charges[].text", typeByLang, "The charge in each language given.", `{"en":"inflicting bodily harm"}`},
		{"people[].status", typeString, "The person's status as of as_of, derived from the events: one of " + statuses() + ".", `"imprisoned"`},
		{"people[].since", typeEDTF, "The date of the event that began the status; absent when the person has been free throughout the record.", `"2020-07~"`},
		{"people[].listed", typeBoolean, "Whether the person is on the register as of as_of: recognized as a political prisoner and not delisted since.", "true"},
		{"people[].on_current_list", typeBoolean, "Whether the person is on the current list: listed, with a status that the site counts as current (such as imprisoned).", "true"},
		{"people[].last_confirmed", typeEDTF, "The date of the latest event that set the status or showed it still holds (a confirmation, a recognition, a hearing, a transfer...); absent when the person was never anything but free.", `"2024-05~"`},
		{"people[].unconfirmed", typeBoolean, "Whether the person is held by the record but last_confirmed is older than confirm_within: counted apart from those confirmed in custody.", "false"},
		{"people[].term_ended", typeBoolean, "Whether the person's prison term has run out with no release recorded and no report since showing them held: no longer counted as imprisoned.", "false"},
		{"people[].facility", typeString, "Where the person is held, when in custody and the place is known.", `"SIZO No. 1, Almaty"`},
		{"people[].sentence", typeObject, "The latest sentence as of as_of.", ""},
		{"people[].sentence.date", typeEDTF, "The date of the event that passed or last changed the sentence.", `"2020-07~"`},
		{"people[].sentence.kind", typeString, "One of " + sentenceKinds() + ".", `"prison"`},
		{"people[].sentence.term", typeString, "The term in years (y), months (m) and days (d).", `"7y"`},
		{"people[].sentence.amount", typeByLang, "The amount, such as the sum of a fine, in each language given.", `{"en":"100,000 tenge"}`},
		{"people[].term_end", typeEDTF, "When a prison term would end, counted from the sentence's date; if it has passed while the status is still imprisoned, the record may be out of date.", `"2027-07~"`},
		{"people[].events", typeObjects, "The person's events, by date and then by order in the case file.", ""},
		{"people[].events[].date", typeEDTF, "The event's date; the event counts from the earliest day it allows.", `"2020-07~"`},
		{"people[].events[].type", typeString, "The kind of event: one of " + eventTypes() + ".", `"sentenced"`},
		{"people[].events[].text", typeByLang, "What happened, in each language given.", `{"en":"A district court sentences her to seven years."}`},
		{"people[].events[].court", typeString, "The court, on court events.", `"Medeu District Court"`},
		{"people[].events[].judge", typeString, "The judge, where known.", `"J. Judge"`},
		{"people[].events[].facility", typeString, "The place of detention the event names.", `"SIZO No. 1, Almaty"`},
		{"people[].events[].by", typeString, "Who recognized the person as a political prisoner or delisted them.", `"Ar.Rukh.Khaq"`},
		{"people[].events[].sentence", typeObject, "The sentence the event passes or changes to, on sentenced, sentence_changed and appeal events.", ""},
		{"people[].events[].sentence.kind", typeString, "One of " + sentenceKinds() + ".", `"prison"`},
		{"people[].events[].sentence.term", typeString, "The term in years (y), months (m) and days (d).", `"7y"`},
		{"people[].events[].sentence.amount", typeByLang, "The amount, such as the sum of a fine, in each language given.", `{"en":"100,000 tenge"}`},
		{"people[].events[].sources", typeStrings, "The ids of the sources the event cites (see sources).", `["rferl-2020-10-01-zakirova-appeal"]`},
		{"sources", typeObjects, "The sources that published people's events cite, by id.", ""},
		{"sources[].id", typeString, "The source's id, as events cite it.", `"rferl-2020-10-01-zakirova-appeal"`},
		{"sources[].title", typeString, "The title; in square brackets when the register describes an untitled source.", `"Kazakh Court Upholds Prison Sentence Of Well-Known Rights Activist"`},
		{"sources[].publisher", typeString, "Who published it.", `"RFE/RL"`},
		{"sources[].date", typeEDTF, "When it was published.", `"2020-10-01?"`},
		{"sources[].url", typeString, "Where it was published.", `"https://www.rferl.org/a/30869337.html"`},
		{"sources[].archive_url", typeString, "An archived copy.", `"https://web.archive.org/web/2020/https://www.rferl.org/a/30869337.html"`},
		{"sources[].lang", typeString, "The language the source is written in.", `"en"`},
	}
}

// genders are the format's values of gender, which package content does
// not export.
var genders = []string{"female", "male", "other"}

// Examples of the other-language columns for the languages of the shipped
// site; other languages get no example.
var (
	nameExample = map[string]string{"ru": "Кайрат Кылышев", "kk": "Қайрат Қылышев"}
	textExample = map[string]string{"ru": "Районный суд приговаривает её к семи годам.", "kk": "Аудандық сот оған жеті жыл бас бостандығынан айыру жазасын тағайындайды."}
)

func statuses() string      { return joinCodes(content.Statuses) }
func sentenceKinds() string { return joinCodes(content.SentenceKinds) }
func eventTypes() string    { return joinCodes(content.EventTypes) }

func joinCodes[T ~string](xs []T) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = string(x)
	}
	return strings.Join(s, ", ")
}
