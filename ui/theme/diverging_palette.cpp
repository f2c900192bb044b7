#include "ui/theme/diverging_palette.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace ts::ui {

namespace {

// Seven-class ColorBrewer schemes, from the negative end to the positive end.
const QVector<QColor> &schemeColours(DivergingPalette::Kind kind)
{
    // Blue for harm and red for help, as in the core's heat map and graph figures (CLI output).
    static const QVector<QColor> redBlue = {QColor(0x2166ac), QColor(0x67a9cf), QColor(0xd1e5f0),
                                            QColor(0xf7f7f7), QColor(0xfddbc7), QColor(0xef8a62),
                                            QColor(0xb2182b)};
    static const QVector<QColor> purpleOrange = {QColor(0x542788), QColor(0x998ec3), QColor(0xd8daeb),
                                                 QColor(0xf7f7f7), QColor(0xfee0b6), QColor(0xf1a340),
                                                 QColor(0xb35806)};
    static const QVector<QColor> redGreen = {QColor(0xd73027), QColor(0xfc8d59), QColor(0xfee08b),
                                             QColor(0xffffbf), QColor(0xd9ef8b), QColor(0x91cf60),
                                             QColor(0x1a9850)};
    switch (kind) {
    case DivergingPalette::Kind::PurpleOrange: return purpleOrange;
    case DivergingPalette::Kind::RedGreen: return redGreen;
    case DivergingPalette::Kind::RedBlue: break;
    }
    return redBlue;
}

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

} // namespace

QString DivergingPalette::displayName(Kind kind)
{
    switch (kind) {
    case Kind::PurpleOrange: return QCoreApplication::translate("DivergingPalette", "Purple–Orange (colour-blind safe)");
    case Kind::RedGreen: return QCoreApplication::translate("DivergingPalette", "Red–Green");
    case Kind::RedBlue: break;
    }
    return QCoreApplication::translate("DivergingPalette", "Red–Blue");
}

QColor DivergingPalette::colour(double value, double limit) const
{
    const QVector<QColor> &c = schemeColours(m_kind);
    if (!std::isfinite(value))
        return QColor(0xbdbdbd);
    const double t = limit > 0 ? std::clamp(value / limit, -1.0, 1.0) : 0.0;
    const double pos = (t + 1.0) / 2.0 * (c.size() - 1);
    const int i = std::min(int(pos), int(c.size()) - 2);
    return mix(c[i], c[i + 1], pos - i);
}

QVector<std::pair<double, QColor>> DivergingPalette::stops() const
{
    const QVector<QColor> &c = schemeColours(m_kind);
    QVector<std::pair<double, QColor>> out;
    for (int i = 0; i < c.size(); ++i)
        out.append({-1.0 + 2.0 * i / (c.size() - 1), c[i]});
    return out;
}

QColor DivergingPalette::textOn(const QColor &background)
{
    // Relative luminance (sRGB approximation) is enough to pick black or white text.
    const double l = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return l > 0.5 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace ts::ui
