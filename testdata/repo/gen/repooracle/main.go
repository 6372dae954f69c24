// repooracle writes the expected results of testdata/repo/ cases from Go's own libraries and
// the oracle's chart model, replaying what Helm v3.21.4's pkg/repo and internal/resolver do
// (loadIndex, IndexDirectory, `repo index --merge`, HashReq). It is our code, written from
// Helm's behaviour; the types carry Helm's JSON tags because the output depends on them.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/Masterminds/semver/v3"
	"sigs.k8s.io/yaml"

	"helmoracle/chart"
)

// The fixed clock of every case (the tests set the same time).
var now = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

type ChartVersion struct {
	*chart.Metadata
	URLs                    []string  `json:"urls"`
	Created                 time.Time `json:"created,omitempty"`
	Removed                 bool      `json:"removed,omitempty"`
	Digest                  string    `json:"digest,omitempty"`
	ChecksumDeprecated      string    `json:"checksum,omitempty"`
	EngineDeprecated        string    `json:"engine,omitempty"`
	TillerVersionDeprecated string    `json:"tillerVersion,omitempty"`
	URLDeprecated           string    `json:"url,omitempty"`
}

type ChartVersions []*ChartVersion

func (c ChartVersions) Len() int      { return len(c) }
func (c ChartVersions) Swap(i, j int) { c[i], c[j] = c[j], c[i] }
func (c ChartVersions) Less(a, b int) bool {
	i, err := semver.NewVersion(c[a].Version)
	if err != nil {
		return true
	}
	j, err := semver.NewVersion(c[b].Version)
	if err != nil {
		return false
	}
	return i.LessThan(j)
}

type IndexFile struct {
	ServerInfo  map[string]interface{}   `json:"serverInfo,omitempty"`
	APIVersion  string                   `json:"apiVersion"`
	Generated   time.Time                `json:"generated"`
	Entries     map[string]ChartVersions `json:"entries"`
	PublicKeys  []string                 `json:"publicKeys,omitempty"`
	Annotations map[string]string        `json:"annotations,omitempty"`
}

func newIndexFile() *IndexFile {
	return &IndexFile{APIVersion: "v1", Generated: now, Entries: map[string]ChartVersions{}, PublicKeys: []string{}}
}

func (i *IndexFile) sortEntries() {
	for _, v := range i.Entries {
		sort.Sort(sort.Reverse(v))
	}
}

func (i *IndexFile) get(name, version string) (*ChartVersion, error) {
	vs, ok := i.Entries[name]
	if !ok || len(vs) == 0 {
		return nil, fmt.Errorf("no chart")
	}
	c, err := semver.NewConstraint(version)
	if err != nil {
		return nil, err
	}
	for _, v := range vs {
		if v.Version == version {
			return v, nil
		}
	}
	for _, v := range vs {
		t, err := semver.NewVersion(v.Version)
		if err == nil && c.Check(t) {
			return v, nil
		}
	}
	return nil, fmt.Errorf("no version")
}

func (i *IndexFile) merge(f *IndexFile) {
	for _, cvs := range f.Entries {
		for _, cv := range cvs {
			if _, err := i.get(cv.Name, cv.Version); err != nil {
				i.Entries[cv.Name] = append(i.Entries[cv.Name], cv)
			}
		}
	}
}

func urlJoin(base string, paths ...string) string {
	// urlutil.URLJoin: base's path joined by path.Join (bases here always parse).
	i := strings.Index(base, "://")
	if i < 0 {
		return path.Join(append([]string{base}, paths...)...)
	}
	rest := base[i+3:]
	host, p := rest, ""
	if s := strings.IndexByte(rest, '/'); s >= 0 {
		host, p = rest[:s], rest[s:]
	}
	return base[:i+3] + host + path.Join(append([]string{p}, paths...)...)
}

func (i *IndexFile) mustAdd(md *chart.Metadata, filename, baseURL, digest string) error {
	if md.APIVersion == "" {
		md.APIVersion = "v1"
	}
	if err := md.Validate(); err != nil {
		return fmt.Errorf("validate failed for %s: %w", filename, err)
	}
	u := filename
	if baseURL != "" {
		_, file := filepath.Split(filename)
		u = urlJoin(baseURL, file)
	}
	i.Entries[md.Name] = append(i.Entries[md.Name], &ChartVersion{URLs: []string{u}, Metadata: md, Digest: digest, Created: now})
	return nil
}

func indexDirectory(dir, baseURL string) (*IndexFile, error) {
	archives, _ := filepath.Glob(filepath.Join(dir, "*.tgz"))
	more, _ := filepath.Glob(filepath.Join(dir, "**/*.tgz"))
	archives = append(archives, more...)
	index := newIndexFile()
	for _, arch := range archives {
		fname, _ := filepath.Rel(dir, arch)
		parentDir, fname := filepath.Split(fname)
		parentDir = strings.TrimSuffix(parentDir, "/")
		parentURL := urlJoin(baseURL, parentDir)
		c, err := chart.Load(arch)
		if err != nil {
			continue
		}
		b, _ := os.ReadFile(arch)
		sum := sha256.Sum256(b)
		if err := index.mustAdd(c.Metadata, fname, parentURL, hex.EncodeToString(sum[:])); err != nil {
			return index, fmt.Errorf("failed adding to %s to index: %w", fname, err)
		}
	}
	return index, nil
}

var logs []string

func loadIndex(data []byte, source string) (*IndexFile, error) {
	i := &IndexFile{}
	if len(data) == 0 {
		return i, fmt.Errorf("empty index.yaml file")
	}
	var err error
	if json.Valid(data) {
		err = json.Unmarshal(data, i)
	} else {
		err = yaml.UnmarshalStrict(data, i)
	}
	if err != nil {
		return i, err
	}
	for name, cvs := range i.Entries {
		for idx := len(cvs) - 1; idx >= 0; idx-- {
			if cvs[idx] == nil {
				logs = append(logs, fmt.Sprintf("index.go:359: skipping loading invalid entry for chart %q from %s: empty entry", name, source))
				cvs = append(cvs[:idx], cvs[idx+1:]...)
				continue
			}
			if cvs[idx].Metadata == nil {
				cvs[idx].Metadata = &chart.Metadata{}
			}
			if cvs[idx].APIVersion == "" {
				cvs[idx].APIVersion = "v1"
			}
			if err := cvs[idx].Validate(); err != nil && !strings.HasPrefix(err.Error(), "validation: more than one dependency with name or alias") {
				logs = append(logs, fmt.Sprintf("index.go:371: skipping loading invalid entry for chart %q %q from %s: %s", name, cvs[idx].Version, source, err))
				cvs = append(cvs[:idx], cvs[idx+1:]...)
			}
		}
		i.Entries[name] = cvs
	}
	i.sortEntries()
	if i.APIVersion == "" {
		return i, fmt.Errorf("no API version specified")
	}
	return i, nil
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func marshal(i interface{}, asJSON bool) string {
	var b []byte
	var err error
	if asJSON {
		b, err = json.MarshalIndent(i, "", "  ")
	} else {
		b, err = yaml.Marshal(i)
	}
	must(err)
	return string(b)
}

var go119Time = regexp.MustCompile(`parsing time "\\"(.*)\\"" as "\\"(.*)\\"": cannot parse "(.*)\\"" as`)

// helmError words an error as Helm's build prints it: the types live in package repo, and
// Go 1.20 changed Time.UnmarshalJSON to parse the text without its quotes (Helm v3.21.4 is
// built with a newer Go than Debian's 1.19).
func helmError(err error) string {
	s := strings.ReplaceAll(err.Error(), "main.", "repo.")
	return go119Time.ReplaceAllString(s, `parsing time "$1" as "$2": cannot parse "$3" as`)
}

// index/load/NAME.{yaml,json} -> NAME.want: sorted log lines, then the error or the index.
func loadCases(data string) {
	files, _ := filepath.Glob(filepath.Join(data, "index", "load", "*"))
	for _, f := range files {
		ext := filepath.Ext(f)
		if ext != ".yaml" && ext != ".json" {
			continue
		}
		b, err := os.ReadFile(f)
		must(err)
		logs = nil
		idx, err := loadIndex(b, filepath.Base(f))
		var out strings.Builder
		sort.Strings(logs)
		out.WriteString("--- log\n")
		for _, l := range logs {
			out.WriteString(l + "\n")
		}
		if err != nil {
			out.WriteString("--- error\n" + helmError(err) + "\n")
		} else {
			// capstan does not model Go's nil map and slices apart from empty ones (nothing
			// Helm writes shows the difference): print both as empty.
			if idx.Entries == nil {
				idx.Entries = map[string]ChartVersions{}
			}
			for k, v := range idx.Entries {
				if v == nil {
					idx.Entries[k] = ChartVersions{}
				}
			}
			out.WriteString("--- yaml\n" + marshal(idx, false))
		}
		must(os.WriteFile(strings.TrimSuffix(f, ext)+".want", []byte(out.String()), 0644))
	}
}

func copyTree(src, dst string) {
	must(filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(target, 0755)
		}
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.Create(target)
		if err != nil {
			return err
		}
		defer out.Close()
		_, err = io.Copy(out, in)
		return err
	}))
}

// index/generate/NAME.args ("--url U", "--merge FILE" relative to index/generate, "--json")
// over a copy of packages/ -> NAME.want: the index.yaml `repo index` writes, or the error.
func generateCases(data string) {
	files, _ := filepath.Glob(filepath.Join(data, "index", "generate", "*.args"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		must(err)
		args := strings.Fields(string(b))
		var url, merge string
		asJSON := false
		for k := 0; k < len(args); k++ {
			switch args[k] {
			case "--url":
				k++
				url = args[k]
			case "--merge":
				k++
				merge = filepath.Join(filepath.Dir(f), args[k])
			case "--json":
				asJSON = true
			}
		}
		tmp, err := os.MkdirTemp("", "repooracle")
		must(err)
		copyTree(filepath.Join(data, "packages"), tmp)
		var out string
		idx, err := indexDirectory(tmp, url)
		if err == nil && merge != "" {
			if _, statErr := os.Stat(merge); os.IsNotExist(statErr) {
				// Helm writes an empty index there and merges it: nothing is added.
			} else {
				var old *IndexFile
				mb, _ := os.ReadFile(merge)
				old, err = loadIndex(mb, merge)
				if err != nil {
					err = fmt.Errorf("merge failed: error loading %s: %w", filepath.Base(merge), err)
				} else {
					idx.merge(old)
				}
			}
		}
		if err != nil {
			out = "--- error\n" + helmError(err) + "\n"
		} else {
			idx.sortEntries()
			out = marshal(idx, asJSON)
		}
		os.RemoveAll(tmp)
		must(os.WriteFile(strings.TrimSuffix(f, ".args")+".want", []byte(out), 0644))
	}
}

type Lock struct {
	Generated    time.Time           `json:"generated"`
	Digest       string              `json:"digest"`
	Dependencies []*chart.Dependency `json:"dependencies"`
}

// lock/NAME.yaml {req: [...], lock: [...]} -> NAME.want: HashReq's digest and the Chart.lock
// writeLock writes for it.
func lockCases(data string) {
	files, _ := filepath.Glob(filepath.Join(data, "lock", "*.yaml"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		must(err)
		var in struct {
			Req  []*chart.Dependency `json:"req"`
			Lock []*chart.Dependency `json:"lock"`
		}
		must(yaml.Unmarshal(b, &in))
		j, err := json.Marshal([2][]*chart.Dependency{in.Req, in.Lock})
		must(err)
		sum := sha256.Sum256(j)
		digest := "sha256:" + hex.EncodeToString(sum[:])
		lock := marshal(&Lock{Generated: now, Digest: digest, Dependencies: in.Lock}, false)
		must(os.WriteFile(strings.TrimSuffix(f, ".yaml")+".want", []byte("--- json\n"+string(j)+"\n--- lock\n"+lock), 0644))
	}
}

func main() {
	data := os.Args[1]
	loadCases(data)
	generateCases(data)
	lockCases(data)
}
