#pragma once
// The two ways the CLI shows a running study: a progress bar with ETAs on a terminal, and one JSON
// object per event (docs/progress-protocol.md) for the workbench and other programs.

#include "study/study_progress_tracker.h"

#include <QTextStream>
#include <cstdio>

namespace ts {

class TerminalProgressSink : public StudyEventSink {
public:
    // `interactive`: redraw one line in place (a TTY); otherwise print a line per cell and every
    // `quietSeconds` at most, so logs stay short.
    TerminalProgressSink(const StudySpec &spec, const std::vector<PlannedCell> &cells, FILE *stream, bool interactive,
                         double quietSeconds = 10.0);
    void handle(const StudyEvent &event) override;

private:
    void print(const QString &line, bool final);

    StudyProgressTracker m_tracker;
    QTextStream m_out;
    bool m_interactive;
    double m_quietSeconds;
    double m_lastPrint = -1e9;
    double m_lastLoss = 0;
    int m_lastWidth = 0;
};

class JsonLinesProgressSink : public StudyEventSink {
public:
    JsonLinesProgressSink(const StudySpec &spec, const std::vector<PlannedCell> &cells, FILE *stream);
    void handle(const StudyEvent &event) override;

private:
    StudyProgressTracker m_tracker;
    FILE *m_stream;
};

} // namespace ts
