// cosmos-studio: thin entry point; the window and its parts live in cosmos_app.
#include <QApplication>

#include "app/app_info.h"
#include "app/logging_setup.h"
#include "app/main_window.h"
#include "app/studio_options.h"
#include "app/translations.h"
#include "engine/media/ffmpeg_log.h"
#include "widgets/studio_preferences.h"

int main(int argc, char* argv[])
{
    QApplication application(argc, argv);
    cosmos::app::setApplicationIdentity();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/cosmos-studio.svg")));
    cosmos::app::Logging logging;
    cosmos::engine::media::routeFfmpegLog(logging.logger()); // FFmpeg's own messages into the same log
    const cosmos::app::StudioOptions options = cosmos::app::parseStudioOptions(QApplication::arguments());
    // --lang wins over the language chosen in Preferences ("system": the platform's).
    QString language = options.language;
    if (language.isEmpty()) {
        const QString chosen = cosmos::widgets::StudioPreferences::load().language;
        if (chosen != QLatin1String("system"))
            language = chosen;
    }
    const QLocale locale = cosmos::app::localeForLanguage(language);
    QLocale::setDefault(locale);
    const bool translated = cosmos::app::installTranslations(application, locale);
    logging.logger()->info("Cosmos Studio {} starting (locale {}, translation {}); log file {}",
        cosmos::app::studioVersion().toStdString(), locale.name().toStdString(), translated ? "loaded" : "none",
        logging.logFilePath().toStdString());

    cosmos::app::MainWindow window(&logging);
    window.show();
    if (options.project.isEmpty())
        window.openStartupProject();
    else
        window.openProject(options.project);
    return QApplication::exec();
}
