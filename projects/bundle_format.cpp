#include "projects/bundle_format.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QtEndian>

#include <cstring>

namespace cosmos::projects::bundle {
namespace {

constexpr qint64 kMagicBytes = 8;

bool isIdentifier(const QString& name)
{
    // Table and column names end up in SQL text: only plain identifiers.
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,63}$"));
    return pattern.match(name).hasMatch();
}

bool isSha256Hex(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{64}$"));
    return pattern.match(text).hasMatch();
}

QJsonValue cellToJson(const QVariant& value)
{
    if (!value.isValid() || value.isNull())
        return QJsonValue::Null;
    switch (value.typeId()) {
    case QMetaType::QByteArray:
        return QJsonObject {{QStringLiteral("base64"), QString::fromLatin1(value.toByteArray().toBase64())}};
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong: return QJsonValue(value.toLongLong());
    case QMetaType::Double: return value.toDouble();
    default: return value.toString();
    }
}

std::optional<QVariant> cellFromJson(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QVariant();
    case QJsonValue::Double: return value.toVariant(); // qlonglong when integral, as written
    case QJsonValue::String: return QVariant(value.toString());
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        if (object.size() != 1 || !object.value(QStringLiteral("base64")).isString())
            return std::nullopt;
        const auto decoded = QByteArray::fromBase64Encoding(
            object.value(QStringLiteral("base64")).toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return std::nullopt;
        return QVariant(*decoded);
    }
    default: return std::nullopt;
    }
}

std::optional<Table> tableFromJson(const QJsonValue& value, QString* why)
{
    const QJsonObject object = value.toObject();
    Table table;
    table.name = object.value(QStringLiteral("name")).toString();
    if (!isIdentifier(table.name)) {
        *why = QStringLiteral("a table has no valid name");
        return std::nullopt;
    }
    for (const QJsonValue& column : object.value(QStringLiteral("columns")).toArray()) {
        if (!isIdentifier(column.toString()) || table.columns.contains(column.toString())) {
            *why = QStringLiteral("table %1 has an invalid or repeated column name").arg(table.name);
            return std::nullopt;
        }
        table.columns.append(column.toString());
    }
    if (table.columns.isEmpty()) {
        *why = QStringLiteral("table %1 has no columns").arg(table.name);
        return std::nullopt;
    }
    for (const QJsonValue& row : object.value(QStringLiteral("rows")).toArray()) {
        const QJsonArray cells = row.toArray();
        if (cells.size() != table.columns.size()) {
            *why = QStringLiteral("a row of table %1 has %2 cells for %3 columns")
                       .arg(table.name)
                       .arg(cells.size())
                       .arg(table.columns.size());
            return std::nullopt;
        }
        QVariantList values;
        for (const QJsonValue& cell : cells) {
            const std::optional<QVariant> converted = cellFromJson(cell);
            if (!converted) {
                *why = QStringLiteral("table %1 has a cell that is not a value").arg(table.name);
                return std::nullopt;
            }
            values.append(*converted);
        }
        table.rows.append(values);
    }
    return table;
}

std::optional<MediaEntry> mediaFromJson(const QJsonValue& value, QString* why)
{
    const QJsonObject object = value.toObject();
    MediaEntry entry;
    entry.path = object.value(QStringLiteral("path")).toString();
    entry.sha256 = object.value(QStringLiteral("sha256")).toString();
    const QVariant size = object.value(QStringLiteral("size")).toVariant();
    entry.sizeBytes = size.toLongLong();
    if (!isSafeMediaPath(entry.path)) {
        *why = QStringLiteral("the media path '%1' is not a plain path under media/").arg(entry.path);
        return std::nullopt;
    }
    if (!isSha256Hex(entry.sha256) || size.typeId() != QMetaType::LongLong || entry.sizeBytes < 0) {
        *why = QStringLiteral("the media entry %1 has no valid hash or size").arg(entry.path);
        return std::nullopt;
    }
    return entry;
}

} // namespace

qint64 Manifest::mediaBytes() const
{
    qint64 total = 0;
    for (const MediaEntry& entry : media)
        total += entry.sizeBytes;
    return total;
}

const Table* Manifest::table(const QString& name) const
{
    for (const Table& candidate : tables) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

int Manifest::rowCount(const QString& name) const
{
    const Table* found = table(name);
    return found ? int(found->rows.size()) : 0;
}

QByteArray encodeHeader(const QByteArray& manifest)
{
    QByteArray header(kHeaderBytes, '\0');
    char* data = header.data();
    std::memcpy(data, kMagic, kMagicBytes);
    qToBigEndian<quint32>(kContainerVersion, data + 8);
    qToBigEndian<quint64>(quint64(manifest.size()), data + 12);
    const QByteArray hash = QCryptographicHash::hash(manifest, QCryptographicHash::Sha256);
    std::memcpy(data + 20, hash.constData(), size_t(hash.size()));
    return header;
}

std::optional<Header> decodeHeader(const QByteArray& bytes, QString* why)
{
    if (bytes.size() < kMagicBytes || std::memcmp(bytes.constData(), kMagic, kMagicBytes) != 0) {
        *why = QStringLiteral("it is not a Cosmos Studio project bundle");
        return std::nullopt;
    }
    if (bytes.size() < kHeaderBytes) {
        *why = QStringLiteral("it is truncated (its header is incomplete)");
        return std::nullopt;
    }
    Header header;
    header.containerVersion = qFromBigEndian<quint32>(bytes.constData() + 8);
    const quint64 manifestBytes = qFromBigEndian<quint64>(bytes.constData() + 12);
    header.manifestSha256 = bytes.mid(20, 32);
    if (header.containerVersion != kContainerVersion) {
        *why = QStringLiteral("it is a bundle of container version %1; this Cosmos Studio reads version %2")
                   .arg(header.containerVersion)
                   .arg(kContainerVersion);
        return std::nullopt;
    }
    if (manifestBytes == 0 || manifestBytes > quint64(kMaxManifestBytes)) {
        *why = QStringLiteral("its header is damaged (manifest size %1)").arg(manifestBytes);
        return std::nullopt;
    }
    header.manifestBytes = qint64(manifestBytes);
    return header;
}

QByteArray encodeManifest(const Manifest& manifest)
{
    QJsonArray tables;
    for (const Table& table : manifest.tables) {
        QJsonArray rows;
        for (const QVariantList& row : table.rows) {
            QJsonArray cells;
            for (const QVariant& cell : row)
                cells.append(cellToJson(cell));
            rows.append(cells);
        }
        tables.append(QJsonObject {{QStringLiteral("name"), table.name},
            {QStringLiteral("columns"), QJsonArray::fromStringList(table.columns)}, {QStringLiteral("rows"), rows}});
    }
    QJsonArray media;
    for (const MediaEntry& entry : manifest.media) {
        media.append(QJsonObject {{QStringLiteral("path"), entry.path}, {QStringLiteral("sha256"), entry.sha256},
            {QStringLiteral("size"), entry.sizeBytes}});
    }
    QJsonObject root {{QStringLiteral("format"), QLatin1String(kFormatName)},
        {QStringLiteral("schema_version"), manifest.schemaVersion}, {QStringLiteral("created_at"), manifest.createdAt},
        {QStringLiteral("tables"), tables}, {QStringLiteral("media"), media}};
    if (!manifest.takeIds.isEmpty()) {
        QJsonArray ids;
        for (const qint64 id : manifest.takeIds)
            ids.append(id);
        root.insert(QStringLiteral("take_ids"), ids);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

std::optional<Manifest> decodeManifest(const QByteArray& json, QString* why)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject root = document.object();
    if (parseError.error != QJsonParseError::NoError || !document.isObject()
        || root.value(QStringLiteral("format")).toString() != QLatin1String(kFormatName)) {
        *why = QStringLiteral("its manifest is not a bundle manifest");
        return std::nullopt;
    }
    Manifest manifest;
    manifest.schemaVersion = root.value(QStringLiteral("schema_version")).toInt(0);
    manifest.createdAt = root.value(QStringLiteral("created_at")).toString();
    if (manifest.schemaVersion < 1) {
        *why = QStringLiteral("its manifest names no project format version");
        return std::nullopt;
    }
    for (const QJsonValue& id : root.value(QStringLiteral("take_ids")).toArray())
        manifest.takeIds.append(id.toInteger());
    QSet<QString> names;
    for (const QJsonValue& value : root.value(QStringLiteral("tables")).toArray()) {
        std::optional<Table> table = tableFromJson(value, why);
        if (!table)
            return std::nullopt;
        if (names.contains(table->name)) {
            *why = QStringLiteral("table %1 appears twice").arg(table->name);
            return std::nullopt;
        }
        names.insert(table->name);
        manifest.tables.append(std::move(*table));
    }
    QSet<QString> paths;
    for (const QJsonValue& value : root.value(QStringLiteral("media")).toArray()) {
        std::optional<MediaEntry> entry = mediaFromJson(value, why);
        if (!entry)
            return std::nullopt;
        if (paths.contains(entry->path)) {
            *why = QStringLiteral("the media file %1 appears twice").arg(entry->path);
            return std::nullopt;
        }
        paths.insert(entry->path);
        manifest.media.append(*entry);
    }
    return manifest;
}

bool isSafeMediaPath(const QString& path)
{
    if (path.size() > 1024 || path.contains(QLatin1Char('\\')) || path.contains(QChar(0)) || QDir::isAbsolutePath(path)
        || QDir::cleanPath(path) != path || !path.startsWith(QStringLiteral("media/")))
        return false;
    const QStringList parts = path.split(QLatin1Char('/'));
    for (const QString& part : parts) {
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String(".."))
            return false;
    }
    return parts.size() >= 2;
}

} // namespace cosmos::projects::bundle
