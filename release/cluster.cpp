// Object keys.
#include "release/cluster.h"

namespace capstan::release {

ObjectKey key_of(const Value& object) {
  ObjectKey key;
  key.api_version = object.get_string("apiVersion");
  key.kind = object.get_string("kind");
  if (const Value* metadata = object.find("metadata")) {
    key.ns = metadata->get_string("namespace");
    key.name = metadata->get_string("name");
  }
  return key;
}

}  // namespace capstan::release
