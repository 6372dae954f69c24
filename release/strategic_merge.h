// Helm 3's update of a built-in kind: strategicpatch.CreateThreeWayMergePatch(original,
// modified, current) applied to the live object by the API server, computed here as the
// object it produces. original is the previous release's manifest object, modified the new
// one, current the live object. Maps merge key by key; lists the Kubernetes types tag with
// patchStrategy "merge" are merged element by element on their patchMergeKey (containers,
// env, volumes and imagePullSecrets by name, container ports by containerPort, service
// ports by port, volumeMounts by mountPath, ...); "retainKeys" structs (Deployment
// spec.strategy, each volume) keep only the keys the manifest sets; every other list is
// atomic and replaced. Fields the new manifest sets win over the live object; fields the
// previous manifest set and the new one drops are removed; fields only the live object has
// (defaults, allocations, `capstan scale`, injected sidecars) stay. Element order follows
// $setElementOrder as the API server's normalizeElementOrder/mergeSortedSlice place it.
#pragma once

#include <string>
#include <string_view>

#include "core/value.h"

namespace capstan::release {

// True for kinds Helm treats as built-in (registered in client-go's scheme), which get a
// strategic merge patch; custom resources, CRDs and unknown groups get JSON merge patches.
bool strategic_kind(std::string_view api_version, std::string_view kind);

// The live object after the three-way strategic merge patch. Throws ErrorKind::Conflict
// "precondition failed: ..." when apiVersion, kind or metadata.name would change.
Value three_way_strategic_merge(const Value& original, const Value& modified,
                                const Value& current);

}  // namespace capstan::release
