// Loads the studio's translation (and Qt's own) for a locale. Translations
// come from the resources compiled into the app, or from the installed
// share/cosmos-studio/translations folder.
#pragma once

#include <QLocale>

class QCoreApplication;

namespace cosmos::app {

// Installs translators on `app` for `locale`; returns true when the studio's
// own translation for that language was found. English needs none.
bool installTranslations(QCoreApplication& app, const QLocale& locale);

// The locale for a `--lang` value ("ko", "ko_KR", "en"); the system locale
// when the value is empty.
QLocale localeForLanguage(const QString& language);

} // namespace cosmos::app
