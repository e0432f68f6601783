package search

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
)

// DefaultMaxShard is the default largest leaf shard, in bytes
// (uncompressed). One search downloads the manifest and one shard, so with
// a manifest of tens of kilobytes at 100,000 people a search stays well
// under 300 KB.
const DefaultMaxShard = 100_000

// DefaultMaxSummary is the default largest summary shard, in bytes: a
// couple of hundred people, more than a reader looks through before typing
// another letter. Summaries are what one- and two-letter queries fetch, so
// keeping them small keeps typing fast on a slow network.
const DefaultMaxSummary = 30_000

// Doc is one person as the search index sees them.
type Doc struct {
	Slug string // the person's URL slug: the page is people/<slug>/
	// Names is the name to show in each language of the site; the default
	// language's is required, and a missing one shows the default.
	Names map[string]string
	// Search is every other string the person should be found by: names in
	// other scripts and spellings, aliases. The shown names are searchable
	// without being repeated here.
	Search  []string
	Status  string // status code, e.g. "imprisoned"
	Current bool   // on the current list
	// Confirmation is the part of the current list the person is in:
	// "unconfirmed" or "term_ended" (see register.Confirmation); "" or
	// "confirmed" for the rest.
	Confirmation string
}

// Options configure [Index].
type Options struct {
	Langs    content.Languages // the site's languages, default first; required
	Dir      string            // folder of the files in the output, default "search"
	MaxShard int               // largest leaf shard in bytes, default DefaultMaxShard
	// MaxSummary is the largest summary shard in bytes, default
	// DefaultMaxSummary; never more than MaxShard.
	MaxSummary int
}

// Docs returns the search documents of a register's people, in the
// register's order (by name): names in each of the site's languages,
// picked along each language's chain (see content.Settings.Chain),
// searchable by those and by their aliases.
func Docs(r *register.Register) []Doc {
	langs := r.Site.Languages
	chains := make([]content.Chain, len(langs))
	for i, l := range langs {
		chains[i] = r.Site.Chain(l)
	}
	docs := make([]Doc, 0, len(r.People))
	for _, p := range r.People {
		d := Doc{Slug: p.Slug, Names: make(map[string]string, len(langs)), Status: string(p.Status), Current: p.Current, Confirmation: register.Confirmation(p)}
		for i, l := range langs {
			d.Names[l], _ = p.NameIn(chains[i])
		}
		for _, l := range slices.Sorted(maps.Keys(p.Names)) {
			d.Search = append(d.Search, p.Names[l])
		}
		d.Search = append(d.Search, p.Aliases...)
		docs = append(docs, d)
	}
	return docs
}

// Index builds the search index of docs: the manifest and shard files,
// by path in the site's output (e.g. "search/index.json",
// "search/s/0.json"). The package documentation describes the files.
// It fails on documents without a slug or a default-language name and on
// repeated slugs.
func Index(docs []Doc, opt Options) (map[string][]byte, error) {
	if len(opt.Langs) == 0 {
		return nil, fmt.Errorf("search: no languages")
	}
	if opt.Dir == "" {
		opt.Dir = "search"
	}
	if opt.MaxShard <= 0 {
		opt.MaxShard = DefaultMaxShard
	}
	if opt.MaxSummary <= 0 {
		opt.MaxSummary = DefaultMaxSummary
	}
	opt.MaxSummary = min(opt.MaxSummary, opt.MaxShard)

	statusSet := make(map[string]bool)
	slugs := make(map[string]bool, len(docs))
	for i, d := range docs {
		switch {
		case d.Slug == "":
			return nil, fmt.Errorf("search: document %d has no slug", i)
		case slugs[d.Slug]:
			return nil, fmt.Errorf("search: slug %q is repeated", d.Slug)
		case d.Names[opt.Langs.Default()] == "":
			return nil, fmt.Errorf("search: %s has no name in %s", d.Slug, opt.Langs.Default())
		}
		slugs[d.Slug] = true
		statusSet[d.Status] = true
	}
	statuses := slices.Sorted(maps.Keys(statusSet))

	b := &builder{max: opt.MaxShard, maxSum: opt.MaxSummary, recs: make([][]byte, len(docs)), stamp: make([]int32, len(docs))}
	for i, d := range docs {
		rec, toks := record(d, opt.Langs, statuses)
		b.recs[i] = rec
		if len(rec)+2 > opt.MaxShard {
			return nil, fmt.Errorf("search: the record of %s is larger than a shard", d.Slug)
		}
		for _, t := range toks {
			b.items = append(b.items, item{t, int32(i)})
			for _, u := range toks {
				if u != t {
					b.items = append(b.items, item{t + " " + u, int32(i)})
				}
			}
		}
	}
	slices.SortFunc(b.items, func(x, y item) int { return cmp.Or(cmp16(x.key, y.key), cmp.Compare(x.doc, y.doc)) })

	if b.size(0, len(b.items)) <= b.max {
		b.leaves = append(b.leaves, shard{"", b.docs(0, len(b.items))})
	} else {
		b.split(0, len(b.items), "")
	}

	files := make(map[string][]byte, len(b.leaves)+len(b.sums)+1)
	type entry [2]any
	m := struct {
		V  string    `json:"v"`
		L  []string  `json:"l"`
		St []string  `json:"st"`
		F  FoldTable `json:"f"`
		S  []entry   `json:"s"`
		P  []entry   `json:"p"`
	}{L: opt.Langs, St: statuses, F: Table(), S: []entry{}, P: []entry{}}
	h := sha256.New()
	write := func(dir string, i int, sh shard) entry {
		data := b.file(sh.docs)
		name := path.Join(opt.Dir, dir, strconv.Itoa(i)+".json")
		files[name] = data
		fmt.Fprintf(h, "%s %d\n", name, len(data))
		h.Write(data)
		return entry{sh.key, len(data)}
	}
	for i, sh := range b.leaves {
		m.S = append(m.S, write("s", i, sh))
	}
	for i, sh := range b.sums {
		m.P = append(m.P, write("p", i, sh))
	}
	fmt.Fprintf(h, "%q %q\n", opt.Langs, statuses)
	m.V = hex.EncodeToString(h.Sum(nil))[:12]
	data, err := marshal(m)
	if err != nil {
		return nil, err
	}
	files[path.Join(opt.Dir, "index.json")] = data
	return files, nil
}

// record returns the JSON record of d (see the package documentation) and
// its tokens, sorted.
func record(d Doc, langs content.Languages, statuses []string) ([]byte, []string) {
	shown := make([]string, len(langs))
	for i, l := range langs {
		if shown[i] = d.Names[l]; shown[i] == "" {
			shown[i] = d.Names[langs.Default()]
		}
	}
	names := make([]any, len(langs))
	last := 0 // names after it are the default one, and are left out
	for i, n := range shown {
		names[i] = n
		if j := slices.Index(shown, n); j < i {
			names[i] = j
		}
		if n != shown[0] {
			last = i
		}
	}
	names = names[:last+1]

	tokens := make(map[string]bool)
	for _, n := range shown {
		for _, t := range Tokens(n) {
			tokens[t] = true
		}
	}
	var extra []string
	for _, s := range d.Search {
		for _, t := range Tokens(s) {
			if !tokens[t] && !slices.Contains(extra, t) {
				extra = append(extra, t)
			}
		}
	}
	slices.Sort(extra)
	code := 4 * slices.Index(statuses, d.Status)
	switch {
	case !d.Current:
	case d.Confirmation == "unconfirmed":
		code += 2
	case d.Confirmation == "term_ended":
		code += 3
	default:
		code++
	}
	rec := []any{d.Slug, names, code}
	if len(extra) > 0 {
		rec = append(rec, strings.Join(extra, " "))
	}
	data, err := marshal(rec)
	if err != nil {
		panic(err) // strings and numbers always marshal
	}
	all := slices.AppendSeq(slices.Clone(extra), maps.Keys(tokens))
	slices.Sort(all)
	return data, all
}

// marshal is json.Marshal without HTML escaping (the files are JSON, never
// inlined into HTML) and without the trailing newline.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// item is one match string of one document.
type item struct {
	key string
	doc int32
}

// shard is a file to write: its key and the documents in it, in order.
type shard struct {
	key  string
	docs []int32
}

// builder splits the sorted match strings into shards.
type builder struct {
	items  []item // sorted by key (in UTF-16 order), then document
	recs   [][]byte
	max    int     // of a leaf
	maxSum int     // of a summary
	stamp  []int32 // per document: the last gen that counted it
	gen    int32
	leaves []shard
	sums   []shard
}

// size is the size of the shard file of the documents of items[lo:hi].
func (b *builder) size(lo, hi int) int {
	b.gen++
	n, count := 2, 0
	for _, it := range b.items[lo:hi] {
		if b.stamp[it.doc] != b.gen {
			b.stamp[it.doc] = b.gen
			n += len(b.recs[it.doc])
			count++
		}
	}
	if count > 1 {
		n += count - 1
	}
	return n
}

// docs returns the documents of items[lo:hi], each once, in order.
func (b *builder) docs(lo, hi int) []int32 {
	b.gen++
	var out []int32
	for _, it := range b.items[lo:hi] {
		if b.stamp[it.doc] != b.gen {
			b.stamp[it.doc] = b.gen
			out = append(out, it.doc)
		}
	}
	slices.Sort(out)
	return out
}

// file is the JSON array of the records of docs.
func (b *builder) file(docs []int32) []byte {
	n := 2 + len(docs)
	for _, d := range docs {
		n += len(b.recs[d])
	}
	out := make([]byte, 0, n)
	out = append(out, '[')
	for i, d := range docs {
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, b.recs[d]...)
	}
	return append(out, ']')
}

// split handles items[lo:hi], all starting with p, which do not fit one
// shard: a summary for p, then p's children by next character, each packed
// with its complete neighbours into leaves or split in turn. The match
// strings equal to p itself are only in the summary, which the client
// fetches for exactly p.
func (b *builder) split(lo, hi int, p string) {
	if p != "" {
		b.summary(lo, hi, p)
	}
	i := lo
	for i < hi && b.items[i].key == p {
		i++
	}
	packLo, packKey := -1, ""
	flush := func(end int) {
		if packLo >= 0 {
			b.leaves = append(b.leaves, shard{packKey, b.docs(packLo, end)})
			packLo = -1
		}
	}
	for i < hi {
		_, w := utf8.DecodeRuneInString(b.items[i].key[len(p):])
		child := b.items[i].key[:len(p)+w]
		j := i
		for j < hi && strings.HasPrefix(b.items[j].key, child) {
			j++
		}
		switch {
		case b.size(i, j) > b.max:
			flush(i)
			b.split(i, j, child)
		case packLo >= 0 && b.size(packLo, j) <= b.max:
			// child joins the pack
		default:
			flush(i)
			packLo, packKey = i, child
		}
		i = j
	}
	flush(hi)
}

// summary adds the summary shard of p: the documents of items[lo:hi] by
// their shortest match string (exact tokens first), then by key and
// document, as many as fit in maxSum.
func (b *builder) summary(lo, hi int, p string) {
	type best struct{ doc, len, pos int32 }
	b.gen++
	at := make(map[int32]int)
	var order []best
	for k, it := range b.items[lo:hi] {
		l := int32(len(it.key))
		if b.stamp[it.doc] != b.gen {
			b.stamp[it.doc] = b.gen
			at[it.doc] = len(order)
			order = append(order, best{it.doc, l, int32(k)})
		} else if o := &order[at[it.doc]]; l < o.len {
			o.len, o.pos = l, int32(k)
		}
	}
	slices.SortFunc(order, func(x, y best) int {
		return cmp.Or(cmp.Compare(x.len, y.len), cmp.Compare(x.pos, y.pos), cmp.Compare(x.doc, y.doc))
	})
	n := 1
	var docs []int32
	for _, o := range order {
		if n+len(b.recs[o.doc])+1 > b.maxSum {
			break
		}
		n += len(b.recs[o.doc]) + 1
		docs = append(docs, o.doc)
	}
	b.sums = append(b.sums, shard{p, docs})
}

// cmp16 compares strings as JavaScript does, by UTF-16 code units, so that
// search.js can binary-search the leaves the Go side sorted. It differs
// from Go's byte order only between characters above U+FFFF and those from
// U+E000 to U+FFFF.
func cmp16(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	if i == n {
		return cmp.Compare(len(a), len(b))
	}
	if a[i] < 0x80 || b[i] < 0x80 {
		return cmp.Compare(a[i], b[i])
	}
	for i > 0 && !utf8.RuneStart(a[i]) {
		i--
	}
	ra, _ := utf8.DecodeRuneInString(a[i:])
	rb, _ := utf8.DecodeRuneInString(b[i:])
	return cmp.Compare(key16(ra), key16(rb))
}

// key16 orders runes as their UTF-16 encodings compare: surrogate pairs
// (U+D800–U+DFFF) sort between U+D7FF and U+E000.
func key16(r rune) rune {
	switch {
	case r < 0xD800:
		return r
	case r < 0x10000:
		return r + 0x300000
	}
	return r + 0x100000
}
