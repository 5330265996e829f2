#include "widgets/log_view.h"

#include <QFontDatabase>

namespace cosmos::widgets {

LogView::LogView(QWidget* parent) : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setMaximumBlockCount(kMaxLines);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
}

void LogView::appendLine(const QString& level, const QString& text)
{
    QString colour;
    if (level == QLatin1String("error") || level == QLatin1String("critical"))
        colour = QStringLiteral("#d04040");
    else if (level == QLatin1String("warning"))
        colour = QStringLiteral("#c08000");
    if (colour.isEmpty())
        appendPlainText(text);
    else
        appendHtml(QStringLiteral("<span style=\"color:%1\">%2</span>").arg(colour, text.toHtmlEscaped()));
}

} // namespace cosmos::widgets
