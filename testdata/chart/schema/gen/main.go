// schema-gen: the expected output of capstan's values.schema.json checks, computed with
// santhosh-tekuri/jsonschema v6 (the library Helm 3.21 uses) the way Helm's
// pkg/chartutil.ValidateAgainstSingleSchema calls it. Built by regen.sh; never used by tests.
//
//	schema-gen cases DIR    for each DIR/NAME.schema.json with NAME.values.yaml, writes NAME.out:
//	                        the error text Helm reports ("" when the values are valid)
//	schema-gen suite SUITE  one line per test of the JSON Schema Test Suite at SUITE:
//	                        FILE<TAB>GROUP<TAB>TEST<TAB>valid|invalid<TAB>Go-quoted error text
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"sigs.k8s.io/yaml"
)

const schemaURL = "file:///values.schema.json"

// Helm's loaders, minus the network and the disk (capstan refuses those; cases avoid them).
type helmLoader struct{}

func (helmLoader) Load(url string) (any, error) {
	if strings.HasPrefix(url, "urn:") {
		return jsonschema.UnmarshalJSON(strings.NewReader("true"))
	}
	return nil, errors.New("references outside values.schema.json are not loaded (offline, no local files)")
}

// validateSingle mirrors chartutil.ValidateAgainstSingleSchema and JSONSchemaValidationError.
func validateSingle(values map[string]interface{}, schemaJSON []byte) (reterr error) {
	defer func() {
		if r := recover(); r != nil {
			reterr = fmt.Errorf("unable to validate schema: %s", r)
		}
	}()
	schema, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		return err
	}
	compiler := jsonschema.NewCompiler()
	compiler.UseLoader(jsonschema.SchemeURLLoader{"file": helmLoader{}, "http": helmLoader{}, "https": helmLoader{}, "urn": helmLoader{}})
	if err := compiler.AddResource(schemaURL, schema); err != nil {
		return err
	}
	validator, err := compiler.Compile(schemaURL)
	if err != nil {
		return err
	}
	if err := validator.Validate(values); err != nil {
		s := strings.TrimPrefix(err.Error(), "jsonschema validation failed with 'file:///values.schema.json#'\n")
		return errors.New(s + "\n")
	}
	return nil
}

func cases(dir string) error {
	schemas, err := filepath.Glob(filepath.Join(dir, "*.schema.json"))
	if err != nil {
		return err
	}
	for _, sf := range schemas {
		base := strings.TrimSuffix(sf, ".schema.json")
		schema, err := os.ReadFile(sf)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(base + ".values.yaml")
		if err != nil {
			return err
		}
		values := map[string]interface{}{}
		if err := yaml.Unmarshal(data, &values); err != nil {
			return fmt.Errorf("%s: %v", base, err)
		}
		out := ""
		if err := validateSingle(values, schema); err != nil {
			out = err.Error()
		}
		if err := os.WriteFile(base+".out", []byte(out), 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("wrote %d cases\n", len(schemas))
	return nil
}

type group struct {
	Description string
	Schema      any
	Tests       []struct {
		Description string
		Data        any
		Valid       bool
	}
}

var skip = map[string]bool{"ecmascript-regex.json": true, "zeroTerminatedFloats.json": true, "idn-email.json": true, "idn-hostname.json": true}

type remotes string

func (r remotes) Load(url string) (any, error) {
	if rem := strings.TrimPrefix(url, "http://localhost:1234/"); rem != url {
		f, err := os.Open(filepath.Join(string(r), "remotes", rem))
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return jsonschema.UnmarshalJSON(f)
	}
	return nil, errors.New("no internet")
}

func suite(root string) error {
	drafts := []struct {
		dir   string
		draft *jsonschema.Draft
	}{{"draft4", jsonschema.Draft4}, {"draft6", jsonschema.Draft6}, {"draft7", jsonschema.Draft7}, {"draft2019-09", jsonschema.Draft2019}, {"draft2020-12", jsonschema.Draft2020}}
	for _, d := range drafts {
		var files []string
		filepath.Walk(filepath.Join(root, "tests", d.dir), func(p string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() && strings.HasSuffix(p, ".json") && !skip[info.Name()] {
				files = append(files, p)
			}
			return nil
		})
		sort.Strings(files)
		for _, file := range files {
			rel, _ := filepath.Rel(filepath.Join(root, "tests"), file)
			optional := strings.Contains(rel, "/optional/")
			raw, err := os.ReadFile(file)
			if err != nil {
				return err
			}
			var groups []group
			dec := json.NewDecoder(bytes.NewReader(raw))
			dec.UseNumber()
			if err := dec.Decode(&groups); err != nil {
				return fmt.Errorf("%s: %v", file, err)
			}
			for gi, g := range groups {
				c := jsonschema.NewCompiler()
				c.DefaultDraft(d.draft)
				if optional {
					c.AssertFormat()
				}
				c.UseLoader(jsonschema.SchemeURLLoader{"http": remotes(root)})
				var sch *jsonschema.Schema
				cerr := c.AddResource("http://testsuites.com/schema.json", g.Schema)
				if cerr == nil {
					sch, cerr = c.Compile("http://testsuites.com/schema.json")
				}
				for ti, t := range g.Tests {
					var verdict, text string
					if cerr != nil {
						verdict, text = "compile-error", cerr.Error()
					} else if err := sch.Validate(t.Data); err != nil {
						verdict, text = "invalid", err.Error()
					} else {
						verdict = "valid"
					}
					fmt.Printf("%s\t%d\t%d\t%s\t%q\n", rel, gi, ti, verdict, text)
				}
			}
		}
	}
	return nil
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: schema-gen cases DIR | schema-gen suite SUITE")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "cases":
		err = cases(os.Args[2])
	case "suite":
		err = suite(os.Args[2])
	default:
		err = fmt.Errorf("unknown mode %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "schema-gen:", err)
		os.Exit(1)
	}
}
