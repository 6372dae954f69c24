// kubectl scale and rollout status|history|undo for Deployments
// (k8s.io/kubectl/pkg/polymorphichelpers: rollout_status.go, history.go, rollback.go).
#include <map>

#include "core/strconv.h"
#include "orchestrator/deployment_util.h"
#include "orchestrator/describe_format.h"
#include "orchestrator/kubectl.h"
#include "orchestrator/kubectl_resolve.h"
#include "orchestrator/labels.h"
#include "orchestrator/object.h"
#include "orchestrator/tabwriter.h"

namespace capstan::orchestrator::kubectl {

namespace {

using deployment::Int;

// The Deployment a rollout command names.
Value rollout_target(Client& client, const RolloutOptions& o, const ResourceType*& type) {
  std::vector<std::string> args{o.resource};
  if (!o.name.empty()) args.push_back(o.name);
  const std::vector<Request> requests = parse_args(client.registry(), args, "rollout");
  if (requests.size() != 1 || requests[0].names.size() != 1) throw UsageError("required resource not specified");
  type = requests[0].type;
  if (type->kind != "Deployment" || type->group != "apps") {
    throw UsageError("no rollout support for " + type->qualified_resource() + " yet");
  }
  std::optional<Value> d = client.get(type->api_version(), type->kind, o.ns, requests[0].names[0]);
  if (!d) {
    throw Error(ErrorKind::NotFound, type->qualified_resource() + " " + strconv::quote(requests[0].names[0]) + " not found");
  }
  return std::move(*d);
}

std::vector<Value> owned_replica_sets(Client& client, const Value& d) {
  const Value* sel = at(d, {"spec", "selector"});
  const Selector selector = label_selector_as_selector(sel ? *sel : Value());
  std::vector<Value> out;
  for (Value& rs : client.list("apps/v1", "ReplicaSet", namespace_of(d))) {
    if (is_controlled_by(rs, d) && selector.matches(labels_of(rs))) out.push_back(std::move(rs));
  }
  return out;
}

Output fail(const Error& e) {
  Output o;
  o.err = error_text(e);
  o.exit_code = 1;
  return o;
}

}  // namespace

Output scale(Client& client, const ScaleOptions& options) {
  Output result;
  try {
    const std::vector<Request> requests = parse_args(client.registry(), options.args, "scale");
    bool failed = false;
    for (const Fetched& f : fetch(client, options, requests, result.err, failed)) {
      for (Value o : f.objects) {
        const std::string& k = f.type->kind;
        if (k != "Deployment" && k != "ReplicaSet" && k != "StatefulSet" && k != "ReplicationController") {
          result.err += "Error from server (NotFound): the server could not find the requested resource\n";
          failed = true;
          continue;
        }
        o["spec"].set("replicas", Value::integer(options.replicas));
        client.update(o);
        result.out += kind_name(*f.type, o) + " scaled\n";
      }
    }
    if (failed) result.exit_code = 1;
  } catch (const Error& e) {
    result.err += error_text(e);
    result.exit_code = 1;
  }
  return result;
}

Output rollout_status(Client& client, const RolloutOptions& options) {
  try {
    client.settle();
    const ResourceType* type = nullptr;
    const Value d = rollout_target(client, options, type);
    const std::string name = strconv::quote(name_of(d));
    Output out;
    if (options.revision > 0) {
      const auto rev = deployment::revision(d);
      if (!rev) throw UsageError("cannot get the revision of deployment " + name);
      if (*rev != options.revision) {
        throw UsageError("desired revision (" + std::to_string(options.revision) + ") is different from the running revision (" +
                         std::to_string(*rev) + ")");
      }
    }
    std::string waiting;
    if (int_at(d, {"metadata", "generation"}) <= int_at(d, {"status", "observedGeneration"})) {
      const Value status = d.find("status") ? *d.find("status") : Value::empty_map();
      const Value* cond = deployment::get_condition(status, "Progressing");
      if (cond != nullptr && cond->get_string("reason") == "ProgressDeadlineExceeded") {
        throw UsageError("deployment " + name + " exceeded its progress deadline");
      }
      const Int want = deployment::replicas(d), updated = int_at(status, {"updatedReplicas"});
      const Int total = int_at(status, {"replicas"}), available = int_at(status, {"availableReplicas"});
      if (updated < want) {
        waiting = "Waiting for deployment " + name + " rollout to finish: " + std::to_string(updated) + " out of " +
                  std::to_string(want) + " new replicas have been updated...\n";
      } else if (total > updated) {
        waiting = "Waiting for deployment " + name + " rollout to finish: " + std::to_string(total - updated) +
                  " old replicas are pending termination...\n";
      } else if (available < updated) {
        waiting = "Waiting for deployment " + name + " rollout to finish: " + std::to_string(available) + " of " +
                  std::to_string(updated) + " updated replicas are available...\n";
      } else {
        out.out = "deployment " + name + " successfully rolled out\n";
        return out;
      }
    } else {
      waiting = "Waiting for deployment spec update to be observed...\n";
    }
    // Nothing more happens without time passing: report where it stopped, as a timeout would.
    out.out = waiting;
    out.err = "error: timed out waiting for the condition\n";
    out.exit_code = 1;
    return out;
  } catch (const Error& e) {
    return fail(e);
  }
}

Output rollout_history(Client& client, const RolloutOptions& options) {
  try {
    const ResourceType* type = nullptr;
    const Value d = rollout_target(client, options, type);
    std::map<Int, Value> history;
    for (const Value& rs : owned_replica_sets(client, d)) {
      const auto rev = deployment::revision(rs);
      if (!rev) continue;
      Value tmpl = at(rs, {"spec", "template"}) ? at(rs, {"spec", "template"})->deep_copy() : Value::empty_map();
      const std::string cause = annotation(rs, deployment::kChangeCause);
      if (!cause.empty()) set_annotation(tmpl, deployment::kChangeCause, cause);
      history[*rev] = std::move(tmpl);
    }
    std::string info;
    if (history.empty()) {
      info = "No rollout history found.";
    } else if (options.revision > 0) {
      const auto it = history.find(options.revision);
      if (it == history.end()) throw UsageError("unable to find the specified revision");
      DescribeWriter w;  // printed raw: no tabwriter here
      describe_pod_template(w, it->second);
      info = w.text();
    } else {
      std::string text = "REVISION\tCHANGE-CAUSE\n";
      for (const auto& [rev, tmpl] : history) {
        const std::string cause = annotation(tmpl, deployment::kChangeCause);
        text += std::to_string(rev) + "\t" + (cause.empty() ? "<none>" : cause) + "\n";
      }
      TabWriter w(0, 8, 2, ' ');
      w.write(text);
      info = w.str();
    }
    const std::string with_revision =
        options.revision > 0 ? "with revision #" + std::to_string(options.revision) : "";
    Output out;
    out.out = kind_name(*type, d) + " " + with_revision + "\n" + info + "\n";
    return out;
  } catch (const Error& e) {
    return fail(e);
  }
}

Output rollout_undo(Client& client, const RolloutOptions& options) {
  try {
    const ResourceType* type = nullptr;
    Value d = rollout_target(client, options, type);
    if (options.revision < 0) {
      throw UsageError("unable to find specified revision " + std::to_string(options.revision) + " in history");
    }
    std::optional<Value> target;
    Int latest = -1, previous = -1;
    std::optional<Value> latest_rs;
    for (const Value& rs : owned_replica_sets(client, d)) {
      const auto rev = deployment::revision(rs);
      if (!rev) continue;
      if (options.revision == 0) {
        if (latest < *rev) {
          previous = latest;
          target = latest_rs;
          latest = *rev;
          latest_rs = rs;
        } else if (previous < *rev) {
          previous = *rev;
          target = rs;
        }
      } else if (*rev == options.revision) {
        target = rs;
      }
    }
    if (!target) {
      if (options.revision > 0) {
        throw UsageError("unable to find specified revision " + std::to_string(options.revision) + " in history");
      }
      throw UsageError("no rollout history found for deployment " + strconv::quote(name_of(d)));
    }
    if (bool_at(d, {"spec", "paused"})) {
      throw UsageError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
    }
    const Int to_revision = deployment::revision(*target).value_or(0);
    const Value* rs_template = at(*target, {"spec", "template"});
    Output out;
    if (deployment::equal_ignore_hash(*rs_template, *at(d, {"spec", "template"}))) {
      out.out = kind_name(*type, d) + " skipped rollback (current template already matches revision " +
                std::to_string(to_revision) + ")\n";
      return out;
    }
    Value tmpl = rs_template->deep_copy();
    if (Value* labels = tmpl["metadata"].find("labels"); labels != nullptr && labels->is_map()) {
      labels->erase(deployment::kHashLabel);
    }
    // Annotations: the skip-list ones stay as the Deployment has them, the rest come from the RS.
    static const std::vector<std::string_view> kSkip = {
        deployment::kLastApplied, deployment::kRevision, deployment::kRevisionHistory,
        deployment::kDesiredReplicas, deployment::kMaxReplicas, "deprecated.deployment.rollback.to"};
    const auto skipped = [](const std::string& k) {
      for (std::string_view s : kSkip) {
        if (k == s) return true;
      }
      return false;
    };
    Value annotations = Value::empty_map();
    for (const auto& [k, v] : annotations_of(d).map().entries) {
      if (skipped(k)) annotations.set(k, v);
    }
    for (const auto& [k, v] : annotations_of(*target).map().entries) {
      if (!skipped(k)) annotations.set(k, v);
    }
    d["spec"].set("template", tmpl);
    d["metadata"].set("annotations", annotations);
    client.update(d);
    out.out = kind_name(*type, d) + " rolled back\n";
    return out;
  } catch (const Error& e) {
    return fail(e);
  }
}

}  // namespace capstan::orchestrator::kubectl
