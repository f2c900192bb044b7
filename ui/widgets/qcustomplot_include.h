#pragma once
// The one place that includes qcustomplot.h. The UI is compiled with QT_NO_KEYWORDS (the core
// libraries export it, because libtorch uses `slots` as an identifier), but Debian's
// qcustomplot.h declares its signals with the bare `signals:` keyword. Map it to Q_SIGNALS for
// this header only, and undo it afterwards so no other code can start relying on the keyword.
// It also iterates with the bare `foreach` keyword in inline code, mapped to Q_FOREACH likewise.
// Include this file, never <qcustomplot.h> directly; it costs ~4.5 s per translation unit, so
// only the plot widgets include it.

#include <QtGlobal>

#ifdef signals
#  define TRANSFERSCOPE_HAD_SIGNALS_KEYWORD
#else
#  define signals Q_SIGNALS
#endif
#ifdef foreach
#  define TRANSFERSCOPE_HAD_FOREACH_KEYWORD
#else
#  define foreach Q_FOREACH
#endif
#include <qcustomplot.h>
#ifndef TRANSFERSCOPE_HAD_SIGNALS_KEYWORD
#  undef signals
#endif
#ifndef TRANSFERSCOPE_HAD_FOREACH_KEYWORD
#  undef foreach
#endif
#undef TRANSFERSCOPE_HAD_SIGNALS_KEYWORD
#undef TRANSFERSCOPE_HAD_FOREACH_KEYWORD
