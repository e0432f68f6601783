package search

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold returns the search key of s: the one normalisation that both the
// index (at build time) and the reader's query (in search.js) go through,
// so that the ways people write one name meet. The result is lower-case
// tokens of a Latin "skeleton" separated by single spaces; it is not meant
// to be shown.
//
// The steps, in order (search.js repeats them from the table in the
// manifest, see [Table]):
//
//  1. Lower-case (Unicode) and compose (NFC).
//  2. Map each character through the character table. A character that is
//     not in it is decomposed (NFD), its marks are dropped (é → e, ä → a,
//     ё → е, ğ → g), and each remaining character is looked up again. What
//     is still not in the table is kept when it is a letter or a digit and
//     becomes a space (a token boundary) otherwise.
//  3. Rewrite spelling variants: at each position the first rule of
//     [Table].Rules that matches is applied (the rules are ordered longest
//     first), and a letter repeated right after itself, or a second
//     space, is dropped. This pass repeats until nothing changes, so Fold
//     is idempotent.
//  4. Trim spaces.
//
// The character table transliterates Cyrillic, Russian and Kazakh (and the
// letters of neighbouring Cyrillic alphabets), to the Latin skeleton:
// а→a б→b в→v г→g д→d е→e ё→e ж→j з→z и→i й→y к→k л→l м→m н→n о→o п→p р→r
// с→s т→t у→u ф→f х→h ц→ts ч→ch ш→sh щ→sh ъ→"" ы→y ь→"" э→e ю→yu я→ya, and
// Kazakh ә→a ғ→g қ→k ң→n ө→o ұ→u ү→u һ→h і→i. In Latin script q→k, w→v,
// x→ks, ş→sh, ç→ch, ı→i, ə→a (and a few more, see the table); apostrophes
// vanish (O'Brien, the 2017 Kazakh Latin's s'), other punctuation splits
// tokens.
//
// The rewrite rules merge the romanizations a Kazakh or Russian name meets
// in passports, news and the 1990s–2021 Kazakh Latin alphabets:
//
//	shch, sch → sh   Щербаков: Shcherbakov, Scherbakov, Sherbakov
//	dzh, zh, dj → j  Жанболат: Zhanbolat, Janbolat; Джакишев: Dzhakishev
//	kh → h           Мұхтар, Мухтар: Mukhtar, Muhtar
//	gh → g           Ғани: Ghani, Gani
//	ch stays ch; ck, c → k   Victor = Виктор, Nicolas = Николас
//	ye → e           Ерімбетов: Yerimbetov, Erimbetov; Ибраев: Ibrayev
//	ng → n           Жаңа: Zhanga, Zhana (ң)
//	y → i            Қылышев: Qylyshev, Kylyshev, Kilishev; Айдос: Aydos
//	a letter twice → once   Yessenov = Есенов, Юрий = Yuriy = Yury
//
// Choices that were made on purpose:
//
//   - j is ж (zh), as in Kazakh romanization (Janbolat, Jumabek), not the
//     y of German or Polish; Julia does not meet Юлия.
//   - x is ks, as in Maxim and Alexander (Максим, Александр), the common
//     case in Kazakhstan, not the kh of Uzbek Latin.
//   - c is k except in ch: Latin c in these registers comes from Western
//     spellings (Victor, Nicolas), not from ц, which is written ts.
//   - ё is е, as in Russian passports (Фёдор = Федор = Fedor); the
//     spelling Fyodor does not meet them.
//   - ы and й are y before the rewrites, so that "ые" and "Mayer" fold like
//     Latin ye; then every y becomes i, which merges ы, и, і and й and the
//     ya/ia, yu/iu spellings of я and ю.
//   - The rules only ever make the text shorter or trade y and c for i and
//     k, so the repeated pass ends.
func Fold(s string) string {
	s = norm.NFC.String(strings.ToLower(s))
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < 0x80 {
			b.WriteString(asciiFold[r])
			continue
		}
		if v, ok := charMap[r]; ok {
			b.WriteString(v)
			continue
		}
		for _, d := range norm.NFD.String(string(r)) {
			if unicode.Is(unicode.M, d) {
				continue
			}
			if v, ok := charMap[d]; ok {
				b.WriteString(v)
			} else if d < 0x80 {
				b.WriteString(asciiFold[d])
			} else if unicode.IsLetter(d) || unicode.IsNumber(d) {
				b.WriteRune(d)
			} else {
				b.WriteByte(' ')
			}
		}
	}
	out := b.String()
	for {
		next := rewrite(out)
		if next == out {
			break
		}
		out = next
	}
	return strings.Trim(out, " ")
}

// Tokens returns the tokens of s after folding: the words search matches.
func Tokens(s string) []string { return strings.Fields(Fold(s)) }

// rewrite is one pass of step 3 of [Fold]. The rules are ASCII, so a byte
// scan does what search.js's scan over UTF-16 code units does.
func rewrite(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var last byte
	put := func(t string) {
		for i := 0; i < len(t); i++ {
			c := t[i]
			if c == last && (c == ' ' || 'a' <= c && c <= 'z') {
				continue
			}
			b.WriteByte(c)
			last = c
		}
	}
	for i := 0; i < len(s); {
		hit := false
		for _, r := range rulesAt[s[i]] {
			if strings.HasPrefix(s[i:], r[0]) {
				put(r[1])
				i += len(r[0])
				hit = true
				break
			}
		}
		if !hit {
			put(s[i : i+1])
			i++
		}
	}
	return b.String()
}

// rules are the spelling rewrites of [Fold], longest first: the first rule
// that matches at a position wins. "ch" → "ch" is there to keep ch from
// the c → k rule.
var rules = [][2]string{
	{"shch", "sh"},
	{"dzh", "j"},
	{"sch", "sh"},
	{"zh", "j"},
	{"dj", "j"},
	{"kh", "h"},
	{"gh", "g"},
	{"ch", "ch"},
	{"ck", "k"},
	{"ye", "e"},
	{"ng", "n"},
	{"c", "k"},
	{"y", "i"},
}

// charMap is the character table of [Fold], for lower-case characters.
// Letters a–z and digits are not in it: they stay as they are.
var charMap = map[rune]string{
	// Latin letters that romanizations use for other sounds.
	'q': "k", 'w': "v", 'x': "ks",
	// Latin letters that do not decompose, or whose marks matter.
	'ı': "i", 'ł': "l", 'ø': "o", 'đ': "d", 'ð': "d", 'þ': "th", 'ß': "ss",
	'æ': "ae", 'œ': "oe", 'ə': "a", 'ŋ': "n", 'ħ': "h",
	'ş': "sh", 'ș': "sh", 'š': "sh", 'ŝ': "sh", 'ç': "ch", 'č': "ch", 'ž': "zh",
	// Apostrophes and primes: O'Brien, the 2017 Kazakh Latin (s', g'),
	// scholarly ь and ъ. They join, not split.
	'\'': "", '`': "", '´': "", '‘': "", '’': "", 'ʼ': "", 'ʻ': "", 'ʹ': "", 'ʺ': "",
	// Greek final sigma, which JavaScript's toLowerCase makes and Go's
	// does not.
	'ς': "σ",
	// Russian.
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e",
	'ж': "j", 'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ф': "f", 'х': "h", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "sh", 'ъ': "",
	'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	// Kazakh.
	'ә': "a", 'ғ': "g", 'қ': "k", 'ң': "n", 'ө': "o", 'ұ': "u", 'ү': "u",
	'һ': "h", 'і': "i",
	// Ukrainian, Belarusian, Uzbek, Tajik, Kyrgyz, Serbian.
	'є': "ye", 'ї': "yi", 'ґ': "g", 'ў': "u", 'ҳ': "h", 'ҷ': "j", 'ӣ': "i",
	'ј': "y", 'љ': "l", 'њ': "n", 'џ': "j", 'ђ': "d", 'ћ': "ch",
}

// rulesAt lists the rules by their first byte, in order, so that the scan
// tries only the rules that can match.
var rulesAt [256][][2]string

// asciiFold is charMap for ASCII, precomputed: the characters of most
// names, folded without a map lookup.
var asciiFold [0x80]string

func init() {
	for _, r := range rules {
		rulesAt[r[0][0]] = append(rulesAt[r[0][0]], r)
	}
	for c := rune(0); c < 0x80; c++ {
		switch v, ok := charMap[c]; {
		case ok:
			asciiFold[c] = v
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			// Letters and digits stay. (Capitals cannot reach here:
			// Fold lower-cases first, and no decomposition yields one.)
			asciiFold[c] = string(c)
		default:
			asciiFold[c] = " "
		}
	}
}

// FoldTable is the data of [Fold] that search.js needs to fold a query the
// same way: the character table and the ordered rewrite rules. The
// algorithm around them is described on Fold.
type FoldTable struct {
	Map   map[string]string `json:"m"` // character -> replacement
	Rules [][2]string       `json:"r"` // from, to; first match wins
}

// Table returns the table of [Fold], as the manifest publishes it.
func Table() FoldTable {
	t := FoldTable{Map: make(map[string]string, len(charMap)), Rules: rules}
	for r, v := range charMap {
		t.Map[string(r)] = v
	}
	return t
}
