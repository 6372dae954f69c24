// Chart.lock as Helm holds it (chart.Lock: generated time.Time, digest, dependencies) and
// writes it back when packaging: sigs.k8s.io/yaml.Marshal of the struct, so the time is
// re-formatted as RFC 3339 with nanoseconds (trailing zeros dropped, "Z" for UTC) and the keys
// come out sorted.
#pragma once

#include <string>
#include <string_view>

#include "core/value.h"

namespace capstan::chart {

// The JSON form of chart.Lock decoded from a Chart.lock document (the loader's yaml.Unmarshal
// into *chart.Lock, then encoding/json). Throws Error(ErrorKind::Chart) "cannot load
// Chart.lock: ..." when `generated` is not an RFC 3339 time.
Value lock_json(const Value& lock_doc);

// time.Time.UnmarshalJSON then MarshalJSON of an RFC 3339 text: "2021-01-02T03:04:05.500+01:00"
// stays, "2021-01-02T03:04:05.000Z" becomes "2021-01-02T03:04:05Z". Empty when invalid.
std::string reformat_rfc3339(std::string_view text);

}  // namespace capstan::chart
