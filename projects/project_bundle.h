// A project, or some of its takes, as one file to hand to someone else, and
// back into a new project folder.
//
//   ProjectError error;
//   if (!exportBundle(store, "world.cosmosbundle", {}, &error)) ...
//   if (!importBundle("world.cosmosbundle", "copy-of-world", &error)) ...
//
// The file (all integers big-endian), version 1:
//
//   offset  size  what
//   0       8     magic "COSMBNDL"
//   8       4     container version (1)
//   12      8     manifest size in bytes (M)
//   20      32    SHA-256 of the manifest
//   52      M     manifest: UTF-8 JSON, see below
//   52+M    ...   the media files' bytes, back to back, in manifest order
//
// The manifest:
//
//   {"format": "cosmos-project-bundle", "schema_version": 2,
//    "created_at": "2025-...Z", "take_ids": [..] (a subset export only),
//    "tables": [{"name": "segments", "columns": ["id", ...],
//                "rows": [[1, 0, "a red ball", ...], ...]}, ...],
//    "media": [{"path": "media/clips/ab12...mp4", "sha256": "...",
//               "size": 1234}, ...]}
//
// Tables are listed parents first, so rows insert in order; every row keeps
// its id. Cells are JSON null, integers, numbers, strings, or {"base64": ..}
// for blobs. The file's size must equal 52 + M + the media sizes, so a
// truncated bundle is refused before anything is written.
#pragma once

#include <QList>
#include <QString>
#include <optional>

#include "projects/project_error.h"

namespace cosmos::projects {

class ProjectStore;

struct BundleContents {
    int schemaVersion = 0;
    int segments = 0;
    int takes = 0;
    int mediaFiles = 0;
    qint64 mediaBytes = 0;
};

// Writes the whole project, or with `takeIds` only those takes with their
// segments (positions renumbered in order), the conditioning assets and
// models they use, and their media; no jobs or boards. Every media file is
// held against its hash first. The bundle is written to a temporary name
// and renamed, so `bundlePath` is either the old file or the whole new one.
// Reads only: `store` may be open read-only.
std::optional<BundleContents> exportBundle(
    ProjectStore& store, const QString& bundlePath, const QList<qint64>& takeIds, ProjectError* error);

// Makes a new project in `projectFolder` (missing, or an empty folder) from
// a bundle: rows and media into a hidden folder beside it, every hash
// verified, the result opened (migrating an older format) and checked, and
// only then renamed into place. A damaged, truncated or foreign file is
// refused, and nothing is left behind.
std::optional<BundleContents> importBundle(
    const QString& bundlePath, const QString& projectFolder, ProjectError* error);

} // namespace cosmos::projects
