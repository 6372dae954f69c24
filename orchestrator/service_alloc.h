// ClusterIP and NodePort allocation for Services, done synchronously at create/update as the API
// server's service storage does: a random free address from the service CIDR (10.96.0.0/12;
// the upper band first, KEP-3070), random free node ports from 30000-32767 (the upper band
// first, KEP-3668), explicit values honoured when free, and on update the already-allocated
// clusterIP and nodePorts (matched by port and protocol) kept when the new spec omits them.
#pragma once

#include <string>
#include <vector>

#include "core/value.h"
#include "orchestrator/random.h"

namespace capstan::orchestrator {

inline constexpr const char* kServiceCIDR = "10.96.0.0/12";
inline constexpr int kNodePortMin = 30000;
inline constexpr int kNodePortMax = 32767;

// Fills in spec.clusterIP(s), ipFamilies, ipFamilyPolicy and nodePorts of `svc` (being created
// when `old` is null, else replacing `old`). `others` are the other stored Services. Throws
// Error(Invalid) worded as the API server ("provided port is already allocated").
void allocate_service(Value& svc, const Value* old, const std::vector<Value>& others, Random& random);

// "10.96.0.1" style text of the address at `offset` in the service CIDR.
std::string service_ip(std::uint32_t offset);

}  // namespace capstan::orchestrator
