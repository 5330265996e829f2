#include "widgets/theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace cosmos::widgets {
namespace {

// What the platform gave the application, captured before the first change.
struct PlatformLook {
    QString styleName;
    QPalette palette;
};

const PlatformLook& platformLook()
{
    static const PlatformLook look {QApplication::style()->name(), QApplication::palette()};
    return look;
}

Theme& appliedTheme()
{
    static Theme theme = Theme::System;
    return theme;
}

void setStyle(const QString& name)
{
    // setStyle resets the palette to the style's own, so compare first: a
    // needless switch repolishes every widget.
    if (QApplication::style()->name().compare(name, Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(name));
}

} // namespace

Theme themeFromString(const QString& name)
{
    if (name == QLatin1String("light"))
        return Theme::Light;
    if (name == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

QString themeToString(Theme theme)
{
    switch (theme) {
    case Theme::Light: return QStringLiteral("light");
    case Theme::Dark: return QStringLiteral("dark");
    case Theme::System: break;
    }
    return QStringLiteral("system");
}

QPalette darkPalette()
{
    const QColor window(45, 45, 48);
    const QColor base(30, 30, 32);
    const QColor text(225, 225, 228);
    const QColor disabledText(125, 125, 130);
    const QColor highlight(42, 130, 218);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(38, 38, 41));
    p.setColor(QPalette::ToolTipBase, QColor(60, 60, 64));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabledText);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(55, 55, 59));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(255, 90, 90));
    p.setColor(QPalette::Light, QColor(75, 75, 80));
    p.setColor(QPalette::Midlight, QColor(62, 62, 66));
    p.setColor(QPalette::Mid, QColor(40, 40, 43));
    p.setColor(QPalette::Dark, QColor(25, 25, 27));
    p.setColor(QPalette::Shadow, QColor(10, 10, 10));
    p.setColor(QPalette::Link, QColor(90, 165, 240));
    p.setColor(QPalette::LinkVisited, QColor(160, 130, 230));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(70, 70, 75));
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, disabledText);
    return p;
}

bool isDarkPalette(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

void applyTheme(Theme theme)
{
    const PlatformLook& platform = platformLook();
    switch (theme) {
    case Theme::System:
        setStyle(platform.styleName);
        QApplication::setPalette(platform.palette);
        break;
    case Theme::Light:
        setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case Theme::Dark:
        setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(darkPalette());
        break;
    }
    appliedTheme() = theme;
}

Theme currentTheme()
{
    return appliedTheme();
}

} // namespace cosmos::widgets
