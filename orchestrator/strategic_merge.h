// The three-way merge of kubectl's client-side apply: fields the new manifest sets win over the
// live object, fields the previous apply set but the new one dropped are removed, and fields
// only the live object has (server defaults, other writers) stay. Built-in kinds merge lists by
// their strategic-merge keys (containers by name, container ports by containerPort, service
// ports by port, ...) and honour retainKeys (Deployment strategy, volumes); other kinds follow
// JSON merge patch, where lists are replaced whole.
#pragma once

#include "core/value.h"

namespace capstan::orchestrator {

// original: the last-applied configuration (null when none); modified: the manifest being
// applied; current: the live object. Returns the object to store.
Value three_way_merge(const Value& original, const Value& modified, const Value& current, bool strategic);

}  // namespace capstan::orchestrator
