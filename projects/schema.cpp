#include "projects/schema.h"

#include "projects/sql_connection.h"

namespace cosmos::projects::schema {
namespace {

// Version 1: the project, its timeline, takes, the job queue and assets.
QStringList version1()
{
    return {
        QStringLiteral("CREATE TABLE project ("
                       " id INTEGER PRIMARY KEY CHECK (id = 1),"
                       " name TEXT NOT NULL,"
                       " created_at TEXT NOT NULL,"
                       " settings TEXT NOT NULL DEFAULT '{}')"),
        QStringLiteral("CREATE TABLE assets ("
                       " id INTEGER PRIMARY KEY,"
                       " kind TEXT NOT NULL CHECK (kind IN ('image', 'video', 'other')),"
                       " name TEXT NOT NULL DEFAULT '',"
                       " path TEXT NOT NULL,"
                       " sha256 TEXT NOT NULL,"
                       " size_bytes INTEGER NOT NULL DEFAULT 0,"
                       " created_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE segments ("
                       " id INTEGER PRIMARY KEY,"
                       " position INTEGER NOT NULL,"
                       " prompt TEXT NOT NULL DEFAULT '',"
                       " negative_prompt TEXT NOT NULL DEFAULT '',"
                       " conditioning TEXT NOT NULL DEFAULT 'text'"
                       "  CHECK (conditioning IN ('text', 'image', 'video', 'continue')),"
                       " conditioning_asset_id INTEGER REFERENCES assets(id) ON DELETE SET NULL,"
                       " settings TEXT NOT NULL DEFAULT '{}',"
                       " stale INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX segments_by_position ON segments(position)"),
        QStringLiteral("CREATE TABLE takes ("
                       " id INTEGER PRIMARY KEY,"
                       " segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,"
                       " params TEXT NOT NULL DEFAULT '{}',"
                       " provenance TEXT NOT NULL DEFAULT '{}',"
                       " status TEXT NOT NULL CHECK (status IN"
                       "  ('queued', 'running', 'done', 'failed', 'cancelled', 'interrupted')),"
                       " clip_path TEXT, clip_sha256 TEXT, clip_size INTEGER,"
                       " thumbnail_path TEXT, thumbnail_sha256 TEXT, thumbnail_size INTEGER,"
                       " latents_path TEXT, latents_sha256 TEXT, latents_size INTEGER,"
                       " created_at TEXT NOT NULL,"
                       " started_at TEXT,"
                       " finished_at TEXT,"
                       " duration_ms INTEGER NOT NULL DEFAULT 0,"
                       " error TEXT NOT NULL DEFAULT '',"
                       " selected INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX takes_by_segment ON takes(segment_id)"),
        // At most one selected take per segment, enforced by the database.
        QStringLiteral("CREATE UNIQUE INDEX takes_one_selected ON takes(segment_id) WHERE selected = 1"),
        QStringLiteral("CREATE TABLE jobs ("
                       " id INTEGER PRIMARY KEY,"
                       " position INTEGER NOT NULL,"
                       " state TEXT NOT NULL CHECK (state IN"
                       "  ('pending', 'running', 'paused', 'done', 'failed', 'cancelled', 'interrupted')),"
                       " priority INTEGER NOT NULL DEFAULT 0,"
                       " segment_id INTEGER REFERENCES segments(id) ON DELETE SET NULL,"
                       " request TEXT NOT NULL DEFAULT '{}',"
                       " error TEXT NOT NULL DEFAULT '',"
                       " created_at TEXT NOT NULL,"
                       " updated_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE job_takes ("
                       " job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,"
                       " take_id INTEGER NOT NULL REFERENCES takes(id) ON DELETE CASCADE,"
                       " PRIMARY KEY (job_id, take_id))"),
        QStringLiteral("CREATE INDEX job_takes_by_take ON job_takes(take_id)"),
    };
}

// Version 2: comparison boards and the model registry.
QStringList version2()
{
    return {
        QStringLiteral("CREATE TABLE boards ("
                       " id INTEGER PRIMARY KEY,"
                       " name TEXT NOT NULL,"
                       " position INTEGER NOT NULL,"
                       " layout TEXT NOT NULL DEFAULT '{}',"
                       " created_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE board_takes ("
                       " board_id INTEGER NOT NULL REFERENCES boards(id) ON DELETE CASCADE,"
                       " take_id INTEGER NOT NULL REFERENCES takes(id) ON DELETE CASCADE,"
                       " position INTEGER NOT NULL,"
                       " PRIMARY KEY (board_id, take_id))"),
        QStringLiteral("CREATE INDEX board_takes_by_take ON board_takes(take_id)"),
        QStringLiteral("CREATE TABLE models ("
                       " id INTEGER PRIMARY KEY,"
                       " name TEXT NOT NULL UNIQUE,"
                       " dit_path TEXT NOT NULL DEFAULT '',"
                       " vae_path TEXT NOT NULL DEFAULT '',"
                       " text_encoder_path TEXT NOT NULL DEFAULT '',"
                       " tokenizer_path TEXT NOT NULL DEFAULT '',"
                       " config TEXT NOT NULL DEFAULT '{}',"
                       " weights_sha256 TEXT NOT NULL DEFAULT '',"
                       " added_at TEXT NOT NULL)"),
        // Takes name the model they were made with; old takes keep it in
        // their provenance JSON only.
        QStringLiteral("ALTER TABLE takes ADD COLUMN model_id INTEGER REFERENCES models(id) ON DELETE SET NULL"),
    };
}

} // namespace

QStringList migrationTo(int version)
{
    switch (version) {
    case 1: return version1();
    case 2: return version2();
    default: return {};
    }
}

bool migrate(QSqlDatabase& db, int fromVersion, int toVersion, const MigrationHook& hook, QString* error)
{
    for (int version = fromVersion + 1; version <= toVersion; ++version) {
        const QStringList statements = migrationTo(version);
        if (statements.isEmpty()) {
            if (error)
                *error = QStringLiteral("no migration to schema version %1").arg(version);
            return false;
        }
        for (const QString& statement : statements) {
            if (!execSql(db, statement, {}, error))
                return false;
        }
        if (hook && !hook(version)) {
            if (error)
                *error = QStringLiteral("migration to schema version %1 was stopped").arg(version);
            return false;
        }
    }
    // Both pragmas live in the database header, so they roll back with the
    // transaction like any other change.
    return execSql(db, QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId), {}, error)
        && execSql(db, QStringLiteral("PRAGMA user_version = %1").arg(toVersion), {}, error);
}

} // namespace cosmos::projects::schema
