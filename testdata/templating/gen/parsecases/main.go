// Command parsecases prints the parse trees (Go's Node.String()) or parse errors that Go's
// text/template/parse produces for a table of templates, for templating/parser_test.cpp.
// Usage (from the repository root):
//   go run testdata/templating/gen/parsecases/main.go > testdata/templating/parse_cases.txt
// Each line: INPUT(Go-quoted) \t RESULT(Go-quoted), RESULT being "name=tree;name=tree..." for
// every template in the set, sorted by name, or "ERROR: message".
package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"text/template/parse"
)

var inputs = []string{
	"", "plain text", "{{.}}", "{{.X}}", "{{.X.Y.Z}}", "{{$}}", "{{$.X}}", "{{$x := 1}}{{$x}}",
	"{{$x := 1}}{{$x = 2}}", "{{$x, $y := 1}}", "{{printf \"%d\" 1}}", "{{.X | printf \"%s\"}}",
	"{{.X | printf \"%s\" | printf \"%q\"}}", "{{(.X).Y}}", "{{(printf \"a\").Y.Z}}", "{{print (1) (2)}}",
	"{{if .X}}a{{end}}", "{{if .X}}a{{else}}b{{end}}", "{{if .X}}a{{else if .Y}}b{{else}}c{{end}}",
	"{{if .X}}a{{else if .Y}}b{{else if .Z}}c{{end}}", "{{range .X}}a{{end}}", "{{range .X}}a{{else}}b{{end}}",
	"{{range $i, $e := .X}}{{$i}}{{$e}}{{end}}", "{{range $e := .X}}{{$e}}{{end}}", "{{with .X}}a{{end}}",
	"{{with .X}}a{{else}}b{{end}}", "{{with $x := .X}}{{$x}}{{end}}", "{{template \"x\"}}", "{{template \"x\" .Y}}",
	"{{define \"x\"}}body{{end}}", "{{define \"x\"}}a{{end}}{{define \"y\"}}b{{end}}text",
	"{{block \"b\" .}}default{{end}}", "{{/* comment */}}", "a{{/* c */}}b", "{{- 1 -}}", "a {{- 1 -}} b",
	"{{1}}{{1.5}}{{0x1F}}{{'a'}}{{1e3}}{{-1}}{{+1}}", "{{true}}{{false}}{{nil}}", "{{\"s\"}}{{`raw`}}",
	"{{range .X}}{{break}}{{end}}", "{{range .X}}{{continue}}{{end}}", "{{break}}", "{{continue}}",
	"{{range .X}}{{break 1}}{{end}}", "{{if}}", "{{if .X}}", "{{end}}", "{{else}}", "{{range}}{{end}}",
	"{{.X | }}", "{{ | .X}}", "{{.X | 1}}", "{{.X | \"s\"}}", "{{.X | .}}", "{{.X | nil}}", "{{.X | true}}",
	"{{$y}}", "{{$x := 1}}{{if true}}{{$z := 2}}{{end}}{{$z}}", "{{undefined}}", "{{.X 1 2}}", "{{(1 2)}}",
	"{{(}}", "{{)}}", "{{(1))}}", "{{((1)}}", "{{\"unterminated}}", "{{`unterminated}}", "{{'a}}", "{{'ab'}}",
	"{{0x}}", "{{1a}}", "{{09}}", "{{1__0}}", "{{18446744073709551616}}", "{{1e400}}", "{{.X.}}", "{{x.y}}",
	"{{\"a\".b}}", "{{1.x}}", "{{nil.x}}", "{{..x}}", "{{$x.y.z}}", "{{#}}", "{{@}}", "{{.X\n}}", "{{/* unclosed",
	"{{/* c */ 1}}", "{{define}}", "{{define x}}{{end}}", "{{define \"x\"}}", "{{define \"x\"}}{{else}}{{end}}",
	"{{define \"x\"}}a{{end}}{{define \"x\"}}b{{end}}", "{{define \"x\"}}a{{end}}{{define \"x\"}} {{end}}",
	"{{template}}", "{{template x}}", "{{template \"x\" 1 2}}", "{{block}}", "{{block \"b\"}}{{end}}",
	"{{if .X}}a{{else}}b{{else}}c{{end}}", "{{end 1}}", "{{else 1}}", "{{range $a, $b, $c := .X}}{{end}}",
	"{{range $a, 1 := .X}}{{end}}", "{{$a, $b := 1}}", "{{with $a, $b := 1}}{{end}}", "{{print 1, 2}}",
	"{{$x : 1}}", "{{$x := }}", "{{:= 1}}", "{{.X := 1}}", "line1\n{{if}}\nline3", "{{print\n1\n\"unterminated}}",
	"{{print \"abcdefghijklmnopqrstuvwxyz\" (}}", "{{ .X }}{{ .Y }}", "{{$x := .X | printf \"%v\"}}{{$x}}",
	"{{range .X}}{{range .Y}}{{break}}{{end}}{{continue}}{{end}}", "{{if 1}}{{range 2}}{{end}}{{end}}",
	"{{with 1}}{{$x := 1}}{{end}}{{$x}}", "{{define \"a\"}}{{$x := 1}}{{end}}{{$x}}",
	"{{print .X.Y 1.5 \"s\" nil true $}}", "{{(print).X}}", "{{print (print (print 1))}}", "{{ 1 }}",
	"{{- /* trim comment */ -}}", "a\n\n{{- \"b\" }}\n\nc", "{{if .X -}}\n  a\n{{- end}}", "{{'\\n'}}{{'\\''}}",
	"{{\"\\u263a\\x41\"}}", "{{0o17}}{{0b101}}{{1_000}}{{0x1p4}}{{.5}}{{5.}}", "{{1i}}", "{{1+2i}}",
	"{{.X.Y | printf \"%s\" .Z}}", "{{$.X | len}}", "{{range $i, $e := .X}}{{end}}{{$i}}",
	// Lexer edge cases: trim markers, comments, numbers, identifiers.
	"a {{- 1}}", "a {{-1}}", "{{1 -}} b", "{{1-}} b", "a\t\n {{- /* c */ -}} \n\tb", "{{- /* c */}}x",
	"{{/* c */ -}}  x", "{{/**/}}", "{{/* a */ /* b */}}", "{{ /* c */ }}", "{{- 3}}", "{{3 -}}",
	"{{-3}}", "{{ -3 }}", "{{ 1 - 2 }}", "{{ .X-1 }}", "{{ 0x1.8p1 }}{{ 0X_1F }}{{ 0o7_7 }}{{ 0b1_0 }}",
	"{{ 1e+3 }}{{ 1E-3 }}{{ 1.e3 }}{{ .1e3 }}", "{{ 0x1p }}", "{{ 1e }}", "{{ 0xg }}", "{{ 08.5 }}",
	"{{ 'a' 'b' }}", "{{ '\\x41' }}", "{{ '\\u00e9' }}", "{{ '☺' }}", "{{ '' }}", "{{ '\\q' }}",
	"{{ .αβ }}", "{{ $ü := 1 }}{{ $ü }}", "{{ .X_y.Z9 }}", "{{ ._x }}", "{{ .9 }}", "{{ .X.9 }}",
	"{{.X}}{{.Y}}text{{.Z}}", "{{\n.X\n}}", "{{ print\t1\r\n2 }}", "{{ `a\nb` }}", "{{ \"\\t\" }}",
	"{{ $x := 1 }}{{ $x.y }}", "{{ $x := 1 }}{{ $x.y.z 1 }}", "{{ ( .X ) }}", "{{ (.X | printf \"%v\") | len }}",
	"{{ print 1 | print 2 | print 3 }}", "{{ $ }}{{ $.X }}{{ $.X.Y }}", "{{ true.x }}", "{{ $x:=1 }}{{ $x }}",
	"{{ $x :=1 }}", "{{ $x= 1 }}", "{{ printf \"%d\" 1|len }}", "{{ range $i,$e := .X }}{{ end }}",
	"{{ if .X }}{{ else if .Y }}{{ else }}{{ end }}", "{{ else if .Y }}", "{{ if .X }}{{ else if }}{{ end }}",
	"{{ with .X }}{{ else if .Y }}{{ end }}", "{{ if .X }}{{ else with .Y }}{{ end }}",
}

func main() {
	funcs := map[string]interface{}{"printf": fmt.Sprintf, "print": fmt.Sprint, "len": func(interface{}) int { return 0 }}
	for _, in := range inputs {
		trees, err := parse.Parse("t", in, "", "", funcs)
		var out string
		if err != nil {
			out = "ERROR: " + err.Error()
		} else {
			names := make([]string, 0, len(trees))
			for name := range trees {
				names = append(names, name)
			}
			sort.Strings(names)
			parts := []string{}
			for _, name := range names {
				parts = append(parts, name+"="+trees[name].Root.String())
			}
			out = strings.Join(parts, ";")
		}
		fmt.Printf("%s\t%s\n", strconv.Quote(in), strconv.Quote(out))
	}
}
