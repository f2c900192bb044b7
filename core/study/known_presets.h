#pragma once
// The model presets this build offers, as a study spec names them (the VLM core's preset list).

#include <QStringList>

namespace ts {

QStringList knownModelPresets();

} // namespace ts
