//go:build !unix

package build

import "os"

// writeOut writes data to the new file name.
func writeOut(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }

// readIn reads the whole file name.
func readIn(name string) ([]byte, error) { return os.ReadFile(name) }
