package export_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"testing"
	"testing/fstest"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/export"
	"github.com/tizim/tizim/internal/register"
	"github.com/tizim/tizim/internal/testkit/synth"
)

// syntheticSite makes a register of n people shaped like the shipped
// Kazakhstan site's case files: three languages, names and texts in all of
// them, three or four events each, so that sizes measured here extrapolate
// to a real register.
func syntheticSite(n int) fstest.MapFS {
	fsys := fstest.MapFS{
		"content/site.yaml": {Data: []byte(`title: {en: Bench, ru: Бенч, kk: Бенч}
base_url: https://example.org/kazakhstan/
languages: [en, ru, kk]
license: CC BY 4.0
`)},
		"content/sources/s.yaml": {Data: []byte(`- id: rferl-2020-09-08-register-update
  title: Kazakh Activists Update List Of Political Prisoners
  publisher: RFE/RL
  date: 2020-09-08
  url: https://www.rferl.org/a/30827491.html
  lang: en
- id: news-2021-01-22-release
  title: "[Court frees an activist]"
  date: 2021-01-22
  lang: ru
`)},
	}
	for i := range n {
		data := fmt.Appendf(nil, `name: Qairat Qylyshev %[1]d
names: {ru: Кайрат Кылышев %[1]d, kk: Қайрат Қылышев %[1]d}
aliases: [Kairat Kylyshev %[1]d]
born: 19%02[2]d
gender: male
region: Region %[3]d
occupation: {en: civil rights activist, ru: гражданский активист, kk: азаматтық белсенді}
groups: [Street Party]
tags: [banned opposition, protests]
charges:
  - article: art. 405
    text:
      en: membership of a banned political group, the Street Party
      ru: членство в запрещённой политической группе «Көше партиясы»
      kk: тыйым салынған «Көше партиясы» саяси тобына мүше болу
events:
  - date: 2020-0%[4]d-1%[5]d
    type: detained
    text:
      en: He is held in a pretrial detention centre in Almaty on a charge of belonging to the banned Street Party.
      ru: Он содержится в следственном изоляторе в Алматы по обвинению в принадлежности к запрещённой группе «Көше партиясы».
      kk: Ол тыйым салынған «Көше партиясына» мүше болды деген айыппен Алматыдағы тергеу изоляторында ұсталып отыр.
    facility: SIZO No. 1, Almaty
    sources: [rferl-2020-09-08-register-update]
  - date: 2020-09-08
    type: recognized
    by: Ar.Rukh.Khaq
    text:
      en: Kazakh human rights defenders add him to their register of political prisoners.
      ru: Казахстанские правозащитники включают его в свой список политзаключённых.
      kk: Қазақстандық құқық қорғаушылар оны саяси тұтқындар тізіміне қосады.
    sources: [rferl-2020-09-08-register-update]
  - date: 2020-1%[6]d~
    type: sentenced
    text:
      en: The Medeu District Court sentences him to %[7]d years in prison.
      ru: Медеуский районный суд приговаривает его к %[7]d годам лишения свободы.
      kk: Медеу аудандық соты оған %[7]d жыл бас бостандығынан айыру жазасын тағайындайды.
    court: Medeu District Court
    judge: A. Judge
    sentence: {kind: prison, term: %[7]dy}
    sources: [rferl-2020-09-08-register-update, news-2021-01-22-release]
`, i, 50+i%50, i%17, 1+i%8, i%10, i%3, 1+i%9)
		if i%3 == 0 { // a third have been released
			data = append(data, `  - date: 2021-01-22
    type: released
    text:
      en: The court releases him on parole.
      ru: Суд освобождает его условно-досрочно.
      kk: Сот оны шартты түрде мерзімінен бұрын босатады.
    sources: [news-2021-01-22-release]
`...)
		}
		fsys[fmt.Sprintf("content/people/person-%06d/case.yaml", i)] = &fstest.MapFile{Data: data}
	}
	return fsys
}

// BenchmarkExport10k exports a register of 10,000 people and reports each
// file's size, plain and gzipped (as GitHub Pages serves it), and for JSON
// the size it would have indented by two spaces.
func BenchmarkExport10k(b *testing.B) {
	// On disk, not in a MapFS, whose directory reads scan every file and
	// would make loading quadratic.
	dir := b.TempDir()
	if err := os.CopyFS(dir, syntheticSite(10000)); err != nil {
		b.Fatal(err)
	}
	r := load(b, os.DirFS(dir))
	for _, tc := range []struct {
		name string
		f    func(*register.Register) ([]byte, error)
	}{
		{export.JSONFile, export.JSON},
		{export.PeopleFile, export.PeopleCSV},
		{export.EventsFile, export.EventsCSV},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var out []byte
			for b.Loop() {
				var err error
				if out, err = tc.f(r); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(out)), "bytes")
			b.ReportMetric(float64(gzipped(b, out)), "gzip-bytes")
			if tc.name == export.JSONFile {
				var ind bytes.Buffer
				if err := json.Indent(&ind, out, "", "  "); err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(ind.Len()), "indented-bytes")
			}
		})
	}
}

func gzipped(b *testing.B, data []byte) int {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	if _, err := w.Write(data); err != nil {
		b.Fatal(err)
	}
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
	return buf.Len()
}

// BenchmarkWrite2k writes each file of a synthetic register of 2,000
// people (package synth, shaped like a real one) to io.Discard, so that
// B/op and allocs/op show what an export allocates; "bytes" is the file's
// size, to compare B/op with. "stream" is the Write function, "whole" the
// function that returns the file, whose B/op includes the file itself and
// the copies its buffer made as it grew. Memory, not time, is what this
// measures: at 100,000 people the data files are the largest things a
// build makes, and B/op is exact where timings on a shared machine are
// not.
//
//	go test -run x -bench Write2k -benchmem ./internal/export/
func BenchmarkWrite2k(b *testing.B) {
	r := synthRegister(b, 2000)
	for _, tc := range streams {
		b.Run(tc.name+"/stream", func(b *testing.B) {
			b.ReportAllocs()
			var w counting
			for b.Loop() {
				if err := tc.write(&w, r); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(w.n/int64(b.N)), "bytes")
		})
		b.Run(tc.name+"/whole", func(b *testing.B) {
			b.ReportAllocs()
			var n int
			for b.Loop() {
				data, err := tc.whole(r)
				if err != nil {
					b.Fatal(err)
				}
				if n, err = io.Discard.Write(data); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n), "bytes")
		})
	}
}

// counting is io.Discard that counts the bytes it is given.
type counting struct{ n int64 }

func (w *counting) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}

// synthRegister generates a register of n people on disk and loads it.
func synthRegister(b *testing.B, n int) *register.Register {
	b.Helper()
	dir := b.TempDir()
	if err := synth.Write(dir, n, 1); err != nil {
		b.Fatal(err)
	}
	c, err := content.Load(os.DirFS(dir))
	if err != nil {
		b.Fatal(err)
	}
	return register.New(c, synth.AsOf)
}
