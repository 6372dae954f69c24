// The Secret storage driver.
#include "release/secret_driver.h"

#include "core/error.h"
#include "core/json_text.h"
#include "release/record_codec.h"

namespace capstan::release {

namespace {

Labels labels_of(const Value& object) {
  Labels out;
  const Value* labels = object.find_path({"metadata", "labels"});
  if (labels != nullptr && labels->is_map()) {
    for (const auto& [k, v] : labels->map().entries) {
      if (v.is_string()) out.emplace(k, v.as_string());
    }
  }
  return out;
}

// data.release: base64 (the Secret's wire encoding) of the record.
Release decode_secret(const Value& secret) {
  const Value* data = secret.find_path({"data", "release"});
  if (data == nullptr || !data->is_string()) {
    throw Error(ErrorKind::Parse, "release record has no data");
  }
  std::optional<std::string> record = json::base64_decode(data->as_string());
  if (!record) throw Error(ErrorKind::Parse, "illegal base64 data in secret");
  return decode_record(*record);
}

}  // namespace

Value SecretDriver::secret_object(const std::string& key, const Release& release, Labels labels) {
  for (const auto& [k, v] : release.labels) labels[k] = v;
  labels["name"] = release.name;
  labels["owner"] = "helm";
  labels["status"] = std::string(status_name(release.info.status));
  labels["version"] = std::to_string(release.version);
  Value label_map = Value::empty_map();
  for (const auto& [k, v] : labels) label_map.set(k, v);
  Value metadata = Value::map_of({{"name", key}, {"labels", label_map}});
  if (!release.ns.empty()) metadata.set("namespace", release.ns);
  return Value::map_of(
      {{"apiVersion", "v1"},
       {"kind", "Secret"},
       {"metadata", metadata},
       {"type", "helm.sh/release.v1"},
       {"data", Value::map_of({{"release", json::base64_encode(encode_record(release))}})}});
}

std::string SecretDriver::namespace_for(const Release& release) const {
  if (!ns_.empty()) return ns_;
  return release.ns.empty() ? "default" : release.ns;
}

std::optional<Release> SecretDriver::get(const std::string& key) {
  if (ns_.empty()) {
    // Helm's driver is always bound to a namespace; across all of them, the first match.
    for (const Value& s : cluster_.list("v1", "Secret", "", {{"owner", "helm"}})) {
      if (s.find_path({"metadata", "name"})->as_string() == key) {
        Release r = decode_secret(s);
        r.labels = filter_system_labels(labels_of(s));
        return r;
      }
    }
    return std::nullopt;
  }
  const std::optional<Value> secret = cluster_.get({"v1", "Secret", ns_, key});
  if (!secret) return std::nullopt;
  Release r = decode_secret(*secret);
  r.labels = filter_system_labels(labels_of(*secret));
  return r;
}

std::vector<Release> SecretDriver::decode_all(const std::vector<Value>& secrets) {
  std::vector<Release> out;
  for (const Value& s : secrets) {
    try {
      Release r = decode_secret(s);
      r.labels = labels_of(s);
      out.push_back(std::move(r));
    } catch (const Error&) {
      // Helm logs "failed to decode release" and skips the record.
    }
  }
  return out;
}

std::vector<Release> SecretDriver::list(const std::function<bool(const Release&)>& filter) {
  std::vector<Release> out;
  for (Release& r : decode_all(cluster_.list("v1", "Secret", ns_, {{"owner", "helm"}}))) {
    if (filter(r)) out.push_back(std::move(r));
  }
  return out;
}

std::vector<Release> SecretDriver::query(const Labels& labels) {
  return decode_all(cluster_.list("v1", "Secret", ns_, labels));
}

void SecretDriver::create(const std::string& key, const Release& release) {
  Value secret = secret_object(
      key, release, {{"createdAt", std::to_string(clock_.now().unix_seconds)}});
  secret["metadata"].set("namespace", namespace_for(release));
  try {
    cluster_.create(secret);
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::AlreadyExists) {
      throw Error(ErrorKind::AlreadyExists, "release: already exists");
    }
    throw Error(e.kind(), std::string("create: failed to create: ") + e.what());
  }
}

void SecretDriver::update(const std::string& key, const Release& release) {
  // Helm replaces the whole Secret: createdAt is not carried over.
  Value secret = secret_object(
      key, release, {{"modifiedAt", std::to_string(clock_.now().unix_seconds)}});
  secret["metadata"].set("namespace", namespace_for(release));
  try {
    cluster_.update(secret);
  } catch (const Error& e) {
    throw Error(e.kind(), std::string("update: failed to update: ") + e.what());
  }
}

std::optional<Release> SecretDriver::remove(const std::string& key) {
  std::optional<Release> r = get(key);
  if (!r) return std::nullopt;
  const std::string ns = ns_.empty() ? (r->ns.empty() ? "default" : r->ns) : ns_;
  cluster_.remove({"v1", "Secret", ns, key});
  return r;
}

}  // namespace capstan::release
