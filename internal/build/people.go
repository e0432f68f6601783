package build

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/tizim/tizim/internal/content"
	"github.com/tizim/tizim/internal/site"
)

// The people as the last build loaded them: the file "people" of the
// cache folder holds each person (see content.AppendPerson) with the
// digest of their folder's files as that build read them (see
// personFolders), and the program and languages it read them with. The
// next build takes each person whose folder has the same digest from
// there, and reads only the others' files (see content.LoadKept): at
// 10,000 people, reading, parsing and checking the case files was a
// quarter of the CPU of a rebuild after a one-file edit.
//
// What a person is depends only on their folder's files, the site's
// languages and the program, so the file holds for any output folder. It
// is written when the people loaded differ from it, and by a build that
// makes everything, which removes the cache folder first. The sums of the
// files are the inputs' digest's (see inputsDigest), which reads a file
// again unless its size and times are the same as the last build saw.

// peopleMagic begins the file; its number changes with the encoding.
const peopleMagic = "tizim people 1\n"

func peopleFile(out string) string { return filepath.Join(cacheDir(out), "people") }

// people is what a build knows of the people's cache.
type people struct {
	folders map[string]site.Key        // each person's folder's digest, by slug, as this build read it
	kept    map[string]*content.Person // from the last build's file, whose folders are unchanged
	langs   []string                   // the languages kept were read with
	records int                        // people in the last build's file
	// loaded are the people this build loaded (drafts too), and
	// loadedLangs the languages it read them with, for the next build.
	loaded      []*content.Person
	loadedLangs []string
	// done gives the error of the file start writes, tmp.
	done chan error
	tmp  string
}

// personFolders returns the digest of each person's folder (by slug)
// from the sums of the files the build read: the names and sums of the
// files in it, in order. nil without them.
func personFolders(read map[string]inputFile) map[string]site.Key {
	if read == nil {
		return nil
	}
	const prefix = content.Dir + "/people/"
	files := make(map[string][]string)
	for name := range read {
		if rest, ok := strings.CutPrefix(name, prefix); ok {
			if slug, _, ok := strings.Cut(rest, "/"); ok {
				files[slug] = append(files[slug], name)
			}
		}
	}
	folders := make(map[string]site.Key, len(files))
	var b []byte
	for slug, names := range files {
		slices.Sort(names)
		b = b[:0]
		for _, name := range names {
			sum := read[name].Sum
			b = append(append(append(b, name...), 0), sum[:]...)
		}
		folders[slug] = sha256.Sum256(b)
	}
	return folders
}

// readPeople reads the people's cache of out and keeps the people whose
// folders are as folders has them. A cache that cannot be read, or that
// another program wrote, keeps no one.
func readPeople(out string, folders map[string]site.Key) *people {
	ps := &people{folders: folders}
	prog := program()
	if len(folders) == 0 || prog == nil {
		return ps
	}
	f, err := os.Open(peopleFile(out))
	if err != nil {
		return ps
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<16)
	magic := make([]byte, len(peopleMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != peopleMagic {
		return ps
	}
	str := func() (string, bool) {
		n, err := binary.ReadUvarint(r)
		if err != nil || n > 1<<20 {
			return "", false
		}
		b := make([]byte, n)
		_, err = io.ReadFull(r, b)
		return string(b), err == nil
	}
	if p, ok := str(); !ok || p != string(prog) {
		return ps
	}
	n, err := binary.ReadUvarint(r)
	if err != nil || n > 1<<10 {
		return ps
	}
	langs := make([]string, n)
	for i := range langs {
		var ok bool
		if langs[i], ok = str(); !ok {
			return ps
		}
	}
	// The records are read here and decoded on every core: decoding was
	// most of the time, which every build waits for before it loads.
	type record struct {
		slug string
		data []byte
	}
	todo := make(chan record, 64)
	workers := runtime.GOMAXPROCS(0)
	found := make([][]*content.Person, workers)
	var wg sync.WaitGroup
	for i := range workers {
		wg.Go(func() {
			var dec content.PersonDecoder
			for r := range todo {
				if p, err := dec.Decode(r.data); err == nil && p.Slug == r.slug {
					found[i] = append(found[i], p)
				}
			}
		})
	}
	var (
		key     site.Key
		records int
	)
	for ; ; records++ {
		slug, ok := str()
		if !ok {
			break // the end, or a damaged file: what was read stands
		}
		if _, err := io.ReadFull(r, key[:]); err != nil {
			break
		}
		n, err := binary.ReadUvarint(r)
		if err != nil || n > 1<<30 {
			break
		}
		if folders[slug] != key {
			if _, err := r.Discard(int(n)); err != nil {
				break
			}
			continue
		}
		data := make([]byte, n)
		if _, err := io.ReadFull(r, data); err != nil {
			break
		}
		todo <- record{slug, data}
	}
	close(todo)
	wg.Wait()
	kept := make(map[string]*content.Person, records)
	for _, people := range found {
		for _, p := range people {
			kept[p.Slug] = p
		}
	}
	ps.kept, ps.langs, ps.records = kept, langs, records
	return ps
}

// start writes the people this build loaded, for the next build, into a
// file beside out, while the site renders; [people.finish] moves it into
// the cache folder once the build succeeds, and [people.abandon] removes
// it if not. Unless the build makes everything (anew), which removes the
// cache folder before it writes the new cache, it writes nothing when the
// cache already holds just these people: every one was kept from it, and
// it holds no one else. The people are only read, as rendering reads
// them.
func (ps *people) start(out string, anew bool) {
	prog := program()
	if ps == nil || len(ps.folders) == 0 || prog == nil || ps.loaded == nil {
		return
	}
	loaded, langs := ps.loaded, ps.loadedLangs
	if !anew && ps.records == len(loaded) && slices.Equal(ps.langs, langs) && !slices.ContainsFunc(loaded, func(p *content.Person) bool { return ps.kept[p.Slug] != p }) {
		return
	}
	ps.done = make(chan error, 1)
	go func() {
		f, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".people-")
		if err != nil {
			ps.done <- err
			return
		}
		ps.tmp = f.Name()
		w := bufio.NewWriterSize(f, 1<<16)
		err = ps.encode(w, prog, loaded, langs)
		if err == nil {
			err = w.Flush()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		ps.done <- err
	}()
}

// finish moves the file start wrote into the cache folder of out.
func (ps *people) finish(out string) error {
	if ps == nil || ps.done == nil {
		return nil
	}
	err := <-ps.done
	ps.done = nil
	if err == nil {
		err = os.MkdirAll(cacheDir(out), 0o755)
	}
	if err == nil {
		err = os.Rename(ps.tmp, peopleFile(out))
	}
	if err != nil && ps.tmp != "" {
		os.Remove(ps.tmp)
	}
	return err
}

// abandon removes the file start wrote, unless finish moved it.
func (ps *people) abandon() {
	if ps == nil || ps.done == nil {
		return
	}
	<-ps.done
	ps.done = nil
	if ps.tmp != "" {
		os.Remove(ps.tmp)
	}
}

// encode writes the people's cache of loaded, read with langs by prog.
func (ps *people) encode(w io.Writer, prog []byte, loaded []*content.Person, langs []string) error {
	var b []byte
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = append(b, peopleMagic...)
	str(string(prog))
	b = binary.AppendUvarint(b, uint64(len(langs)))
	for _, l := range langs {
		str(l)
	}
	var rec []byte
	for _, p := range loaded {
		key, ok := ps.folders[p.Slug]
		if !ok {
			continue // a folder made after the walk: read again next time
		}
		rec = content.AppendPerson(rec[:0], p)
		str(p.Slug)
		b = append(b, key[:]...)
		b = binary.AppendUvarint(b, uint64(len(rec)))
		b = append(b, rec...)
		if len(b) >= 1<<16 {
			if _, err := w.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	_, err := w.Write(b)
	return err
}
