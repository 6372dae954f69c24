// Command semvercases fills the expected columns of testdata/core/semver/*.tsv with what
// Masterminds/semver v3.2.0 (the oracle's) says. Run through ../generate.sh.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/Masterminds/semver/v3"

	"helmcore/common"
)

func describe(v *semver.Version, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	return fmt.Sprintf("%s|%s|%d|%d|%d|%s|%s", v.String(), v.Original(), v.Major(), v.Minor(), v.Patch(), v.Prerelease(), v.Metadata())
}

func main() {
	dir := filepath.Join(os.Args[1], "semver")
	common.ReadTable(filepath.Join(dir, "versions.tsv")).Fill(func(in string) []string {
		v, err := semver.NewVersion(in)
		s, serr := semver.StrictNewVersion(in)
		return []string{describe(v, err), describe(s, serr)}
	})
	common.ReadTable(filepath.Join(dir, "compare.tsv")).Fill(func(in string) []string {
		parts := strings.SplitN(in, "\t", 2)
		a, err := semver.NewVersion(parts[0])
		if err != nil {
			panic(err)
		}
		b, err := semver.NewVersion(parts[1])
		if err != nil {
			panic(err)
		}
		return []string{fmt.Sprint(a.Compare(b))}
	})
	common.ReadTable(filepath.Join(dir, "constraints.tsv")).Fill(func(in string) []string {
		// The version follows the last tab (a constraint may hold tabs).
		parts := []string{in}
		if i := strings.LastIndex(in, "\t"); i >= 0 {
			parts = []string{in[:i], in[i+1:]}
		}
		c, err := semver.NewConstraint(parts[0])
		if err != nil {
			return []string{"error: " + err.Error(), "", ""}
		}
		if len(parts) < 2 {
			return []string{c.String(), "", ""}
		}
		v, err := semver.NewVersion(parts[1])
		if err != nil {
			panic(parts[1] + ": " + err.Error())
		}
		ok, errs := c.Validate(v)
		var msgs []string
		for _, e := range errs {
			msgs = append(msgs, e.Error())
		}
		return []string{c.String(), fmt.Sprint(c.Check(v)), fmt.Sprint(ok) + " " + strings.Join(msgs, "; ")}
	})
}
