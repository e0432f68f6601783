package export

import (
	"compress/gzip"
	"io"
)

// GzipAbove is the number of people above which a site publishes its data
// files gzip-compressed only (register.json.gz, ...): at 100,000 people
// register.json and events.csv alone are 780 MB, most of the 1 GB GitHub
// Pages allows a site, and too large to download on a slow connection;
// compressed, the three files are 177 MB.
const GzipAbove = 10000

// NewGzip returns a writer that compresses a data file into w; Close
// finishes the file. The output depends only on what is written (no name,
// no time in the header), so that an unchanged register gives the same
// bytes; the fastest level, since the files are large and compress well.
func NewGzip(w io.Writer) *gzip.Writer {
	gz, _ := gzip.NewWriterLevel(w, gzip.BestSpeed) // a valid level: no error
	return gz
}
