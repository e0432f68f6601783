//go:build unix

package build

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// lock takes the lock file beside the output folder, so that two builds
// into the same folder (a maintainer's save and a scheduled rebuild) do
// not overwrite each other's work. The lock goes with the process, even
// when it is killed.
func lock(path string) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("cannot create the lock file %s: %w", path, err)
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		data, _ := os.ReadFile(path)
		f.Close()
		if errors.Is(err, unix.EWOULDBLOCK) {
			who := ""
			if pid := strings.TrimSpace(string(data)); pid != "" {
				who = " (process " + pid + ")"
			}
			return nil, fmt.Errorf("another build%s is writing the same output folder; wait for it to finish, then build again", who)
		}
		return nil, fmt.Errorf("cannot lock %s: %w", path, err)
	}
	f.Truncate(0)
	f.WriteString(strconv.Itoa(os.Getpid()) + "\n")
	return func() {
		f.Truncate(0)
		unix.Flock(int(f.Fd()), unix.LOCK_UN)
		f.Close()
	}, nil
}
