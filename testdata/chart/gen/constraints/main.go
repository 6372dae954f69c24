// Prints chartutil.IsCompatibleRange (Masterminds/semver v3 NewConstraint + NewVersion + Check,
// as the Helm oracle builds it) for every (constraint, version) pair below, one per line:
// CONSTRAINT<TAB>VERSION<TAB>true|false. Run by gen.sh; output in ../../semver/constraints.tsv.
package main

import (
	"fmt"

	"github.com/Masterminds/semver/v3"
)

func compatible(constraint, ver string) bool {
	sv, err := semver.NewVersion(ver)
	if err != nil {
		return false
	}
	c, err := semver.NewConstraint(constraint)
	if err != nil {
		return false
	}
	return c.Check(sv)
}

func main() {
	constraints := []string{
		"", "*", "x", "1", "1.x", "1.2.x", "1.2", "1.2.3", "=1.2.3", "v1.2.3", "!=1.2.3", "!=1.2",
		"!=1", ">1.2.3", ">1.2", ">1", "<1.2.3", "<1.2", ">=1.2.3", ">=1.2", "=>1.2", "<=1.2.3",
		"<=1.2", "=<1.2", "<=1", "~1.2.3", "~1.2", "~1", "~>1.2", "~0.0.0", "^1.2.3", "^1.2",
		"^1", "^0.2.3", "^0.0.3", "^0.2", "^0", ">=1.2.3-0", ">=1.20.0-0", "<1.20.0",
		">= 1.2, < 2.0", ">=1.2,<2.0", ">=1.2 <2.0", "1.2 - 1.4.5", "1.2.3 - 2", "<1.0 || >=2.0",
		"1.x || 2.x", ">=1.2.3-alpha.1", "~1.2.3-beta", "^1.2.3-rc.1", "1.2.3-alpha", "junk",
		">=1.2.3 junk", ">= 1.2.3", "1.2.*", "1.*", "~1.x", "^1.x", ">1.x", "<=1.x", "!=1.2.x",
		"1.2.3+build", ">1.2.3+build", ">=v1.2", "1,2", "=1.2.3 || =1.2.4", ">=0.0.0",
	}
	versions := []string{
		"0.0.1", "0.0.3", "0.2.3", "0.2.4", "0.3.0", "1.0.0", "1.2.0", "1.2.2", "1.2.3", "1.2.4",
		"1.3.0", "1.4.5", "1.4.6", "2.0.0", "2.1.0", "1.2.3-alpha", "1.2.3-alpha.1",
		"1.2.3-beta.2", "1.2.3-rc.1", "1.2.4-0", "v1.36.0", "v1.19.4", "v1.20.0", "1.2.3+meta",
		"1", "1.2", "notaversion",
	}
	for _, c := range constraints {
		for _, v := range versions {
			fmt.Printf("%s\t%s\t%t\n", c, v, compatible(c, v))
		}
	}
}
