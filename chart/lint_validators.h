// The value checks `helm lint` borrows from other Go packages: asaskevich/govalidator's IsEmail,
// IsURL and IsRequestURL (Chart.yaml maintainers, sources and icon), and k8s.io/apimachinery's
// object-name rules (validateMetadataName), with their messages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace capstan::chart::lint {

bool is_email(std::string_view s);        // govalidator.IsEmail (its rxEmail)
bool is_url(std::string_view s);          // govalidator.IsURL (url.Parse, then rxURL)
bool is_request_url(std::string_view s);  // govalidator.IsRequestURL

// apimachinery's ValidateNameFunc for the kind, as validateMetadataNameFunc picks it (DNS-1123
// subdomain by default, DNS-1035 label for Service, DNS-1123 label for Namespace, path segment
// for RBAC kinds, nothing for CertificateSigningRequest): the failed rules' descriptions.
std::vector<std::string> validate_object_name(std::string_view kind, std::string_view name);

}  // namespace capstan::chart::lint
