// Writes release records exactly as Helm v3.21's Secret driver does: json.Marshal of the
// release structs (same field names, order and omitempty rules as helm.sh/helm/v3/pkg/release
// and pkg/chart), gzip at BestCompression, base64. capstan's decoder must read these and its
// JSON encoder must reproduce sample.json byte for byte.
//
//	go run ./records OUTDIR
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"time"
)

// helm's pkg/time.Time: the zero value marshals as "".
type hTime struct{ time.Time }

func (t hTime) MarshalJSON() ([]byte, error) {
	if t.Time.IsZero() {
		return []byte(`""`), nil
	}
	return t.Time.MarshalJSON()
}

type Maintainer struct {
	Name  string `json:"name,omitempty"`
	Email string `json:"email,omitempty"`
	URL   string `json:"url,omitempty"`
}

type Dependency struct {
	Name         string        `json:"name"`
	Version      string        `json:"version,omitempty"`
	Repository   string        `json:"repository"`
	Condition    string        `json:"condition,omitempty"`
	Tags         []string      `json:"tags,omitempty"`
	Enabled      bool          `json:"enabled,omitempty"`
	ImportValues []interface{} `json:"import-values,omitempty"`
	Alias        string        `json:"alias,omitempty"`
}

type Metadata struct {
	Name         string            `json:"name,omitempty"`
	Home         string            `json:"home,omitempty"`
	Sources      []string          `json:"sources,omitempty"`
	Version      string            `json:"version,omitempty"`
	Description  string            `json:"description,omitempty"`
	Keywords     []string          `json:"keywords,omitempty"`
	Maintainers  []*Maintainer     `json:"maintainers,omitempty"`
	Icon         string            `json:"icon,omitempty"`
	APIVersion   string            `json:"apiVersion,omitempty"`
	Condition    string            `json:"condition,omitempty"`
	Tags         string            `json:"tags,omitempty"`
	AppVersion   string            `json:"appVersion,omitempty"`
	Deprecated   bool              `json:"deprecated,omitempty"`
	Annotations  map[string]string `json:"annotations,omitempty"`
	KubeVersion  string            `json:"kubeVersion,omitempty"`
	Dependencies []*Dependency     `json:"dependencies,omitempty"`
	Type         string            `json:"type,omitempty"`
}

type Lock struct {
	Generated    time.Time     `json:"generated"`
	Digest       string        `json:"digest"`
	Dependencies []*Dependency `json:"dependencies"`
}

type File struct {
	Name string `json:"name"`
	Data []byte `json:"data"`
}

type Chart struct {
	Metadata  *Metadata              `json:"metadata"`
	Lock      *Lock                  `json:"lock"`
	Templates []*File                `json:"templates"`
	Values    map[string]interface{} `json:"values"`
	Schema    []byte                 `json:"schema"`
	Files     []*File                `json:"files"`
}

type HookExecution struct {
	StartedAt   hTime  `json:"started_at,omitempty"`
	CompletedAt hTime  `json:"completed_at,omitempty"`
	Phase       string `json:"phase"`
}

type Hook struct {
	Name              string        `json:"name,omitempty"`
	Kind              string        `json:"kind,omitempty"`
	Path              string        `json:"path,omitempty"`
	Manifest          string        `json:"manifest,omitempty"`
	Events            []string      `json:"events,omitempty"`
	LastRun           HookExecution `json:"last_run,omitempty"`
	Weight            int           `json:"weight,omitempty"`
	DeletePolicies    []string      `json:"delete_policies,omitempty"`
	OutputLogPolicies []string      `json:"output_log_policies,omitempty"`
}

type Info struct {
	FirstDeployed hTime  `json:"first_deployed,omitempty"`
	LastDeployed  hTime  `json:"last_deployed,omitempty"`
	Deleted       hTime  `json:"deleted"`
	Description   string `json:"description,omitempty"`
	Status        string `json:"status,omitempty"`
	Notes         string `json:"notes,omitempty"`
}

type Release struct {
	Name      string                 `json:"name,omitempty"`
	Info      *Info                  `json:"info,omitempty"`
	Chart     *Chart                 `json:"chart,omitempty"`
	Config    map[string]interface{} `json:"config,omitempty"`
	Manifest  string                 `json:"manifest,omitempty"`
	Hooks     []*Hook                `json:"hooks,omitempty"`
	Version   int                    `json:"version,omitempty"`
	Namespace string                 `json:"namespace,omitempty"`
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func sample() *Release {
	deployed := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	upgraded := time.Date(2026, 1, 2, 3, 4, 5, 120000000, time.FixedZone("", 3600))
	manifest := "---\n# Source: demo/templates/service.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: demo-service\n---\n# Source: demo/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: demo\n"
	return &Release{
		Name: "demo",
		Info: &Info{
			FirstDeployed: hTime{deployed},
			LastDeployed:  hTime{upgraded},
			Description:   "Upgrade complete",
			Status:        "deployed",
			Notes:         "Visit <http://demo> & enjoy\n",
		},
		Chart: &Chart{
			Metadata: &Metadata{
				Name:        "demo",
				Sources:     []string{"https://github.com/cloudnativedevops/cloudnatived"},
				Version:     "1.0.1",
				APIVersion:  "v2",
				AppVersion:  "1.16.0",
				Maintainers: []*Maintainer{{Name: "ops", Email: "ops@example.com"}},
				Annotations: map[string]string{"zeta": "z", "alpha": "a"},
				Dependencies: []*Dependency{{Name: "sub", Version: "0.1.0", Repository: "",
					Enabled: true}},
			},
			Templates: []*File{
				{Name: "templates/deployment.yaml", Data: []byte("kind: Deployment\n")},
				{Name: "templates/service.yaml", Data: []byte("kind: Service\n")},
			},
			Values: map[string]interface{}{
				"replicas":    float64(1),
				"environment": "development",
				"container":   map[string]interface{}{"name": "demo", "port": float64(8888)},
			},
			Files: []*File{{Name: "staging-values.yaml", Data: []byte("environment: staging\n")}},
		},
		Config:   map[string]interface{}{"replicas": float64(3), "big": 1e21, "small": 1e-7},
		Manifest: manifest,
		Hooks: []*Hook{{
			Name: "demo-test", Kind: "Pod", Path: "demo/templates/tests/test.yaml",
			Manifest: "kind: Pod\n", Events: []string{"test"}, Weight: -5,
			DeletePolicies: []string{"before-hook-creation"},
		}},
		Version:   2,
		Namespace: "default",
	}
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	must(err)
	_, err = w.Write(b)
	must(err)
	must(w.Close())
	return buf.Bytes()
}

func main() {
	out := os.Args[1]
	j, err := json.Marshal(sample())
	must(err)
	must(os.WriteFile(filepath.Join(out, "sample.json"), j, 0o644))
	must(os.WriteFile(filepath.Join(out, "sample.record"),
		[]byte(base64.StdEncoding.EncodeToString(gz(j))), 0o644))
	// Records written before Helm compressed them: plain JSON, base64.
	must(os.WriteFile(filepath.Join(out, "sample-plain.record"),
		[]byte(base64.StdEncoding.EncodeToString(j)), 0o644))
	// A chart-less, minimal release: omitempty and null rules.
	minimal := &Release{Name: "bare", Info: &Info{Status: "uninstalled"}, Version: 1}
	j, err = json.Marshal(minimal)
	must(err)
	must(os.WriteFile(filepath.Join(out, "minimal.json"), j, 0o644))
	// A chart with no metadata, templates or values (nil slices and maps print null).
	empty := &Release{Name: "e", Info: &Info{Status: "failed"}, Chart: &Chart{}, Version: 3}
	j, err = json.Marshal(empty)
	must(err)
	must(os.WriteFile(filepath.Join(out, "empty-chart.json"), j, 0o644))
}
