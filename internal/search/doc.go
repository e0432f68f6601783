// Package search builds the site's name search: an index written at build
// time as static JSON files, which static/search.js reads in the reader's
// browser. There is no server; a reader on a slow or censored network
// downloads the small manifest and one shard per search, never the whole
// register.
//
// # Matching
//
// Every name, in every script, and every alias goes through [Fold], which
// lower-cases, drops diacritics, transliterates Cyrillic (Russian and
// Kazakh) to a Latin skeleton and merges the usual romanizations, so that
// "Қылышев", "Qylyshev" and "Kylyshev" are one token. search.js folds the
// query with the same table (published in the manifest), then keeps the
// people for whom every query token is a token of theirs, the start of one
// (while typing), or one of theirs with a typo (Damerau–Levenshtein
// distance 1 for 4 letters or more, 2 for 8 or more).
//
// # Sharding
//
// Each person has "match strings": each of their tokens, and each ordered
// pair of two of their tokens joined by a space ("kairat kilishev",
// "kilishev kairat"). Sorted, the match strings form a trie. A trie node
// whose people fit in [Options].MaxShard bytes is complete; neighbouring
// complete nodes are packed into one leaf shard as long as they fit. A node
// that does not fit is split by the next character and gets a summary
// shard instead: the people whose match strings start with it, the
// shortest (exact) tokens first, cut at [Options].MaxSummary. The pair
// strings let a very common first name ("nurlan", thousands of people at
// 100,000) split further by the other name ("nurlan a", "nurlan ab"...),
// so a full name narrows to a complete shard unless hundreds of people
// share all of it.
//
// To search, the client looks up each query token, and each pair of query
// tokens, in the manifest: the key of a summary, or else the leaf whose
// range holds it. It fetches a single file: the smallest complete leaf,
// or, when every token is too short to have one (one or two letters), the
// most specific summary, and then says that more of the name narrows the
// search. So one search downloads the manifest and one shard: at most
// MaxShard plus the manifest's size (at 100,000 people, 100 KB + 21 KB).
//
// The price of sharding: a typo is found only after the letters that
// chose the shard. While the whole register fits one shard (some 800
// people) that is anywhere in the name; at 100,000 people, after
// the first two or three letters of a token.
//
// # Files
//
// [Index] returns, under Options.Dir (default "search"):
//
//	index.json    the manifest
//	s/<i>.json    leaf shard i, complete for its range of match strings
//	p/<i>.json    summary shard i, cut at MaxSummary
//
// The manifest, with short keys because every search page loads it:
//
//	{
//	  "v": "3f1c0e9a2b7d",          version: shards are fetched as s/0.json?v=...
//	  "l": ["en", "ru", "kk"],      languages, default first: the order of names in records
//	  "st": ["free", ...],          status codes, sorted
//	  "f": {"m": {...}, "r": [...]}, the fold table (see FoldTable)
//	  "s": [["a", 81234], ...],     leaf shards: lowest match string, size in bytes
//	  "p": [["k", 29870], ...]      summary shards: key, size in bytes
//	}
//
// Leaf i holds the match strings from its key up to the next leaf's key
// (in JavaScript's string order, which Go sorts by here). A shard is a
// JSON array of people records:
//
//	["qairat-qylyshev", ["Qairat Qylyshev", "Кайрат Кылышев", "Қайрат Қылышев"], 13, "kaireke"]
//
// slug; names in the manifest's languages (a number instead of a name means
// the same name as that index; names missing at the end are the default
// one); status index in "st" times 4, plus 1 when on the current list and
// confirmed in custody, 2 when on it but not confirmed recently, 3 when on
// it with a prison term that has ended (register.Confirmation); and,
// only when there are any, the folded tokens of aliases and other names that
// the shown names do not already give, space-separated. The client folds
// the shown names itself, which keeps the shards smaller. Records in a leaf
// are in the order of the documents given to Index; in a summary, exact
// tokens first.
//
// The output is deterministic: the same documents give byte-identical files.
package search
