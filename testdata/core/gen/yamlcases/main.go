// Command yamlcases fills the expected columns of testdata/core/yaml/*.tsv and writes
// testdata/core/yaml/docs/*.want with what sigs.k8s.io/yaml 1.3.0 on gopkg.in/yaml.v2 2.4.0
// (the oracle's libraries) produce. Run through ../generate.sh.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v2"
	sigsyaml "sigs.k8s.io/yaml"

	"helmcore/common"
)

func marshal(v interface{}) string {
	b, err := sigsyaml.Marshal(v)
	if err != nil {
		return "error: " + err.Error()
	}
	return string(b)
}

// decodeFloat is Helm's path: sigs.k8s.io/yaml.Unmarshal into interface{}.
func decodeFloat(in []byte, strict bool) (interface{}, error) {
	var v interface{}
	var err error
	if strict {
		err = sigsyaml.UnmarshalStrict(in, &v)
	} else {
		err = sigsyaml.Unmarshal(in, &v)
	}
	return v, err
}

// decodeTyped is Kubernetes' path: YAMLToJSON, then JSON with numbers as int64 when they fit.
func decodeTyped(in []byte, strict bool) (interface{}, error) {
	var j []byte
	var err error
	if strict {
		j, err = sigsyaml.YAMLToJSONStrict(in)
	} else {
		j, err = sigsyaml.YAMLToJSON(in)
	}
	if err != nil {
		return nil, fmt.Errorf("error converting YAML to JSON: %v", err)
	}
	d := json.NewDecoder(bytes.NewReader(j))
	d.UseNumber()
	var v interface{}
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	return common.Typed(v)
}

// decodeAll reads every document with yaml.v2's Decoder, each converted as sigs.k8s.io/yaml
// converts one (through JSON, numbers float64); an error anywhere is the whole result.
func decodeAll(in []byte) string {
	d := yaml.NewDecoder(bytes.NewReader(in))
	var parts []string
	for {
		var v interface{}
		err := d.Decode(&v)
		if err == io.EOF {
			break
		}
		if err != nil {
			return "error: error converting YAML to JSON: " + err.Error()
		}
		// Re-encoding with yaml.v2 keeps every yaml.v2 type, so that sigs.k8s.io/yaml's
		// conversion (unexported) can run on the document as Unmarshal would run it.
		j, err := yaml.Marshal(v)
		if err != nil {
			panic(err)
		}
		var out interface{}
		if err := sigsyaml.Unmarshal(j, &out); err != nil {
			return "error: " + err.Error()
		}
		parts = append(parts, common.Dump(out))
	}
	return strings.Join(parts, "\n")
}

func main() {
	dir := filepath.Join(os.Args[1], "yaml")
	common.ReadTable(filepath.Join(dir, "encode_strings.tsv")).Fill(func(s string) []string {
		return []string{
			marshal(map[string]interface{}{"k": s}),
			marshal([]interface{}{s}),
			marshal(s),
			marshal(map[string]interface{}{s: "v"}),
			marshal(map[string]interface{}{"key": map[string]interface{}{"list": []interface{}{s, map[string]interface{}{"x": s}}}}),
		}
	})
	common.ReadTable(filepath.Join(dir, "encode_values.tsv")).Fill(func(in string) []string {
		var f interface{}
		if err := json.Unmarshal([]byte(in), &f); err != nil {
			panic(in + ": " + err.Error())
		}
		d := json.NewDecoder(strings.NewReader(in))
		d.UseNumber()
		var n interface{}
		if err := d.Decode(&n); err != nil {
			panic(err)
		}
		t, err := common.Typed(n)
		if err != nil {
			panic(err)
		}
		return []string{marshal(f), marshal(t)}
	})
	common.ReadTable(filepath.Join(dir, "decode.tsv")).Fill(func(in string) []string {
		f, ferr := decodeFloat([]byte(in), false)
		t, terr := decodeTyped([]byte(in), false)
		s, serr := decodeFloat([]byte(in), true)
		return []string{common.Result(f, ferr), common.Result(t, terr), common.Result(s, serr)}
	})
	common.ReadTable(filepath.Join(dir, "deviations.tsv")).Fill(func(in string) []string {
		f, err := decodeFloat([]byte(in), false)
		return []string{common.Result(f, err)}
	})
	common.ReadTable(filepath.Join(dir, "mutations.tsv")).Fill(func(in string) []string {
		f, err := decodeFloat([]byte(in), false)
		return []string{common.Result(f, err)}
	})
	docs, _ := filepath.Glob(filepath.Join(dir, "docs", "*.yaml"))
	for _, doc := range docs {
		in, err := os.ReadFile(doc)
		if err != nil {
			panic(err)
		}
		f, ferr := decodeFloat(in, false)
		t, terr := decodeTyped(in, false)
		want := "float64: " + common.Result(f, ferr) + "\n" +
			"typed: " + common.Result(t, terr) + "\n" +
			"all:\n" + decodeAll(in) + "\n"
		if ferr == nil {
			want += "toYaml:\n" + marshal(f)
		}
		if err := os.WriteFile(doc+".want", []byte(want), 0o644); err != nil {
			panic(err)
		}
	}
}
