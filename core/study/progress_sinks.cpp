#include "study/progress_sinks.h"

#include <QJsonDocument>

namespace ts {

TerminalProgressSink::TerminalProgressSink(const StudySpec &spec, const std::vector<PlannedCell> &cells, FILE *stream,
                                           bool interactive, double quietSeconds)
    : m_tracker(spec, cells), m_out(stream), m_interactive(interactive), m_quietSeconds(quietSeconds)
{
}

void TerminalProgressSink::print(const QString &line, bool final)
{
    if (m_interactive) {
        // Pad over the previous, possibly longer, line; a final line ends with a newline.
        m_out << '\r' << line.leftJustified(m_lastWidth) << (final ? "\n" : "");
        m_lastWidth = final ? 0 : int(line.size());
    } else {
        m_out << line << '\n';
    }
    m_out.flush();
}

void TerminalProgressSink::handle(const StudyEvent &constEvent)
{
    StudyEvent event = constEvent;
    m_tracker.observe(event);
    using T = StudyEvent::Type;
    const QString studyLabel = QStringLiteral("%1/%2 cells").arg(m_tracker.cellsDone()).arg(m_tracker.cellCount());
    switch (event.type) {
    case T::StudyStarted:
        print(QStringLiteral("study: %1 cells, %2 already complete").arg(event.cellCount).arg(event.cellsDone), true);
        break;
    case T::Metric:
        m_lastLoss = event.loss;
        break;
    case T::CellProgress: {
        const double now = m_tracker.study().elapsedSeconds();
        if (!m_interactive && now - m_lastPrint < m_quietSeconds)
            break;
        m_lastPrint = now;
        const ProgressMeter *cell = m_tracker.cell();
        const auto cellEta = cell ? cell->etaSeconds() : std::nullopt;
        QString line = QStringLiteral("%1 %2 %3% (ETA %4)")
                           .arg(event.cellId, event.phase)
                           .arg(int(100 * (cell ? cell->fraction() : 0)))
                           .arg(cellEta ? ProgressMeter::formatDuration(*cellEta) : QStringLiteral("--:--"));
        if (event.phase == QLatin1String("train"))
            line += QStringLiteral(" loss %1").arg(m_lastLoss, 0, 'f', 3);
        print(m_tracker.study().line(studyLabel, 20) + QStringLiteral(" | ") + line, false);
        break;
    }
    case T::CellFinished: {
        double mean = 0;
        for (auto it = event.accuracies.begin(); it != event.accuracies.end(); ++it)
            mean += it.value().toDouble();
        if (!event.accuracies.isEmpty())
            mean /= event.accuracies.size();
        print(QStringLiteral("done %1 (mean accuracy %2) %3").arg(event.cellId).arg(mean, 0, 'f', 3).arg(m_tracker.study().line(studyLabel, 20)), true);
        break;
    }
    case T::CellFailed:
        print(QStringLiteral("FAILED %1: %2").arg(event.cellId, event.message), true);
        break;
    case T::CellStopped:
        print(QStringLiteral("stopped %1: %2").arg(event.cellId, event.message), true);
        break;
    case T::StudyFinished:
        print(QStringLiteral("study %1: %2 (%3 elapsed)")
                  .arg(event.outcome, event.message, ProgressMeter::formatDuration(m_tracker.study().elapsedSeconds())),
              true);
        break;
    default:
        break;
    }
}

JsonLinesProgressSink::JsonLinesProgressSink(const StudySpec &spec, const std::vector<PlannedCell> &cells, FILE *stream)
    : m_tracker(spec, cells), m_stream(stream)
{
}

void JsonLinesProgressSink::handle(const StudyEvent &constEvent)
{
    StudyEvent event = constEvent;
    m_tracker.observe(event);
    const QByteArray line = QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, size_t(line.size()), m_stream);
    std::fputc('\n', m_stream);
    std::fflush(m_stream); // a reading process must see each event as it happens
}

QString progressLogPath(const QString &studyDir)
{
    return studyDir + QStringLiteral("/progress.jsonl");
}

} // namespace ts
