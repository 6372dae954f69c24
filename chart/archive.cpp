// Reading .tgz charts: a streaming gzip reader (zlib; concatenated members as Go's
// compress/gzip reads them) under a tar reader modelled on Go's archive/tar (ustar, GNU and
// PAX names), then Helm's path checks and size limits.
#include "chart/archive.h"

#include <zlib.h>

#include <cstring>
#include <map>
#include <set>

#include "chart/go_format.h"
#include "core/error.h"
#include "core/strconv.h"

namespace capstan::chart {

namespace {

[[noreturn]] void fail(const std::string& message) {
  throw Error(ErrorKind::Chart, message);
}

// Decompresses on demand, so a bomb is stopped by the size checks before it is inflated.
class GzipReader {
 public:
  explicit GzipReader(std::string_view in) : in_(in) {
    std::memset(&z_, 0, sizeof z_);
    if (inflateInit2(&z_, 16 + MAX_WBITS) != Z_OK)
      fail("gzip: cannot initialise zlib");
    if (in_.empty())
      fail("EOF");
    if (in_.size() < 2 || static_cast<unsigned char>(in_[0]) != 0x1f ||
        static_cast<unsigned char>(in_[1]) != 0x8b) {
      inflateEnd(&z_);
      fail("gzip: invalid header");
    }
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in_.data()));
    z_.avail_in = static_cast<uInt>(in_.size());
  }
  ~GzipReader() { inflateEnd(&z_); }
  GzipReader(const GzipReader&) = delete;
  GzipReader& operator=(const GzipReader&) = delete;

  // Up to n bytes (fewer only at the end of the stream).
  std::string read(std::size_t n) {
    std::string out(n, '\0');
    std::size_t got = 0;
    while (got < n && !done_) {
      z_.next_out = reinterpret_cast<Bytef*>(out.data() + got);
      z_.avail_out = static_cast<uInt>(n - got);
      int rc = inflate(&z_, Z_NO_FLUSH);
      got = n - z_.avail_out;
      if (rc == Z_STREAM_END) {
        // Go's gzip.Reader reads concatenated members until the input ends.
        if (z_.avail_in == 0) {
          done_ = true;
        } else if (inflateReset(&z_) != Z_OK) {
          fail("gzip: invalid header");
        }
      } else if (rc == Z_BUF_ERROR && z_.avail_in == 0) {
        fail("unexpected EOF");
      } else if (rc == Z_DATA_ERROR) {
        fail(z_.msg != nullptr && std::strstr(z_.msg, "check") != nullptr
                 ? "gzip: invalid checksum"
                 : "flate: corrupt input before offset " + std::to_string(z_.total_in));
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        fail("gzip: invalid header");
      }
    }
    out.resize(got);
    return out;
  }

  // io.ReadFull: exactly n bytes, io.EOF when none, io.ErrUnexpectedEOF when some.
  enum class Full { Ok, Eof, Short };
  Full read_full(std::size_t n, std::string& out) {
    out = read(n);
    if (out.size() == n)
      return Full::Ok;
    return out.empty() ? Full::Eof : Full::Short;
  }

 private:
  std::string_view in_;
  z_stream z_;
  bool done_ = false;
};

constexpr std::size_t kBlock = 512;

std::string c_string(std::string_view field) {
  std::size_t nul = field.find('\0');
  return std::string(field.substr(0, nul));
}

// Go's parseNumeric: octal (spaces and NULs trimmed) or GNU base-256.
std::int64_t parse_numeric(std::string_view field) {
  if (!field.empty() && (static_cast<unsigned char>(field[0]) & 0x80) != 0) {
    std::int64_t v = 0;
    for (std::size_t i = 0; i < field.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(field[i]);
      if (i == 0)
        c &= 0x7f;
      if (v > (INT64_MAX >> 8))
        fail("archive/tar: invalid tar header");
      v = (v << 8) | c;
    }
    return v;
  }
  std::string s = c_string(field);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\0')) s.pop_back();
  std::size_t start = s.find_first_not_of(' ');
  s = start == std::string::npos ? "" : s.substr(start);
  if (s.empty())
    return 0;
  strconv::Parsed<std::int64_t> n = strconv::parse_int(s, 8, 64);
  if (!n.ok())
    fail("archive/tar: invalid tar header");
  return n.value;
}

bool checksum_ok(const std::string& blk) {
  std::int64_t want = parse_numeric(std::string_view(blk).substr(148, 8));
  std::int64_t unsigned_sum = 0;
  std::int64_t signed_sum = 0;
  for (std::size_t i = 0; i < kBlock; ++i) {
    unsigned char c = (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(blk[i]);
    unsigned_sum += c;
    signed_sum += static_cast<signed char>(c);
  }
  return want == unsigned_sum || want == signed_sum;
}

struct Header {
  std::string name;
  std::string link_name;
  char type = '0';
  std::int64_t size = 0;
};

// PAX records "LEN key=value\n".
std::map<std::string, std::string> parse_pax(const std::string& data) {
  std::map<std::string, std::string> out;
  std::size_t i = 0;
  while (i < data.size()) {
    std::size_t sp = data.find(' ', i);
    if (sp == std::string::npos)
      fail("archive/tar: invalid tar header");
    strconv::Parsed<std::int64_t> len = strconv::parse_int(data.substr(i, sp - i), 10, 64);
    if (!len.ok() || len.value <= 0 || i + static_cast<std::size_t>(len.value) > data.size()) {
      fail("archive/tar: invalid tar header");
    }
    std::string record = data.substr(sp + 1, i + static_cast<std::size_t>(len.value) - sp - 2);
    std::size_t eq = record.find('=');
    if (eq == std::string::npos)
      fail("archive/tar: invalid tar header");
    out[record.substr(0, eq)] = record.substr(eq + 1);
    i += static_cast<std::size_t>(len.value);
  }
  return out;
}

class TarReader {
 public:
  explicit TarReader(GzipReader& in) : in_(in) {}

  // The next entry's header, or false at the end of the archive.
  bool next(Header& hd) {
    skip_rest();
    std::map<std::string, std::string> pax;
    std::string long_name;
    std::string long_link;
    while (true) {
      std::string blk;
      GzipReader::Full r = in_.read_full(kBlock, blk);
      if (r == GzipReader::Full::Eof)
        return false;
      if (r == GzipReader::Full::Short)
        fail("unexpected EOF");
      if (blk == std::string(kBlock, '\0')) {
        r = in_.read_full(kBlock, blk);
        if (r == GzipReader::Full::Eof)
          return false;
        if (r == GzipReader::Full::Short)
          fail("unexpected EOF");
        if (blk == std::string(kBlock, '\0'))
          return false;
        fail("archive/tar: invalid tar header");
      }
      if (!checksum_ok(blk))
        fail("archive/tar: invalid tar header");
      Header h;
      h.type = blk[156];
      h.size = parse_numeric(std::string_view(blk).substr(124, 12));
      if (h.size < 0)
        fail("archive/tar: invalid tar header");
      h.name = c_string(std::string_view(blk).substr(0, 100));
      h.link_name = c_string(std::string_view(blk).substr(157, 100));
      const std::string magic = blk.substr(257, 8);
      if (magic == std::string("ustar\0"
                               "00",
                               8)) {
        std::string prefix = c_string(std::string_view(blk).substr(345, 155));
        if (!prefix.empty())
          h.name = prefix + "/" + h.name;
      }
      remaining_ = h.size;
      if (h.type == 'x' || h.type == 'L' || h.type == 'K') {
        if (h.size > static_cast<std::int64_t>(kMaxFileSize))
          fail("archive/tar: invalid tar header");
        std::string data = read_data(static_cast<std::size_t>(h.size));
        skip_rest();
        if (h.type == 'x') {
          for (auto& [k, v] : parse_pax(data)) pax[k] = v;
        } else if (h.type == 'L') {
          long_name = c_string(data);
        } else {
          long_link = c_string(data);
        }
        continue;
      }
      if (!long_name.empty())
        h.name = long_name;
      if (auto it = pax.find("path"); it != pax.end())
        h.name = it->second;
      if (!long_link.empty())
        h.link_name = long_link;
      if (auto it = pax.find("linkpath"); it != pax.end())
        h.link_name = it->second;
      if (auto it = pax.find("size"); it != pax.end()) {
        strconv::Parsed<std::int64_t> n = strconv::parse_int(it->second, 10, 64);
        if (!n.ok() || n.value < 0)
          fail("archive/tar: invalid tar header");
        h.size = remaining_ = n.value;
      }
      // Legacy archives mark directories with a trailing slash on a regular entry.
      if (h.type == '\0')
        h.type = (!h.name.empty() && h.name.back() == '/') ? '5' : '0';
      hd = h;
      return true;
    }
  }

  // Up to `limit` bytes of the current entry's data.
  std::string read_data(std::size_t limit) {
    std::size_t n = static_cast<std::size_t>(
        std::min<std::int64_t>(remaining_, static_cast<std::int64_t>(limit)));
    std::string data = in_.read(n);
    if (data.size() < n)
      fail("unexpected EOF");
    remaining_ -= static_cast<std::int64_t>(n);
    consumed_ += n;
    return data;
  }

 private:
  // The rest of the entry's data and the padding to the next block.
  void skip_rest() {
    while (remaining_ > 0) read_data(65536);
    std::size_t pad = (kBlock - consumed_ % kBlock) % kBlock;
    if (pad > 0 && in_.read(pad).size() < pad)
      fail("unexpected EOF");
    consumed_ = 0;
  }

  GzipReader& in_;
  std::int64_t remaining_ = 0;
  std::size_t consumed_ = 0;
};

bool is_drive_path(const std::string& n) {
  return n.size() >= 3 && ((n[0] >= 'a' && n[0] <= 'z') || (n[0] >= 'A' && n[0] <= 'Z')) &&
         n[1] == ':' && n[2] == '/';
}


// Deliberate differences from Helm, which loads every such entry as an empty file: links
// whose target leaves the chart, and device files and named pipes, are refused. A link inside
// the chart stays an empty file, as in Helm (the loader never follows links in archives).
void check_entry_type(const Header& hd, const std::string& name, char delim) {
  const char* kind = hd.type == '3'   ? "character device"
                     : hd.type == '4' ? "block device"
                     : hd.type == '6' ? "named pipe"
                                      : nullptr;
  if (kind != nullptr) {
    fail("chart illegally contains " + std::string(kind) + " " + strconv::quote(hd.name));
  }
  if (hd.type != '1' && hd.type != '2')
    return;
  std::string target = hd.link_name;
  for (char& c : target) {
    if (c == delim)
      c = '/';
  }
  bool leaves = !target.empty() && target[0] == '/';
  if (!leaves && hd.type == '2') {
    // A symbolic link's target is relative to the directory holding the link.
    const std::size_t slash = name.rfind('/');
    const std::string dir = slash == std::string::npos ? "" : name.substr(0, slash + 1);
    target = go_path_clean(dir + target);
  } else if (!leaves) {
    // A hard link names another archive member, base directory first.
    const std::size_t slash = target.find('/');
    target = go_path_clean(slash == std::string::npos ? "" : target.substr(slash + 1));
  }
  leaves = leaves || target == ".." || target.compare(0, 3, "../") == 0 || is_drive_path(target);
  if (leaves) {
    fail("chart illegally contains a " +
         std::string(hd.type == '2' ? "symbolic" : "hard") + " link leaving the chart: " +
         strconv::quote(hd.name) + " -> " + strconv::quote(hd.link_name));
  }
}

}  // namespace

std::vector<File> load_archive_files(std::string_view gzipped_tar) {
  GzipReader gz(gzipped_tar);
  TarReader tr(gz);
  std::vector<File> files;
  std::set<std::string> seen;
  std::int64_t remaining = static_cast<std::int64_t>(kMaxChartSize);
  Header hd;
  while (tr.next(hd)) {
    if (hd.type == '5' || hd.type == 'g')
      continue;
    const char delim = hd.name.find('\\') != std::string::npos ? '\\' : '/';
    std::vector<std::string> parts;
    std::size_t i = 0;
    while (true) {
      std::size_t d = hd.name.find(delim, i);
      parts.push_back(hd.name.substr(i, d == std::string::npos ? std::string::npos : d - i));
      if (d == std::string::npos)
        break;
      i = d + 1;
    }
    std::string n;
    for (std::size_t k = 1; k < parts.size(); ++k) {
      if (k > 1)
        n += '/';
      n += parts[k];
    }
    if (!n.empty() && n[0] == '/')
      fail("chart illegally contains absolute paths");
    n = go_path_clean(n);
    if (n == ".") {
      fail("chart illegally contains content outside the base directory: " +
           strconv::quote(hd.name));
    }
    if (n.compare(0, 2, "..") == 0)
      fail("chart illegally references parent directory");
    if (is_drive_path(n))
      fail("chart contains illegally named files");
    if (parts[0] == "Chart.yaml")
      fail("chart yaml not in base directory");
    check_entry_type(hd, n, delim);
    if (!seen.insert(n).second)
      fail("chart illegally contains duplicate file " + strconv::quote(hd.name));
    const std::string too_large =
        "decompressed chart is larger than the maximum file size " + std::to_string(kMaxChartSize);
    if (hd.size > remaining)
      throw Error(ErrorKind::Limit, too_large);
    if (hd.size > static_cast<std::int64_t>(kMaxFileSize)) {
      throw Error(ErrorKind::Limit, "decompressed chart file " + strconv::quote(hd.name) +
                                        " is larger than the maximum file size " +
                                        std::to_string(kMaxFileSize));
    }
    std::string data = hd.type == '0' || hd.type == '7'
                           ? tr.read_data(static_cast<std::size_t>(remaining))
                           : std::string();
    remaining -= static_cast<std::int64_t>(data.size());
    if ((hd.type == '0' || hd.type == '7') && static_cast<std::int64_t>(data.size()) < hd.size) {
      throw Error(ErrorKind::Limit, too_large);
    }
    if (remaining <= 0)
      throw Error(ErrorKind::Limit, too_large);
    if (data.compare(0, 3, "\xEF\xBB\xBF") == 0)
      data.erase(0, 3);
    files.push_back({n, std::move(data)});
  }
  if (files.empty())
    fail("no files in chart archive");
  return files;
}

std::shared_ptr<Chart> load_archive(std::string_view gzipped_tar, const LoadOptions& options) {
  return load_files(load_archive_files(gzipped_tar), options);
}

}  // namespace capstan::chart
