package synth

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"time"
)

// world is what every person shares: courts and facilities by region, and
// the pool of sources. It depends only on the seed.
type world struct {
	courts     [][2]name3 // by region: two courts of first instance
	sizo       []int      // by region: index in facilities of the pretrial detention centre
	colonies   [][2]int   // by region: indices in facilities of two penal colonies
	facilities []facility
	sources    []*source // sorted by day, then id
	byID       map[string]*source
	judges     []string
}

type facility struct {
	name    name3
	address string // "" when site.yaml gives none
}

type source struct {
	id, title, publisher, url, archive, lang, date string
	day                                            time.Time // earliest day of date
	pub                                            int
}

// sourcesPerPublisher makes a pool of a few hundred sources, eight files of
// this many.
const sourcesPerPublisher = 50

var colonyCodes = []name3{{"EC-166", "ЕЦ-166", "ЕЦ-166"}, {"AK-159", "АК-159", "АК-159"}, {"LA-155", "ЛА-155", "ЛА-155"}, {"UK-161", "УК-161", "УК-161"}, {"ZhD-158", "ЖД-158", "ЖД-158"}, {"KA-168", "КА-168", "КА-168"}}

var sourceTopics = []string{"detention", "verdict", "appeal", "hunger-strike", "register-update", "trial", "release", "charges", "health", "protest", "search", "statement"}

func newWorld(seed uint64) *world {
	r := rand.New(rand.NewPCG(seed, 0x5157_4f52_4c44)) // "WORLD"
	w := &world{}
	for ri, reg := range regions {
		c := reg.city
		w.courts = append(w.courts, [2]name3{
			{"Specialized Inter-District Criminal Court, " + c.en, "Специализированный межрайонный суд по уголовным делам, " + c.ru, c.kk + " қаласының қылмыстық істер жөніндегі мамандандырылған ауданаралық соты"},
			{c.en + " District Court No. 2", "Районный суд № 2 города " + c.ru, c.kk + " қаласының № 2 аудандық соты"},
		})
		addr := func() string {
			if r.IntN(100) < 15 {
				return ""
			}
			return fmt.Sprintf("%s %d, %s %s, Kazakhstan", reg.street, 1+r.IntN(180), c.en, reg.postcode)
		}
		w.sizo = append(w.sizo, len(w.facilities))
		n := 1 + ri%3
		w.facilities = append(w.facilities, facility{name3{
			fmt.Sprintf("Pretrial Detention Centre No. %d, %s", n, c.en),
			fmt.Sprintf("Следственный изолятор № %d, %s", n, c.ru),
			fmt.Sprintf("№ %d тергеу изоляторы, %s", n, c.kk),
		}, addr()})
		var cols [2]int
		for k := range 2 {
			code := colonyCodes[(ri+k)%len(colonyCodes)]
			num := ri*2 + k + 1
			cols[k] = len(w.facilities)
			w.facilities = append(w.facilities, facility{name3{
				fmt.Sprintf("Penal Colony %s/%d, %s", code.en, num, c.en),
				fmt.Sprintf("Исправительная колония %s/%d, %s", code.ru, num, c.ru),
				fmt.Sprintf("%s/%d түзеу колониясы, %s", code.kk, num, c.kk),
			}, addr()})
		}
		w.colonies = append(w.colonies, cols)
	}
	for range 40 {
		female := r.IntN(3) == 0
		first, last := pickName(r, female, r.IntN(5) == 0)
		w.judges = append(w.judges, first.en[:1]+". "+last.en)
	}

	seen := make(map[string]bool)
	for pi, p := range publishers {
		for k := range sourcesPerPublisher {
			s := &source{pub: pi, publisher: p.name, lang: p.langs[r.IntN(len(p.langs))]}
			s.day = randomDay(r, time.Date(2008, 1, 1, 0, 0, 0, 0, time.UTC), lastDay)
			s.date = s.day.Format(time.DateOnly)
			switch x := r.IntN(100); {
			case x < 5:
				s.date = s.day.Format("2006-01")
				s.day = time.Date(s.day.Year(), s.day.Month(), 1, 0, 0, 0, 0, time.UTC)
			case x < 13:
				s.date += "?"
			}
			topic := sourceTopics[r.IntN(len(sourceTopics))]
			s.id = p.id + "-" + s.day.Format(time.DateOnly) + "-" + topic
			if seen[s.id] {
				s.id += fmt.Sprint("-", k)
			}
			seen[s.id] = true
			city := regions[r.IntN(len(regions))].city
			hs := headlines[s.lang]
			title := hs[r.IntN(len(hs))]
			if strings.Contains(title, "%s") {
				title = fmt.Sprintf(title, map[string]string{"en": city.en, "ru": city.ru, "kk": city.kk}[s.lang])
			}
			if s.lang != "en" && r.IntN(4) == 0 {
				// A maintainer's English description of a report.
				title = "[" + headlines["en"][r.IntN(len(headlines["en"]))] + "]"
				title = strings.ReplaceAll(title, "%s", city.en)
			}
			s.title = title
			if r.IntN(100) >= 4 {
				s.url = fmt.Sprintf("https://%s/%d/%02d/%s-%d", p.domain, s.day.Year(), s.day.Month(), topic, 10000+r.IntN(90000))
				if r.IntN(100) < 30 {
					s.archive = "https://web.archive.org/web/" + s.day.Format("20060102") + "000000/" + s.url
				}
			}
			w.sources = append(w.sources, s)
		}
	}
	slices.SortStableFunc(w.sources, func(a, b *source) int {
		if c := a.day.Compare(b.day); c != 0 {
			return c
		}
		return strings.Compare(a.id, b.id)
	})
	w.byID = make(map[string]*source)
	for _, s := range w.sources {
		w.byID[s.id] = s
	}
	return w
}

// cite picks n distinct sources dated on or shortly after day, as reports
// of an event are.
func (w *world) cite(r *rand.Rand, day time.Time, n int) []string {
	i := sort.Search(len(w.sources), func(i int) bool { return !w.sources[i].day.Before(day) })
	var out []string
	for tries := 0; len(out) < n && tries < 20; tries++ {
		j := i + r.IntN(6)
		if r.IntN(10) == 0 || j >= len(w.sources) {
			j = r.IntN(len(w.sources)) // a general report: a register update
		}
		if id := w.sources[j].id; !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// siteYAML writes content/site.yaml.
func (w *world) siteYAML() []byte {
	var y yw
	y.line(0, "# A synthetic register made by internal/synth for benchmarks and scale tests.")
	y.line(0, "# Every person, court and source in it is made up.")
	y.line(0, "title:")
	y.line(2, "en: Synthetic Register of Political Prisoners")
	y.line(2, "ru: Синтетический реестр политзаключённых")
	y.line(2, "kk: Саяси тұтқындардың синтетикалық тізілімі")
	y.line(0, "description:")
	y.line(2, "en: A made-up register in the content format, generated to measure how the site generator scales.")
	y.line(2, "ru: Вымышленный реестр в формате содержимого, созданный для измерения масштабируемости генератора сайта.")
	y.line(2, "kk: Сайт генераторының ауқымын өлшеу үшін жасалған ойдан шығарылған тізілім.")
	y.line(0, "base_url: https://example.org/register/")
	y.line(0, "languages: [en, ru, kk]")
	y.line(0, "current_statuses: [pretrial_detention, house_arrest, imprisoned]")
	y.line(0, "license: CC BY 4.0")
	y.line(0)
	y.line(0, "facilities:")
	for _, f := range w.facilities {
		if f.address != "" {
			y.line(2, scalar(f.name.en), ":")
			y.line(4, "address: ", scalar(f.address))
		}
	}
	y.line(0)
	y.line(0, "translations:")
	seen := make(map[string]bool)
	entry := func(n name3) {
		if seen[n.en] || n.ru == "" && n.kk == "" {
			return
		}
		seen[n.en] = true
		var parts []string
		if n.ru != "" {
			parts = append(parts, "ru: "+flowScalar(n.ru))
		}
		if n.kk != "" {
			parts = append(parts, "kk: "+flowScalar(n.kk))
		}
		y.line(2, scalar(n.en), ": {", strings.Join(parts, ", "), "}")
	}
	section := func(title string, names []name3) {
		y.line(2, "# ", title)
		for _, n := range names {
			entry(n)
		}
	}
	var regionNames, courtNames, facilityNames []name3
	for ri, reg := range regions {
		regionNames = append(regionNames, reg.name)
		for k, c := range w.courts[ri] {
			if (ri+k)%7 == 3 {
				c.kk = "" // some names wait for a translation
			}
			courtNames = append(courtNames, c)
		}
		courtNames = append(courtNames, reg.appeal)
	}
	for _, f := range w.facilities {
		facilityNames = append(facilityNames, f.name)
	}
	section("regions", regionNames)
	section("groups", groups)
	section("tags", tags)
	section("courts", courtNames)
	section("facilities", facilityNames)
	section("who recognizes", recognizers)
	return y.Bytes()
}

// sourceFiles writes content/sources/<publisher>.yaml, each in date order.
func (w *world) sourceFiles() map[string][]byte {
	out := make(map[string][]byte)
	for pi, p := range publishers {
		var y yw
		y.line(0, "# Reports published by ", p.name, " (made up).")
		for _, s := range w.sources {
			if s.pub != pi {
				continue
			}
			y.line(0)
			y.line(0, "- id: ", s.id)
			y.line(2, "title: ", scalar(s.title))
			y.line(2, "publisher: ", scalar(s.publisher))
			y.line(2, "date: ", s.date)
			if s.url != "" {
				y.line(2, "url: ", s.url)
			}
			if s.archive != "" {
				y.line(2, "archive_url: ", s.archive)
			}
			y.line(2, "lang: ", s.lang)
		}
		out["content/sources/"+p.id+".yaml"] = y.Bytes()
	}
	return out
}

// pages are the site's free pages.
var pages = map[string]string{
	"content/pages/about.md": `---
title: About this register
description: A synthetic register, generated for benchmarks.
menu: 10
---
This register is **made up**: internal/synth generates it in the content format to measure how tizim scales. Its people, courts and sources do not exist.

## How it is made

Every person has a case file with dated events, most have a profile, and a few have a photo. See the [methodology](/methodology/) for how statuses are derived.
`,
	"content/pages/about.ru.md": `---
title: О реестре
description: Синтетический реестр для замеров производительности.
menu: 10
---
Этот реестр **вымышлен**: его создаёт internal/synth в формате содержимого, чтобы измерить масштабируемость tizim. Его люди, суды и источники не существуют.
`,
	"content/pages/methodology.md": `---
title: Methodology
description: How the synthetic register derives statuses.
menu: 20
---
Statuses follow the content format's table: a detention puts a person in pretrial detention, a prison sentence makes them imprisoned, and a release, pardon, amnesty or acquittal frees them.

| event | status after it |
|---|---|
| detained | pretrial detention |
| sentenced (prison) | imprisoned |
| released | free |
`,
}
