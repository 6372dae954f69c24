// Internal to repo/: the pieces of index loading shared by the dedicated block-YAML reader
// (index_reader.cpp) and the generic decoder (index_load.cpp).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "repo/index.h"

namespace capstan::repo::detail {

// Entries as decoded, before Helm's clean-up: nullopt marks a null version node.
using RawEntries = std::map<std::string, std::vector<std::optional<ChartVersion>>, std::less<>>;

// Reads index.yaml text in the block style Helm, ChartMuseum and most servers write
// (sigs.k8s.io/yaml's output and hand-written files like it) into `index`'s top-level fields
// and `entries`, with views into `text` (which the index must own) or its arena. Returns false
// for anything outside that subset or anything malformed, leaving the caller to run the
// generic strict decoder, which also words every error: flow collections other than [] and
// {}, anchors, aliases, tags, complex keys, folded scalars, several documents, tabs, keys that
// are not exactly Helm's field names, plain scalars that would not decode as strings, and
// duplicate keys.
bool read_block_index(std::string_view text, IndexFile& index, RawEntries& entries);

}  // namespace capstan::repo::detail
