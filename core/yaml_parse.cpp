// yaml-cpp's event parser (YAML::Parser + YAML::EventHandler) building yaml.v2's node tree.
// yaml-cpp accepts a few inputs libyaml rejects (an unclosed quoted scalar, a second document
// without "---" after a block collection, a key without ':', characters libyaml's reader
// refuses); those are checked here, and yaml-cpp's own errors are reworded as libyaml's
// (core/yaml_errors.cpp).
#include "core/yaml_parse.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <istream>
#include <streambuf>

#include "core/error.h"
#include "core/yaml_errors.h"

namespace capstan::yaml::detail {

namespace {

// An istream over the caller's text, without copying it.
class ViewBuf : public std::streambuf {
 public:
  explicit ViewBuf(std::string_view s) {
    char* p = const_cast<char*>(s.data());  // read-only: no put area, no putback
    setg(p, p, p + s.size());
  }
};

// Thrown from the event handler to stop yaml-cpp after the start of the next document.
struct StopAtDocument {};

class Builder : public YAML::EventHandler {
 public:
  Builder(Document& doc, SyntaxState& state, const DecodeOptions& options)
      : doc_(doc), state_(state), options_(options) {}

  // Set when only the start of the next document is wanted.
  bool stop_at_document = false;

  void OnDocumentStart(const YAML::Mark& mark) override {
    state_.on_document_start(mark);
    if (stop_at_document)
      throw StopAtDocument{};
  }
  void OnDocumentEnd() override { state_.on_document_end(); }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node n = make(Node::Kind::Scalar, mark, anchor);
    n.plain = true;
    state_.on_null(mark);
    if (!stack_.empty()) {
      const Node& parent = doc_.nodes[static_cast<std::size_t>(stack_.back())];
      if (parent.kind == Node::Kind::Mapping && parent.children.size() % 2 == 0)
        state_.on_null_key(mark);
    }
    add(std::move(n));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node n = make(Node::Kind::Alias, mark, 0);
    if (anchor < anchors_.size() && anchors_[anchor] >= 0) {
      n.target = anchors_[anchor];
      n.value = doc_.nodes[static_cast<std::size_t>(n.target)].anchor;
    }
    state_.on_node(mark);
    add(std::move(n));
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    Node n = make(Node::Kind::Scalar, mark, anchor);
    // yaml-cpp's non-specific tags: "?" for a plain scalar, "!" for a quoted or block one.
    n.plain = tag == "?";
    if (tag != "?" && tag != "!") {
      state_.on_tag(mark, tag);
      n.tag = tag;
    }
    n.value = value;
    state_.on_scalar(mark, tag == "?", value);
    add(std::move(n));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open(Node::Kind::Sequence, mark, tag, anchor, style);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open(Node::Kind::Mapping, mark, tag, anchor, style);
  }
  void OnMapEnd() override { close(); }

  void OnAnchor(const YAML::Mark& mark, const std::string& name) override {
    state_.on_anchor(mark, name);
    pending_anchor_ = name;
  }

 private:
  Node make(Node::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    Node n;
    n.kind = kind;
    n.pos = mark.pos;
    n.line = mark.line;
    n.column = mark.column;
    n.shared = anchor != 0 || anchored_open_ > 0;
    if (anchor != 0) {
      n.anchor = std::move(pending_anchor_);
      pending_anchor_.clear();
      if (anchors_.size() <= anchor)
        anchors_.resize(anchor + 1, -1);
      anchors_[anchor] = static_cast<std::int32_t>(doc_.nodes.size());
    }
    return n;
  }

  std::int32_t add(Node n) {
    const auto index = static_cast<std::int32_t>(doc_.nodes.size());
    doc_.nodes.push_back(std::move(n));
    if (stack_.empty()) {
      doc_.root = index;
    } else {
      Node& parent = doc_.nodes[static_cast<std::size_t>(stack_.back())];
      if (parent.kind == Node::Kind::Sequence) {
        const Node& item = doc_.nodes.back();
        state_.on_sequence_item(Pos{item.pos, item.line, item.column});
      }
      parent.children.push_back(index);
      if (parent.kind == Node::Kind::Mapping && parent.children.size() % 2 == 0) {
        const Node& key =
            doc_.nodes[static_cast<std::size_t>(parent.children[parent.children.size() - 2])];
        state_.on_mapping_value(Pos{key.pos, key.line, key.column},
                                key.kind == Node::Kind::Scalar && key.plain && !key.value.empty());
      }
    }
    return index;
  }

  void open(Node::Kind kind, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
            YAML::EmitterStyle::value style) {
    Node n = make(kind, mark, anchor);
    if (tag != "?" && tag != "!") {
      state_.on_tag(mark, tag);
      n.tag = tag;
    }
    state_.on_node(mark);
    const bool shared_root = anchor != 0;
    const std::int32_t index = add(std::move(n));
    stack_.push_back(index);
    anchored_.push_back(shared_root);
    if (shared_root)
      ++anchored_open_;
    if (stack_.size() > options_.max_depth) {
      throw Error(ErrorKind::Limit,
                  std::string(kConvertErrorPrefix) + "yaml: line " + std::to_string(mark.line + 1) +
                      ": exceeded max depth of " + std::to_string(options_.max_depth),
                  {options_.file, mark.line + 1, mark.column + 1});
    }
    state_.on_collection_start(kind == Node::Kind::Mapping, style == YAML::EmitterStyle::Flow,
                               mark);
  }

  void close() {
    stack_.pop_back();
    if (anchored_.back())
      --anchored_open_;
    anchored_.pop_back();
    state_.on_collection_end();
  }

  Document& doc_;
  SyntaxState& state_;
  const DecodeOptions& options_;
  std::vector<std::int32_t> stack_;
  std::vector<bool> anchored_;         // per open collection: whether it has an anchor
  int anchored_open_ = 0;              // open collections with an anchor
  std::vector<std::int32_t> anchors_;  // yaml-cpp anchor id -> node
  std::string pending_anchor_;
};

}  // namespace

struct Parser::Impl {
  Impl(std::string_view input, const DecodeOptions& opts)
      : options(opts), source(input, opts.file), buf(source.text()), in(&buf), parser(in) {}

  const DecodeOptions& options;
  Source source;  // the text as libyaml's reader would deliver it, or its first error
  ViewBuf buf;
  std::istream in;
  YAML::Parser parser;
  bool finished = false;
};

Parser::Parser(std::string_view text, const DecodeOptions& options, bool first_only)
    : impl_(std::make_unique<Impl>(text, options)) {
  impl_->source.state().first_only = first_only;
}

Parser::~Parser() = default;

bool Parser::next(Document& doc) {
  doc = Document{};
  if (impl_->finished)
    return false;
  Source& source = impl_->source;
  SyntaxState& state = source.state();
  Builder builder(doc, state, impl_->options);
  bool more = false;
  try {
    more = impl_->parser.HandleNextDocument(builder);
  } catch (const YAML::ParserException& e) {
    throw source.error_from(e);
  }
  if (!more) {
    impl_->finished = true;
    source.check_stream_end();
    return false;
  }
  source.check_document_end();
  return true;
}

void Parser::check_after_first() {
  Source& source = impl_->source;
  Document ignored;
  Builder builder(ignored, source.state(), impl_->options);
  builder.stop_at_document = true;
  try {
    impl_->parser.HandleNextDocument(builder);
    source.check_stream_end();
  } catch (const StopAtDocument&) {
    // The next document starts: yaml.Unmarshal reads no further than its first token.
    if (const auto& start = source.state().last_event())
      source.check_quoted(*start);
  } catch (const YAML::ParserException& e) {
    throw source.error_from(e);
  }
  impl_->finished = true;
}

}  // namespace capstan::yaml::detail
