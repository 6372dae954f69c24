// Writing .tgz chart archives the way Helm's chartutil.Save does: Go's archive/tar Writer
// (USTAR headers, a PAX "path" record for names USTAR cannot hold, two zero blocks at the end)
// inside Go's compress/gzip framing (with Helm's Extra field and "Helm" comment). Deflate
// itself is zlib's, so the compressed bytes differ from Go's; the tar stream is byte for byte
// what Go writes for the same headers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace capstan::chart {

// One tar header, as Go's tar.Header fields that Helm (and our tests) set.
struct TarEntry {
  std::string name;
  std::string data;  // regular files only
  char type = '0';   // '0' file, '2' symlink, '1' hard link, '3'/'4' devices, '5' dir, '6' fifo
  std::string link_name;  // symlinks and hard links
  std::int64_t mode = 0644;
  std::int64_t mtime = 0;  // Unix seconds
};

class TarWriter {
 public:
  // Go's WriteHeader + Write: USTAR when the name fits (directly or split at a '/' into the
  // 155-byte prefix), else a PAX extended header carrying the path.
  void add(const TarEntry& entry);
  void add_file(std::string_view name, std::string_view data, std::int64_t mtime = 0) {
    add(TarEntry{std::string(name), std::string(data), '0', "", 0644, mtime});
  }
  // Close: the two zero blocks. Returns the whole stream.
  std::string finish();

 private:
  void header_block(const TarEntry& entry, std::string_view name, std::string_view prefix,
                    char type, std::int64_t size, bool pax_main);
  void data(std::string_view bytes);

  std::string out_;
};

// The gzip framing Helm writes: FEXTRA with `extra`, FCOMMENT `comment`, no name, MTIME 0,
// XFL 0, OS 255 (Go's defaults), deflate at zlib's default level, CRC-32 and size trailer.
struct GzipOptions {
  std::string extra;
  std::string comment;
};
std::string gzip_compress(std::string_view data, const GzipOptions& options = {});

// Helm's gzip header fields (pkg/chartutil/save.go headerBytes and Comment).
GzipOptions helm_gzip_options();

}  // namespace capstan::chart
