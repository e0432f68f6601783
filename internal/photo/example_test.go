package photo_test

import (
	"fmt"

	"github.com/tizim/tizim/internal/photo"
	"github.com/tizim/tizim/internal/testkit/phototest"
)

func ExampleRead() {
	m, err := photo.Read(phototest.PhoneJPEG())
	if err != nil {
		panic(err)
	}
	fmt.Println(m.Format+":", photo.Describe(m.Kinds))
	// Output: jpeg: GPS location, camera serial number, date and time taken, camera make and model
}

func ExampleStrip() {
	data := phototest.PhoneJPEG()
	out, removed, err := photo.Strip(data)
	if err != nil {
		panic(err)
	}
	after, _ := photo.Read(out)
	fmt.Printf("removed %s; %d kinds left\n", photo.Describe(removed.Kinds), len(after.Kinds))
	// Output: removed GPS location, camera serial number, date and time taken, camera make and model; 0 kinds left
}
