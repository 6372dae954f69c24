// Building blocks of kubectl describe (k8s.io/kubectl/pkg/describe/describe.go): a prefix
// writer, the multi-line label/annotation/toleration blocks, containers, volumes, pod templates
// and the events table. Text uses tabs between label and value; the caller runs it through
// the (0, 8, 2) tabwriter, except `rollout history --revision`, which prints it raw.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/value.h"
#include "orchestrator/clock.h"

namespace capstan::orchestrator::kubectl {

class DescribeWriter {
 public:
  // Writes `text` indented by two spaces per level (prefixWriter.Write).
  void write(int level, const std::string& text) { out_ += std::string(2 * static_cast<std::size_t>(level), ' ') + text; }
  const std::string& text() const { return out_; }
  std::string& text() { return out_; }

 private:
  std::string out_;
};

// Resolves an env var's fieldRef for a pod (EnvValueRetriever); nullptr for templates.
using EnvResolver = std::function<std::string(const Value& env)>;

void labels_multiline(DescribeWriter& w, const std::string& title, const Value& labels);
void annotations_multiline(DescribeWriter& w, const std::string& title, const Value& annotations);
void tolerations_multiline(DescribeWriter& w, const std::string& title, const std::vector<Value>& tolerations);
void taints_multiline(DescribeWriter& w, const std::string& title, const std::vector<Value>& taints);
void describe_containers(DescribeWriter& w, const std::string& label, const std::vector<Value>& containers,
                         const std::vector<Value>& statuses, const EnvResolver& resolver, const std::string& space);
void describe_volumes(DescribeWriter& w, const std::vector<Value>& volumes, const std::string& space);
void describe_resources(DescribeWriter& w, const Value* resources, int level);
// DescribePodTemplate
void describe_pod_template(DescribeWriter& w, const Value& pod_template);
// DescribeEvents: kNoEvents, or the Type/Reason/Age/From/Message table already tab-aligned.
inline constexpr const char* kNoEvents = "Events:\t<none>\n";
std::string describe_events(const std::vector<Value>& events, Seconds now);

std::string go_bool(bool b);  // "True"/"False" (printBool)

}  // namespace capstan::orchestrator::kubectl
