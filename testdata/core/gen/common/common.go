// Package common holds what the core/ case generators share: the escaping of case files
// (every byte outside printable ASCII, and the backslash, as \xHH, so a case is one line of a
// tab-separated file) and a typed dump of decoded values that the C++ tests print the same way.
package common

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

// Escape writes s with bytes outside 0x20..0x7e and '\' as \xHH.
func Escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c < 0x7f && c != '\\' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "\\x%02x", c)
		}
	}
	return b.String()
}

// Unescape reverses Escape.
func Unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) && s[i+1] == 'x' {
			v, err := strconv.ParseUint(s[i+2:i+4], 16, 8)
			if err != nil {
				panic("bad escape in " + s)
			}
			b.WriteByte(byte(v))
			i += 3
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Dump prints a decoded value with its Go type: null, true, int64:3, float64:1e+06,
// "text" (with '\' and '"' as \x5c and \x22), [a,b], {"k":v} with keys in byte order.
func Dump(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		if x {
			return "true"
		}
		return "false"
	case int64:
		return "int64:" + strconv.FormatInt(x, 10)
	case float64:
		return "float64:" + strconv.FormatFloat(x, 'g', -1, 64)
	case string:
		return `"` + strings.NewReplacer(`\`, `\x5c`, `"`, `\x22`).Replace(x) + `"`
	case []interface{}:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = Dump(e)
		}
		return "[" + strings.Join(parts, ",") + "]"
	case map[string]interface{}:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = Dump(k) + ":" + Dump(x[k])
		}
		return "{" + strings.Join(parts, ",") + "}"
	}
	panic(fmt.Sprintf("dump: unexpected %T", v))
}

// Typed converts json.Number leaves as Kubernetes' unstructured decoding does: int64 when the
// literal is an integer that fits, else float64.
func Typed(v interface{}) (interface{}, error) {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i, nil
		}
		f, err := x.Float64()
		if err != nil {
			return nil, fmt.Errorf("json: cannot unmarshal number %s into Go value of type float64", x)
		}
		return f, nil
	case []interface{}:
		for i := range x {
			e, err := Typed(x[i])
			if err != nil {
				return nil, err
			}
			x[i] = e
		}
	case map[string]interface{}:
		for k := range x {
			e, err := Typed(x[k])
			if err != nil {
				return nil, err
			}
			x[k] = e
		}
	}
	return v, nil
}

// Table is a tab-separated case file whose first column is the input; generators recompute
// the other columns. Lines starting with '#' and empty lines are kept as they are.
type Table struct {
	Path  string
	Lines []string
}

func ReadTable(path string) *Table {
	f, err := os.Open(path)
	if err != nil {
		panic(err)
	}
	defer f.Close()
	t := &Table{Path: path}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		t.Lines = append(t.Lines, sc.Text())
	}
	return t
}

// Fill replaces every case line by its input followed by the columns fn computes.
func (t *Table) Fill(fn func(input string) []string) {
	var out strings.Builder
	for _, line := range t.Lines {
		if line == "" || strings.HasPrefix(line, "#") {
			out.WriteString(line + "\n")
			continue
		}
		input := strings.SplitN(line, "\t", 2)[0]
		cols := fn(Unescape(input))
		for i := range cols {
			cols[i] = Escape(cols[i])
		}
		out.WriteString(input + "\t" + strings.Join(cols, "\t") + "\n")
	}
	if err := os.WriteFile(t.Path, []byte(out.String()), 0o644); err != nil {
		panic(err)
	}
}

// Result is a dump, or "error: " and the message.
func Result(v interface{}, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	return Dump(v)
}
