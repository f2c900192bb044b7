#pragma once
// The colour scale of every PGF view: diverging, centred at 0 (negative blue, positive red by
// default, like the CLI figures), the same in the heat map, the
// graph's edges, the bar charts and the exported figures. Red–Blue is the default (ColorBrewer
// RdBu); Purple–Orange (ColorBrewer PuOr) is the colour-blind-safe choice that the "colour-blind
// safe" switches select, because it stays distinct under deuteranopia, protanopia and tritanopia.

#include <QColor>
#include <QString>
#include <QVector>
#include <utility>

namespace ts::ui {

class DivergingPalette {
public:
    enum class Kind { RedBlue, PurpleOrange, RedGreen };

    explicit DivergingPalette(Kind kind = Kind::RedBlue) : m_kind(kind) {}
    static DivergingPalette colourBlindSafe() { return DivergingPalette(Kind::PurpleOrange); }
    static QVector<Kind> kinds() { return {Kind::RedBlue, Kind::PurpleOrange, Kind::RedGreen}; }
    static QString displayName(Kind kind);

    Kind kind() const { return m_kind; }
    bool isColourBlindSafe() const { return m_kind == Kind::PurpleOrange; }

    // Colour for a value in [-limit, +limit]; values beyond are clamped. 0 is the neutral centre.
    QColor colour(double value, double limit) const;
    QColor negative() const { return colour(-1.0, 1.0); }
    QColor positive() const { return colour(1.0, 1.0); }
    // Stops from -1 (first) to +1 (last), for building a QCPColorGradient.
    QVector<std::pair<double, QColor>> stops() const;
    // Black or white, whichever reads better on the given cell colour.
    static QColor textOn(const QColor &background);

private:
    Kind m_kind;
};

} // namespace ts::ui
