// Printers: uitable layout, history/list/status text as Helm's cmd/helm prints them.
#include "release/printers.h"

#include <catch2/catch.hpp>

#include "core/error.h"
#include "release/name.h"
#include "release/table.h"

namespace rel = capstan::release;
using capstan::Value;

namespace {

Value demo_chart() {
  return Value::map_of({{"metadata", Value::map_of({{"name", "demo"}, {"version", "1.0.1"}})}});
}

rel::Release revision(int version, rel::Status status, std::string description) {
  rel::Release r;
  r.name = "demo";
  r.ns = "default";
  r.version = version;
  r.chart = demo_chart();
  r.info.status = status;
  r.info.description = std::move(description);
  r.info.first_deployed = rel::Time::from_unix(1767225600);
  r.info.last_deployed = rel::Time::from_unix(1767225600 + version);
  return r;
}

}  // namespace

TEST_CASE("uitable pads every cell, tabs between, newline after", "[table]") {
  CHECK(rel::format_table({{"A", "BB"}, {"ccc", "d"}}) == "A  \tBB\nccc\td \n");
  CHECK(rel::format_table({}) == "\n");
  CHECK(rel::display_width("日本") == 4);
  CHECK(rel::display_width("é") == 1);
}

TEST_CASE("history table", "[printers]") {
  const std::vector<rel::Release> revs{revision(1, rel::Status::Superseded, "Install complete"),
                                       revision(2, rel::Status::Deployed, "Upgrade complete")};
  CHECK(
      rel::format_history(revs, rel::OutputFormat::Table) ==
      "REVISION\tUPDATED                 \tSTATUS    \tCHART     \tAPP VERSION\tDESCRIPTION     \n"
      "1       \tThu Jan  1 00:00:01 2026\tsuperseded\tdemo-1.0.1\t           \tInstall complete\n"
      "2       \tThu Jan  1 00:00:02 2026\tdeployed  \tdemo-1.0.1\t           \tUpgrade "
      "complete\n");
  CHECK(
      rel::format_history(revs, rel::OutputFormat::Json) ==
      R"([{"revision":1,"updated":"2026-01-01T00:00:01Z","status":"superseded","chart":"demo-1.0.1","app_version":"","description":"Install complete"},)"
      R"({"revision":2,"updated":"2026-01-01T00:00:02Z","status":"deployed","chart":"demo-1.0.1","app_version":"","description":"Upgrade complete"}])"
      "\n");
}

TEST_CASE("list table, short and JSON forms", "[printers]") {
  const std::vector<rel::Release> rels{revision(3, rel::Status::Deployed, "")};
  CHECK(rel::format_list(rels, rel::OutputFormat::Table) ==
        "NAME\tNAMESPACE\tREVISION\tUPDATED                      \tSTATUS  \tCHART     \tAPP "
        "VERSION\n"
        "demo\tdefault  \t3       \t2026-01-01 00:00:03 +0000 UTC\tdeployed\tdemo-1.0.1\t          "
        " \n");
  CHECK(rel::format_list(rels, rel::OutputFormat::Table, {false, true, ""}) == "demo\n");
  CHECK(rel::format_list({}, rel::OutputFormat::Json) == "[]\n");
  CHECK(
      rel::format_list(rels, rel::OutputFormat::Json) ==
      R"([{"name":"demo","namespace":"default","revision":"3","updated":"2026-01-01 00:00:03 +0000 UTC","status":"deployed","chart":"demo-1.0.1","app_version":""}])"
      "\n");
  CHECK(rel::format_list(rels, rel::OutputFormat::Table, {true, false, ""}) ==
        "demo\tdefault\t3\t2026-01-01 00:00:03 +0000 UTC\tdeployed\tdemo-1.0.1\t\n");
  // --time-format takes any Go layout.
  CHECK(rel::format_list(rels, rel::OutputFormat::Table, {true, false, "2006-01-02 15:04:05Z0700"}) ==
        "demo\tdefault\t3\t2026-01-01 00:00:03Z\tdeployed\tdemo-1.0.1\t\n");
  CHECK(rel::format_list(rels, rel::OutputFormat::Table, {true, false, "Jan _2 3:04PM"}) ==
        "demo\tdefault\t3\tJan  1 12:00AM\tdeployed\tdemo-1.0.1\t\n");
}

TEST_CASE("status text", "[printers]") {
  rel::Release r = revision(1, rel::Status::Deployed, "Install complete");
  r.info.notes = "\n  Visit the demo.\n\n";
  CHECK(rel::format_status(r, rel::OutputFormat::Table) ==
        "NAME: demo\nLAST DEPLOYED: Thu Jan  1 00:00:01 2026\nNAMESPACE: default\n"
        "STATUS: deployed\nREVISION: 1\nTEST SUITE: None\nNOTES:\nVisit the demo.\n");
  rel::StatusPrintOptions opts;
  opts.show_description = true;
  opts.hide_notes = true;
  CHECK(rel::format_status(r, rel::OutputFormat::Table, opts) ==
        "NAME: demo\nLAST DEPLOYED: Thu Jan  1 00:00:01 2026\nNAMESPACE: default\n"
        "STATUS: deployed\nREVISION: 1\nDESCRIPTION: Install complete\nTEST SUITE: None\n");
}

TEST_CASE("a dry run prints hooks and manifest", "[printers]") {
  rel::Release r = revision(1, rel::Status::PendingInstall, "Dry run complete");
  r.manifest = "---\n# Source: demo/templates/a.yaml\nkind: A\n";
  const std::string text = rel::format_status(r, rel::OutputFormat::Table);
  CHECK(text.find("HOOKS:\nMANIFEST:\n---\n# Source: demo/templates/a.yaml\nkind: A\n\n") !=
        std::string::npos);
}

TEST_CASE("output formats", "[printers]") {
  CHECK(rel::parse_output_format("yaml") == rel::OutputFormat::Yaml);
  CHECK_THROWS_WITH(rel::parse_output_format("xml"), "invalid format type");
}

TEST_CASE("release names follow Helm's rule", "[name]") {
  CHECK_FALSE(rel::release_name_error("demo"));
  CHECK_FALSE(rel::release_name_error("a.b-c.d1"));
  CHECK(*rel::release_name_error("") == "no name provided");
  const std::string invalid =
      "invalid release name, must match regex "
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length must "
      "not be longer than 53";
  for (const char* bad : {"Demo", "-demo", "demo-", "a..b", "a_b", ".a"}) {
    INFO(bad);
    CHECK(rel::release_name_error(bad) == invalid);
  }
  CHECK(rel::release_name_error(std::string(54, 'a')) == invalid);
  CHECK_FALSE(rel::release_name_error(std::string(53, 'a')));
}
