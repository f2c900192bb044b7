#pragma once
// A colour per cell that depends only on the cell's id: the same run has the same colour in every
// plot, after a restart and on another machine (users complain when colours shift, anchors.md A.3).

#include <QColor>
#include <QString>
#include <cmath>

namespace ts::ui {

inline QColor stableRunColour(const QString &id)
{
    // FNV-1a over the UTF-16 code units: fixed, unlike qHash's per-process seed.
    quint32 h = 2166136261u;
    for (const QChar c : id) {
        h ^= c.unicode();
        h *= 16777619u;
    }
    // Golden-ratio hue steps spread neighbouring hashes; saturation/value kept readable on white.
    const double hue = std::fmod(double(h % 997) * 0.618033988749895, 1.0);
    return QColor::fromHsvF(float(hue), 0.75f, 0.80f);
}

} // namespace ts::ui
