// Models > Manage Models: every model the studio knows, with its status and
// size; add a model folder, verify a model, remove an added one. Checks run
// in the background (see ModelList): the dialog shows a busy bar meanwhile
// and the full report of the selected model below the list.
#pragma once

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;
class QTextBrowser;
class QTreeWidget;

namespace cosmos::widgets {

class ModelList;
struct ModelEntry;

class ModelManagerDialog : public QDialog {
    Q_OBJECT
public:
    enum Column { NameColumn, StatusColumn, SizeColumn, FolderColumn };

    ModelManagerDialog(ModelList& models, QWidget* parent = nullptr);

    // What "Add Model Folder..." does after the file dialog: lists the folder
    // and checks it; the report appears when the check is done.
    void addFolder(const QString& folder);
    void verifySelected();
    void removeSelected();
    void selectFolder(const QString& folder);
    QString selectedFolder() const;

    bool isBusy() const; // a check is running
    QString reportText() const; // the report panel as plain text

    QTreeWidget* modelTable() const { return m_table; }
    QPushButton* addButton() const { return m_add; }
    QPushButton* verifyButton() const { return m_verify; }
    QPushButton* removeButton() const { return m_remove; }

protected:
    void showEvent(QShowEvent* event) override; // the first show checks what is not checked yet

private:
    void chooseFolder();
    void rebuildTable();
    void showReport();
    void updateButtons();
    void updateBusy();
    QString reportHtml(const ModelEntry& entry) const;

    ModelList& m_models;
    QTreeWidget* m_table = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_verify = nullptr;
    QPushButton* m_remove = nullptr;
    QProgressBar* m_busyBar = nullptr;
    QLabel* m_busyLabel = nullptr;
    QTextBrowser* m_report = nullptr;
    QString m_notice; // a one-off message above the report ("listed already")
    bool m_checkedOnShow = false;
};

} // namespace cosmos::widgets
