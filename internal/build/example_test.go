package build_test

import (
	"fmt"

	"github.com/tizim/tizim/internal/build"
)

func ExampleSize() {
	for _, n := range []int64{512, 48_300, 2_049_000, 825_123_456, 7_512_345_678} {
		fmt.Println(build.Size(n))
	}
	// Output:
	// 512 bytes
	// 48 KB
	// 2.0 MB
	// 825 MB
	// 7.5 GB
}
