// The studio's colour theme. Qt 6.4 has no colour-scheme API, so "system"
// keeps the style and palette the platform gave the application; "light"
// and "dark" use Fusion, which draws every widget from the palette and so
// looks the same on every desktop.
#pragma once

#include <QPalette>
#include <QString>

namespace cosmos::widgets {

enum class Theme { System, Light, Dark };

// "system", "light", "dark"; anything else reads as System.
Theme themeFromString(const QString& name);
QString themeToString(Theme theme);

// Applies the theme to the whole application at once. The platform's style
// and palette are remembered on the first call, so System can restore them.
void applyTheme(Theme theme);

// The theme applied last (System before any call).
Theme currentTheme();

QPalette darkPalette();

// True when the window colour is darker than the text colour.
bool isDarkPalette(const QPalette& palette);

} // namespace cosmos::widgets
