// The API server's table printers (pkg/printers/internalversion/printers.go) that kubectl get
// shows: per-kind columns (wide ones too) and cells, ages in kubectl's human format.
#pragma once

#include <string>
#include <vector>

#include "core/value.h"
#include "orchestrator/clock.h"
#include "orchestrator/resources.h"

namespace capstan::orchestrator::kubectl {

// Column headers as kubectl prints them (upper case), the NAME column first.
std::vector<std::string> table_columns(const ResourceType& type, bool wide);
// One row's cells, in the same order; the NAME cell is the bare name.
std::vector<std::string> table_row(const ResourceType& type, const Value& object, bool wide, Seconds now);

// translateTimestampSince: "<unknown>" without a timestamp, else HumanDuration(now - t).
std::string age(const Value& object, Seconds now);
std::string since(const Value& timestamp, Seconds now);

// The pod STATUS cell (printPod's reason) and READY "n/m".
std::string pod_status_reason(const Value& pod);
// The Service PORT(S) cell: "80/TCP", "80:30596/TCP", joined by commas.
std::string service_ports(const Value& service);
// The Endpoints ENDPOINTS cell: up to three "ip:port", then " + N more...".
std::string endpoints_cell(const Value& endpoints);

}  // namespace capstan::orchestrator::kubectl
