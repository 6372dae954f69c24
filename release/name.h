// Release name rules (Helm's chartutil.ValidateReleaseName).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "templating/engine.h"

namespace capstan::release {

inline constexpr std::size_t kMaxReleaseNameLength = 53;

// nullopt for a valid name, else Helm's message: "no name provided" or "invalid release name,
// must match regex ... and the length must not be longer than 53".
std::optional<std::string> release_name_error(std::string_view name);

// action.TemplateName (install --name-template): the text rendered as a Go template with
// Sprig's functions and no data. Template errors are Go's.
std::string template_name(std::string_view name_template,
                          const templating::EngineOptions& options = {});

}  // namespace capstan::release
