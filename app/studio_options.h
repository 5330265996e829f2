// Command-line options of cosmos-studio.
#pragma once

#include <QString>
#include <QStringList>

namespace cosmos::app {

struct StudioOptions {
    QString language; // --lang ko; empty: the system locale
    QString project; // a project folder to open; empty: the last one, or the example
    bool ok = true;
    QString error;
};

StudioOptions parseStudioOptions(const QStringList& arguments);

} // namespace cosmos::app
