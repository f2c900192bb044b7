#pragma once
// A typed setting declared beside the feature that uses it (the Tiled/qBittorrent idiom), so no
// panel spreads string keys and QVariant conversions around. QSettings underneath; the
// organisation/application names set in main() decide where it is stored.

#include <QSettings>
#include <QString>
#include <QVariant>

namespace ts::ui {

template <typename T>
class SettingValue {
public:
    SettingValue(QString key, T defaultValue)
        : m_key(std::move(key)), m_default(std::move(defaultValue)) {}

    T value() const
    {
        const QVariant v = QSettings().value(m_key);
        if (!v.isValid() || !v.canConvert<T>())
            return m_default;
        return v.value<T>();
    }
    void setValue(const T &v) const { QSettings().setValue(m_key, QVariant::fromValue(v)); }
    void reset() const { QSettings().remove(m_key); }
    const QString &key() const { return m_key; }
    const T &defaultValue() const { return m_default; }

private:
    QString m_key;
    T m_default;
};

} // namespace ts::ui
