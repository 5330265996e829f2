#include "widgets/model_list.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include "engine/pipeline/model_locator.h"

namespace cosmos::widgets {
namespace {

using engine::tools::ModelCheckReport;

// The name in config.json, read without checking anything else: cheap
// enough for the GUI thread, and stable before the first check.
QString configName(const QString& folder)
{
    QFile file(QDir(folder).filePath(QStringLiteral("config.json")));
    if (!file.open(QIODevice::ReadOnly) || file.size() > 1024 * 1024)
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("name")).toString();
}

} // namespace

ModelList::ModelList(QObject* parent) : QObject(parent), m_checker(engine::tools::checkModelFolder)
{
    m_pool.setMaxThreadCount(2);
    loadEntries();
}

ModelList::~ModelList()
{
    m_pool.clear();
    m_pool.waitForDone();
}

QString ModelList::cleanFolder(const QString& folder)
{
    return folder.isEmpty() ? QString() : QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
}

void ModelList::loadEntries()
{
    ModelEntry nano;
    nano.builtin = true;
    nano.saved = true;
    nano.name = QString::fromStdString(engine::pipeline::builtinModelNames().front());
    try {
        nano.folder
            = cleanFolder(QString::fromStdString(engine::pipeline::resolveModelFolder(nano.name.toStdString())));
    } catch (const std::exception& error) {
        nano.status = ModelEntry::Status::Problem;
        nano.error = QString::fromStdString(error.what());
        nano.reportLines = {QStringLiteral("[problem] ") + nano.error};
    }
    m_entries.append(nano);

    for (const QString& saved : m_savedFolders.get()) {
        const QString folder = cleanFolder(saved);
        if (folder.isEmpty() || indexOfFolder(folder) >= 0)
            continue;
        ModelEntry entry;
        entry.folder = folder;
        entry.saved = true;
        const QString name = configName(folder);
        entry.name = uniqueName(name.isEmpty() ? QFileInfo(folder).fileName() : name, folder);
        m_entries.append(entry);
    }
}

QList<ModelEntry> ModelList::usableModels() const
{
    QList<ModelEntry> usable;
    for (const auto& entry : m_entries)
        if (entry.usable())
            usable.append(entry);
    return usable;
}

int ModelList::indexOfFolder(const QString& folder) const
{
    const QString clean = cleanFolder(folder);
    for (int i = 0; i < m_entries.size(); ++i)
        if (!clean.isEmpty() && m_entries[i].folder == clean)
            return i;
    return -1;
}

const ModelEntry* ModelList::entryForFolder(const QString& folder) const
{
    const int index = indexOfFolder(folder);
    return index < 0 ? nullptr : &m_entries[index];
}

QString ModelList::uniqueName(const QString& name, const QString& folder) const
{
    for (const auto& entry : m_entries)
        if (entry.folder != folder && entry.name == name)
            return tr("%1 (%2)").arg(name, QFileInfo(folder).fileName());
    return name;
}

bool ModelList::addFolder(const QString& folder)
{
    const QString clean = cleanFolder(folder);
    if (clean.isEmpty() || indexOfFolder(clean) >= 0)
        return false;
    ModelEntry entry;
    entry.folder = clean;
    const QString name = configName(clean);
    entry.name = uniqueName(name.isEmpty() ? QFileInfo(clean).fileName() : name, clean);
    m_entries.append(entry);
    startCheck(m_entries.last());
    emit changed();
    return true;
}

void ModelList::verify(const QString& folder)
{
    const int index = indexOfFolder(folder);
    if (index < 0)
        return;
    startCheck(m_entries[index]);
    emit changed();
}

void ModelList::verifyUnchecked()
{
    bool started = false;
    for (auto& entry : m_entries)
        if (entry.status == ModelEntry::Status::NotChecked && !entry.folder.isEmpty()) {
            startCheck(entry);
            started = true;
        }
    if (started)
        emit changed();
}

bool ModelList::removeFolder(const QString& folder)
{
    const int index = indexOfFolder(folder);
    if (index < 0 || m_entries[index].builtin)
        return false;
    // A check still running for it finds no entry and is dropped.
    m_currentCheck.remove(m_entries[index].folder);
    m_entries.removeAt(index);
    saveFolders();
    emit changed();
    return true;
}

void ModelList::setChecker(Checker checker)
{
    m_checker = std::move(checker);
}

void ModelList::startCheck(ModelEntry& entry)
{
    const int serial = ++m_nextSerial;
    m_currentCheck.insert(entry.folder, serial);
    entry.status = ModelEntry::Status::Checking;
    ++m_running;
    emit checkStarted(entry.folder);
    const QString folder = entry.folder;
    m_pool.start([this, folder, serial, checker = m_checker] {
        ModelCheckReport report;
        try {
            report = checker(folder.toStdString());
        } catch (const std::exception& error) { // checkModelFolder never throws; an injected checker might
            report.error = error.what();
        }
        // Exceptions never cross into the event loop: only the report does.
        QMetaObject::invokeMethod(
            this, [this, folder, serial, report] { finishCheck(folder, serial, report); }, Qt::QueuedConnection);
    });
}

void ModelList::finishCheck(const QString& folder, int serial, const ModelCheckReport& report)
{
    --m_running;
    const int index = indexOfFolder(folder);
    if (index >= 0 && m_currentCheck.value(folder) == serial) {
        m_currentCheck.remove(folder);
        ModelEntry& entry = m_entries[index];
        entry.status = report.ok ? ModelEntry::Status::Ok : ModelEntry::Status::Problem;
        entry.error = QString::fromStdString(report.error);
        entry.reportLines.clear();
        for (const auto& line : report.lines)
            entry.reportLines.append(QString::fromStdString(line));
        entry.sizeBytes = report.sizeBytes > 0 ? qint64(report.sizeBytes) : -1;
        if (!entry.builtin && !report.modelName.empty())
            entry.name = uniqueName(QString::fromStdString(report.modelName), entry.folder);
        if (report.ok && !entry.saved) {
            entry.saved = true;
            saveFolders();
        }
    }
    emit checkFinished(folder);
    emit changed();
}

void ModelList::saveFolders() const
{
    QStringList folders;
    for (const auto& entry : m_entries)
        if (!entry.builtin && entry.saved)
            folders.append(entry.folder);
    m_savedFolders.set(folders);
}

} // namespace cosmos::widgets
