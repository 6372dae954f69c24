// Label selectors as apimachinery implements them: the string grammar kubectl -l and
// `?labelSelector=` use (k=v, k==v, k!=v, k in (a,b), k notin (a,b), k, !k; commas AND),
// metav1.LabelSelector objects (matchLabels + matchExpressions; empty matches everything,
// null matches nothing), matching against a labels map, and the canonical text forms.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace capstan {
class Value;
}

namespace capstan::orchestrator {

enum class SelectorOp { In, NotIn, Equals, DoubleEquals, NotEquals, Exists, DoesNotExist, Gt, Lt };

struct Requirement {
  std::string key;
  SelectorOp op;
  std::vector<std::string> values;  // sorted, no duplicates

  bool matches(const Value& labels) const;
  std::string str() const;  // Requirement.String()
};

class Selector {
 public:
  static Selector everything() { return Selector(); }
  static Selector nothing() {
    Selector s;
    s.nothing_ = true;
    return s;
  }

  bool matches(const Value& labels) const;  // labels: a map (or null/absent = no labels)
  std::string str() const;                  // comma-joined requirements, sorted by key
  bool empty() const { return !nothing_ && requirements_.empty(); }
  bool is_nothing() const { return nothing_; }
  const std::vector<Requirement>& requirements() const { return requirements_; }
  void add(Requirement r);  // keeps requirements sorted by key (stable)

 private:
  std::vector<Requirement> requirements_;
  bool nothing_ = false;
};

// labels.Parse. Throws Error(BadRequest) with apimachinery's message, e.g.
// "unable to parse requirement: found '(', expected: identifier".
Selector parse_selector(std::string_view text);

// metav1.LabelSelectorAsSelector: null -> nothing, {} -> everything. Throws Error(Invalid) for
// a bad operator ("\"Foo\" is not a valid label selector operator") or bad keys/values.
Selector label_selector_as_selector(const Value& label_selector);

// metav1.FormatLabelSelector: "<none>" when empty, "<error>" when it does not convert.
std::string format_label_selector(const Value& label_selector);
// labels.FormatLabels of a map: "a=b,c=d" sorted by key, "<none>" when empty.
std::string format_labels(const Value& labels);
// labels.SelectorFromSet(map).String() without the "<none>" fallback.
Selector selector_from_map(const Value& labels);

}  // namespace capstan::orchestrator
