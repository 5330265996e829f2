// The time now as an ISO 8601 UTC timestamp ("2026-11-26T10:21:05Z"), for
// records people read and sort: provenance, training runs.
#pragma once

#include <string>

namespace cosmos::engine::util {

std::string utcTimestamp();

} // namespace cosmos::engine::util
