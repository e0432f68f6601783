package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/register"
	"github.com/tizim/tizim/internal/testkit/synth"
)

// TestWritePeople: the people encoded in batches on every core are the
// array that one encoder writes person by person, at the sizes around a
// batch's, none included.
func TestWritePeople(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Write(dir, 2*peopleBatch+3, 5); err != nil {
		t.Fatal(err)
	}
	c, err := content.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	r := register.New(c, synth.AsOf)
	all := bySlug(r)
	def := r.Site.Languages.Default()
	for _, n := range []int{0, 1, peopleBatch - 1, peopleBatch, peopleBatch + 1, len(all)} {
		people := all[:n]
		var want bytes.Buffer
		bw := bufio.NewWriter(&want)
		var one bytes.Buffer
		enc := json.NewEncoder(&one)
		enc.SetEscapeHTML(false)
		err := jsonLines(bw, `,"people":`, n, func(i int) error {
			one.Reset()
			err := enc.Encode(newJSONPerson(r.Site, people[i], def))
			bw.Write(bytes.TrimSuffix(one.Bytes(), []byte("\n")))
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		bw.Flush()
		var got bytes.Buffer
		cw := &counted{w: &got}
		bw = bufio.NewWriter(cw)
		if err := writePeople(bw, cw, r.Site, people, def, nil); err != nil {
			t.Fatal(err)
		}
		bw.Flush()
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%d people: the batches write other bytes than one encoder", n)
		}
	}
}
