// API server validation of built-in types: the checks a user hits in practice (names, labels,
// pod containers and ports, workload selectors against template labels, service ports and
// types) and the immutable fields checked on update, worded as pkg/apis/*/validation words
// them. Custom resources are only checked for metadata.
#pragma once

#include <string>
#include <vector>

#include "core/value.h"
#include "orchestrator/resources.h"
#include "orchestrator/validation.h"

namespace capstan::orchestrator {

// Checks an object about to be stored (create or update). Empty when valid.
std::vector<FieldError> validate_object(const ResourceType& type, const Value& object);

// Checks the fields an update may not change.
std::vector<FieldError> validate_update(const ResourceType& type, const Value& old_object,
                                        const Value& new_object);

// Go's %#v of a metav1.LabelSelector / map[string]string, as field errors print them.
std::string go_label_selector(const Value& selector);
std::string go_string_map(const Value& map);

}  // namespace capstan::orchestrator
