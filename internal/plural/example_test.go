package plural_test

import (
	"fmt"

	"github.com/tizim/tizim/internal/plural"
)

func ExampleOf() {
	for _, n := range []int{0, 1, 2, 5, 11, 21, 22, 112, 1001} {
		fmt.Println(n, plural.Of("ru", n), plural.Of("en", n), plural.Of("kk", n))
	}
	// Output:
	// 0 many other other
	// 1 one one one
	// 2 few other other
	// 5 many other other
	// 11 many other other
	// 21 one other other
	// 22 few other other
	// 112 many other other
	// 1001 one other other
}
