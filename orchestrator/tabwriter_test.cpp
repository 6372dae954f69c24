// The tabwriter port against outputs of Go's text/tabwriter for the same input.
#include "orchestrator/tabwriter.h"

#include <catch2/catch.hpp>

namespace capstan::orchestrator {

namespace {
std::string run(int minw, int tabw, int pad, std::string_view in) {
  TabWriter w(minw, tabw, pad, ' ');
  w.write(in);
  return w.str();
}
}  // namespace

TEST_CASE("tabwriter matches Go's text/tabwriter", "[tabwriter]") {
  CHECK(run(6, 4, 3,
            "NAME\tREADY\tSTATUS\tRESTARTS\tAGE\necho-2z8pj\t2/2\tRunning\t0\t98s\n"
            "echo-bz5ft\t2/2\tRunning\t0\t98s\n") ==
        "NAME         READY   STATUS    RESTARTS   AGE\n"
        "echo-2z8pj   2/2     Running   0          98s\n"
        "echo-bz5ft   2/2     Running   0          98s\n");
  CHECK(run(0, 8, 2,
            "Name:\techo\nNamespace:\tdefault\nLabels:\tapp=echo\n\tb=c\nAnnotations:\t<none>\n"
            "Pod Template:\n  Labels:\tapp=echo\n  Containers:\n   nginx:\n    Image:\tx\n"
            "    Port:\t80/TCP\nEvents:\t<none>\n") ==
        "Name:         echo\nNamespace:    default\nLabels:       app=echo\n              b=c\n"
        "Annotations:  <none>\nPod Template:\n  Labels:  app=echo\n  Containers:\n   nginx:\n"
        "    Image:  x\n    Port:   80/TCP\nEvents:     <none>\n");
  CHECK(run(0, 8, 2, "a\tb\tc\nlonger\tb\nx\n\tyy\tz\n") == "a       b  c\nlonger  b\nx\n  yy  z\n");
  CHECK(run(6, 4, 3, "A\tB\nxx\t\n\tq\n") == "A     B\nxx    \n      q\n");
  CHECK(run(0, 8, 2, "no newline\tat end") == "no newline  at end");
}

}  // namespace capstan::orchestrator
