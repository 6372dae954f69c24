// The registry of function families: one line per family.
#include "templating/function.h"

namespace capstan::templating {

void register_sprig_strings(FuncMap& funcs);        // funcs_sprig_strings.cpp
void register_sprig_text(FuncMap& funcs);           // funcs_sprig_text.cpp
void register_sprig_string_slices(FuncMap& funcs);  // funcs_sprig_string_slices.cpp
void register_sprig_conversion(FuncMap& funcs);     // funcs_sprig_conversion.cpp
void register_sprig_defaults(FuncMap& funcs);       // funcs_sprig_defaults.cpp
void register_sprig_json(FuncMap& funcs);           // funcs_sprig_json.cpp
void register_sprig_lists(FuncMap& funcs);          // funcs_sprig_lists.cpp
void register_sprig_dicts(FuncMap& funcs);          // funcs_sprig_dicts.cpp
void register_sprig_merge(FuncMap& funcs);          // funcs_sprig_merge.cpp
void register_sprig_math(FuncMap& funcs);           // funcs_sprig_math.cpp
void register_sprig_decimal(FuncMap& funcs);        // funcs_sprig_decimal.cpp
void register_sprig_reflect(FuncMap& funcs);        // funcs_sprig_reflect.cpp
void register_sprig_paths(FuncMap& funcs);          // funcs_sprig_paths.cpp
void register_sprig_encoding(FuncMap& funcs);       // funcs_sprig_encoding.cpp
void register_sprig_semver(FuncMap& funcs);         // funcs_sprig_semver.cpp
void register_sprig_dates(FuncMap& funcs);          // funcs_sprig_dates.cpp
void register_sprig_regex(FuncMap& funcs);          // funcs_sprig_regex.cpp
void register_sprig_url(FuncMap& funcs);            // funcs_sprig_url.cpp
void register_sprig_crypto(FuncMap& funcs);         // funcs_sprig_crypto.cpp
void register_sprig_certs(FuncMap& funcs);          // funcs_sprig_certs.cpp
void register_sprig_random(FuncMap& funcs);         // funcs_sprig_random.cpp

void register_sprig_funcs(FuncMap& funcs) {
  register_sprig_strings(funcs);
  register_sprig_text(funcs);
  register_sprig_string_slices(funcs);
  register_sprig_conversion(funcs);
  register_sprig_defaults(funcs);
  register_sprig_json(funcs);
  register_sprig_lists(funcs);
  register_sprig_dicts(funcs);
  register_sprig_merge(funcs);
  register_sprig_math(funcs);
  register_sprig_decimal(funcs);
  register_sprig_reflect(funcs);
  register_sprig_paths(funcs);
  register_sprig_encoding(funcs);
  register_sprig_semver(funcs);
  register_sprig_dates(funcs);
  register_sprig_regex(funcs);
  register_sprig_url(funcs);
  register_sprig_crypto(funcs);
  register_sprig_certs(funcs);
  register_sprig_random(funcs);
}

}  // namespace capstan::templating
