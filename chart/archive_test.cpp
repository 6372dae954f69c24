// Chart archives: the loader's refusals for hostile entries (parent references, absolute
// paths, links leaving the chart, devices, duplicates, sizes), each with its message, and the
// writer's tar framing read back by the loader. Archives are built in memory with TarWriter so
// each case shows the exact entry it refuses.
#include "chart/archive.h"

#include <catch2/catch.hpp>

#include "chart/archive_writer.h"
#include "core/error.h"

namespace {

namespace chart = capstan::chart;
using capstan::Error;
using capstan::ErrorKind;
using chart::TarEntry;

const char* const kChartYaml = "apiVersion: v2\nname: evil\nversion: 0.1.0\n";

std::string archive(const std::vector<TarEntry>& entries, bool with_chart_yaml = true) {
  chart::TarWriter tw;
  if (with_chart_yaml)
    tw.add_file("evil/Chart.yaml", kChartYaml);
  for (const TarEntry& e : entries) tw.add(e);
  return chart::gzip_compress(tw.finish());
}

TarEntry file(std::string name, std::string data = "x: 1\n") {
  TarEntry e;
  e.name = std::move(name);
  e.data = std::move(data);
  return e;
}

TarEntry link(std::string name, std::string target, char type = '2') {
  TarEntry e;
  e.name = std::move(name);
  e.type = type;
  e.link_name = std::move(target);
  return e;
}

std::string load_error(const std::string& tgz) {
  try {
    chart::load_archive(tgz);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST_CASE("archive: entries reaching the parent directory are refused", "[archive][safety]") {
  CHECK(load_error(archive({file("evil/../../escape.yaml")})) ==
        "chart illegally references parent directory");
  CHECK(load_error(archive({file("evil/templates/../../../x")})) ==
        "chart illegally references parent directory");
  // A name too long for USTAR travels in a PAX record; it is checked the same way.
  CHECK(load_error(archive({file("evil/" + std::string(120, 'a') + "/../../../x")})) ==
        "chart illegally references parent directory");
  // Backslashes (archives made on Windows) are separators too.
  CHECK(load_error(archive({file("evil\\..\\..\\x")})) ==
        "chart illegally references parent directory");
  // ".." inside the chart that stays inside is cleaned, as path.Clean does.
  auto c = chart::load_archive(archive({file("evil/templates/../notes.txt", "n")}));
  REQUIRE(c->files.size() == 1);
  CHECK(c->files[0].name == "notes.txt");
}

TEST_CASE("archive: absolute paths and drive names are refused", "[archive][safety]") {
  CHECK(load_error(archive({file("evil//etc/passwd")})) ==
        "chart illegally contains absolute paths");
  CHECK(load_error(archive({file("evil/c:/x.yaml")})) == "chart contains illegally named files");
  // A top-level Chart.yaml has no base directory: Helm's "." check comes first.
  CHECK(load_error(archive({file("Chart.yaml", kChartYaml)}, false)) ==
        "chart illegally contains content outside the base directory: \"Chart.yaml\"");
  CHECK(load_error(archive({file("Chart.yaml/x", kChartYaml)}, false)) ==
        "chart yaml not in base directory");
  CHECK(load_error(archive({file("evil")}, false)) ==
        "chart illegally contains content outside the base directory: \"evil\"");
}

TEST_CASE("archive: links leaving the chart are refused, links inside stay empty files",
          "[archive][safety]") {
  CHECK(load_error(archive({link("evil/templates/x.yaml", "../../../etc/passwd")})) ==
        "chart illegally contains a symbolic link leaving the chart: "
        "\"evil/templates/x.yaml\" -> \"../../../etc/passwd\"");
  CHECK(load_error(archive({link("evil/templates/x.yaml", "/etc/passwd")})) ==
        "chart illegally contains a symbolic link leaving the chart: "
        "\"evil/templates/x.yaml\" -> \"/etc/passwd\"");
  CHECK(load_error(archive({link("evil/x", "../..", '2')})) ==
        "chart illegally contains a symbolic link leaving the chart: \"evil/x\" -> \"../..\"");
  CHECK(load_error(archive({link("evil/hard.txt", "evil/../../etc/shadow", '1')})) ==
        "chart illegally contains a hard link leaving the chart: "
        "\"evil/hard.txt\" -> \"evil/../../etc/shadow\"");
  // Inside the chart: Helm reads the entry's (empty) data and so do we.
  auto c = chart::load_archive(
      archive({file("evil/values.yaml", "a: 1\n"), link("evil/templates/v.yaml", "../values.yaml"),
               link("evil/hard.yaml", "evil/values.yaml", '1')}));
  REQUIRE(c->templates.size() == 1);
  CHECK(c->templates[0].name == "templates/v.yaml");
  CHECK(c->templates[0].data.empty());
  REQUIRE(c->files.size() == 1);
  CHECK(c->files[0].name == "hard.yaml");
}

TEST_CASE("archive: device files and named pipes are refused", "[archive][safety]") {
  TarEntry dev = file("evil/templates/zero.yaml", "");
  dev.type = '3';
  CHECK(load_error(archive({dev})) ==
        "chart illegally contains character device \"evil/templates/zero.yaml\"");
  dev.type = '4';
  CHECK(load_error(archive({dev})) ==
        "chart illegally contains block device \"evil/templates/zero.yaml\"");
  dev.type = '6';
  CHECK(load_error(archive({dev})) ==
        "chart illegally contains named pipe \"evil/templates/zero.yaml\"");
}

TEST_CASE("archive: duplicate names are refused", "[archive][safety]") {
  CHECK(load_error(archive({file("evil/templates/a.yaml"), file("evil/templates/a.yaml")})) ==
        "chart illegally contains duplicate file \"evil/templates/a.yaml\"");
  // Names that clean to the same path are the same file.
  CHECK(load_error(archive({file("evil/templates/a.yaml"), file("evil/templates/./a.yaml")})) ==
        "chart illegally contains duplicate file \"evil/templates/./a.yaml\"");
  CHECK(load_error(archive({file("evil/Chart.yaml", kChartYaml)})) ==
        "chart illegally contains duplicate file \"evil/Chart.yaml\"");
}

TEST_CASE("archive: files and totals over the limits are refused before they are inflated",
          "[archive][safety]") {
  // 5 MiB per file (exactly 5 MiB loads), 100 MiB in total (Helm's MaxDecompressed* limits).
  auto c =
      chart::load_archive(archive({file("evil/max.bin", std::string(chart::kMaxFileSize, 'a'))}));
  CHECK(c->files[0].data.size() == chart::kMaxFileSize);
  try {
    chart::load_archive(archive({file("evil/big.bin", std::string(chart::kMaxFileSize + 1, 'a'))}));
    FAIL("loaded");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Limit);
    CHECK(std::string(e.what()) ==
          "decompressed chart file \"evil/big.bin\" is larger than the maximum file size 5242880");
  }
  std::vector<TarEntry> many;
  for (int i = 0; i < 20; ++i)
    many.push_back(file("evil/f" + std::to_string(i), std::string(chart::kMaxFileSize, '\0')));
  CHECK(load_error(archive(many)) ==
        "decompressed chart is larger than the maximum file size 104857600");
}

TEST_CASE("archive: a truncated or corrupt stream is an error, not a partial chart",
          "[archive][safety]") {
  const std::string good = archive({file("evil/values.yaml", std::string(2000, 'v'))});
  CHECK(load_error(good.substr(0, good.size() / 2)) == "unexpected EOF");
  std::string corrupt = good;
  corrupt[corrupt.size() - 6] ^= 0x55;  // the CRC-32 trailer
  CHECK(load_error(corrupt) == "gzip: invalid checksum");
}

TEST_CASE("archive writer: Go's tar framing round-trips through the loader", "[archive]") {
  chart::TarWriter tw;
  tw.add_file("demo/Chart.yaml", "apiVersion: v2\nname: demo\nversion: 1.0.0\n");
  const std::string long_dir = "demo/templates/" + std::string(90, 'd');
  tw.add_file(long_dir + "/x.yaml", "long");                // split into USTAR prefix and name
  tw.add_file("demo/" + std::string(160, 'n'), "pax");      // needs a PAX path record
  tw.add_file("demo/files/\xC3\xA9t\xC3\xA9.txt", "utf8");  // non-ASCII: PAX as well
  const std::string tar = tw.finish();
  CHECK(tar.size() % 512 == 0);
  CHECK(tar.substr(tar.size() - 1024) == std::string(1024, '\0'));
  // USTAR header fields as Go formats them.
  CHECK(tar.substr(100, 8) == std::string("0000644\0", 8));
  CHECK(tar.substr(124, 12) == std::string("00000000051\0", 12));
  CHECK(tar.substr(257, 8) == std::string("ustar\0"
                                          "00",
                                          8));
  auto files = chart::load_archive_files(chart::gzip_compress(tar, chart::helm_gzip_options()));
  REQUIRE(files.size() == 4);
  CHECK(files[1].name == "templates/" + std::string(90, 'd') + "/x.yaml");
  CHECK(files[1].data == "long");
  CHECK(files[2].name == std::string(160, 'n'));
  CHECK(files[3].name == "files/\xC3\xA9t\xC3\xA9.txt");
  const std::string gz = chart::gzip_compress("x", chart::helm_gzip_options());
  CHECK(static_cast<unsigned char>(gz[3]) == 0x14);  // FEXTRA | FCOMMENT
  CHECK(static_cast<unsigned char>(gz[9]) == 255);   // OS unknown, as Go writes
}

}  // namespace
