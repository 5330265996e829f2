// The project database's schema: one list of statements per version, run
// cumulatively (qBittorrent's `if (fromVersion <= N)` pattern) inside the
// caller's transaction, so a failure anywhere leaves the file as it was.
//
// The DDL of every past version stays here forever: it is what migrates old
// projects, and what tests use to build fixtures of old versions.
#pragma once

#include <QSqlDatabase>
#include <QStringList>
#include <functional>

namespace cosmos::projects::schema {

constexpr int kCurrentVersion = 2;
// PRAGMA application_id: "CoSM". Tells our files from other SQLite files.
constexpr int kApplicationId = 0x436f534d;

// The statements that take a database from `version - 1` to `version`.
QStringList migrationTo(int version);

// Called after each version's statements; returning false fails the
// migration (tests inject failures here).
using MigrationHook = std::function<bool(int version)>;

// Runs migrations fromVersion+1 .. toVersion and sets user_version and
// application_id. Must run inside a transaction; returns false with `error`
// on the first failure (the caller rolls back).
bool migrate(QSqlDatabase& db, int fromVersion, int toVersion, const MigrationHook& hook, QString* error);

} // namespace cosmos::projects::schema
