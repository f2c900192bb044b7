#pragma once
// QPainter text needs Qt's font database, which exists only under a QGuiApplication; without one
// Qt aborts the process. Figure code checks first and throws instead, so a caller that forgot the
// application object gets an error message rather than a crash.

namespace ts {

// Throws std::runtime_error naming the fix when no QGuiApplication exists.
void requireFontSupport();

} // namespace ts
