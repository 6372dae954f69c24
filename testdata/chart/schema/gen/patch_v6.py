#!/usr/bin/env python3
"""Adapts a copy of santhosh-tekuri/jsonschema v6 for the generator: builds with Debian's Go
1.19 (strings.CutPrefix/CutSuffix and the slices package are Go 1.21), and visits Go maps in
sorted key order, which is one of the orders Helm can take (it iterates maps randomly, so
several errors at one place come out in any order) and the order capstan uses.
usage: patch_v6.py DIR   (the library's source directory, patched in place)"""
import os, re, sys

d = sys.argv[1]
for name in os.listdir(d):
    if name.endswith("_test.go"):
        os.remove(os.path.join(d, name))

def patch(name, pairs):
    p = os.path.join(d, name)
    s = open(p).read()
    for old, new in pairs:
        if old not in s:
            sys.exit(f"patch_v6.py: {name}: not found: {old}")
        s = s.replace(old, new)
    open(p, "w").write(s)

for name in os.listdir(d):
    if name.endswith(".go"):
        p = os.path.join(d, name)
        s = open(p).read()
        s = s.replace("strings.CutPrefix", "go121CutPrefix").replace("strings.CutSuffix", "go121CutSuffix")
        open(p, "w").write(s)

open(os.path.join(d, "go121.go"), "w").write('''package jsonschema

import (
	"sort"
	"strings"
)

func go121CutPrefix(s, prefix string) (string, bool) {
	if !strings.HasPrefix(s, prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

func go121CutSuffix(s, suffix string) (string, bool) {
	if !strings.HasSuffix(s, suffix) {
		return s, false
	}
	return s[:len(s)-len(suffix)], true
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func sortedRegexps(m map[Regexp]*Schema) []Regexp {
	keys := make([]Regexp, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	return keys
}

func sortedInts(m map[int]struct{}) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	return keys
}
''')

patch("validator.go", [
    ("for pname, dep := range s.Dependencies {",
     "for _, pname := range sortedKeys(s.Dependencies) {\n\t\tdep := s.Dependencies[pname]"),
    ("for pname, pvalue := range obj {",
     "for _, pname := range sortedKeys(obj) {\n\t\tpvalue := obj[pname]"),
    ("for regex, sch := range s.PatternProperties {",
     "for _, regex := range sortedRegexps(s.PatternProperties) {\n\t\t\tsch := s.PatternProperties[regex]"),
    ("for pname := range obj {", "for _, pname := range sortedKeys(obj) {"),
    ("for pname, sch := range s.DependentSchemas {",
     "for _, pname := range sortedKeys(s.DependentSchemas) {\n\t\tsch := s.DependentSchemas[pname]"),
    ("for pname, reqd := range s.DependentRequired {",
     "for _, pname := range sortedKeys(s.DependentRequired) {\n\t\treqd := s.DependentRequired[pname]"),
    ("for pname := range vd.uneval.props {", "for _, pname := range sortedKeys(vd.uneval.props) {"),
    ("for i := range vd.uneval.items {", "for _, i := range sortedInts(vd.uneval.items) {"),
])

patch("draft.go", [
    ("for vocab, reqd := range obj {",
     "for _, vocab := range sortedKeys(obj) {\n\t\treqd := obj[vocab]"),
])

os.makedirs(os.path.join(d, "..", "..", "..", "..", "slices"), exist_ok=True)
open(os.path.join(d, "..", "..", "..", "..", "slices", "slices.go"), "w").write('''// Package slices: the Go 1.21 functions jsonschema v6 uses, for Go 1.19.
package slices

import "sort"

func Contains[E comparable](s []E, v E) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func IndexFunc[E any](s []E, f func(E) bool) int {
	for i, x := range s {
		if f(x) {
			return i
		}
	}
	return -1
}

func Clone[S ~[]E, E any](s S) S {
	if s == nil {
		return nil
	}
	return append(S([]E{}), s...)
}

func Sort[E interface{ ~string | ~int | ~float64 }](s []E) {
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
}
''')
