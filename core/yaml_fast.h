// A fast reader for the plain block YAML that values files and rendered manifests are made
// of, building the same node tree as the yaml-cpp based Parser (yaml_parse.h) without it.
// It accepts only input it is sure about (block mappings and sequences, plain, quoted and
// block scalars, one-line flow collections, comments) and gives up on everything else
// (anchors, tags, multi-line plain or quoted scalars, several documents, tabs, anything
// malformed); the caller then runs the full parser, which also words every error. Internal to
// core/.
#pragma once

#include <string_view>

#include "core/yaml_parse.h"

namespace capstan::yaml::detail {

// The first document of `text` into `doc` (root -1 for an empty stream). False: not handled
// here, `doc` is unspecified.
bool parse_simple(std::string_view text, Document& doc);

}  // namespace capstan::yaml::detail
