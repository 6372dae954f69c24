// JSON merge patches (RFC 7386) and the three-way patch Helm 3 sends when it updates an object
// it applied before (k8s.io/apimachinery jsonmergepatch.CreateThreeWayJSONMergePatch):
// deletions come from the previous manifest (original → modified), additions and changes from
// the live object (current → modified). Fields the manifests never mentioned (an allocated
// clusterIP, a defaulted field, replicas when the chart does not set them) are left alone;
// fields the chart set are forced back to the chart's value. Lists are replaced whole.
#pragma once

#include "core/value.h"

namespace capstan::release {

// jsonpatch.CreateMergePatch(original, modified): the patch that turns one into the other.
// Both must be maps.
Value create_merge_patch(const Value& original, const Value& modified);

// jsonpatch.MergePatch: `patch` applied to a copy of `target` (nulls delete, maps merge,
// everything else replaces).
Value apply_merge_patch(const Value& target, const Value& patch);

// CreateThreeWayJSONMergePatch with kubectl's preconditions (apiVersion, kind and
// metadata.name unchanged). Throws ErrorKind::Conflict worded as Helm wraps the failure.
Value three_way_merge_patch(const Value& original, const Value& modified, const Value& current);

}  // namespace capstan::release
