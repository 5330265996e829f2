#include "projects/media_store.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QUuid>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace cosmos::projects {
namespace {

constexpr qint64 kChunkBytes = 1 << 20;

// A rename is durable only once the directory entry is on disk too.
void syncDirectory(const QString& path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return;
    ::fsync(fd);
    ::close(fd);
}

// The temp file is removed unless released: every early return cleans up.
class TempFile {
public:
    explicit TempFile(const QString& path) : m_file(path) { }
    ~TempFile()
    {
        if (m_file.isOpen())
            m_file.close();
        if (!m_released)
            QFile::remove(m_file.fileName());
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    QFile& file() { return m_file; }
    void release() { m_released = true; }

private:
    QFile m_file;
    bool m_released = false;
};

} // namespace

MediaStore::MediaStore(QString projectFolder) : m_projectFolder(std::move(projectFolder)) { }

QString MediaStore::absolutePath(const QString& relativePath) const
{
    return QDir(m_projectFolder).filePath(relativePath);
}

std::optional<MediaRef> MediaStore::write(
    const QByteArray& data, const QString& subfolder, const QString& suffix, QString* error) const
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    return writeFrom(buffer, subfolder, suffix, error);
}

std::optional<MediaRef> MediaStore::import(const QString& sourcePath, const QString& subfolder, QString* error) const
{
    QFile source(sourcePath);
    if (!source.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(sourcePath, source.errorString());
        return std::nullopt;
    }
    return writeFrom(source, subfolder, QFileInfo(sourcePath).suffix(), error);
}

std::optional<MediaRef> MediaStore::writeFrom(
    QIODevice& source, const QString& subfolder, const QString& suffix, QString* error) const
{
    const QString relativeFolder = QLatin1String(kFolderName) + QLatin1Char('/') + subfolder;
    const QString folder = absolutePath(relativeFolder);
    if (!QDir().mkpath(folder)) {
        if (error)
            *error = QStringLiteral("cannot create the folder %1").arg(folder);
        return std::nullopt;
    }
    TempFile temp(folder + QLatin1Char('/') + QUuid::createUuid().toString(QUuid::Id128) + QStringLiteral(".tmp"));
    if (!temp.file().open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(temp.file().fileName(), temp.file().errorString());
        return std::nullopt;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 size = 0;
    while (!source.atEnd()) {
        const QByteArray chunk = source.read(kChunkBytes);
        if (chunk.isEmpty())
            break;
        hash.addData(chunk);
        size += chunk.size();
        if (temp.file().write(chunk) != chunk.size()) {
            if (error)
                *error = QStringLiteral("cannot write %1: %2").arg(temp.file().fileName(), temp.file().errorString());
            return std::nullopt;
        }
    }
    // Data on disk before the rename makes it visible under its real name.
    if (!temp.file().flush() || ::fsync(temp.file().handle()) != 0) {
        if (error)
            *error = QStringLiteral("cannot sync %1: %2")
                         .arg(temp.file().fileName(), QString::fromLocal8Bit(std::strerror(errno)));
        return std::nullopt;
    }
    temp.file().close();

    const QString hex = QString::fromLatin1(hash.result().toHex());
    QString name = hex.left(32);
    if (!suffix.isEmpty())
        name += QLatin1Char('.') + suffix;
    const QString finalPath = folder + QLatin1Char('/') + name;
    // rename(2) replaces atomically; QFile::rename refuses existing targets.
    if (std::rename(QFile::encodeName(temp.file().fileName()).constData(), QFile::encodeName(finalPath).constData())
        != 0) {
        if (error)
            *error = QStringLiteral("cannot rename to %1: %2")
                         .arg(finalPath, QString::fromLocal8Bit(std::strerror(errno)));
        return std::nullopt;
    }
    temp.release();
    syncDirectory(folder);
    return MediaRef {relativeFolder + QLatin1Char('/') + name, hex, size};
}

int MediaStore::removeTemporaryFiles() const
{
    int removed = 0;
    QDirIterator it(absolutePath(QLatin1String(kFolderName)), {QStringLiteral("*.tmp")}, QDir::Files | QDir::Hidden,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        if (QFile::remove(it.next()))
            ++removed;
    }
    return removed;
}

MediaCheck MediaStore::check(const QList<MediaRef>& referenced) const
{
    MediaCheck report;
    QSet<QString> known;
    for (const MediaRef& ref : referenced) {
        if (ref.isNull() || known.contains(ref.path))
            continue;
        known.insert(ref.path);
        const QString path = absolutePath(ref.path);
        if (!QFileInfo::exists(path))
            report.missing.append(ref.path);
        else if (sha256OfFile(path) != ref.sha256)
            report.corrupt.append(ref.path);
    }
    // Both sides absolute: relativeFilePath() returns a relative path as it
    // is, which would make every file of a relative project folder orphaned.
    const QDir project(QFileInfo(m_projectFolder).absoluteFilePath());
    QDirIterator it(
        project.filePath(QLatin1String(kFolderName)), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString relative = project.relativeFilePath(it.next());
        if (!known.contains(relative))
            report.orphaned.append(relative);
    }
    report.missing.sort();
    report.corrupt.sort();
    report.orphaned.sort();
    return report;
}

QString MediaStore::sha256(const QByteArray& data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QString MediaStore::sha256OfFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace cosmos::projects
