package search

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"path"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
)

// manifestJSON is the manifest as search.js reads it.
type manifestJSON struct {
	V  string          `json:"v"`
	L  []string        `json:"l"`
	St []string        `json:"st"`
	F  FoldTable       `json:"f"`
	S  [][2]json.Token `json:"s"`
	P  [][2]json.Token `json:"p"`
}

// client mirrors what search.js does with the files: which file a query
// fetches and which records it finds there. Keep it in step with pick()
// and find() in static/search.js.
type client struct {
	files map[string][]byte
	dir   string
	man   manifestJSON
	sums  map[string]int
}

func newClient(t testing.TB, files map[string][]byte, dir string) *client {
	t.Helper()
	c := &client{files: files, dir: dir, sums: make(map[string]int)}
	if err := json.Unmarshal(files[path.Join(dir, "index.json")], &c.man); err != nil {
		t.Fatal(err)
	}
	for i, p := range c.man.P {
		c.sums[p[0].(string)] = i
	}
	return c
}

// lookup returns the file that holds the match strings starting with q,
// and whether it holds all of them.
func (c *client) lookup(q string) (file string, full, ok bool) {
	if i, ok := c.sums[q]; ok {
		return fmt.Sprintf("%s/p/%d.json", c.dir, i), false, true
	}
	// The last leaf whose key is <= q, in JavaScript's string order.
	i := sort.Search(len(c.man.S), func(i int) bool { return cmp16(c.man.S[i][0].(string), q) > 0 }) - 1
	if i < 0 {
		return "", false, false
	}
	return fmt.Sprintf("%s/s/%d.json", c.dir, i), true, true
}

// pick chooses the one file a query fetches: the smallest complete leaf
// of a single token; else the smallest complete leaf of a pair whose
// first token is finished (not being typed); else the summary with the
// longest key. open says the last token may still be being typed.
func (c *client) pick(toks []string, open bool) (file string, full bool) {
	type cand struct {
		file       string
		rank, size int
	}
	var best *cand
	try := func(q string, pair bool) {
		f, full, ok := c.lookup(q)
		if !ok {
			return
		}
		x := cand{f, 0, len(c.files[f])}
		switch {
		case full && !pair:
			x.rank = 3
		case full:
			x.rank = 2
		default:
			x.rank, x.size = 1, -len(q)
		}
		if best == nil || x.rank > best.rank || x.rank == best.rank && x.size < best.size {
			best = &x
		}
	}
	// Each token once: "Nurlan Nurlan" is one token twice, not a pair.
	var uniq []string
	for _, t := range toks {
		if !slices.Contains(uniq, t) {
			uniq = append(uniq, t)
		}
	}
	toks = uniq
	for i, a := range toks {
		try(a, false)
		if open && i == len(toks)-1 {
			continue
		}
		for j, b := range toks {
			if i != j {
				try(a+" "+b, true)
			}
		}
	}
	if best == nil {
		return "", true
	}
	return best.file, best.rank > 1
}

// slugs returns the slugs in a shard file.
func slugsIn(t testing.TB, data []byte) []string {
	var recs [][]json.RawMessage
	if err := json.Unmarshal(data, &recs); err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(recs))
	for i, r := range recs {
		json.Unmarshal(r[0], &out[i])
	}
	return out
}

// manifestTable returns the fold table as a built manifest publishes it.
func manifestTable(t testing.TB) FoldTable {
	files, err := Index(smallDocs(), Options{Langs: []string{"en", "ru", "kk"}})
	if err != nil {
		t.Fatal(err)
	}
	return newClient(t, files, "search").man.F
}

func smallDocs() []Doc {
	return []Doc{
		{Slug: "sanavar-zakirova", Names: map[string]string{"en": "Sanavar Zakirova", "ru": "Санавар Закирова"}, Status: "imprisoned", Current: true},
		{Slug: "qairat-qylyshev", Names: map[string]string{"en": "Qairat Qylyshev", "ru": "Кайрат Кылышев", "kk": "Қайрат Қылышев"}, Search: []string{"Kairat Kylyshev"}, Status: "pretrial_detention", Current: true},
		{Slug: "mukhtar-dzhakishev", Names: map[string]string{"en": "Mukhtar Dzhakishev", "ru": "Мухтар Джакишев", "kk": "Мұхтар Жәкішев"}, Search: []string{"Mukhtar Zhakishev"}, Status: "free"},
		{Slug: "zhanbolat-mamai", Names: map[string]string{"en": "Zhanbolat Mamai", "ru": "Жанболат Мамай", "kk": "Жанболат Мамай"}, Search: []string{"Janbolat"}, Status: "restricted"},
		{Slug: "max-bokaev", Names: map[string]string{"en": "Max Bokayev", "ru": "Макс Бокаев", "kk": "Макс Боқаев"}, Search: []string{"Talgat Ayan", "Maxim"}, Status: "free"},
		{Slug: "erlan-erimbetov", Names: map[string]string{"en": "Yerlan Yerimbetov", "ru": "Ерлан Еримбетов", "kk": "Ерлан Ерімбетов"}, Status: "died"},
		{Slug: "a-b", Names: map[string]string{"en": "<A & B>"}, Status: "free"},
	}
}

func TestIndexSmall(t *testing.T) {
	langs := []string{"en", "ru", "kk"}
	files, err := Index(smallDocs(), Options{Langs: langs})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 {
		t.Fatalf("files %v, want the manifest and one shard", slices.Sorted(maps.Keys(files)))
	}
	got := string(files["search/s/0.json"])
	for _, want := range []string{
		`["sanavar-zakirova",["Sanavar Zakirova","Санавар Закирова"],9]`,
		`["qairat-qylyshev",["Qairat Qylyshev","Кайрат Кылышев","Қайрат Қылышев"],13]`,
		`["zhanbolat-mamai",["Zhanbolat Mamai","Жанболат Мамай",1],16]`,
		`["max-bokaev",["Max Bokayev","Макс Бокаев","Макс Боқаев"],4,"aian maksim talgat"]`,
		`["erlan-erimbetov",["Yerlan Yerimbetov","Ерлан Еримбетов","Ерлан Ерімбетов"],0]`,
		`["a-b",["<A & B>"],4]`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("shard lacks %s:\n%s", want, got)
		}
	}
	c := newClient(t, files, "search")
	if !slices.Equal(c.man.St, []string{"died", "free", "imprisoned", "pretrial_detention", "restricted"}) {
		t.Errorf("statuses %q", c.man.St)
	}
	if len(c.man.V) != 12 || !slices.Equal(c.man.L, langs) {
		t.Errorf("manifest %+v", c.man)
	}
	if f, full := c.pick(Tokens("Qylyshev"), true); f != "search/s/0.json" || !full {
		t.Errorf("pick = %q, %v", f, full)
	}

	again, _ := Index(smallDocs(), Options{Langs: langs})
	for name, data := range files {
		if !bytes.Equal(data, again[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func TestIndexErrors(t *testing.T) {
	for _, c := range []struct {
		docs []Doc
		opt  Options
		want string
	}{
		{nil, Options{}, "no languages"},
		{[]Doc{{Names: map[string]string{"en": "X"}}}, Options{Langs: []string{"en"}}, "no slug"},
		{[]Doc{{Slug: "x", Names: map[string]string{"ru": "X"}}}, Options{Langs: []string{"en", "ru"}}, "no name in en"},
		{[]Doc{{Slug: "x", Names: map[string]string{"en": "X"}}, {Slug: "x", Names: map[string]string{"en": "Y"}}}, Options{Langs: []string{"en"}}, `slug "x" is repeated`},
		{[]Doc{{Slug: "x", Names: map[string]string{"en": strings.Repeat("X", 100)}}}, Options{Langs: []string{"en"}, MaxShard: 50}, "larger than a shard"},
	} {
		_, err := Index(c.docs, c.opt)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Index: error %v, want %q", err, c.want)
		}
	}
}

// A small shard size forces every kind of split on a small register.
func TestIndexSplit(t *testing.T) {
	docs := synthetic(3000, 7)
	files, err := Index(docs, Options{Langs: []string{"en", "ru", "kk"}, Dir: "x", MaxShard: 4000})
	if err != nil {
		t.Fatal(err)
	}
	c := newClient(t, files, "x")
	if len(c.man.S) < 50 || len(c.man.P) < 20 {
		t.Fatalf("%d leaves, %d summaries: the test should split more", len(c.man.S), len(c.man.P))
	}
	checkIndex(t, c, docs, 4000)
}

// checkIndex checks shard sizes and that full names find their person in
// a complete shard, unless so many people share the name that they cannot
// fit one.
func checkIndex(t *testing.T, c *client, docs []Doc, maxShard int) {
	t.Helper()
	for name, data := range c.files {
		if !strings.HasSuffix(name, "index.json") && len(data) > maxShard {
			t.Errorf("%s: %d bytes > %d", name, len(data), maxShard)
		}
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	common := 0
	defer func() { t.Logf("%d of 500 full names too common for a complete shard", common) }()
	for range 500 {
		d := docs[rnd.IntN(len(docs))]
		name := d.Names[c.man.L[rnd.IntN(len(c.man.L))]]
		if name == "" {
			name = d.Names[c.man.L[0]]
		}
		toks := Tokens(name)
		if rnd.IntN(2) == 0 {
			slices.Reverse(toks)
		}
		f, full := c.pick(toks, false)
		if !full {
			shared := 0
			for _, o := range docs {
				if hasTokens(o, toks) {
					rec, _ := record(o, c.man.L, c.man.St)
					shared += len(rec) + 1
				}
			}
			common++
			if shared < maxShard/4 {
				t.Errorf("%q: no complete shard (picked %s), though the people of that name take only %d bytes", name, f, shared)
			}
			continue
		}
		if !slices.Contains(slugsIn(t, c.files[f]), d.Slug) {
			t.Errorf("%q: %s not in %s", name, d.Slug, f)
		}
	}
}

// hasTokens reports whether d has all the tokens toks.
func hasTokens(d Doc, toks []string) bool {
	var all []string
	for _, n := range d.Names {
		all = append(all, Tokens(n)...)
	}
	for _, n := range d.Search {
		all = append(all, Tokens(n)...)
	}
	for _, t := range toks {
		if !slices.Contains(all, t) {
			return false
		}
	}
	return true
}

// The bound: one search over 100,000 people downloads at most
// 300 KB (uncompressed).
func TestIndex100k(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an index of 100,000 people")
	}
	const people, limit = 100_000, 300_000
	docs := synthetic(people, 1)
	start := time.Now()
	files, err := Index(docs, Options{Langs: []string{"en", "ru", "kk"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("built in %v", time.Since(start).Round(time.Millisecond))
	c := newClient(t, files, "search")
	manifest := len(files["search/index.json"])
	total, largest, largestName := 0, 0, ""
	for name, data := range files {
		total += len(data)
		if !strings.HasSuffix(name, "index.json") && len(data) > largest {
			largest, largestName = len(data), name
		}
	}
	t.Logf("%d people: %d files, %d leaves, %d summaries; manifest %d bytes; largest shard %s %d bytes; total %d bytes",
		people, len(files), len(c.man.S), len(c.man.P), manifest, largestName, largest, total)
	t.Logf("gzipped: manifest %d bytes, largest shard %d bytes", gzipSize(files["search/index.json"]), gzipSize(files[largestName]))
	if manifest+largest > limit {
		t.Errorf("manifest %d + largest shard %d > %d bytes", manifest, largest, limit)
	}
	checkIndex(t, c, docs, DefaultMaxShard)

	// Every query of one or two letters, and the names of sampled people
	// with their prefixes, fetch the manifest and one shard.
	worst, worstQ := 0, ""
	query := func(q string) {
		f, _ := c.pick(Tokens(q), true)
		if n := manifest + len(files[f]); n > worst {
			worst, worstQ = n, q
		}
	}
	letters := []rune("abcdefghijklmnopqrstuvwxyzабвгдежзийклмнопрстуфхцчшщыэюяәғқңөұүһі")
	for _, a := range letters {
		query(string(a))
		for _, b := range letters {
			query(string(a) + string(b))
		}
	}
	rnd := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		d := docs[rnd.IntN(len(docs))]
		name := []rune(d.Names["kk"])
		for n := 1; n <= len(name); n++ {
			query(string(name[:n]))
		}
	}
	t.Logf("largest single-query download: %d bytes (query %q)", worst, worstQ)
	if worst > limit {
		t.Errorf("query %q downloads %d bytes > %d", worstQ, worst, limit)
	}
}

func gzipSize(data []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(data)
	w.Close()
	return buf.Len()
}

func TestCmp16(t *testing.T) {
	// In UTF-16, U+10000 and above (surrogate pairs, D800–DFFF) sort
	// before U+E000–U+FFFF; in UTF-8 after.
	ordered := []string{"", "a", "a b", "ab", "b", "z", "é", "я", "\ud7ff", "𐐀", "𝐀", "\ue000", "ｚ", "\uffff"}
	for i, a := range ordered {
		for j, b := range ordered {
			if got, want := cmp16(a, b), cmp.Compare(i, j); got != want {
				t.Errorf("cmp16(%q, %q) = %d, want %d", a, b, got, want)
			}
			if got, want := cmp16(a, b), slices.Compare(utf16Units(a), utf16Units(b)); got != want {
				t.Errorf("cmp16(%q, %q) = %d, UTF-16 order %d", a, b, got, want)
			}
		}
	}
}

func TestDocs(t *testing.T) {
	r := &register.Register{
		Site: &content.Settings{Languages: []string{"en", "ru", "kk"}},
		People: []*register.Person{
			{Person: &content.Person{Slug: "qairat-qylyshev", Name: "Qairat Qylyshev",
				Names: map[string]string{"kk": "Қайрат Қылышев", "ru": "Кайрат Кылышев"}, Aliases: []string{"Kaireke"}},
				Status: content.Imprisoned, Current: true},
			{Person: &content.Person{Slug: "x", Name: "X"}, Status: content.Free},
		},
	}
	got := Docs(r)
	want := []Doc{
		{Slug: "qairat-qylyshev", Names: map[string]string{"en": "Qairat Qylyshev", "ru": "Кайрат Кылышев", "kk": "Қайрат Қылышев"},
			Search: []string{"Қайрат Қылышев", "Кайрат Кылышев", "Kaireke"}, Status: "imprisoned", Current: true, Confirmation: "confirmed"},
		{Slug: "x", Names: map[string]string{"en": "X", "ru": "X", "kk": "X"}, Status: "free"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Docs = %+v\nwant %+v", got, want)
	}
}

// synthetic returns n deterministic people with Kazakh and Russian names
// in Latin and Cyrillic, some with patronymics and aliases, names chosen
// with a skew like real ones (a few very common first names).
func synthetic(n int, seed uint64) []Doc {
	rnd := rand.New(rand.NewPCG(seed, 42))
	skew := func(l int) int { f := rnd.Float64(); return int(float64(l) * f * f) }
	statuses := []string{"imprisoned", "pretrial_detention", "house_arrest", "restricted", "free", "died"}
	docs := make([]Doc, n)
	for i := range docs {
		female := rnd.IntN(3) == 0
		var first string
		switch {
		case rnd.IntN(5) == 0:
			first = ruFirst[skew(len(ruFirst))]
		case female:
			first = kkFemale[skew(len(kkFemale))]
		default:
			first = kkMale[skew(len(kkMale))]
		}
		var last string
		if rnd.IntN(4) == 0 {
			last = ruSurnames[skew(len(ruSurnames))]
		} else {
			root := kkMale[skew(len(kkMale))]
			if rnd.IntN(3) == 0 {
				root = surnameRoots[skew(len(surnameRoots))]
			}
			last = root + []string{"ов", "ев", "ұлы", "баев", "ин"}[rnd.IntN(5)]
			if strings.HasSuffix(last, "ұлы") && female {
				last = strings.TrimSuffix(last, "ұлы") + "қызы"
			} else if female && !strings.HasSuffix(last, "ұлы") {
				last += "а"
			}
		}
		kk := first + " " + last
		if rnd.IntN(4) == 0 {
			father := kkMale[skew(len(kkMale))]
			if female {
				kk += " " + father + "қызы"
			} else {
				kk += " " + father + "ұлы"
			}
		}
		ru := toRussian(kk)
		en := romanize(kk, rnd)
		d := Doc{
			Slug:    fmt.Sprintf("%s-%d", strings.ReplaceAll(strings.ToLower(Fold(en)), " ", "-"), i),
			Names:   map[string]string{"en": en, "ru": ru, "kk": kk},
			Status:  statuses[rnd.IntN(len(statuses))],
			Current: rnd.IntN(3) == 0,
		}
		if rnd.IntN(3) == 0 {
			d.Search = append(d.Search, romanize(kk, rnd)) // another spelling
		}
		if rnd.IntN(10) == 0 {
			d.Search = append(d.Search, surnameRoots[rnd.IntN(len(surnameRoots))]+"ова") // a former name
		}
		docs[i] = d
	}
	return docs
}

func toRussian(s string) string {
	return strings.NewReplacer("ә", "а", "ғ", "г", "қ", "к", "ң", "н", "ө", "о", "ұ", "у", "ү", "у", "һ", "х", "і", "и",
		"Ә", "А", "Ғ", "Г", "Қ", "К", "Ң", "Н", "Ө", "О", "Ұ", "У", "Ү", "У", "Һ", "Х", "І", "И").Replace(s)
}

// romanize writes Kazakh Cyrillic in Latin, choosing among the spellings
// that passports and news use.
func romanize(s string, rnd *rand.Rand) string {
	pick := func(v ...string) string { return v[rnd.IntN(len(v))] }
	var b strings.Builder
	start := true
	for _, r := range strings.ToLower(s) {
		var v string
		switch r {
		case 'а':
			v = "a"
		case 'ә':
			v = pick("a", "ä", "a")
		case 'б':
			v = "b"
		case 'в':
			v = "v"
		case 'г':
			v = "g"
		case 'ғ':
			v = pick("g", "gh", "ğ")
		case 'д':
			v = "d"
		case 'ё':
			v = pick("e", "yo", "ë")
		case 'е':
			v = "e"
			if start {
				v = pick("e", "ye")
			}
		case 'ж':
			v = pick("zh", "zh", "j")
		case 'з':
			v = "z"
		case 'и':
			v = "i"
		case 'й':
			v = pick("i", "y")
		case 'к':
			v = "k"
		case 'қ':
			v = pick("q", "k")
		case 'л':
			v = "l"
		case 'м':
			v = "m"
		case 'н':
			v = "n"
		case 'ң':
			v = pick("n", "ng", "ñ")
		case 'о':
			v = "o"
		case 'ө':
			v = pick("o", "ö")
		case 'п':
			v = "p"
		case 'р':
			v = "r"
		case 'с':
			v = "s"
		case 'т':
			v = "t"
		case 'у', 'ұ':
			v = "u"
		case 'ү':
			v = pick("u", "ü")
		case 'ф':
			v = "f"
		case 'х':
			v = pick("kh", "h")
		case 'һ':
			v = "h"
		case 'ц':
			v = "ts"
		case 'ч':
			v = "ch"
		case 'ш':
			v = "sh"
		case 'щ':
			v = "shch"
		case 'ы':
			v = "y"
		case 'і':
			v = "i"
		case 'э':
			v = "e"
		case 'ю':
			v = "yu"
		case 'я':
			v = "ya"
		case 'ь', 'ъ':
		default:
			v = string(r)
		}
		if start && v != "" {
			first, size := utf8.DecodeRuneInString(v)
			v = string(unicode.ToUpper(first)) + v[size:]
		}
		b.WriteString(v)
		start = r == ' '
	}
	return b.String()
}

var kkMale = strings.Fields(`Нұрлан Қайрат Ерлан Асқар Бауыржан Дәурен Ержан Серік Марат Талғат Жанболат Мұхтар Айдос Арман
	Нұржан Бақыт Ғани Дархан Ескендір Мақсат Қанат Болат Абай Әлібек Бекзат Ербол Жандос Жасұлан Мейрам Нұрсұлтан
	Олжас Рүстем Санжар Темірлан Үмбет Халел Шыңғыс Ілияс Азамат Алмас Амангелді Бағдат Бейбіт Берік Ғалым Дастан
	Дулат Ерасыл Ерғали Есен Жақсылық Жұмабек Зейнолла Исатай Кенжебек Қуаныш Мұрат Мәди Нұрлыбек Оңдасын Рахым
	Сағынтай Сейіт Сұлтан Тоқтар Төлеген Ұлан Хамит Шоқан Ырысбек Әділ Әлихан Айбек Ақжол Бекжан Ғабит Дәулет Ермек`)

var kkFemale = strings.Fields(`Айгүл Сәуле Гүлнар Жанар Динара Мәдина Әсел Айжан Ләззат Назерке Гүлмира Ақмарал Бибігүл Салтанат
	Роза Мөлдір Айнұр Жұлдыз Шынар Ұлжан Зәуре Қарлығаш Меруерт Аружан Томирис Ақбота Дана Әйгерім Гүлжан Сандуғаш`)

var ruFirst = strings.Fields(`Александр Сергей Андрей Дмитрий Алексей Максим Юрий Виктор Владимир Игорь Ольга Елена Наталья
	Татьяна Ирина Светлана Фёдор Николай Евгений Ильяс Вячеслав Анна Мария Екатерина Юлия Михаил Павел Роман`)

var ruSurnames = strings.Fields(`Иванов Петров Смирнов Кузнецов Попов Васильев Соколов Михайлов Новиков Фёдоров Морозов Волков
	Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров Зайцев Соловьёв
	Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов Александров Дмитриев Королёв Гусев Киселёв Ильин
	Максимов Поляков Сорокин Виноградов Ковалёв Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Щербаков`)

var surnameRoots = strings.Fields(`Жәкіш Қылыш Боқа Ерімбет Ибра Закир Сәрсен Тоқа Назарбай Омар Сейітқали Мұқан Есім Тәжі Жұмаш
	Әбіш Байжан Құдайберген Сыздық Оспан Мырзахмет Тұрсын Әбдірахман Ахмет Байтұрсын Дүйсен Нұрмағамбет Қасым Шәкен Әуез
	Сапар Темір Жақып Қожахмет Ысқақ Бекмұхамбет Тілеуберді Құнанбай Әбдіхали Серікбай Маман Кәрім Рысқұл Дәулетқали`)
