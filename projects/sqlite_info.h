// The version of the SQLite library that Qt's SQL driver really uses.
#pragma once

#include <QString>

namespace cosmos::projects {

// Asks SQLite itself (`select sqlite_version()`) through an in-memory
// database; returns an explanation instead when the driver is missing.
QString sqliteVersion();

} // namespace cosmos::projects
