package tizim_test

// Tests of .devcontainer/devcontainer.json, which sets up a GitHub
// codespace (or VS Code's Dev Containers) for a maintainer: it must parse,
// its Go must be the one go.mod asks for, and it must bring what the
// guide in docs/ promises there: the YAML extension that checks content
// files as they are typed, and the forwarded port of `tizim serve`.

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/tizim/tizim/internal/serve"
)

func TestDevcontainer(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(".devcontainer", "devcontainer.json"))
	if err != nil {
		t.Fatal(err)
	}
	// devcontainer.json may be JSONC (comments, trailing commas); this one
	// is kept plain JSON, so that any JSON tool reads it.
	dec := json.NewDecoder(bytes.NewReader(data))
	var dc struct {
		Image          string `json:"image"`
		Customizations struct {
			VSCode struct {
				Extensions []string `json:"extensions"`
			} `json:"vscode"`
		} `json:"customizations"`
		ForwardPorts      []int                     `json:"forwardPorts"`
		PortsAttributes   map[string]map[string]any `json:"portsAttributes"`
		PostCreateCommand string                    `json:"postCreateCommand"`
	}
	if err := dec.Decode(&dc); err != nil {
		t.Fatalf("devcontainer.json is not plain JSON: %v", err)
	}
	if dec.More() {
		t.Fatal("devcontainer.json: more than one JSON value")
	}

	mod, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^go (\d+\.\d+)(\.\d+)?\s*$`).FindSubmatch(mod)
	if m == nil {
		t.Fatal("go.mod: no go line")
	}
	goMinor := string(m[1])
	// mcr.microsoft.com/devcontainers/go:<image major>-<Go>-<Debian>, such
	// as 2-1.26-trixie; see github.com/devcontainers/images, src/go.
	img := regexp.MustCompile(`^mcr\.microsoft\.com/devcontainers/go:(?:\d+-)?(\d+\.\d+)(?:-[a-z]+)?$`).FindStringSubmatch(dc.Image)
	if img == nil {
		t.Errorf("image %q: want mcr.microsoft.com/devcontainers/go:<image major>-<Go version>-<Debian>", dc.Image)
	} else if img[1] != goMinor {
		t.Errorf("image %q has Go %s, go.mod asks for Go %s", dc.Image, img[1], goMinor)
	}

	for _, ext := range []string{
		"redhat.vscode-yaml", // checks content files against schema/ (.vscode/settings.json)
		"golang.go",
	} {
		if !slices.Contains(dc.Customizations.VSCode.Extensions, ext) {
			t.Errorf("customizations.vscode.extensions: no %s", ext)
		}
	}
	if !slices.Contains(dc.ForwardPorts, serve.DefaultPort) {
		t.Errorf("forwardPorts %v: no %d, the port of tizim serve", dc.ForwardPorts, serve.DefaultPort)
	}
	if _, ok := dc.PortsAttributes[strconv.Itoa(serve.DefaultPort)]; !ok {
		t.Errorf("portsAttributes: no label for %d", serve.DefaultPort)
	}
	if dc.PostCreateCommand != "go mod download" {
		t.Errorf("postCreateCommand %q, want go mod download", dc.PostCreateCommand)
	}
}
