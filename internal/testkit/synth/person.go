package synth

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
)

// AsOf is the site date the generated registers are made for: no event is
// later than the day before it.
var AsOf = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)

var (
	lastDay    = AsOf.AddDate(0, 0, -1)
	firstStart = time.Date(2008, 1, 1, 0, 0, 0, 0, time.UTC)
	lastStart  = time.Date(2024, 9, 30, 0, 0, 0, 0, time.UTC)
)

// Markers put into text that must never be published, so that tests can
// search the output for them.
const (
	// InternalMarker starts every internal: note, followed by the person's
	// number: "SYNTH-INTERNAL-42".
	InternalMarker = "SYNTH-INTERNAL-"
	// DraftMarker starts the name of every draft person, followed by the
	// person's number: "SYNTH-DRAFT-37".
	DraftMarker = "SYNTH-DRAFT-"
)

// Which people are drafts, have photos or die is fixed by their number, so
// that every register of 100 or more people has all three.
func isDraft(i int) bool     { return i%100 == 37 }
func hasPhoto(i int) bool    { return i%100 == 11 }
func dies(i int) bool        { return i%100 == 53 }
func reversed(i int) bool    { return i%20 == 7 } // events written newest first
func noGender(i int) bool    { return i%10 == 4 }
func otherGender(i int) bool { return i%200 == 99 }

// rng returns person i's random source: each person depends only on the
// seed and its number, so people can be generated in any order.
func rng(seed uint64, i int) *rand.Rand {
	return rand.New(rand.NewPCG(seed, uint64(i)*0x9E3779B97F4A7C15+1))
}

// identity is who a person is: drawn first from the person's random
// source, so that slugs can be assigned before the rest is generated.
type identity struct {
	female bool
	name   name3 // full name in en (Latin), ru and kk
	first  name3
	last   name3
}

func pickName(r *rand.Rand, female, russian bool) (first, last name3) {
	var firsts, lasts []name3
	switch {
	case female && russian:
		firsts, lasts = femaleRussian, surnamesRussian
	case female:
		firsts, lasts = femaleKazakh, surnamesKazakh
	case russian:
		firsts, lasts = maleRussian, surnamesRussian
	default:
		firsts, lasts = maleKazakh, surnamesKazakh
	}
	first, last = firsts[r.IntN(len(firsts))], lasts[r.IntN(len(lasts))]
	if female && (strings.HasSuffix(last.en, "ov") || strings.HasSuffix(last.en, "ev") || strings.HasSuffix(last.en, "in")) {
		last = name3{last.en + "a", last.ru + "а", last.kk + "а"}
	}
	return first, last
}

func drawIdentity(r *rand.Rand, i int) identity {
	female := r.IntN(100) < 30
	first, last := pickName(r, female, r.IntN(100) < 18)
	id := identity{female: female, first: first, last: last,
		name: name3{first.en + " " + last.en, first.ru + " " + last.ru, first.kk + " " + last.kk}}
	if isDraft(i) {
		m := DraftMarker + strconv.Itoa(i)
		id.name = name3{m, m, m}
	}
	return id
}

// personFiles are the files of one person's folder, by file name.
type personFiles map[string][]byte

// ev is one event before it is written.
type ev struct {
	day                        time.Time
	date                       string
	typ                        string
	text                       name3
	court, judge, facility, by string
	kind                       string // sentence kind, "" for no sentence
	term                       term
	amount                     name3
	sources                    []string
	internal                   string
}

// person generates everything about person i except the identity, which
// the caller drew from the same r.
func (g *generator) person(r *rand.Rand, i int, id identity) personFiles {
	p := &pgen{g: g, r: r, i: i, id: id}
	p.pr = pronouns["male"]
	if id.female {
		p.pr = pronouns["female"]
	}
	files := personFiles{"case.yaml": p.caseYAML()}
	if isDraft(i) || r.IntN(100) < 82 {
		files["profile.md"] = p.profile("en")
		if r.IntN(100) < 35 {
			files["profile.ru.md"] = p.profile("ru")
		}
		if r.IntN(100) < 6 {
			files["profile.kk.md"] = p.profile("kk")
		}
	}
	if hasPhoto(i) {
		files["photo.jpg"] = photo(r)
	}
	return files
}

// pgen holds what one person's generation has decided so far.
type pgen struct {
	g       *generator
	r       *rand.Rand
	i       int
	id      identity
	pr      pron
	region  int // index in regions, -1 for none
	city    int // index in regions of where the case is
	occ     name3
	hasOcc  bool
	charges []charge
	events  []*ev
	kk      bool // event texts in Kazakh too
	first   *ev  // the first event, for the profile
}

func (p *pgen) chance(pct int) bool { return p.r.IntN(100) < pct }

func (p *pgen) caseYAML() []byte {
	r := p.r
	var y yw
	id := p.id
	y.line(0, "name: ", scalar(id.name.en))
	switch {
	case isDraft(p.i):
		y.line(0, "names: {ru: ", flowScalar(id.name.ru), "}")
	case p.chance(8):
		y.line(0, "names: {ru: ", flowScalar(id.name.ru), "}") // no Kazakh yet
	default:
		y.line(0, "names:")
		y.line(2, "ru: ", scalar(id.name.ru))
		y.line(2, "kk: ", scalar(id.name.kk))
	}
	if aliases := p.aliases(); len(aliases) > 0 {
		y.line(0, "aliases: ", flowList(aliases))
	}
	if p.chance(85) {
		y.line(0, "born: ", partialDate(r, randomDay(r, time.Date(1950, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2003, 12, 31, 0, 0, 0, 0, time.UTC)), time.Time{}))
	}
	switch {
	case otherGender(p.i):
		y.line(0, "gender: other")
	case noGender(p.i):
	case id.female:
		y.line(0, "gender: female")
	default:
		y.line(0, "gender: male")
	}
	p.region = -1
	if p.chance(95) {
		p.region = r.IntN(len(regions))
		y.line(0, "region: ", scalar(regions[p.region].name.en))
	}
	if p.chance(85) {
		p.occ, p.hasOcc = occupations[r.IntN(len(occupations))], true
		o := p.occ
		if p.chance(20) {
			o = name3{en: o.en} // plain text, default language only
		}
		y.text(0, "occupation", o)
	}
	if n := weighted(r, 35, 45, 15, 5); n > 0 {
		y.line(0, "groups: ", flowList(pickDistinct(r, groups, n)))
	}
	if n := weighted(r, 15, 40, 35, 10); n > 0 {
		y.line(0, "tags: ", flowList(pickDistinct(r, tags, n)))
	}
	for range 1 + weighted(r, 55, 30, 15) {
		c := charges[r.IntN(len(charges))]
		if !slices.ContainsFunc(p.charges, func(x charge) bool { return x.article == c.article }) {
			p.charges = append(p.charges, c)
		}
	}
	y.line(0, "charges:")
	for _, c := range p.charges {
		t := c.text
		if !p.chance(70) {
			t.kk = ""
		}
		if p.chance(80) {
			y.line(2, "- article: ", scalar(c.article))
			y.text(4, "text", t)
		} else {
			y.text(2, "- text", t)
		}
	}
	p.kk = p.chance(30)
	p.timeline()
	y.line(0, "events:")
	events := p.events
	if reversed(p.i) {
		events = slices.Clone(events)
		slices.Reverse(events)
	}
	for _, e := range events {
		y.line(2, "- date: ", e.date)
		y.line(4, "type: ", e.typ)
		y.text(4, "text", e.text)
		if e.court != "" {
			y.line(4, "court: ", scalar(e.court))
		}
		if e.judge != "" {
			y.line(4, "judge: ", scalar(e.judge))
		}
		if e.facility != "" {
			y.line(4, "facility: ", scalar(e.facility))
		}
		if e.by != "" {
			y.line(4, "by: ", scalar(e.by))
		}
		if e.kind != "" {
			var parts []string
			parts = append(parts, "kind: "+e.kind)
			if !e.term.zero() {
				parts = append(parts, "term: "+e.term.String())
			}
			if e.amount.en != "" {
				y.line(4, "sentence:")
				for _, part := range parts {
					y.line(6, part)
				}
				y.text(6, "amount", e.amount)
			} else {
				y.line(4, "sentence: {", strings.Join(parts, ", "), "}")
			}
		}
		y.line(4, "sources: ", flowList(e.sources))
		if e.internal != "" {
			y.line(4, "internal: {note: ", flowScalar(e.internal), "}")
		}
	}
	if isDraft(p.i) {
		y.line(0, "draft: true")
	}
	if p.chance(15) || isDraft(p.i) {
		y.line(0, "internal:")
		y.line(2, "notes: ", scalar(fmt.Sprintf("%s%d: the lawyer's phone is +7 701 %03d %04d; the family asked not to publish the address.", InternalMarker, p.i, r.IntN(1000), r.IntN(10000))))
		y.line(2, "contacts:")
		y.line(4, "- ", scalar(fmt.Sprintf("%s%d sister, Telegram @%s%d", InternalMarker, p.i, strings.ToLower(p.id.first.en), r.IntN(1000))))
		if p.chance(50) {
			y.line(2, "unverified: true")
		}
	}
	return y.Bytes()
}

// aliases are other spellings of the Latin name.
func (p *pgen) aliases() []string {
	if isDraft(p.i) {
		return []string{DraftMarker + strconv.Itoa(p.i) + " alias"}
	}
	if !p.chance(28) {
		return nil
	}
	n := p.id.name.en
	var out []string
	variant := strings.NewReplacer("Q", "K", "q", "k", "Zh", "J", "zh", "j", "kh", "h", "Kh", "H", "y", "i").Replace(n)
	if variant != n {
		out = append(out, variant)
	}
	if p.chance(40) {
		out = append(out, p.id.last.en+" "+p.id.first.en)
	}
	if len(out) == 0 {
		out = append(out, strings.ToUpper(p.id.last.en)+" "+p.id.first.en)
	}
	return out
}

// timeline makes the person's events: a case that runs from detention (or
// a lesser restraint) through trial and sentence to appeal, transfer and
// release, with recognition as a political prisoner for most.
func (p *pgen) timeline() {
	r, g := p.r, p.g
	ri := p.region
	if ri < 0 {
		ri = r.IntN(len(regions)) // the case is somewhere even if the file does not say
	}
	p.city = ri
	cur := randomDayWeighted(r, firstStart, lastStart)
	step := func(minDays, maxDays int) { cur = cur.AddDate(0, 0, minDays+r.IntN(maxDays-minDays+1)) }
	add := func(typ string) *ev {
		e := &ev{day: cur, typ: typ}
		p.events = append(p.events, e)
		return e
	}
	court := func(e *ev, c name3) {
		if p.chance(88) {
			e.court = c.en
		}
		if p.chance(45) {
			e.judge = g.world.judges[r.IntN(len(g.world.judges))]
		}
		e.text = p.fill(e, c)
	}
	sizo := g.world.facilities[g.world.sizo[ri]].name
	colony := g.world.facilities[g.world.colonies[ri][r.IntN(2)]].name

	var custody bool
	var custodyFrom, custodyTo time.Time
	switch x := r.IntN(100); {
	case x < 72:
		e := add("detained")
		custody, custodyFrom = true, cur
		if p.chance(60) {
			e.facility = sizo.en
		}
		if p.chance(75) {
			step(1, 14)
			add("charged")
		}
	case x < 82:
		add("charged")
		step(3, 30)
		add("house_arrest")
	case x < 90:
		add("restricted")
		step(1, 20)
		add("charged")
	default:
		add("charged")
		step(10, 120)
		e := add("detained")
		custody, custodyFrom = true, cur
		e.facility = sizo.en
	}
	start := p.events[0].day

	step(30, 300)
	if !p.chance(90) {
		if custody {
			add("released.pretrial")
			custody, custodyTo = false, cur
		} else if p.chance(50) {
			add("acquitted")
			court(p.events[len(p.events)-1], g.world.courts[ri][0])
		}
	} else {
		if p.chance(65) {
			court(add("trial"), g.world.courts[ri][r.IntN(2)])
			step(7, 90)
		}
		e := add("sentenced")
		if custody {
			e.kind = pickKind(r, 70, 12, 6, 3, 4, 3, 2)
		} else {
			e.kind = pickKind(r, 30, 30, 15, 10, 10, 0, 5)
		}
		e.term = pickTerm(r, e.kind)
		if e.kind == "fine" {
			n := 100 + r.IntN(900)
			e.amount = name3{fmt.Sprintf("%d,000 tenge", n), fmt.Sprintf("%d 000 тенге", n), fmt.Sprintf("%d 000 теңге", n)}
		}
		court(e, g.world.courts[ri][r.IntN(2)])
		switch e.kind {
		case "prison":
			if !custody {
				custody, custodyFrom = true, cur
			}
		default:
			if custody {
				custody, custodyTo = false, cur
			}
		}
		if e.kind == "prison" {
			sentenceDay, t := cur, e.term
			if p.chance(55) {
				step(30, 120)
				a := add("appeal")
				if p.chance(4) {
					a.typ = "acquitted"
					court(a, regions[ri].appeal)
					custody, custodyTo = false, cur
				} else if p.chance(25) && t.y > 1 {
					a.kind, a.term = "prison", term{y: t.y - 1 - r.IntN(t.y/2+1)/2, m: t.m}
					if a.term.zero() {
						a.term = term{m: 6}
					}
					t = a.term
					a.typ = "appeal.reduced"
					court(a, regions[ri].appeal)
					a.typ = "appeal"
				} else {
					court(a, regions[ri].appeal)
				}
			}
			if custody && p.chance(65) {
				step(14, 90)
				e := add("transferred")
				e.facility = colony.en
			}
			if custody {
				end := sentenceDay.AddDate(t.y, t.m, t.d)
				x := r.IntN(100)
				if dies(p.i) {
					x = 99 // held until death
				}
				switch {
				case x < 30:
					if end.Before(lastDay) {
						cur = end
					} else {
						step(60, 900)
					}
					add("released")
				case x < 38:
					step(90, 1200)
					add("pardoned")
				case x < 43:
					step(90, 1200)
					add("amnesty")
				case x < 50:
					step(180, 1000)
					e := add("sentence_changed")
					e.kind, e.term = "restricted_freedom", term{y: 1 + r.IntN(3)}
				}
				if x < 50 {
					custody, custodyTo = false, cur
				}
			}
		} else if p.chance(30) {
			step(30, 120)
			court(add("appeal"), regions[ri].appeal)
		}
	}
	if custody {
		custodyTo = lastDay
	}
	if custodyTo.IsZero() && !custodyFrom.IsZero() {
		custodyTo = custodyFrom.AddDate(0, 2, 0)
	}

	// Recognition, and for a few, removal from the list.
	if p.chance(85) {
		cur = start
		step(15, 240)
		e := add("recognized")
		e.by = recognizers[r.IntN(len(recognizers))].en
		if p.chance(6) {
			step(120, 1500)
			d := add("delisted")
			d.by = e.by
		}
	}

	// Extra events, up to a target of 3 to 15 in all.
	target := 3 + r.IntN(6) + r.IntN(7)
	for tries := 0; len(p.events) < target && tries < 40; tries++ {
		var typ string
		if !custodyFrom.IsZero() && p.chance(75) {
			typ = []string{"hunger_strike", "health", "confirmed", "transferred", "other"}[r.IntN(5)]
			cur = randomDay(r, custodyFrom, custodyTo)
		} else {
			typ = "other"
			cur = randomDay(r, start, lastDay)
		}
		e := add(typ)
		if typ == "transferred" {
			e.facility = g.world.facilities[g.world.colonies[r.IntN(len(regions))][r.IntN(2)]].name.en
		}
	}

	// Into date order; nothing after the site's date.
	slices.SortStableFunc(p.events, func(a, b *ev) int { return a.day.Compare(b.day) })
	p.events = slices.DeleteFunc(p.events, func(e *ev) bool { return e.day.After(lastDay) })
	if len(p.events) > 15 {
		p.events = p.events[:15]
	}
	if dies(p.i) {
		// A death ends the record: in custody or after it.
		from := p.events[min(2, len(p.events)-1)].day.AddDate(0, 0, 1)
		cur = lastDay
		if from.Before(lastDay) {
			cur = randomDay(r, from, lastDay)
		}
		p.events = slices.DeleteFunc(p.events, func(e *ev) bool { return e.day.After(cur) })
		if len(p.events) == 15 {
			p.events = p.events[:14]
		}
		held := false
		for _, e := range p.events {
			switch e.typ {
			case "detained", "transferred":
				held = held || e.typ == "detained"
			case "sentenced", "appeal", "sentence_changed":
				if e.kind != "" {
					held = e.kind == "prison"
				}
			case "released", "released.pretrial", "acquitted", "pardoned", "amnesty":
				held = false
			}
		}
		e := add("died")
		if !held {
			e.typ = "died.free"
		} else if p.chance(50) {
			e.facility = colony.en
		}
	}

	// Texts, dates and sources.
	var prev time.Time
	for n, e := range p.events {
		if e.text.en == "" {
			e.text = p.fill(e, name3{})
		}
		e.typ, _, _ = strings.Cut(e.typ, ".")
		e.date = partialDate(r, e.day, prev)
		prev = firstDay(e.date)
		e.sources = g.world.cite(r, e.day, weighted(r, 0, 60, 30, 10))
		if p.chance(3) {
			e.internal = fmt.Sprintf("%s%d: event %d, source not yet confirmed by the family", InternalMarker, p.i, n)
		}
	}
	p.first = p.events[0]
}

// fill writes an event's text from the templates.
func (p *pgen) fill(e *ev, court name3) name3 {
	r := p.r
	key := e.typ
	if e.typ == "sentenced" {
		key += "." + e.kind
	}
	list := eventTexts[key]
	t := list[r.IntN(len(list))]
	city := regions[p.city].city
	vars := map[string]map[string]string{"en": {"city": city.en}, "ru": {"city": city.ru}, "kk": {"city": city.kk}}
	set := func(k string, n name3) {
		vars["en"][k], vars["ru"][k], vars["kk"][k] = n.en, n.ru, n.kk
	}
	set("court", court)
	if court.ru == "" {
		set("court", name3{court.en, court.en, court.en})
	}
	if court.kk == "" {
		vars["kk"]["court"] = vars["ru"]["court"]
	}
	if len(p.charges) > 0 {
		c := p.charges[r.IntN(len(p.charges))].text
		if c.kk == "" {
			c.kk = c.ru
		}
		set("charge", c)
	}
	ruCase := "dat"
	switch e.typ {
	case "appeal.reduced":
		ruCase = "gen"
	case "sentence_changed":
		ruCase = "acc"
	}
	set("term", name3{e.term.en(), e.term.ru(ruCase), e.term.kk()})
	set("amount", e.amount)
	for _, rec := range recognizers {
		if rec.en == e.by {
			if rec.kk == "" {
				rec.kk = rec.ru
			}
			set("by", rec)
		}
	}
	out := name3{
		expand(t.en, p.pr.en, vars["en"]),
		expand(t.ru, p.pr.ru, vars["ru"]),
		expand(t.kk, nil, vars["kk"]),
	}
	if p.chance(25) {
		a := addenda[r.IntN(len(addenda))]
		out.en += " " + expand(a.en, p.pr.en, nil)
		out.ru += " " + expand(a.ru, p.pr.ru, nil)
		out.kk += " " + a.kk
	}
	if !p.kk && !p.chance(5) {
		out.kk = ""
	}
	if p.chance(4) {
		out.ru = "" // not yet translated
		out.kk = ""
	}
	return out
}

// profile writes profile.md (en) or profile.<lang>.md.
func (p *pgen) profile(lang string) []byte {
	r := p.r
	pick := func(n name3) string {
		switch lang {
		case "ru":
			return n.ru
		case "kk":
			return n.kk
		}
		return n.en
	}
	pr := p.pr.en
	if lang == "ru" {
		pr = p.pr.ru
	} else if lang == "kk" {
		pr = nil
	}
	var b strings.Builder
	name := pick(p.id.name)
	var where string
	if p.region >= 0 {
		where = pick(regions[p.region].name)
	}
	year := p.first.day.Year()
	switch lang {
	case "ru":
		fmt.Fprintf(&b, "**%s**", name)
		if p.hasOcc {
			fmt.Fprintf(&b, " — %s", p.occ.ru)
		}
		if where != "" {
			fmt.Fprintf(&b, " (%s)", where)
		}
		fmt.Fprintf(&b, ". Преследование началось в %d году", year)
		if len(p.charges) > 0 {
			fmt.Fprintf(&b, "; обвинение: %s", p.charges[0].text.ru)
		}
		b.WriteString(".")
	case "kk":
		fmt.Fprintf(&b, "**%s**", name)
		if p.hasOcc && p.occ.kk != "" {
			fmt.Fprintf(&b, " — %s", p.occ.kk)
		}
		if where != "" {
			fmt.Fprintf(&b, " (%s)", where)
		}
		fmt.Fprintf(&b, ". Қудалау %d жылы басталды.", year)
	default:
		fmt.Fprintf(&b, "**%s**", name)
		if p.hasOcc {
			fmt.Fprintf(&b, " is a %s", p.occ.en)
		} else {
			b.WriteString(" is a resident")
		}
		if where != "" {
			fmt.Fprintf(&b, " from %s", where)
		}
		fmt.Fprintf(&b, ". The case against %s began in %d", pr["him"], year)
		if len(p.charges) > 0 {
			fmt.Fprintf(&b, ", with a charge of %s", p.charges[0].text.en)
		}
		b.WriteString(".")
	}
	b.WriteString("\n\n")
	for k := range 2 + r.IntN(3) {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(expand(pick(profileFiller[r.IntN(len(profileFiller))]), pr, nil))
	}
	b.WriteString("\n\n")
	if p.chance(25) {
		for _, e := range p.events[:min(3, len(p.events))] {
			fmt.Fprintf(&b, "- %s: %s\n", e.date, pick(e.text))
		}
		b.WriteString("\n")
	}
	src := p.g.world.byID[p.first.sources[0]]
	url := src.url
	if url == "" {
		url = "https://example.org/reports/" + strconv.Itoa(p.i)
	}
	switch lang {
	case "ru":
		fmt.Fprintf(&b, "Сведения взяты из [публикации %s](%s) и других источников, указанных у каждого события. Порядок ведения реестра описан на странице [о методологии](/methodology/).\n", src.publisher, url)
	case "kk":
		fmt.Fprintf(&b, "Мәліметтер [%s жарияланымынан](%s) және әр оқиғаға көрсетілген басқа дереккөздерден алынды.\n", src.publisher, url)
	default:
		fmt.Fprintf(&b, "This account draws on [a report by %s](%s) and the other sources cited under each event; the [methodology](/methodology/) explains how the status shown is derived. Corrections backed by a published source are welcome.\n", src.publisher, url)
	}
	if isDraft(p.i) {
		fmt.Fprintf(&b, "\n%s%d is a draft and must never be published.\n", DraftMarker, p.i)
	}
	return []byte(b.String())
}

// weighted returns k with probability weights[k]/sum.
func weighted(r *rand.Rand, weights ...int) int {
	sum := 0
	for _, w := range weights {
		sum += w
	}
	x := r.IntN(sum)
	for k, w := range weights {
		if x < w {
			return k
		}
		x -= w
	}
	return len(weights) - 1
}

func pickKind(r *rand.Rand, weights ...int) string {
	return []string{"prison", "restricted_freedom", "suspended", "probation", "fine", "time_served", "none"}[weighted(r, weights...)]
}

func pickTerm(r *rand.Rand, kind string) term {
	switch kind {
	case "prison":
		if r.IntN(100) < 4 {
			return term{m: 6 + r.IntN(6)}
		}
		t := term{y: 1 + weighted(r, 8, 12, 14, 14, 12, 10, 9, 7, 5, 4, 3, 2)}
		if r.IntN(100) < 30 {
			t.m = 6
		}
		return t
	case "restricted_freedom":
		return term{y: 1 + r.IntN(5)}
	case "suspended":
		return term{y: 1 + r.IntN(4)}
	case "probation":
		if r.IntN(4) == 0 {
			return term{m: 6}
		}
		return term{y: 1 + r.IntN(3)}
	}
	return term{}
}

func pickDistinct(r *rand.Rand, list []name3, n int) []string {
	var out []string
	for len(out) < n {
		if s := list[r.IntN(len(list))].en; !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// randomDay is a uniformly random day in [from, to].
func randomDay(r *rand.Rand, from, to time.Time) time.Time {
	days := int(to.Sub(from).Hours()/24) + 1
	if days <= 1 {
		return from
	}
	return from.AddDate(0, 0, r.IntN(days))
}

// randomDayWeighted favours recent days, as registers hold more recent
// cases.
func randomDayWeighted(r *rand.Rand, from, to time.Time) time.Time {
	days := int(to.Sub(from).Hours()/24) + 1
	x := 1 - r.Float64()*r.Float64() // density rising towards 1
	return from.AddDate(0, 0, int(x*float64(days-1)))
}

// partialDate writes day with a random precision and qualifier, keeping
// its earliest day on or after notBefore so that events stay in the order
// they happened.
func partialDate(r *rand.Rand, day, notBefore time.Time) string {
	var s string
	switch x := r.IntN(100); {
	case x < 75:
		s = day.Format(time.DateOnly)
	case x < 92:
		s = day.Format("2006-01")
	default:
		s = day.Format("2006")
	}
	if firstDay(s).Before(notBefore) {
		s = day.Format(time.DateOnly)
	}
	switch x := r.IntN(100); {
	case x < 7:
		s += "~"
	case x < 12:
		s += "?"
	}
	return s
}

// firstDay is the earliest day a written date allows.
func firstDay(s string) time.Time {
	s = strings.TrimRight(s, "~?")
	for _, layout := range []string{time.DateOnly, "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	panic("synth: bad date " + s)
}
