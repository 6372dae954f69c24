// The Job controller, after pkg/controller/job/job_controller.go (NonIndexed jobs): keep
// min(parallelism, completions - succeeded) pods active, count succeeded and failed pods,
// wait the pod-failure back-off (10s doubling, at most 10 minutes) before replacing a failed
// pod, and finish the job — SuccessCriteriaMet then Complete when enough pods succeeded,
// FailureTarget then Failed with BackoffLimitExceeded when more pods failed than
// backoffLimit (or DeadlineExceeded past activeDeadlineSeconds) — deleting the pods still
// active. A finished job with ttlSecondsAfterFinished is deleted that long after it finished.
#include <algorithm>

#include "core/error.h"
#include "orchestrator/controllers.h"
#include "orchestrator/object.h"

namespace capstan::orchestrator {

namespace {

const EventSource kSource{"job-controller", ""};
constexpr Seconds kMaxPodFailureBackOff = 600;

bool finished(const Value& job, std::string* type = nullptr) {
  for (const char* t : {"Complete", "Failed"}) {
    const Value* c = condition(job, t);
    if (c != nullptr && c->get_string("status") == "True") {
      if (type != nullptr) *type = t;
      return true;
    }
  }
  return false;
}

Value job_condition(const char* type, const char* reason, const char* message, const std::string& now) {
  return Value::map_of({{"type", type},
                        {"status", "True"},
                        {"reason", reason},
                        {"message", message},
                        {"lastProbeTime", Value(now)},
                        {"lastTransitionTime", Value(now)}});
}

// When a pod stopped: its last container's finishedAt, else now.
Seconds finished_at(const Value& pod, Seconds fallback) {
  Seconds t = 0;
  for (const Value& cs : list_at(pod, {"status", "containerStatuses"})) {
    if (const std::optional<Seconds> f = time_at(cs, {"state", "terminated", "finishedAt"})) t = std::max(t, *f);
  }
  return t == 0 ? fallback : t;
}

class JobSync {
 public:
  JobSync(ControllerContext& ctx, Value job)
      : api_(ctx.api),
        events_(ctx.events),
        job_(std::move(job)),
        pod_type_(*api_.registry().by_kind("v1", "Pod")),
        job_type_(*api_.registry().by_kind("batch/v1", "Job")),
        now_(api_.clock().now()),
        now_text_(format_rfc3339(now_)) {}

  void run() {
    if (has_deletion_timestamp(job_)) return;
    if (finished(job_)) {
      expire();
      return;
    }
    const std::string uid = uid_of(job_);
    std::vector<Value> active, succeeded, failed;
    for (Value& pod : api_.list_if(pod_type_, namespace_of(job_), [&](const Value& p) {
           const Value* ref = controller_ref(p);
           return ref != nullptr && ref->get_string("uid") == uid;
         })) {
      const std::string phase = string_at(pod, {"status", "phase"});
      if (phase == "Succeeded") {
        succeeded.push_back(std::move(pod));
      } else if (phase == "Failed") {
        failed.push_back(std::move(pod));
      } else if (!has_deletion_timestamp(pod)) {
        active.push_back(std::move(pod));
      }
    }
    Value status = job_.find("status") && job_.find("status")->is_map() ? job_.find("status")->deep_copy()
                                                                       : Value::empty_map();
    if (string_at(status, {"startTime"}).empty()) status.set("startTime", Value(now_text_));
    const Seconds start = time_at(status, {"startTime"}).value_or(now_);
    const Value* completions_v = at(job_, {"spec", "completions"});
    const std::optional<std::int64_t> completions =
        completions_v != nullptr && completions_v->is_number() ? std::optional(completions_v->integer_value()) : std::nullopt;
    const std::int64_t parallelism = int_at(job_, {"spec", "parallelism"}, 1);
    const std::int64_t backoff_limit = int_at(job_, {"spec", "backoffLimit"}, 6);
    const std::int64_t n_succeeded = static_cast<std::int64_t>(succeeded.size());
    const std::int64_t n_failed = static_cast<std::int64_t>(failed.size());
    const bool on_failure = string_at(job_, {"spec", "template", "spec", "restartPolicy"}) == "OnFailure";
    std::int64_t restarts = 0;
    if (on_failure) {
      for (const Value& p : active) {
        for (const Value& cs : list_at(p, {"status", "containerStatuses"})) restarts += int_at(cs, {"restartCount"});
      }
    }

    std::string failure_reason, failure_message;
    if (n_failed > backoff_limit || (on_failure && backoff_limit >= 0 && restarts > backoff_limit)) {
      failure_reason = "BackoffLimitExceeded";
      failure_message = "Job has reached the specified backoff limit";
    } else if (const Value* ads = at(job_, {"spec", "activeDeadlineSeconds"}); ads != nullptr && ads->is_number()) {
      if (start + ads->integer_value() <= now_) {
        failure_reason = "DeadlineExceeded";
        failure_message = "Job was active longer than specified deadline";
      } else {
        api_.wake_at(start + ads->integer_value());
      }
    }
    const bool complete = completions ? n_succeeded >= *completions : (n_succeeded > 0 && active.empty());

    std::int64_t n_active = static_cast<std::int64_t>(active.size());
    if (!failure_reason.empty() || complete) {
      for (const Value& p : active) api_.remove(pod_type_, namespace_of(p), name_of(p));
      n_active = 0;
      Value& conditions = status["conditions"];
      if (!conditions.is_list()) conditions = Value::empty_list();
      if (!failure_reason.empty()) {
        conditions.push_back(job_condition("FailureTarget", failure_reason.c_str(), failure_message.c_str(), now_text_));
        conditions.push_back(job_condition("Failed", failure_reason.c_str(), failure_message.c_str(), now_text_));
        events_.record(job_, "Warning", failure_reason, failure_message, kSource);
      } else {
        conditions.push_back(job_condition("SuccessCriteriaMet", "CompletionsReached",
                                           "Reached expected number of succeeded pods", now_text_));
        conditions.push_back(job_condition("Complete", "CompletionsReached",
                                           "Reached expected number of succeeded pods", now_text_));
        status.set("completionTime", Value(now_text_));
        events_.record(job_, "Normal", "Completed", "Job completed", kSource);
      }
    } else if (!bool_at(job_, {"spec", "suspend"})) {
      const std::int64_t wanted =
          completions ? std::min(parallelism, *completions - n_succeeded) : (n_succeeded > 0 ? 0 : parallelism);
      if (n_active < wanted) {
        // The pod-failure back-off: 10s after the first failure, doubling.
        Seconds allowed = 0;
        if (n_failed > 0) {
          Seconds last = 0;
          for (const Value& p : failed) last = std::max(last, finished_at(p, now_));
          Seconds backoff = 10;
          for (std::int64_t i = 1; i < n_failed && backoff < kMaxPodFailureBackOff; ++i) backoff *= 2;
          allowed = last + std::min(backoff, kMaxPodFailureBackOff);
        }
        if (allowed > now_) {
          api_.wake_at(allowed);
        } else {
          for (std::int64_t i = n_active; i < wanted; ++i) {
            try {
              const Value pod = api_.create(pod_from_template(job_), namespace_of(job_));
              events_.record(job_, "Normal", "SuccessfulCreate", "Created pod: " + name_of(pod), kSource);
              ++n_active;
            } catch (const Error& e) {
              events_.record(job_, "Warning", "FailedCreate", std::string("Error creating: ") + e.what(), kSource);
              break;
            }
          }
        }
      }
    }
    std::int64_t ready = 0;
    for (const Value& p : active) ready += pod_ready(p) ? 1 : 0;
    const auto set_count = [&](const char* key, std::int64_t n) {
      if (n > 0) {
        status.set(key, Value::integer(n));
      } else {
        status.erase(key);
      }
    };
    set_count("active", n_active);
    set_count("succeeded", n_succeeded);
    set_count("failed", n_failed);
    status.set("ready", Value::integer(n_active == 0 ? 0 : ready));
    status.set("terminating", Value::integer(0));
    if (status.find("uncountedTerminatedPods") == nullptr) status.set("uncountedTerminatedPods", Value::empty_map());
    if (job_.find("status") != nullptr && status == *job_.find("status")) return;
    job_.set("status", status);
    job_ = api_.update_status(std::move(job_));
    if (finished(job_)) expire();
  }

 private:
  // ttlSecondsAfterFinished (the TTL-after-finished controller).
  void expire() {
    const Value* ttl = at(job_, {"spec", "ttlSecondsAfterFinished"});
    if (ttl == nullptr || !ttl->is_number()) return;
    std::string type;
    finished(job_, &type);
    const std::optional<Seconds> at_time = time_at(*condition(job_, type), {"lastTransitionTime"});
    const Seconds due = at_time.value_or(now_) + ttl->integer_value();
    if (due <= now_) {
      api_.remove(job_type_, namespace_of(job_), name_of(job_), Propagation::Background);
    } else {
      api_.wake_at(due);
    }
  }

  ApiServer& api_;
  EventRecorder& events_;
  Value job_;
  const ResourceType& pod_type_;
  const ResourceType& job_type_;
  Seconds now_;
  std::string now_text_;
};

}  // namespace

void run_job_controller(ControllerContext& ctx) {
  const ResourceType& type = *ctx.api.registry().by_kind("batch/v1", "Job");
  for (const Value& listed : ctx.api.list(type, std::nullopt)) {
    std::optional<Value> job = ctx.api.get(type, namespace_of(listed), name_of(listed));
    if (job) guarded([&] { JobSync(ctx, std::move(*job)).run(); });
  }
}

}  // namespace capstan::orchestrator
