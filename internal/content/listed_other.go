//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package content

import "io/fs"

// listed returns fsys: elsewhere [Files] checks every path in full.
func listed(fsys fs.FS) fs.FS { return fsys }
