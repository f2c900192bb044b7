#include "study/known_presets.h"

#include "model/vlm_presets.h"

namespace ts {

QStringList knownModelPresets()
{
    QStringList out;
    for (const std::string &name : presetNames())
        out << QString::fromStdString(name);
    return out;
}

} // namespace ts
