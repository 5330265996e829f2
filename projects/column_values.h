// Column values: JSON objects stored as compact text, and text that is
// never NULL (a null QString would bind as NULL).
#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace cosmos::projects {

inline QString jsonText(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

inline QString nonNull(const QString& text)
{
    return text.isNull() ? QString(QLatin1String("")) : text;
}

inline QJsonObject jsonObject(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace cosmos::projects
