// The bundle file's pieces (see project_bundle.h for the layout): the fixed
// header, the manifest and its validation. Shared by export and import, and
// by tests that build damaged bundles on purpose.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <optional>

namespace cosmos::projects::bundle {

constexpr char kMagic[] = "COSMBNDL"; // 8 bytes on disk, without the NUL
constexpr quint32 kContainerVersion = 1;
constexpr qint64 kHeaderBytes = 8 + 4 + 8 + 32;
// A manifest holds rows, not media; anything this large is not ours.
constexpr qint64 kMaxManifestBytes = qint64(1) << 30;
constexpr char kFormatName[] = "cosmos-project-bundle";

struct Header {
    quint32 containerVersion = 0;
    qint64 manifestBytes = 0;
    QByteArray manifestSha256; // raw 32 bytes
};

QByteArray encodeHeader(const QByteArray& manifest);
// Empty `why` on success; otherwise what is wrong, for the user.
std::optional<Header> decodeHeader(const QByteArray& bytes, QString* why);

struct Table {
    QString name;
    QStringList columns;
    QList<QVariantList> rows; // null cells are invalid QVariants
};

struct MediaEntry {
    QString path; // relative to the project folder, under media/
    QString sha256; // hex
    qint64 sizeBytes = 0;
};

struct Manifest {
    int schemaVersion = 0;
    QString createdAt;
    QList<qint64> takeIds; // a subset export's takes; empty: everything
    QList<Table> tables;
    QList<MediaEntry> media;

    qint64 mediaBytes() const;
    const Table* table(const QString& name) const;
    int rowCount(const QString& table) const; // 0 when absent
};

QByteArray encodeManifest(const Manifest& manifest);
// Checks the structure, every media path (relative, under media/, no "..",
// no duplicates), hash and size, and that every row has one cell per column.
std::optional<Manifest> decodeManifest(const QByteArray& json, QString* why);

// True for a clean relative path under media/ that cannot leave the folder.
bool isSafeMediaPath(const QString& path);

} // namespace cosmos::projects::bundle
