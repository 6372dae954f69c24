// Command jsoncases fills the expected columns of testdata/core/json/*.tsv with what Go 1.19's
// encoding/json (and, for floats, sigs.k8s.io/yaml) produce. Run through ../generate.sh.
package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"sigs.k8s.io/yaml"

	"helmcore/common"
)

func decodeFloat(in string) (interface{}, error) {
	var v interface{}
	err := json.Unmarshal([]byte(in), &v)
	return v, err
}

func decodeTyped(in string) (interface{}, error) {
	// json.Unmarshal's checkValid runs first, so syntax errors are the same as untyped.
	if !json.Valid([]byte(in)) {
		return decodeFloat(in)
	}
	d := json.NewDecoder(strings.NewReader(in))
	d.UseNumber()
	var v interface{}
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	return common.Typed(v)
}

func marshal(v interface{}, html bool) string {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(html)
	if err := e.Encode(v); err != nil {
		return "error: " + err.Error()
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func indent(v interface{}, prefix, ind string) string {
	b, err := json.MarshalIndent(v, prefix, ind)
	if err != nil {
		return "error: " + err.Error()
	}
	return string(b)
}

func main() {
	dir := filepath.Join(os.Args[1], "json")
	common.ReadTable(filepath.Join(dir, "decode.tsv")).Fill(func(in string) []string {
		f, ferr := decodeFloat(in)
		t, terr := decodeTyped(in)
		return []string{common.Result(f, ferr), common.Result(t, terr)}
	})
	common.ReadTable(filepath.Join(dir, "encode.tsv")).Fill(func(in string) []string {
		f, err := decodeFloat(in)
		if err != nil {
			panic(in + ": " + err.Error())
		}
		t, _ := decodeTyped(in)
		return []string{marshal(f, true), indent(f, "", "  "), indent(f, ">", "\t"), marshal(f, false), marshal(t, true)}
	})
	common.ReadTable(filepath.Join(dir, "strings.tsv")).Fill(func(in string) []string {
		return []string{marshal(in, true), marshal(in, false)}
	})
	common.ReadTable(filepath.Join(dir, "floats.tsv")).Fill(func(in string) []string {
		bits, err := strconv.ParseUint(in, 0, 64)
		if err != nil {
			panic(err)
		}
		f := math.Float64frombits(bits)
		y, err := yaml.Marshal(f)
		ys := strings.TrimSuffix(string(y), "\n")
		if err != nil {
			ys = "error: " + err.Error()
		}
		return []string{strconv.FormatFloat(f, 'g', -1, 64), marshal(f, true), marshal(float32(f), true), ys}
	})
}
