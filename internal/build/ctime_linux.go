package build

import (
	"io/fs"
	"syscall"
)

// changeTime is the time of the file's last change of bytes or of
// metadata (ctime), which no program can set back: a copy that keeps the
// old modification time (cp -p, rsync -t) still changes it.
func changeTime(info fs.FileInfo) int64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return st.Ctim.Nano()
	}
	return 0
}
