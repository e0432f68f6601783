package search_test

import (
	"fmt"

	"github.com/tizim/tizim/internal/search"
)

// Names in Kazakh or Russian Cyrillic and their usual romanizations fold to
// one key.
func ExampleFold() {
	for _, s := range []string{
		"Қылышев", "Qylyshev", "Kylyshev",
		"Закирова", "Zakirova",
		"Жанболат", "Zhanbolat", "Janbolat",
		"Мұхтар Жәкішев", "Mukhtar Dzhakishev", "Mukhtar Zhakishev",
		"Әбішев", "Abishev",
		"Ескендір", "Eskendir",
		"Ерімбетов", "Erimbetov", "Yerimbetov",
		"Боқаев", "Bokaev", "Boqaev",
		"Ибраев", "Ibrayev", "Ibraev",
	} {
		fmt.Printf("%-18s %s\n", s, search.Fold(s))
	}
	// Output:
	// Қылышев            kilishev
	// Qylyshev           kilishev
	// Kylyshev           kilishev
	// Закирова           zakirova
	// Zakirova           zakirova
	// Жанболат           janbolat
	// Zhanbolat          janbolat
	// Janbolat           janbolat
	// Мұхтар Жәкішев     muhtar jakishev
	// Mukhtar Dzhakishev muhtar jakishev
	// Mukhtar Zhakishev  muhtar jakishev
	// Әбішев             abishev
	// Abishev            abishev
	// Ескендір           eskendir
	// Eskendir           eskendir
	// Ерімбетов          erimbetov
	// Erimbetov          erimbetov
	// Yerimbetov         erimbetov
	// Боқаев             bokaev
	// Bokaev             bokaev
	// Boqaev             bokaev
	// Ибраев             ibraev
	// Ibrayev            ibraev
	// Ibraev             ibraev
}

// Case, diacritics and punctuation do not matter; tokens come out
// separated by single spaces.
func ExampleTokens() {
	fmt.Println(search.Tokens("  SANAVAR  Zäkirova (Закирова) "))
	// Output:
	// [sanavar zakirova zakirova]
}
