// Help > About: the studio's version and the real versions of the libraries
// it runs on, with a button that copies them for a bug report.
#pragma once

#include <QDialog>
#include <QList>
#include <QString>

class QTableWidget;

namespace cosmos::widgets {

struct ComponentVersionRow {
    QString name;
    QString version;
};

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    AboutDialog(const QString& studioVersion, const QList<ComponentVersionRow>& components, QWidget* parent = nullptr);

    // The table as "name: version" lines, as the Copy button puts it on the clipboard.
    QString versionsText() const;
    QTableWidget* table() const { return m_table; }

private:
    QTableWidget* m_table = nullptr;
};

} // namespace cosmos::widgets
