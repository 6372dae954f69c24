// Sprig's Go struct values as template objects, shared between function families: time.Time
// (funcs_sprig_dates.cpp), *semver.Version (funcs_sprig_semver.cpp) and sprig.certificate
// (funcs_sprig_certs.cpp).
#pragma once

#include <string>

#include "core/value.h"
#include "templating/sprig_time.h"

namespace capstan::templating::sprig {

// A time.Time object (methods Unix, Format, Year, ...; prints as Go's Time.String()).
Value time_value(const gotime::Time& t);
// The time inside a time.Time object, or nullptr.
const gotime::Time* as_time(const Value& v);

// semver.Version{} behind a pointer, as copystructure leaves a copied *semver.Version (its
// fields are unexported, so the copy has none of them).
Value zero_semver();

// A sprig.certificate {Cert, Key}.
Value certificate(std::string cert, std::string key);

}  // namespace capstan::templating::sprig
