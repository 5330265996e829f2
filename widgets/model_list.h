// The models the studio knows: the embedded nano model always, plus the
// folders the user added (kept in QSettings). Checks run on a worker thread
// (engine::tools::checkModelFolder); their results arrive as queued calls,
// so the GUI thread never waits on a disk or a damaged file.
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <functional>

#include "engine/tools/model_check.h"
#include "projects/preference.h"

namespace cosmos::widgets {

struct ModelEntry {
    enum class Status { NotChecked, Checking, Ok, Problem };

    QString name; // config.json's name, or the folder's name
    QString folder; // absolute and clean; empty when the built-in model is not installed
    bool builtin = false;
    bool saved = false; // kept in the settings (built-in: always listed)
    Status status = Status::NotChecked;
    QString error; // the first problem, when status is Problem
    QStringList reportLines; // the last check's findings ("[ok] ...", "[problem] ...", "[info] ...")
    qint64 sizeBytes = -1; // from the last check; -1 unknown

    // What the app loads: the built-in name ("nano") or the folder.
    QString reference() const { return builtin ? name : folder; }
    // Listed for generation: the built-in model, and added folders whose
    // check passed, unless the last check found a problem.
    bool usable() const { return (builtin || saved) && status != Status::Problem && !folder.isEmpty(); }
};

class ModelList : public QObject {
    Q_OBJECT
public:
    using Checker = std::function<engine::tools::ModelCheckReport(const std::string& folder)>;

    explicit ModelList(QObject* parent = nullptr);
    ~ModelList() override; // waits for running checks (each is short)

    const QList<ModelEntry>& entries() const { return m_entries; }
    QList<ModelEntry> usableModels() const;
    int indexOfFolder(const QString& folder) const; // -1 when not listed
    const ModelEntry* entryForFolder(const QString& folder) const;

    // Lists a folder and checks it in the background. It is saved (and
    // usable) once the check passes; a folder with a problem stays listed
    // with it until removed, but is not saved. False when already listed.
    bool addFolder(const QString& folder);
    void verify(const QString& folder); // checks a listed model again
    void verifyUnchecked(); // every model not checked yet
    // Forgets an added folder (never the built-in model); false otherwise.
    bool removeFolder(const QString& folder);

    bool isChecking() const { return m_running > 0; }

    // The check to run (checkModelFolder by default); tests slow it down.
    void setChecker(Checker checker);

    static QString cleanFolder(const QString& folder);

signals:
    void changed(); // entries added, removed, or their status changed
    void checkStarted(const QString& folder);
    void checkFinished(const QString& folder);

private:
    void loadEntries();
    void startCheck(ModelEntry& entry);
    void finishCheck(const QString& folder, int serial, const engine::tools::ModelCheckReport& report);
    void saveFolders() const;
    QString uniqueName(const QString& name, const QString& folder) const;

    QList<ModelEntry> m_entries;
    QHash<QString, int> m_currentCheck; // folder -> the check whose result counts
    int m_nextSerial = 0;
    int m_running = 0;
    Checker m_checker;
    projects::Preference<QStringList> m_savedFolders {QStringLiteral("models/folders")};
    QThreadPool m_pool; // last: destroyed (and waited for) first
};

} // namespace cosmos::widgets
