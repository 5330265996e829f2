// The files of a project under its media/ folder: clips, thumbnails, saved
// latents and imported assets. Files are content-addressed
// (media/<subfolder>/<sha256 prefix>.<suffix>), written to `*.tmp`, synced
// and renamed, so a crash leaves either the whole file or a temp file that
// the next open removes. Rows keep the relative path and the SHA-256.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

#include "projects/records.h"

class QIODevice;

namespace cosmos::projects {

struct MediaCheck {
    QStringList missing; // referenced, no file
    QStringList corrupt; // referenced, content does not match the hash
    QStringList orphaned; // a file that no row references
    bool isClean() const { return missing.isEmpty() && corrupt.isEmpty() && orphaned.isEmpty(); }
};

class MediaStore {
public:
    static constexpr const char* kFolderName = "media";

    explicit MediaStore(QString projectFolder);

    // Writes `data` into media/<subfolder>/ and returns its reference.
    std::optional<MediaRef> write(
        const QByteArray& data, const QString& subfolder, const QString& suffix, QString* error) const;
    // Copies the file at `sourcePath` in (streamed, hashed on the way).
    std::optional<MediaRef> import(const QString& sourcePath, const QString& subfolder, QString* error) const;

    QString absolutePath(const QString& relativePath) const;
    // Removes the `*.tmp` files a crash left behind; returns how many.
    int removeTemporaryFiles() const;
    // Holds the files against the rows that reference them.
    MediaCheck check(const QList<MediaRef>& referenced) const;

    static QString sha256(const QByteArray& data);
    // Empty when the file cannot be read.
    static QString sha256OfFile(const QString& path);

private:
    std::optional<MediaRef> writeFrom(
        QIODevice& source, const QString& subfolder, const QString& suffix, QString* error) const;

    QString m_projectFolder;
};

} // namespace cosmos::projects
