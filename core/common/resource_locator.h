#pragma once
// Where Transferscope's shipped files (specs, tokenizer, base models, sample data) are found:
//   1. $TRANSFERSCOPE_RESOURCES, when set;
//   2. <prefix>/share/transferscope next to an installed executable (bin/../share/transferscope);
//   3. the source tree's resources/ folder (a build that was not installed).

#include <QString>

namespace ts {

// Absolute path of `relative` inside the resource folder; throws ts::InputError naming the places
// searched when it is in none of them.
QString resourcePath(const QString &relative);
// The folder itself (first existing candidate), or an empty string.
QString resourceRoot();

} // namespace ts
