// package-gen: the expected `helm package` archive of each test chart, computed in Go the way
// Helm's chartutil.Save writes it (Go's archive/tar, sigs.k8s.io/yaml.Marshal of the loaded
// metadata, values.yaml as written, Helm's member order), over the oracle's chart loader.
// Helm stamps time.Now() on every entry; this writes mtime 0, as capstan does, so the
// uncompressed tar must match byte for byte. Built and run by regen.sh; never used by tests.
//
//	package-gen OUT_DIR CHART_DIR...   writes OUT_DIR/<basename>.members
package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"sigs.k8s.io/yaml"

	"helmoracle/chart"
)

// lock mirrors chart.Lock's JSON shape (what Helm marshals into the packaged Chart.lock).
type lock struct {
	Generated    time.Time           `json:"generated"`
	Digest       string              `json:"digest"`
	Dependencies []*chart.Dependency `json:"dependencies"`
}

type member struct {
	name string
	data []byte
}

// source is where a loaded chart's raw files live: a directory, or an archive's members.
type source struct {
	dir     string
	archive map[string][]byte // relative names, when loaded from a .tgz
}

func (s source) read(name string) ([]byte, bool) {
	if s.archive != nil {
		b, ok := s.archive[name]
		return b, ok
	}
	b, err := os.ReadFile(filepath.Join(s.dir, name))
	if err != nil {
		return nil, false
	}
	return bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF}), true
}

// subchartSource: the oracle loads charts/ entries in sorted order, skipping names starting
// with '_' or '.'; the i-th loaded subchart comes from the i-th such entry.
func (s source) subchartSources() []source {
	var names []string
	seen := map[string]bool{}
	if s.archive != nil {
		for n := range s.archive {
			if strings.HasPrefix(n, "charts/") && filepath.Ext(n) != ".prov" {
				first := strings.SplitN(strings.TrimPrefix(n, "charts/"), "/", 2)[0]
				if !seen[first] {
					seen[first] = true
					names = append(names, first)
				}
			}
		}
	} else {
		entries, _ := os.ReadDir(filepath.Join(s.dir, "charts"))
		for _, e := range entries {
			if filepath.Ext(e.Name()) != ".prov" {
				names = append(names, e.Name())
			}
		}
	}
	sort.Strings(names)
	var out []source
	for _, n := range names {
		if strings.IndexAny(n, "_.") == 0 {
			continue
		}
		if filepath.Ext(n) == ".tgz" {
			data, _ := s.read("charts/" + n)
			out = append(out, source{archive: unpack(data)})
		} else if s.archive != nil {
			sub := map[string][]byte{}
			for k, v := range s.archive {
				if strings.HasPrefix(k, "charts/"+n+"/") {
					sub[strings.TrimPrefix(k, "charts/"+n+"/")] = v
				}
			}
			out = append(out, source{archive: sub})
		} else {
			out = append(out, source{dir: filepath.Join(s.dir, "charts", n)})
		}
	}
	return out
}

func unpack(tgz []byte) map[string][]byte {
	out := map[string][]byte{}
	zr, err := gzip.NewReader(bytes.NewReader(tgz))
	if err != nil {
		panic(err)
	}
	tr := tar.NewReader(zr)
	for {
		hd, err := tr.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			panic(err)
		}
		if hd.Typeflag == tar.TypeDir {
			continue
		}
		b, _ := io.ReadAll(tr)
		parts := strings.SplitN(hd.Name, "/", 2)
		out[parts[1]] = bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})
	}
}

// members follows writeTarContents.
func members(c *chart.Chart, src source, prefix string) []member {
	base := path.Join(prefix, c.Name())
	md := *c.Metadata
	if md.APIVersion == chart.APIVersionV1 {
		md.Dependencies = nil
	}
	cdata, err := yaml.Marshal(md)
	if err != nil {
		panic(err)
	}
	out := []member{{path.Join(base, "Chart.yaml"), cdata}}
	if md.APIVersion == chart.APIVersionV2 {
		if raw, ok := src.read("Chart.lock"); ok {
			var l *lock
			if err := yaml.Unmarshal(raw, &l); err != nil {
				panic(err)
			}
			ldata, err := yaml.Marshal(l)
			if err != nil {
				panic(err)
			}
			out = append(out, member{path.Join(base, "Chart.lock"), ldata})
		}
	}
	if c.Values != nil {
		raw, _ := src.read("values.yaml")
		out = append(out, member{path.Join(base, "values.yaml"), raw})
	}
	if c.Schema != nil {
		out = append(out, member{path.Join(base, "values.schema.json"), c.Schema})
	}
	for _, f := range c.Templates {
		out = append(out, member{path.Join(base, f.Name), f.Data})
	}
	for _, f := range c.Files {
		out = append(out, member{path.Join(base, f.Name), f.Data})
	}
	subs := src.subchartSources()
	for i, d := range c.Dependencies() {
		out = append(out, members(d, subs[i], path.Join(base, "charts"))...)
	}
	return out
}

func main() {
	outDir := os.Args[1]
	for _, dir := range os.Args[2:] {
		c, err := chart.LoadDir(dir)
		if err != nil {
			panic(err)
		}
		ms := members(c, source{dir: dir}, "")
		var tarBuf bytes.Buffer
		tw := tar.NewWriter(&tarBuf)
		var listing strings.Builder
		for _, m := range ms {
			hd := &tar.Header{Name: m.name, Mode: 0644, Size: int64(len(m.data)), ModTime: time.Unix(0, 0)}
			if err := tw.WriteHeader(hd); err != nil {
				panic(err)
			}
			if _, err := tw.Write(m.data); err != nil {
				panic(err)
			}
			fmt.Fprintf(&listing, "%s %d %x\n", m.name, len(m.data), sha256.Sum256(m.data))
			if strings.HasSuffix(m.name, "/Chart.yaml") || strings.HasSuffix(m.name, "/Chart.lock") {
				for _, line := range strings.SplitAfter(string(m.data), "\n") {
					if line != "" {
						listing.WriteString("  | " + line)
					}
				}
			}
		}
		if err := tw.Close(); err != nil {
			panic(err)
		}
		fmt.Fprintf(&listing, "tar %d %x\n", tarBuf.Len(), sha256.Sum256(tarBuf.Bytes()))
		name := filepath.Base(filepath.Clean(dir))
		if err := os.WriteFile(filepath.Join(outDir, name+".members"), []byte(listing.String()), 0644); err != nil {
			panic(err)
		}
	}
}
