// gzip + base64 framing of release records.
#include "release/record_codec.h"

#include <zlib.h>

#include "core/error.h"
#include "core/json_text.h"
#include "release/release_json.h"

namespace capstan::release {

namespace {

constexpr unsigned char kGzipMagic[] = {0x1f, 0x8b, 0x08};

}  // namespace

std::string gzip_compress(std::string_view data) {
  z_stream zs{};
  // windowBits 15 + 16 asks zlib for a gzip header; level 9 is Go's gzip.BestCompression.
  if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw Error(ErrorKind::Internal, "gzip: cannot initialise compressor");
  }
  // Go's gzip writer records "unknown" as the operating system; do the same.
  gz_header header{};
  header.os = 255;
  deflateSetHeader(&zs, &header);
  std::string out;
  out.resize(deflateBound(&zs, static_cast<uLong>(data.size())) + 32);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&zs, Z_FINISH);
  const std::size_t produced = zs.total_out;
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) throw Error(ErrorKind::Internal, "gzip: compression failed");
  out.resize(produced);
  return out;
}

std::string gzip_decompress(std::string_view data) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 16) != Z_OK) {
    throw Error(ErrorKind::Internal, "gzip: cannot initialise decompressor");
  }
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char buf[65536];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&zs);
      throw Error(ErrorKind::Parse, rc == Z_BUF_ERROR ? "unexpected EOF" : "gzip: invalid header");
    }
    out.append(buf, sizeof buf - zs.avail_out);
  }
  inflateEnd(&zs);
  return out;
}

std::string encode_record(const Release& release) {
  return json::base64_encode(gzip_compress(encode_release_json(release)));
}

Release decode_record(std::string_view data) {
  std::optional<std::string> raw = json::base64_decode(data);
  if (!raw) throw Error(ErrorKind::Parse, "illegal base64 data in release record");
  std::string_view bytes = *raw;
  std::string inflated;
  if (bytes.size() > 3 && bytes.substr(0, 3) == std::string_view(reinterpret_cast<const char*>(kGzipMagic), 3)) {
    inflated = gzip_decompress(bytes);
    bytes = inflated;
  }
  return decode_release_json(bytes);
}

}  // namespace capstan::release
