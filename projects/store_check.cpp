// ProjectStore: whole-project reports for `cosmos-cli project info|check`
// and the studio's health check.
#include "projects/project_store.h"

namespace cosmos::projects {
namespace {

int countOf(QSqlDatabase& db, const QString& table)
{
    QSqlQuery query = querySql(db, QStringLiteral("SELECT count(*) FROM %1").arg(table));
    return query.next() ? query.value(0).toInt() : 0;
}

} // namespace

ProjectSummary ProjectStore::summary()
{
    ProjectSummary result;
    result.schemaVersion = m_version;
    result.name = name();
    result.segments = countOf(database(), QStringLiteral("segments"));
    result.takes = countOf(database(), QStringLiteral("takes"));
    result.jobs = countOf(database(), QStringLiteral("jobs"));
    QSqlQuery query
        = querySql(database(), QStringLiteral("SELECT state, count(*) FROM jobs GROUP BY state ORDER BY state"));
    while (query.next())
        result.jobsByState.append({query.value(0).toString(), query.value(1).toInt()});
    return result;
}

QList<MediaRef> ProjectStore::referencedMedia()
{
    QList<MediaRef> result;
    QSqlQuery query = querySql(database(),
        QStringLiteral("SELECT clip_path, clip_sha256, clip_size FROM takes WHERE clip_path IS NOT NULL"
                       " UNION ALL SELECT thumbnail_path, thumbnail_sha256, thumbnail_size FROM takes"
                       "  WHERE thumbnail_path IS NOT NULL"
                       " UNION ALL SELECT latents_path, latents_sha256, latents_size FROM takes"
                       "  WHERE latents_path IS NOT NULL"
                       " UNION ALL SELECT path, sha256, size_bytes FROM assets"));
    while (query.next())
        result.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toLongLong()});
    return result;
}

IntegrityReport ProjectStore::check()
{
    IntegrityReport report;
    QString detail;
    QSqlQuery integrity = querySql(database(), QStringLiteral("PRAGMA integrity_check"), {}, &detail);
    while (integrity.next())
        report.integrity.append(integrity.value(0).toString());
    if (!integrity.isActive() && report.integrity.isEmpty())
        report.integrity.append(detail);
    integrity.finish();
    QSqlQuery keys = querySql(database(), QStringLiteral("PRAGMA foreign_key_check"));
    while (keys.next()) {
        report.foreignKeys.append(
            QStringLiteral("%1 row %2 refers to a missing %3 row")
                .arg(keys.value(0).toString(), keys.value(1).toString(), keys.value(2).toString()));
    }
    keys.finish();
    report.media = m_media.check(referencedMedia());
    return report;
}

} // namespace cosmos::projects
