#include "ui/run/progress_line_parser.h"

#include <QJsonDocument>

namespace ts::ui {

namespace {

std::optional<StudyEvent::Type> typeFromName(const QString &name)
{
    using T = StudyEvent::Type;
    for (T t : {T::StudyStarted, T::CellStarted, T::CellProgress, T::Metric, T::CellFinished, T::CellFailed,
                T::CellStopped, T::StudyFinished}) {
        if (StudyEvent::typeName(t) == name)
            return t;
    }
    return std::nullopt;
}

} // namespace

std::optional<StudyEvent> studyEventFromJson(const QJsonObject &json)
{
    const auto type = typeFromName(json.value(QStringLiteral("event")).toString());
    if (!type)
        return std::nullopt;
    StudyEvent e;
    e.type = *type;
    e.cellId = json.value(QStringLiteral("cell")).toString();
    e.cellIndex = json.value(QStringLiteral("index")).toInt(-1);
    e.cellCount = json.value(QStringLiteral("cells")).toInt();
    e.cellsDone = json.value(QStringLiteral("cells_done")).toInt();
    e.phase = json.value(QStringLiteral("phase")).toString();
    e.done = json.value(QStringLiteral("done")).toDouble();
    e.total = json.value(QStringLiteral("total")).toDouble();
    e.step = json.value(QStringLiteral("step")).toVariant().toLongLong();
    e.loss = json.value(QStringLiteral("loss")).toDouble(qQNaN());
    e.lr = json.value(QStringLiteral("lr")).toDouble(qQNaN());
    e.samplesPerSecond = json.value(QStringLiteral("samples_per_second")).toDouble(qQNaN());
    e.wallSeconds = json.value(QStringLiteral("wall_seconds")).toDouble();
    e.etaSeconds = json.value(QStringLiteral("eta_seconds")).toDouble(-1);
    e.accuracies = json.value(QStringLiteral("accuracies")).toObject();
    e.outcome = json.value(QStringLiteral("outcome")).toString();
    e.message = json.value(QStringLiteral("message")).toString();
    return e;
}

ProgressLineParser::Result ProgressLineParser::feed(const QByteArray &bytes)
{
    Result out;
    m_pending += bytes;
    qsizetype start = 0;
    for (qsizetype nl = m_pending.indexOf('\n'); nl >= 0; nl = m_pending.indexOf('\n', start)) {
        const QByteArray line = m_pending.mid(start, nl - start).trimmed();
        start = nl + 1;
        if (line.isEmpty())
            continue;
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        std::optional<StudyEvent> event;
        if (error.error == QJsonParseError::NoError && doc.isObject())
            event = studyEventFromJson(doc.object());
        if (event)
            out.events.push_back(std::move(*event));
        else
            out.otherLines << QString::fromUtf8(line);
    }
    m_pending.remove(0, start);
    return out;
}

} // namespace ts::ui
