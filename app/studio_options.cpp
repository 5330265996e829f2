#include "app/studio_options.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace cosmos::app {

StudioOptions parseStudioOptions(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("cosmos::app", "Cosmos Studio: world simulations with video world models."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption lang(QStringLiteral("lang"),
        QCoreApplication::translate("cosmos::app", "User-interface language (e.g. ko, en)."), QStringLiteral("code"));
    parser.addOption(lang);
    // process() handles --help and --version itself (prints and exits).
    parser.process(arguments);
    StudioOptions options;
    options.language = parser.value(lang);
    return options;
}

} // namespace cosmos::app
