// Package tizim holds the default theme that the tizim binary embeds, so
// that `go install` gives a working generator anywhere. A site's own
// templates/ and static/ folders override it file by file, and its i18n/ files
// key by key.
package tizim

import "embed"

// DefaultTheme is the default templates/, static/ and i18n/ folders, and
// schema/: the JSON Schemas of the content files (case.yaml, sources,
// site.yaml and page front matter), which every site publishes under
// /schema/ so that editors can check content as it is typed (see
// docs/editing-on-github.md).
//
//go:embed templates static i18n schema
var DefaultTheme embed.FS
