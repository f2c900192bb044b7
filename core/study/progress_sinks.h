#pragma once
// The two ways the CLI shows a running study: a progress bar with ETAs on a terminal, and one JSON
// object per event (docs/progress-protocol.md) for the workbench and other programs. Every run also
// writes the JSON lines to the study's progress log, so that a workbench attaching later sees the
// running cells, their curves and the ETA, not only the cells already stored.

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

// <studyDir>/progress.jsonl: the progress protocol of the run in progress (or the last run), rewritten
// from the start by each run or resume.
QString progressLogPath(const QString &studyDir);

// Hands every event to each sink in turn (the terminal or stdout, and the progress log).
class TeeProgressSink : public StudyEventSink {
public:
    explicit TeeProgressSink(std::vector<StudyEventSink *> sinks) : m_sinks(std::move(sinks)) {}
    void handle(const StudyEvent &event) override
    {
        for (StudyEventSink *sink : m_sinks)
            sink->handle(event);
    }

private:
    std::vector<StudyEventSink *> m_sinks;
};

} // namespace ts
