// Package tizim holds the default theme that the tizim binary embeds, so
// that `go install` gives a working generator anywhere. A site's own
// templates/ and static/ folders override it file by file.
package tizim

import "embed"

// Theme is the default templates/ and static/ folders.
//
//go:embed templates static
var Theme embed.FS
