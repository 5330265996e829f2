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
    parser.addPositionalArgument(QStringLiteral("project"),
        QCoreApplication::translate("cosmos::app", "A project folder to open (default: the last one, or the example)."),
        QStringLiteral("[project]"));
    // process() handles --help and --version itself (prints and exits).
    parser.process(arguments);
    StudioOptions options;
    options.language = parser.value(lang);
    options.project = parser.positionalArguments().value(0);
    return options;
}

} // namespace cosmos::app
