// API server defaulting: the SetDefaults_* functions of the versioned types (k8s.io/kubernetes
// pkg/apis/*/v1/defaults.go) plus the mutating admission plugins every cluster runs
// (ServiceAccount, Priority, DefaultTolerationSeconds, NamespaceLifecycle's name label). So an
// object read back looks as it would from a real cluster: `imagePullPolicy`, `dnsPolicy`,
// `strategy`, `sessionAffinity`, ... filled in.
#pragma once

#include "core/value.h"
#include "orchestrator/resources.h"

namespace capstan::orchestrator {

// Defaults `object` (a full object of `type`) in place. Applied on create and on update.
void apply_defaults(const ResourceType& type, Value& object);

// Defaults a pod template's spec (shared by workload types).
void default_pod_spec(Value& spec);

}  // namespace capstan::orchestrator
