#pragma once
// One colour per persona (Okabe–Ito, distinguishable with every common colour-vision deficiency),
// used by the scatter plots, the evidence table and the graph's node fills.

#include "analysis/personas.h"

#include <QColor>

namespace ts::ui {

inline QColor personaColour(Persona persona)
{
    switch (persona) {
    case Persona::Donor: return QColor(0x009e73);
    case Persona::Pirate: return QColor(0xd55e00);
    case Persona::Sponge: return QColor(0x0072b2);
    case Persona::Sieve: return QColor(0xcc79a7);
    }
    return QColor(0x999999);
}

} // namespace ts::ui
