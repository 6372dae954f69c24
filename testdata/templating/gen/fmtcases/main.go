// Command fmtcases prints what Go's fmt.Sprintf/Sprint/Sprintln return for a large table of
// formats and operands, for templating/gofmt_test.cpp. Usage (from the repository root):
//   go run testdata/templating/gen/fmtcases/main.go > testdata/templating/fmt_cases.txt
// Each line: KIND \t FORMAT(Go-quoted) \t ARGS \t RESULT(Go-quoted), KIND one of printf, print,
// println. ARGS is a comma-separated list of typed operands: int(5) int64(-3) uint8(7)
// float64(1.5) float32(2) string("x") bool(true) bytes("ab") nil list(...) strings(...)
// map("k": v, ...).
package main

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

func enc(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprintf("int(%d)", x)
	case int8:
		return fmt.Sprintf("int8(%d)", x)
	case int32:
		return fmt.Sprintf("int32(%d)", x)
	case int64:
		return fmt.Sprintf("int64(%d)", x)
	case uint:
		return fmt.Sprintf("uint(%d)", x)
	case uint8:
		return fmt.Sprintf("uint8(%d)", x)
	case uint64:
		return fmt.Sprintf("uint64(%d)", x)
	case float64:
		return "float64(" + strconv.FormatFloat(x, 'g', -1, 64) + ")"
	case float32:
		return "float32(" + strconv.FormatFloat(float64(x), 'g', -1, 32) + ")"
	case string:
		return "string(" + strconv.Quote(x) + ")"
	case bool:
		return fmt.Sprintf("bool(%v)", x)
	case []byte:
		return "bytes(" + strconv.Quote(string(x)) + ")"
	case []interface{}:
		parts := []string{}
		for _, e := range x {
			parts = append(parts, enc(e))
		}
		return "list(" + strings.Join(parts, ", ") + ")"
	case []string:
		parts := []string{}
		for _, e := range x {
			parts = append(parts, strconv.Quote(e))
		}
		return "strings(" + strings.Join(parts, ", ") + ")"
	case map[string]interface{}:
		keys := []string{}
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := []string{}
		for _, k := range keys {
			parts = append(parts, strconv.Quote(k)+": "+enc(x[k]))
		}
		return "map(" + strings.Join(parts, ", ") + ")"
	}
	panic(fmt.Sprintf("unsupported %T", v))
}

func encArgs(a []interface{}) string {
	parts := []string{}
	for _, v := range a {
		parts = append(parts, enc(v))
	}
	return strings.Join(parts, ", ")
}

func main() {
	values := []interface{}{
		0, 42, -42, int64(1) << 40, int8(-7), int32(0x263a), uint(7), uint8(200), uint64(math.MaxUint64),
		0.0, 1.0, -1.5, 3.14159265358979, 1e6, 1e21, 1e-7, 123456789.0, math.Inf(1), math.Inf(-1), math.NaN(),
		float32(2.5), float32(0.1),
		"", "hi", "héllo, 世界", "a\"b\\c\n", "\x00\xff", "`raw`",
		true, false, nil, []byte("hi"), []byte{},
		[]interface{}{1, "a", nil, 2.5, true}, []interface{}{}, []string{"x", "y z"},
		map[string]interface{}{"b": 2, "a": "x", "c": nil, "d": []interface{}{1}, "e": map[string]interface{}{"z": 1.5}},
		map[string]interface{}{},
	}
	verbs := []string{"v", "+v", "#v", "T", "d", "s", "q", "x", "X", "o", "O", "b", "e", "E", "f", "F", "g", "G", "t", "c", "U", "#U", "#x", "#o", "#q", "+q", "% x", "#X", "+d", "% d", "p"}
	mods := []string{"", "8", "-8", "08", ".2", "8.3", "-08.3", ".0", "+08"}
	for _, v := range values {
		for _, verb := range verbs {
			for _, m := range mods {
				format := "%" + m + verb
				if len(verb) > 1 && verb[0] != '#' && verb[0] != '+' && verb[0] != ' ' {
					continue
				}
				if len(verb) > 1 {
					format = "%" + string(verb[0]) + m + verb[1:]
				}
				if verb == "p" || verb == "T" || verb == "#v" {
					if m != "" && m != "8" {
						continue
					}
				}
				if verb == "p" {
					switch v.(type) {
					case []interface{}, map[string]interface{}, []string, []byte:
						continue // addresses differ from run to run
					}
				}
				fmt.Printf("printf\t%s\t%s\t%s\n", strconv.Quote(format), encArgs([]interface{}{v}), strconv.Quote(fmt.Sprintf(format, v)))
			}
		}
	}
	// Argument handling: indexes, stars, missing, extra, bad width/precision, noverb.
	special := []struct {
		format string
		args   []interface{}
	}{
		{"%d %d", []interface{}{1}},
		{"%d", []interface{}{1, 2}},
		{"%d", []interface{}{1, "x", nil}},
		{"%[2]d %[1]d", []interface{}{1, 2}},
		{"%[3]d", []interface{}{1, 2}},
		{"%[0]d", []interface{}{1}},
		{"%[x]d", []interface{}{1}},
		{"%[2]*[1]d", []interface{}{12, 5}},
		{"%*d", []interface{}{5, 3}},
		{"%-*d|", []interface{}{5, 3}},
		{"%*d", []interface{}{-5, 3}},
		{"%.*f", []interface{}{2, 3.14159}},
		{"%.*f", []interface{}{-1, 3.14159}},
		{"%*d", []interface{}{"x", 3}},
		{"%.*d", []interface{}{"x", 3}},
		{"%", []interface{}{}},
		{"%!", []interface{}{}},
		{"100%%", []interface{}{}},
		{"%5%", []interface{}{}},
		{"%z", []interface{}{1}},
		{"%s %s", []interface{}{"a"}},
		{"%v", []interface{}{}},
		{"%d%%", []interface{}{50}},
		{"%[1]d %[1]x %[1]o", []interface{}{64}},
		{"%[2]d %d", []interface{}{1, 2, 3}},
		{"%3.2[1]d", []interface{}{7}},
		{"%.[1]d", []interface{}{7}},
		{"%[1]2d", []interface{}{7}},
		{"%-+ #0d", []interface{}{5}},
		{"%010.3f|%-10.3f|%+.3e", []interface{}{3.14159, 2.5, 12345.678}},
		{"%08.3f", []interface{}{-3.14159}},
		{"%x %X", []interface{}{"hello", []byte("hello")}},
		{"%.3s|%.10s|%5.1s|", []interface{}{"abcdef", "ab", "xyz"}},
		{"%6.2f%%", []interface{}{99.5}},
		{"%s", []interface{}{[]interface{}{"a", 1, nil}}},
		{"%d", []interface{}{[]interface{}{"a", 1, nil}}},
		{"%q", []interface{}{[]string{"a", "b"}}},
		{"%v|%d", []interface{}{map[string]interface{}{"a": 1}, map[string]interface{}{"a": "x"}}},
		{"%5v|%-5v|", []interface{}{[]interface{}{1, 2}, []interface{}{"a"}}},
		{"%c%c%c", []interface{}{72, 105, 0x1F600}},
		{"%U %#U %#U", []interface{}{0x1F600, 'x', 7}},
		{"%.3q %+q %#q %#q", []interface{}{"abcdef", "日本", "a`b", "ab"}},
		{"%t %t", []interface{}{true, 1}},
		{"%e %E %g %G", []interface{}{1e-10, 1e10, 1e-10, 1e10}},
		{"%#g %#.3g %#e %#f %#.0f %#x", []interface{}{1.0, 2.0, 3.0, 4.0, 5.0, 1.5}},
		{"%b %o %x %X", []interface{}{-5, -8, -255, -255}},
		{"%.0d|%5.0d|%05d|%-05d|%+05d|% 05d", []interface{}{0, 0, -12, 12, 12, 12}},
		{"% x|% X|%# x", []interface{}{"abc", []byte{1, 2}, "ab"}},
		{"%6.3v|%-6.3v|", []interface{}{"abcdef", 3.14159}},
		{"%08s|%-08s|%08q", []interface{}{"ab", "ab", "ab"}},
		{"%x", []interface{}{1.5}},
		{"%v %v", []interface{}{int64(math.MinInt64), uint64(math.MaxUint64)}},
		{"%d items", []interface{}{uint8(3)}},
		{"%s", []interface{}{nil}},
		{"%d", []interface{}{nil}},
		{"%10v|%-10v|", []interface{}{nil, nil}},
		{"%v %v", []interface{}{[]byte("ab"), []interface{}{[]byte("c")}}},
		{"%s %q %x", []interface{}{[]byte("ab"), []byte("ab"), []byte("ab")}},
		{"%v", []interface{}{map[string]interface{}{"k": []interface{}{map[string]interface{}{"x": nil}}}}},
		{"%+v %#v", []interface{}{[]interface{}{1, "a"}, []interface{}{1, "a", nil}}},
		{"%#v %#v %#v", []interface{}{map[string]interface{}{"a": 1}, []string{"x"}, "q"}},
		{"%#v %#v %#v %#v", []interface{}{1.0, 1e21, uint8(3), []byte("hi")}},
	}
	for _, c := range special {
		fmt.Printf("printf\t%s\t%s\t%s\n", strconv.Quote(c.format), encArgs(c.args), strconv.Quote(fmt.Sprintf(c.format, c.args...)))
	}
	prints := [][]interface{}{
		{}, {"a", "b"}, {1, 2}, {"a", 1, 2, "b"}, {1, "a", 2}, {nil, nil}, {nil, "a", nil},
		{1.5, true, []interface{}{1}}, {[]byte("x"), "y"}, {map[string]interface{}{"a": 1}, 3},
	}
	for _, a := range prints {
		fmt.Printf("print\t\"\"\t%s\t%s\n", encArgs(a), strconv.Quote(fmt.Sprint(a...)))
		fmt.Printf("println\t\"\"\t%s\t%s\n", encArgs(a), strconv.Quote(fmt.Sprintln(a...)))
	}
}
