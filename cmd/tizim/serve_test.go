package main

import (
	"net"
	"strconv"
	"strings"
	"testing"
)

// TestServeUsage checks the mistakes `tizim serve` turns away before it
// starts: exit status 2 with a message.
func TestServeUsage(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "extra"},
		{"serve", "--as-of", "22.11.2026"},
		{"serve", "--port", "70000"},
		{"serve", "--port", "-1"},
		{"serve", "--bind", "0.0.0.0"}, // no such flag: it serves on 127.0.0.1 only
	} {
		code, _, stderr := runTizim(args...)
		if code != 2 || stderr == "" {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
	}
}

// TestServePortBusy starts `tizim serve` on a port that is taken: it
// stops at once with exit status 1 and says what to do.
func TestServePortBusy(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	code, _, stderr := runTizim("serve", "--root", copyContent(t), "--port", port)
	if code != 1 || !strings.Contains(stderr, "127.0.0.1:"+port) || !strings.Contains(stderr, "--port") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
