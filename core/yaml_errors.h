// libyaml's errors on top of yaml-cpp: the input as libyaml's reader sees it (BOM, UTF-16,
// refused characters), what the parser has seen so far, and the translation of yaml-cpp's
// ParserException into libyaml's words and line numbers. Internal to core/.
#pragma once

#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace capstan::yaml::detail {

// A 0-based position, as yaml-cpp's marks and libyaml's give it.
struct Pos {
  int pos = 0;
  int line = 0;
  int column = 0;
  static Pos of(const YAML::Mark& m) { return {m.pos, m.line, m.column}; }
};

class Source;

// libyaml ends an anchor or alias name at the first character outside [0-9A-Za-z_-], where
// yaml-cpp reads on; when libyaml would go on with an indicator there ("&x: 1" is an anchor
// on an empty key), the text is parsed again with a space at `pos` so that yaml-cpp splits
// the name where libyaml does.
struct Reparse {
  std::size_t pos;
};

// What the events seen so far say about the syntax, and the libyaml errors yaml-cpp does
// not raise: a block mapping key without ':', a document after a block collection without
// "---", unknown directives.
class SyntaxState {
 public:
  explicit SyntaxState(Source& source) : source_(source) {}

  void on_document_start(const YAML::Mark& mark);
  void on_document_end();
  void on_scalar(const YAML::Mark& mark, bool plain, std::string_view value);
  void on_null(const YAML::Mark& mark);
  void on_node(const YAML::Mark& mark);
  // A mapping's value was added after a key at `key` (`plain`: a plain scalar key).
  void on_mapping_value(Pos key, bool plain);
  // A mapping key yaml-cpp read as empty (null) at `mark`.
  void on_null_key(const YAML::Mark& mark);
  // A node with an explicit tag; an item of the innermost open sequence.
  void on_tag(const YAML::Mark& mark, const std::string& tag);
  void on_sequence_item(Pos item);
  void on_collection_start(bool mapping, bool flow, const YAML::Mark& mark);
  void on_collection_end();
  void on_anchor(const YAML::Mark& mark, const std::string& name);

  // Whether the error after `at` is the missing ':' libyaml reports first.
  std::optional<Error> pending_error(int next_line) const;

  // The directives libyaml's scanner reaches before line `to` (exclusive) after the previous
  // document, checked as its parser checks them; with first_only after a document, only the
  // token that ends it. `at_stream_end`: no document follows, so directives are an error.
  // Returns whether directives were found before a document.
  bool check_directives(int to, bool at_stream_end);

  struct Collection {
    bool mapping = false;
    bool flow = false;
    Pos start;
    int parent = -1;
    int last_closed_child = -1;
  };
  const std::vector<Collection>& collections() const { return collections_; }
  const std::vector<int>& open() const { return open_; }
  const std::optional<Pos>& last_quoted() const { return last_quoted_; }
  const std::optional<Pos>& last_event() const { return last_event_; }
  int root_collection() const { return root_collection_; }
  bool first_only = false;  // yaml.Unmarshal: documents after the first are not parsed

 private:
  friend class Source;

  // libyaml ends an anchor or alias name at the first character outside [0-9A-Za-z_-], where
  // yaml-cpp reads on; when libyaml would go on with an indicator there ("&x: 1" is an anchor
  // on an empty key), the text is parsed again with a space at `pos` so that yaml-cpp splits
  // the name where libyaml does.
  struct Reparse {
    std::size_t pos;
  };
  void event_at(const YAML::Mark& mark, bool keeps_quote = false);
  // A node that starts a block-context line after leading whitespace holding a tab.
  void check_tab_before(const YAML::Mark& mark, const std::optional<Pos>& previous) const;
  // Whether `line` is inside the latest node's scalar (quoted, block, or a root plain scalar's
  // continuation), where a '%' is text.
  bool inside_last_scalar(int line) const;

  Source& source_;
  int documents_ = 0;
  int root_collection_ = -1;  // first collection of the current document
  bool root_block_ = false;   // the current document's root is a block collection
  std::vector<Collection> collections_;
  std::vector<int> open_;
  std::optional<Pos> last_quoted_;  // the latest quoted scalar, if no event followed it
  std::optional<Pos> last_event_;
  bool in_document_ = false;  // between a document's start and end events
  std::optional<Pos> last_key_;  // the latest plain scalar that may be a key
  bool last_was_null_ = false;
  Pos null_at_;
  std::optional<Pos> missing_colon_;  // a block mapping key without ':' (at this key)
  std::optional<int> missing_line_;   // the line of the token after that key, when known
};

// The input as libyaml's reader delivers it to the scanner.
class Source {
 public:
  Source(std::string_view input, std::string file);

  // UTF-8 without a BOM; cut before the first character libyaml's reader refuses.
  std::string_view text() const { return text_; }
  SyntaxState& state() { return state_; }
  const std::string& file() const { return file_; }

  // The error libyaml gives where yaml-cpp threw `e`.
  Error error_from(const YAML::ParserException& e);
  // After a document / at the end of the stream: errors yaml-cpp let pass.
  void check_document_end();
  void check_stream_end();
  // An unclosed quoted scalar starting at `start` (after any anchor or tag) reaches the end
  // of the text, which yaml-cpp accepts and libyaml does not.
  void check_quoted(Pos start) const;
  // libyaml's reader error, once parsing reaches the refused character.
  void check_reader(int pos) const;
  // Checks an anchor or alias name starting at `at` (after '&' or '*') as libyaml scans
  // it; throws Reparse or the scanner error. `yaml_cpp_name` is what yaml-cpp read.
  void check_name(std::size_t at, std::string_view yaml_cpp_name, bool alias, Pos start) const;

  // "yaml: line N: message" with libyaml's line choice for a scanner or parser error.
  Error scanner_error(const std::string& problem, Pos problem_mark, Pos context_mark) const;
  Error parser_error(const std::string& problem, Pos problem_mark, Pos context_mark) const;
  Error plain_error(const std::string& problem, Pos at) const;  // no line (yaml.v2's failf)

  // Where libyaml's STREAM-END token is: it starts a new line unless the text ends with one.
  Pos stream_end() const;
  // The end of the text itself (an error inside a scalar that reaches it).
  Pos text_end() const;

 private:
  std::string file_;
  std::string storage_;  // the text, when transcoded from UTF-16
  std::string_view text_;
  std::string reader_error_;
  std::size_t reader_limit_ = 0;  // where the reader error becomes visible
  SyntaxState state_;
};

}  // namespace capstan::yaml::detail
