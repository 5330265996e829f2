// Typed settings, declared where they are used:
//
//   Preference<QByteArray> m_geometry{"mainwindow/geometry"};
//   restoreGeometry(m_geometry.get());
//
// A misspelt key or a wrong type cannot hide behind QVariant at each use.
#pragma once

#include <QSettings>
#include <QString>
#include <QVariant>

namespace cosmos::projects {

template<typename T>
class Preference {
public:
    explicit Preference(QString key, T defaultValue = T()) : m_key(std::move(key)), m_default(std::move(defaultValue))
    {
    }

    T get() const
    {
        const QVariant value = QSettings().value(m_key);
        if (!value.isValid() || !value.canConvert<T>())
            return m_default;
        return value.template value<T>();
    }

    void set(const T& value) const { QSettings().setValue(m_key, QVariant::fromValue(value)); }
    void reset() const { QSettings().remove(m_key); }
    const QString& key() const { return m_key; }

private:
    QString m_key;
    T m_default;
};

} // namespace cosmos::projects
