// Go's archive/tar Writer and compress/gzip Writer framing (see archive_writer.h), with the
// field formats of Go's tar formatter: octal numbers zero-padded with a trailing NUL, strings
// NUL-terminated when shorter than their field, the checksum as six digits, NUL, space.
#include "chart/archive_writer.h"

#include <zlib.h>

#include <cstring>
#include <map>

#include "core/error.h"

namespace capstan::chart {

namespace {

constexpr std::size_t kBlock = 512;
constexpr std::size_t kNameSize = 100;
constexpr std::size_t kPrefixSize = 155;

bool is_ascii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80)
      return false;
  }
  return true;
}

// Go's toASCII: non-ASCII bytes are dropped (used for the PAX main header's best-effort name).
std::string to_ascii(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x80)
      out += c;
  }
  return out;
}

// formatString: copy (truncating), NUL after a shorter string, and no trailing '/' left in a
// truncated field (Go's guard for buggy readers).
void format_string(char* field, std::size_t size, std::string_view s) {
  std::memcpy(field, s.data(), std::min(size, s.size()));
  if (s.size() < size)
    field[s.size()] = '\0';
  if (s.size() > size && field[size - 1] == '/') {
    std::size_t n = size;
    while (n > 0 && field[n - 1] == '/') --n;
    field[n] = '\0';
  }
}

// formatOctal: zero-padded octal leaving room for a NUL.
void format_octal(char* field, std::size_t size, std::int64_t x) {
  std::string s;
  if (x == 0)
    s = "0";
  for (std::int64_t v = x; v > 0; v /= 8) s.insert(s.begin(), static_cast<char>('0' + v % 8));
  if (s.size() + 1 < size)
    s = std::string(size - 1 - s.size(), '0') + s;
  format_string(field, size, s);
}

// splitUSTARPath: a long ASCII name split at a '/' into prefix (<= 155) and name (<= 100).
bool split_ustar_path(std::string_view name, std::string& prefix, std::string& suffix) {
  std::size_t length = name.size();
  if (length <= kNameSize || !is_ascii(name))
    return false;
  if (length > kPrefixSize + 1) {
    length = kPrefixSize + 1;
  } else if (name[length - 1] == '/') {
    --length;
  }
  const std::size_t i = name.substr(0, length).rfind('/');
  if (i == std::string_view::npos || i == 0)
    return false;
  const std::size_t nlen = name.size() - i - 1;
  if (nlen > kNameSize || nlen == 0 || i > kPrefixSize)
    return false;
  prefix = std::string(name.substr(0, i));
  suffix = std::string(name.substr(i + 1));
  return true;
}

void set_checksum(char* blk) {
  std::int64_t sum = 0;
  for (std::size_t i = 0; i < kBlock; ++i) {
    sum += (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(blk[i]);
  }
  format_octal(blk + 148, 7, sum);
  blk[155] = ' ';
}

// formatPAXRecord: "LEN key=value\n", LEN counting itself.
std::string pax_record(std::string_view key, std::string_view value) {
  std::size_t size = key.size() + value.size() + 3;
  size += std::to_string(size).size();
  std::string record =
      std::to_string(size) + " " + std::string(key) + "=" + std::string(value) + "\n";
  if (record.size() != size) {
    size = record.size();
    record = std::to_string(size) + " " + std::string(key) + "=" + std::string(value) + "\n";
  }
  return record;
}

// path.Join(dir, "PaxHeaders.0", file) for Go's path.Split(name).
std::string pax_header_name(std::string_view name) {
  const std::size_t slash = name.rfind('/');
  const std::string dir(slash == std::string_view::npos ? "" : name.substr(0, slash));
  const std::string file(slash == std::string_view::npos ? name : name.substr(slash + 1));
  std::string out = dir.empty() ? "PaxHeaders.0" : dir + "/PaxHeaders.0";
  if (!file.empty())
    out += "/" + file;
  return out;
}

}  // namespace

void TarWriter::data(std::string_view bytes) {
  out_.append(bytes);
  out_.append((kBlock - bytes.size() % kBlock) % kBlock, '\0');
}

void TarWriter::header_block(const TarEntry& e, std::string_view name, std::string_view prefix,
                             char type, std::int64_t size, bool pax_main) {
  char blk[kBlock];
  std::memset(blk, 0, sizeof blk);
  blk[156] = type;
  const std::string n = pax_main ? to_ascii(name) : std::string(name);
  format_string(blk, 100, n);
  format_string(blk + 157, 100, pax_main ? to_ascii(e.link_name) : e.link_name);
  format_octal(blk + 100, 8, e.mode);
  format_octal(blk + 108, 8, 0);
  format_octal(blk + 116, 8, 0);
  format_octal(blk + 124, 12, size);
  format_octal(blk + 136, 12, e.mtime);
  format_octal(blk + 329, 8, 0);
  format_octal(blk + 337, 8, 0);
  if (!prefix.empty())
    format_string(blk + 345, kPrefixSize, prefix);
  std::memcpy(blk + 257, "ustar\0", 6);
  std::memcpy(blk + 263, "00", 2);
  set_checksum(blk);
  out_.append(blk, kBlock);
}

void TarWriter::add(const TarEntry& e) {
  const std::int64_t size = e.type == '0' ? static_cast<std::int64_t>(e.data.size()) : 0;
  std::string prefix;
  std::string suffix;
  const bool name_fits = e.name.size() <= kNameSize && is_ascii(e.name);
  const bool link_fits = e.link_name.size() <= kNameSize && is_ascii(e.link_name);
  if (link_fits && (name_fits || split_ustar_path(e.name, prefix, suffix))) {
    header_block(e, name_fits ? std::string_view(e.name) : std::string_view(suffix), prefix, e.type,
                 size, false);
  } else {
    std::map<std::string, std::string> records;  // sorted keys, as Go writes them
    if (!name_fits)
      records["path"] = e.name;
    if (!link_fits)
      records["linkpath"] = e.link_name;
    std::string pax;
    for (const auto& [k, v] : records) pax += pax_record(k, v);
    // writeRawFile: the extended header file, named best-effort, mode/uid/gid/mtime 0 and no
    // device numbers.
    std::string raw_name = to_ascii(pax_header_name(e.name));
    if (raw_name.size() > kNameSize)
      raw_name.resize(kNameSize);
    while (!raw_name.empty() && raw_name.back() == '/') raw_name.pop_back();
    char blk[kBlock];
    std::memset(blk, 0, sizeof blk);
    blk[156] = 'x';
    format_string(blk, 100, raw_name);
    format_octal(blk + 100, 8, 0);
    format_octal(blk + 108, 8, 0);
    format_octal(blk + 116, 8, 0);
    format_octal(blk + 124, 12, static_cast<std::int64_t>(pax.size()));
    format_octal(blk + 136, 12, 0);
    std::memcpy(blk + 257, "ustar\0", 6);
    std::memcpy(blk + 263, "00", 2);
    set_checksum(blk);
    out_.append(blk, kBlock);
    data(pax);
    header_block(e, e.name, "", e.type, size, true);
  }
  if (size > 0)
    data(e.data);
}

std::string TarWriter::finish() {
  out_.append(2 * kBlock, '\0');
  return std::move(out_);
}

std::string gzip_compress(std::string_view data, const GzipOptions& options) {
  std::string out;
  unsigned char flags = 0;
  if (!options.extra.empty())
    flags |= 0x04;
  if (!options.comment.empty())
    flags |= 0x10;
  const unsigned char header[10] = {0x1f, 0x8b, 8, flags, 0, 0, 0, 0, 0, 255};
  out.append(reinterpret_cast<const char*>(header), sizeof header);
  if (!options.extra.empty()) {
    out += static_cast<char>(options.extra.size() & 0xff);
    out += static_cast<char>((options.extra.size() >> 8) & 0xff);
    out += options.extra;
  }
  if (!options.comment.empty()) {
    out += options.comment;
    out += '\0';
  }
  z_stream z;
  std::memset(&z, 0, sizeof z);
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    throw Error(ErrorKind::Internal, "gzip: cannot initialise zlib");
  }
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  std::string buf(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_out = reinterpret_cast<Bytef*>(buf.data());
  z.avail_out = static_cast<uInt>(buf.size());
  const int rc = deflate(&z, Z_FINISH);
  buf.resize(buf.size() - z.avail_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END)
    throw Error(ErrorKind::Internal, "gzip: deflate failed");
  out += buf;
  const uLong crc = crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(data.data()),
                          static_cast<uInt>(data.size()));
  const std::uint32_t size = static_cast<std::uint32_t>(data.size());
  for (int i = 0; i < 4; ++i) out += static_cast<char>((crc >> (8 * i)) & 0xff);
  for (int i = 0; i < 4; ++i) out += static_cast<char>((size >> (8 * i)) & 0xff);
  return out;
}

GzipOptions helm_gzip_options() {
  // pkg/chartutil/save.go: gzip Header.Extra = headerBytes, Header.Comment = "Helm".
  return GzipOptions{"+aHR0cHM6Ly95b3V0dS5iZS96OVV6MWljandyTQo=", "Helm"};
}

}  // namespace capstan::chart
