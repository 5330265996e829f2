#include "app/translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>

namespace cosmos::app {
namespace {

QStringList studioTranslationFolders()
{
    // Compiled-in resources first; then the installed folder beside the
    // executable's prefix (bin/../share/cosmos-studio/translations).
    return {QStringLiteral(":/i18n"),
        QCoreApplication::applicationDirPath() + QStringLiteral("/../share/cosmos-studio/translations")};
}

} // namespace

bool installTranslations(QCoreApplication& app, const QLocale& locale)
{
    // Qt's own strings (standard buttons, file dialogs).
    // A translator that loaded is handed to `app` (Qt parenting owns it);
    // one that did not is freed by its unique_ptr.
    auto qtTranslator = std::make_unique<QTranslator>();
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        qtTranslator->setParent(&app);
        QCoreApplication::installTranslator(qtTranslator.release());
    }

    for (const QString& folder : studioTranslationFolders()) {
        auto translator = std::make_unique<QTranslator>();
        if (translator->load(locale, QStringLiteral("cosmos_studio"), QStringLiteral("_"), folder)) {
            translator->setParent(&app);
            QCoreApplication::installTranslator(translator.release());
            return true;
        }
    }
    return false;
}

QLocale localeForLanguage(const QString& language)
{
    if (language.isEmpty())
        return QLocale::system();
    return QLocale(language);
}

} // namespace cosmos::app
