// What `get all|hooks|metadata` and `status --show-resources` show of a release (cmd/helm
// get_all.go, get_hooks.go, get_metadata.go; pkg/action/get_metadata.go, status.go): the
// metadata summary, the hooks as YAML documents, `get all --template` over the release as
// Go's structs name their fields, and the live objects of a release with their related pods.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"
#include "release/cluster.h"
#include "release/printers.h"
#include "release/release.h"

namespace capstan::release {

// get hooks: "---\n# Source: PATH\nMANIFEST\n" per hook, in the record's order.
std::string format_hooks(const Release& release);

// get metadata: NAME/CHART/VERSION/APP_VERSION/ANNOTATIONS/DEPENDENCIES/NAMESPACE/REVISION/
// STATUS/DEPLOYED_AT, or action.Metadata as JSON/YAML.
std::string format_metadata(const Release& release, OutputFormat format);

// get all: the status report with metadata, values (user-supplied and computed), hooks and
// manifest — Helm's statusPrinter with debug and showMetadata set.
std::string format_get_all(const Release& release, const Value& computed_values);

// The release as Go's text/template sees *release.Release (field names Name, Info.Status,
// Chart.Metadata.Version, Config, Manifest, Hooks, Version, Namespace, Labels); times are
// their Go String() form. get all --template runs with {"Release": this}.
Value release_template_data(const Release& release);

// get all --template: Go's text/template over {"Release": release}; template errors are Go's.
std::string render_release_template(const Release& release, std::string_view text);

// status --show-resources (kube.Client.Get with related pods): the live objects of the
// release manifest keyed "VERSION/KIND" (objects missing from the cluster are skipped), and
// under "v1/Pod(related)" the pods selected by each Deployment, ReplicaSet, StatefulSet,
// DaemonSet, Job (spec.selector.matchLabels) and ReplicationController (spec.selector), each
// selector once.
std::map<std::string, std::vector<Value>> release_resources(Cluster& cluster,
                                                            const Release& release);

}  // namespace capstan::release
