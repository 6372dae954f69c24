// Release statuses and the chart fields printers show.
#include "release/release.h"

#include <array>
#include <utility>

namespace capstan::release {

namespace {

constexpr std::array<std::pair<Status, std::string_view>, 9> kStatusNames{{
    {Status::Unknown, "unknown"},
    {Status::Deployed, "deployed"},
    {Status::Uninstalled, "uninstalled"},
    {Status::Superseded, "superseded"},
    {Status::Failed, "failed"},
    {Status::Uninstalling, "uninstalling"},
    {Status::PendingInstall, "pending-install"},
    {Status::PendingUpgrade, "pending-upgrade"},
    {Status::PendingRollback, "pending-rollback"},
}};

const Value* metadata(const Value& chart) {
  const Value* md = chart.find("metadata");
  return md != nullptr && md->is_map() ? md : nullptr;
}

}  // namespace

std::string_view status_name(Status status) {
  for (const auto& [s, name] : kStatusNames) {
    if (s == status) return name;
  }
  return "unknown";
}

Status parse_status(std::string_view name) {
  for (const auto& [s, n] : kStatusNames) {
    if (n == name) return s;
  }
  return Status::Unknown;
}

bool is_pending(Status status) {
  return status == Status::PendingInstall || status == Status::PendingUpgrade ||
         status == Status::PendingRollback;
}

std::string chart_name(const Value& chart) {
  const Value* md = metadata(chart);
  return md == nullptr ? "" : md->get_string("name");
}

std::string chart_version(const Value& chart) {
  const Value* md = metadata(chart);
  return md == nullptr ? "" : md->get_string("version");
}

std::string chart_app_version(const Value& chart) {
  const Value* md = metadata(chart);
  return md == nullptr ? "" : md->get_string("appVersion");
}

std::string format_chart_name(const Value& chart) {
  if (metadata(chart) == nullptr) return "MISSING";
  return chart_name(chart) + "-" + chart_version(chart);
}

std::string format_app_version(const Value& chart) {
  if (metadata(chart) == nullptr) return "MISSING";
  return chart_app_version(chart);
}

}  // namespace capstan::release
