package search

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// meet lists spellings that must fold alike: each group is one name.
var meet = [][]string{
	{"Қылышев", "Qylyshev", "Kylyshev", "Kilishev", "КЫЛЫШЕВ", "Кылышев"},
	{"Закирова", "Zakirova", "ZAKIROVA"},
	{"Жанболат", "Zhanbolat", "Janbolat", "Жанболат"},
	{"Мұхтар Жәкішев", "Mukhtar Dzhakishev", "Mukhtar Zhakishev", "Мухтар Джакишев", "Muhtar Jakishev", "Mukhtar  Zhäkishev"},
	{"Әбішев", "Abishev", "Äbişev", "Ábіshev"},
	{"Ескендір", "Eskendir", "Yeskendir"},
	{"Ерімбетов", "Erimbetov", "Yerimbetov", "Еримбетов"},
	{"Боқаев", "Bokaev", "Boqaev", "Бокаев", "Bokayev"},
	{"Ибраев", "Ibrayev", "Ibraev"},
	{"Айдос", "Aydos", "Aidos"},
	{"Юрий", "Yuriy", "Yury", "Iurii", "Yuri"},
	{"Есенов", "Yessenov", "Yesenov", "Esenov"},
	{"Ғани", "Ghani", "Gani", "Ğani"},
	{"Виктор", "Victor", "Viktor"},
	{"Максим", "Maxim", "Maksim"},
	{"Фёдор", "Федор", "Fedor", "Fëdor"},
	{"Щербаков", "Shcherbakov", "Scherbakov", "Şerbakov"},
	{"Жаңаөзен", "Zhanaozen", "Zhangaozen", "Janaözen"},
	{"Алиев", "Aliyev", "Aliev"},
	{"Ильяс", "Ilyas", "Ilias", "Il'yas"},
	{"Хасанов", "Khasanov", "Hasanov", "Һасанов"},
	{"Цой", "Tsoy", "Tsoi"},
	{"Чингиз", "Chingiz", "Çingiz"},
	{"Шыңғыс", "Shyngys", "Şyñğys"},
	{"O'Brien", "OBrien", "O’Brien"},
	{"Қайратұлы", "Qairatuly", "Kairatuly", "Kayratuly"},
}

// differ lists names that must not meet.
var differ = [][2]string{
	{"Закирова", "Закиров"},
	{"Жанболат", "Жанбулат"},
	{"Ибраев", "Ибраева"},
	{"Сана", "Шана"},
}

func TestFoldMeet(t *testing.T) {
	for _, group := range meet {
		want := Fold(group[0])
		if want == "" {
			t.Errorf("Fold(%q) is empty", group[0])
		}
		for _, s := range group[1:] {
			if got := Fold(s); got != want {
				t.Errorf("Fold(%q) = %q, want %q as for %q", s, got, want, group[0])
			}
		}
	}
	for _, d := range differ {
		if Fold(d[0]) == Fold(d[1]) {
			t.Errorf("%q and %q both fold to %q", d[0], d[1], Fold(d[0]))
		}
	}
}

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"  ", ""},
		{"Sanavar Zakirova", "sanavar zakirova"},
		{"Қайрат Қылышев", "kairat kilishev"},
		{"Мұхтар Жәкішев", "muhtar jakishev"},
		{"Yerimbetov", "erimbetov"},
		{"Ibrayev", "ibraev"},
		{"Петров-Водкин", "petrov vodkin"},
		{"«Ақ жол»", "ak jol"},
		{"Ivan  (Vanya)", "ivan vania"},
		{"Abai 2", "abai 2"},
		{"1000", "1000"},
		{"Иосиф", "iosif"},
		{"Ёлкин", "elkin"},
		{"Nurlan   ", "nurlan"},
		{"ΟΔΟΣ", "οδοσ"},
		{"İsmail", "ismail"},
		{"Straße", "strase"},
		{"Ärger", "arger"},
		{"Chanel", "chanel"},
		{"Jack", "jak"},
		{"Xinjiang", "ksinjian"},
		{"김", "\u1100\u1175\u11b7"}, // Hangul decomposes into its letters
		{"e\u0301", "e"},
		{"\u0301", ""},
		{"a\u200bb", "a b"},
		{"\xff", ""},
	} {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// The rules apply first match wins; they must be longest first, or a
// shorter rule would hide a longer one.
func TestRulesOrder(t *testing.T) {
	for i := 1; i < len(rules); i++ {
		if len(rules[i][0]) > len(rules[i-1][0]) {
			t.Errorf("rule %q comes after the shorter %q", rules[i][0], rules[i-1][0])
		}
	}
	for _, r := range rules {
		for _, s := range r {
			for i := 0; i < len(s); i++ {
				if s[i] < 'a' || s[i] > 'z' {
					t.Errorf("rule %q: rules are lower-case ASCII, which the byte scan relies on", r)
				}
			}
		}
		if len(r[1]) > len(r[0]) {
			t.Errorf("rule %q lengthens the text: the rewrite pass might not end", r)
		}
	}
}

// The character table maps lower-case characters only (Fold lower-cases
// first), and its results must be stable under the table, or Fold would
// not be idempotent.
func TestCharMap(t *testing.T) {
	for r, v := range charMap {
		if unicode.ToLower(r) != r {
			t.Errorf("charMap has %q, which is not lower-case", r)
		}
		for _, c := range v {
			if w, ok := charMap[c]; ok && w != string(c) {
				t.Errorf("charMap[%q] = %q, whose %q maps on to %q", r, v, c, w)
			}
		}
	}
}

// tableFold folds s the way search.js does, from the published table
// alone: a second implementation, so that a drift between Fold and the
// table it publishes fails a test. Keep it in step with fold() in
// static/search.js.
func tableFold(s string, t FoldTable) string {
	// toLowerCase, normalize('NFC')
	s = norm.NFC.String(strings.ToLower(s))
	isMark := func(r rune) bool { return unicode.Is(unicode.M, r) }
	isLN := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }
	var out strings.Builder
	for _, c := range s {
		if v, ok := t.Map[string(c)]; ok {
			out.WriteString(v)
			continue
		}
		for _, d := range norm.NFD.String(string(c)) {
			switch v, ok := t.Map[string(d)]; {
			case isMark(d):
			case ok:
				out.WriteString(v)
			case isLN(d):
				out.WriteRune(d)
			default:
				out.WriteByte(' ')
			}
		}
	}
	// The rewrite passes, over UTF-16 code units as in JavaScript.
	cur := utf16Units(out.String())
	for {
		var next []uint16
		var last uint16
		put := func(u []uint16) {
			for _, c := range u {
				if c == last && (c == ' ' || 'a' <= c && c <= 'z') {
					continue
				}
				next = append(next, c)
				last = c
			}
		}
		for i := 0; i < len(cur); {
			hit := false
			for _, r := range t.Rules {
				from := utf16Units(r[0])
				if hasPrefix16(cur[i:], from) {
					put(utf16Units(r[1]))
					i += len(from)
					hit = true
					break
				}
			}
			if !hit {
				put(cur[i : i+1])
				i++
			}
		}
		if slicesEqual16(next, cur) {
			break
		}
		cur = next
	}
	return strings.Trim(string16(cur), " ")
}

func utf16Units(s string) []uint16 {
	var u []uint16
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			u = append(u, uint16(0xD800+(r>>10)), uint16(0xDC00+(r&0x3FF)))
		} else {
			u = append(u, uint16(r))
		}
	}
	return u
}

func string16(u []uint16) string {
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := rune(u[i])
		if c >= 0xD800 && c < 0xDC00 && i+1 < len(u) {
			c = 0x10000 + (c-0xD800)<<10 + rune(u[i+1]) - 0xDC00
			i++
		}
		b.WriteRune(c)
	}
	return b.String()
}

func hasPrefix16(s, p []uint16) bool {
	return len(s) >= len(p) && slicesEqual16(s[:len(p)], p)
}

func slicesEqual16(a, b []uint16) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// foldCases are the strings on which Fold and its published table must
// agree, in Go (TestTableFold) and in search.js under node (TestNodeFold).
func foldCases() []string {
	var cases []string
	for _, g := range meet {
		cases = append(cases, g...)
	}
	for _, d := range differ {
		cases = append(cases, d[0], d[1])
	}
	cases = append(cases, "Straße ẞ", "İstanbul", "ΟΔΟΣ Σ", "Ǆemal", "Ωmega", "ﬁne", "Ⅻ", "١٢٣", "ʼ", "--", "a  b",
		"Kkh", "kkhkh", "dzhzh", "shchch", "cyye", "Schchkh", "Ӂ", "Ӳ", "Ӯ", "Ґ", "𝐀𝐀", "𐐀𐐨", "ǅ", "K", "Å", "ǰ")
	for r := range charMap {
		cases = append(cases, string(r), strings.ToUpper(string(r)))
	}
	cases = append(cases, randomStrings(2000)...)
	return cases
}

// randomStrings returns deterministic strings drawn from the characters
// names are written with, and their troublemakers.
func randomStrings(n int) []string {
	pool := []rune("aбcdeёfgijkhqlmnoprstuvwxyzZHKYCAЖЗИЙЫЬЪЭЮЯӘҒҚҢӨҰҮҺІәғқңөұүһіжзийыьъэюяшщчцхШЩЧЦХ" +
		"äöüéèçşğñıİſßẞǅǆøłđþæœə'’ʼ`´-. ,\u0301\u0308\u0306\u200b\u00a0ς Σ0123456789김ﬁ𝐀")
	var x uint64 = 0x9E3779B97F4A7C15
	next := func() uint64 {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		return x
	}
	out := make([]string, n)
	for i := range out {
		l := 1 + int(next()%12)
		var b strings.Builder
		for range l {
			b.WriteRune(pool[next()%uint64(len(pool))])
		}
		out[i] = b.String()
	}
	return out
}

func TestTableFold(t *testing.T) {
	tbl := manifestTable(t)
	for _, s := range foldCases() {
		if got, want := tableFold(s, tbl), Fold(s); got != want {
			t.Errorf("table fold of %q = %q, Fold = %q", s, got, want)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, g := range meet {
		for _, s := range g {
			f.Add(s)
		}
	}
	f.Add("kkhkh")
	f.Add("\xff\xfe")
	tbl := Table()
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if again := Fold(got); again != got {
			t.Errorf("Fold(%q) = %q, but Fold(%q) = %q", s, got, got, again)
		}
		if strings.Contains(got, "  ") || strings.HasPrefix(got, " ") || strings.HasSuffix(got, " ") {
			t.Errorf("Fold(%q) = %q: spaces not normalised", s, got)
		}
		if !utf8.ValidString(got) {
			t.Errorf("Fold(%q) = %q: not UTF-8", s, got)
		}
		if utf8.ValidString(s) {
			if tf := tableFold(s, tbl); tf != got {
				t.Errorf("table fold of %q = %q, Fold = %q", s, tf, got)
			}
		}
	})
}
