package export

import (
	"compress/gzip"
	"io"
)

// NewGzip returns a writer that compresses a data file into w as [Gzip]
// does, without holding it; Close finishes the file.
func NewGzip(w io.Writer) *gzip.Writer {
	gz, _ := gzip.NewWriterLevel(w, gzip.BestSpeed) // a valid level: no error
	return gz
}
