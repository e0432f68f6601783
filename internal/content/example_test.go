package content_test

import (
	"fmt"

	"github.com/tizim/tizim/internal/content"
)

func ExampleSlug() {
	fmt.Println(content.Slug("Қайрат Қылышев"))
	fmt.Println(content.Slug("Санавар Закирова"))
	fmt.Println(content.Slug("Zhanbolat Mamai"))
	fmt.Println(content.Slug("Asqar  Ibraev (junior)"))
	// Output:
	// qairat-qylyshev
	// sanavar-zakirova
	// zhanbolat-mamai
	// asqar-ibraev-junior
}
