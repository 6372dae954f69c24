// chartutil.Expand: an archive's files written under DIR/CHARTNAME, after the archive loader's
// defences (no absolute paths, no "..", no Windows drive names, 100 MiB / 5 MiB bounds:
// CVE-2019-1000008, CVE-2025-32386), with the chart name checked (not "." or "..", no
// separators: CVE-2026-35206). Where Helm's securejoin follows a symbolic link already in the
// destination (scoped to it), this refuses to write through any symbolic link at all.
#pragma once

#include <filesystem>
#include <string_view>

namespace capstan::repo {

// Returns the chart directory written.
std::filesystem::path expand_archive(const std::filesystem::path& dir, std::string_view tgz);

}  // namespace capstan::repo
