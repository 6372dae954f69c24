// The registry of function families: one line per family.
#include "templating/function.h"

namespace capstan::templating {

void register_sprig_strings(FuncMap& funcs);     // funcs_sprig_strings.cpp
void register_sprig_defaults(FuncMap& funcs);    // funcs_sprig_defaults.cpp
void register_sprig_lists(FuncMap& funcs);       // funcs_sprig_lists.cpp
void register_sprig_math(FuncMap& funcs);        // funcs_sprig_math.cpp
void register_sprig_encoding(FuncMap& funcs);    // funcs_sprig_encoding.cpp

void register_sprig_funcs(FuncMap& funcs) {
  register_sprig_strings(funcs);
  register_sprig_defaults(funcs);
  register_sprig_lists(funcs);
  register_sprig_math(funcs);
  register_sprig_encoding(funcs);
}

}  // namespace capstan::templating
