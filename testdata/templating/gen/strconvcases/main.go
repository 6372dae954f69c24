// Command strconvcases prints what Go's strconv returns for a table of inputs, one case per
// line, for core/strconv_test.cpp. Usage (from the repository root):
//   go run testdata/templating/gen/strconvcases/main.go > testdata/templating/strconv_cases.txt
// Line format (fields separated by a tab, strings written with strconv.Quote):
//   quote IN OUT | qascii IN OUT | qrune N OUT | unquote IN OUT|ERR | int IN BASE VALUE ERRKIND |
//   uint IN BASE VALUE ERRKIND | float IN BITS FORMATTED ERRKIND | ffmt F FMT PREC BITS OUT
package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"
)

func errKind(err error) string {
	switch {
	case err == nil:
		return "ok"
	case errors.Is(err, strconv.ErrRange):
		return "range"
	default:
		return "syntax"
	}
}

func main() {
	q := strconv.Quote
	strs := []string{"", "abc", "a\"b", "a\\b", "\n\t\r\a\b\f\v", "\x00\x01\x7f", "héllo", "日本語",
		"\xff\xfe", "a\xc3", "\u2028", "\U0001F600", "\u00a0", "\u00ad", "\ufffd", "\xed\xa0\x80",
		"tab\there", "'single'", "`back`", "\u0300", "\U000E0001", "\u061c", "\ufeff", "\x80abc"}
	for _, s := range strs {
		fmt.Printf("quote\t%s\t%s\n", q(s), q(strconv.Quote(s)))
		fmt.Printf("qascii\t%s\t%s\n", q(s), q(strconv.QuoteToASCII(s)))
	}
	for _, r := range []rune{'a', '\'', '"', '\\', '\n', 0, 0x7f, 0xe9, 0x263a, 0x1F600, 0xD800, 0x110000, -1, 0xfffd, 0xa0} {
		fmt.Printf("qrune\t%d\t%s\n", r, q(strconv.QuoteRune(r)))
		fmt.Printf("qruneascii\t%d\t%s\n", r, q(strconv.QuoteRuneToASCII(r)))
	}
	unq := []string{`"abc"`, `"a\nb"`, `"\x41\u00e9\U0001F600"`, `"\101"`, `"\400"`, `'a'`, `'ab'`, `'\''`,
		`"\'"`, "`raw\\n`", "`a\rb`", `"unterminated`, `"a"b`, `""`, `''`, `'\n'`, `"\xff"`, "\"\xff\"",
		`"\uD800"`, `"\q"`, "\"a\nb\"", `"é"`, `'é'`, "'\xff'", `x`, `"\"`, `"\\"`, `"a\"b"`}
	for _, s := range unq {
		out, err := strconv.Unquote(s)
		res := "ERR"
		if err == nil {
			res = q(out)
		}
		fmt.Printf("unquote\t%s\t%s\n", q(s), res)
	}
	ints := []string{"0", "1", "-1", "+1", "0x1F", "0X1f", "0o17", "017", "0b101", "1_000", "0x_1F", "1__0",
		"_1", "1_", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
		"-9223372036854775809", "18446744073709551615", "18446744073709551616", "", "-", "0x", "08", "1e3",
		"0_7", "00", "-0", "0b", "0o", "0x_", "abc", " 1"}
	for _, base := range []int{0, 10, 16, 2, 36} {
		for _, s := range ints {
			i, err := strconv.ParseInt(s, base, 64)
			fmt.Printf("int\t%s\t%d\t%d\t%s\n", q(s), base, i, errKind(err))
			u, err := strconv.ParseUint(s, base, 64)
			fmt.Printf("uint\t%s\t%d\t%d\t%s\n", q(s), base, u, errKind(err))
		}
	}
	for _, s := range []string{"127", "128", "-128", "-129", "255", "256"} {
		i, err := strconv.ParseInt(s, 10, 8)
		fmt.Printf("int8\t%s\t%d\t%s\n", q(s), i, errKind(err))
	}
	floats := []string{"0", "1", "1.5", "-1.5", "+1.5", ".5", "5.", ".", "1e10", "1E+10", "1e-10", "1e", "1e+",
		"1_000.5", "1_000_000", "1__0", "0x1p4", "0x1.8p1", "0x1.8", "0X1P-2", "0x_1p4", "1e400", "-1e400",
		"1e-400", "inf", "-Inf", "+INF", "infinity", "nan", "NaN", "-nan", "1.7976931348623157e308",
		"4.9e-324", "2.5e-324", "0.1", "3.4028235e38", "3.5e38", "1e-46", "123456789012345678901234567890",
		"0x1.fffffffffffffp1023", "0x1p-1074", "1.e5", "1e5.0", "abc", "", "1_e5", "1e_5", "01.5", "0b101", "0o17"}
	for _, s := range floats {
		for _, bits := range []int{64, 32} {
			f, err := strconv.ParseFloat(s, bits)
			fmt.Printf("float\t%s\t%d\t%s\t%s\n", q(s), bits, strconv.FormatFloat(f, 'g', -1, bits), errKind(err))
		}
	}
	vals := []float64{0, 1, -1, 0.5, 1.5, 3.14159, 1e100, 1e-100, 123456789, 5e-324, math.MaxFloat64, -0.0, 2.5, 1.0 / 3}
	for _, f := range vals {
		for _, c := range []byte{'b', 'x', 'X'} {
			for _, p := range []int{-1, 0, 2, 5, 15} {
				for _, bits := range []int{64, 32} {
					if c == 'b' && p != -1 {
						continue
					}
					fmt.Printf("ffmt\t%s\t%c\t%d\t%d\t%s\n", strconv.FormatFloat(f, 'g', -1, 64), c, p, bits, strconv.FormatFloat(f, c, p, bits))
				}
			}
		}
	}
	for _, i := range []int64{0, 1, -1, 255, -255, math.MaxInt64, math.MinInt64} {
		for _, b := range []int{2, 8, 10, 16, 36} {
			fmt.Printf("fint\t%d\t%d\t%s\n", i, b, strconv.FormatInt(i, b))
		}
	}
	for r := rune(0); r < 0x30000; r += 97 {
		fmt.Printf("print\t%d\t%v\n", r, strconv.IsPrint(r))
	}
}
