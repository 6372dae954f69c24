// Pods made from a controller's template (controller.GetPodFromTemplate).
#include "orchestrator/controllers.h"
#include "orchestrator/object.h"

namespace capstan::orchestrator {

Value pod_from_template(const Value& owner, const std::string& name) {
  const Value* tmpl = at(owner, {"spec", "template"});
  Value meta = Value::map_of({{"namespace", Value(namespace_of(owner))},
                              {"ownerReferences", Value::list_of({owner_reference(owner, true)})}});
  if (name.empty()) {
    meta.set("generateName", Value(name_of(owner) + "-"));
  } else {
    meta.set("name", Value(name));
  }
  if (const Value* l = at(*tmpl, {"metadata", "labels"})) meta.set("labels", l->deep_copy());
  if (const Value* a = at(*tmpl, {"metadata", "annotations"})) meta.set("annotations", a->deep_copy());
  if (const Value* f = at(*tmpl, {"metadata", "finalizers"})) meta.set("finalizers", f->deep_copy());
  const Value* spec = tmpl->find("spec");
  return Value::map_of({{"apiVersion", "v1"},
                        {"kind", "Pod"},
                        {"metadata", meta},
                        {"spec", spec ? spec->deep_copy() : Value::empty_map()}});
}

}  // namespace capstan::orchestrator
