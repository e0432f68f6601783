// Package tizim holds the default theme that the tizim binary embeds, so
// that `go install` gives a working generator anywhere. A site's own
// templates/ and static/ folders override it file by file, and its i18n/ files
// key by key.
package tizim

import "embed"

// Theme is the default templates/, static/ and i18n/ folders.
//
//go:embed templates static i18n
var Theme embed.FS
