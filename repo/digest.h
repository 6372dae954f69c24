// SHA-256 digests as Helm's provenance package computes them (Digest, DigestFile): lower-case
// hex of the bytes, which index.yaml `digest`, Chart.lock and .prov `files:` carry.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace capstan::repo {

std::string sha256_hex(std::string_view data);
// Throws Error(ErrorKind::Io / NotFound) "open PATH: ..." when the file cannot be read.
std::string digest_file(const std::filesystem::path& path);

// The whole file, or an Error worded as Go's os.ReadFile ("open PATH: no such file or
// directory").
std::string read_file(const std::filesystem::path& path);
// fileutil.AtomicWriteFile: a temporary file in the same directory, then rename.
void atomic_write_file(const std::filesystem::path& path, std::string_view data, int mode = 0644);

}  // namespace capstan::repo
