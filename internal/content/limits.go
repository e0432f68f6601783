package content

import (
	"fmt"
	"io"
	"io/fs"
	"strings"
)

// Limits keep one bad or hostile file from making a build slow or
// exhausting memory: a case file is a few kilobytes, so anything near
// these sizes is a mistake (a pasted document, a file saved in the wrong
// place) and gets a clear error instead.
const (
	MaxCaseFile     = 256 << 10 // bytes of a case.yaml
	MaxMarkdownFile = 512 << 10 // bytes of a profile or free page
	MaxSourcesFile  = 8 << 20   // bytes of a sources file (many sources each)
	MaxOtherYAML    = 1 << 20   // bytes of site.yaml or an i18n file
	MaxEvents       = 1000      // events in one case file
	MaxPhotoFile    = 20 << 20  // bytes of a photo before it is scaled down
	MaxPhotoPixels  = 40 << 20  // pixels of a photo (about 6500 × 6500)
)

// fileLimit is the size limit of the file at path p.
func fileLimit(p string) int64 {
	switch {
	case strings.HasSuffix(p, "/case.yaml"):
		return MaxCaseFile
	case strings.HasSuffix(p, ".md"):
		return MaxMarkdownFile
	case strings.HasPrefix(p, Dir+"/sources/"):
		return MaxSourcesFile
	case strings.HasSuffix(p, ".jpg") || strings.HasSuffix(p, ".jpeg") || strings.HasSuffix(p, ".png") || strings.HasSuffix(p, ".webp"):
		return MaxPhotoFile
	}
	return MaxOtherYAML
}

// readLimited reads the file at p, or records an error when it is larger
// than its limit. It reads at most one byte past the limit, so a huge file
// costs nothing.
func readLimited(fsys fs.FS, p string, errs *ErrorList) ([]byte, bool) {
	f, err := fsys.Open(p)
	if err != nil {
		*errs = append(*errs, &Error{Path: p, Msg: "cannot read the file: " + err.Error()})
		return nil, false
	}
	defer f.Close()
	limit := fileLimit(p)
	data, err := readAll(f, limit+1)
	if err != nil {
		*errs = append(*errs, &Error{Path: p, Msg: "cannot read the file: " + err.Error()})
		return nil, false
	}
	if int64(len(data)) > limit {
		*errs = append(*errs, &Error{Path: p, Msg: fmt.Sprintf("the file is larger than %s, the most a file of this kind may be; split it or remove what does not belong in it", size(limit))})
		return nil, false
	}
	return data, true
}

func size(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d KB", n>>10)
}

// readAll reads f to its end, or n bytes, as io.ReadAll(io.LimitReader(f,
// n)) does, into a buffer of the file's size when it says its size: two
// reads instead of one for every doubling of the buffer, and no spare room
// kept in the Markdown that a build holds.
func readAll(f fs.File, n int64) ([]byte, error) {
	size := int64(512)
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() >= 0 {
		size = min(st.Size()+1, n) // one more byte to see the end
	}
	data := make([]byte, 0, size)
	for int64(len(data)) < n {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		m := min(int64(cap(data)), n)
		k, err := f.Read(data[len(data):m])
		data = data[:len(data)+k]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
	}
	return data, nil
}
