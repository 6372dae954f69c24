// Output and manifest reading shared by the kubectl verbs.
#include "cli/kubectl.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <ostream>
#include <sstream>

#include "core/error.h"
#include "core/yaml.h"

namespace capstan::cli {

namespace fs = std::filesystem;

void emit(Context& ctx, const orchestrator::kubectl::Output& output) {
  ctx.out << output.out;
  ctx.err << output.err;
  if (output.exit_code != 0) ctx.exit_code = output.exit_code;
}

namespace {

std::string read_all(const std::string& path) {
  if (path == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(ErrorKind::NotFound, "the path \"" + path + "\" does not exist");
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void decode_into(const std::string& name, const std::string& text, std::vector<Value>& out) {
  yaml::DecodeOptions options;
  options.file = name;
  options.numbers = yaml::Numbers::Typed;
  std::vector<Value> docs;
  try {
    docs = yaml::decode_all(text, options);
  } catch (const Error& e) {
    throw Error(e.kind(), "error parsing " + name + ": " + e.what());
  }
  for (Value& doc : docs) {
    if (doc.is_null()) continue;
    const Value* items = doc.find("items");
    const std::string kind = doc.get_string("kind");
    if (items != nullptr && items->is_list() && kind.size() > 4 &&
        kind.compare(kind.size() - 4, 4, "List") == 0) {
      for (const Value& item : items->list().items) out.push_back(item);
    } else {
      out.push_back(std::move(doc));
    }
  }
}

}  // namespace

std::vector<Value> read_manifests(const std::vector<std::string>& paths) {
  std::vector<Value> out;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path != "-" && fs::is_directory(path, ec)) {
      std::vector<fs::path> files;
      for (const auto& entry : fs::directory_iterator(path)) {
        const std::string ext = entry.path().extension().string();
        if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml" || ext == ".json")) {
          files.push_back(entry.path());
        }
      }
      std::sort(files.begin(), files.end());
      for (const fs::path& f : files) decode_into(f.string(), read_all(f.string()), out);
      continue;
    }
    decode_into(path, read_all(path), out);
  }
  return out;
}

}  // namespace capstan::cli
