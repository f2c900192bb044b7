#include "study/study_events.h"

namespace ts {

QString StudyEvent::typeName(Type type)
{
    switch (type) {
    case Type::StudyStarted: return QStringLiteral("study_started");
    case Type::CellStarted: return QStringLiteral("cell_started");
    case Type::CellProgress: return QStringLiteral("cell_progress");
    case Type::Metric: return QStringLiteral("metric");
    case Type::CellFinished: return QStringLiteral("cell_finished");
    case Type::CellFailed: return QStringLiteral("cell_failed");
    case Type::CellStopped: return QStringLiteral("cell_stopped");
    case Type::StudyFinished: return QStringLiteral("study_finished");
    }
    return {};
}

// Only the fields that mean something for each type, so the protocol stays readable.
QJsonObject StudyEvent::toJson() const
{
    QJsonObject o{{QStringLiteral("event"), typeName(type)}};
    switch (type) {
    case Type::StudyStarted:
        o.insert(QStringLiteral("cells"), cellCount);
        o.insert(QStringLiteral("cells_done"), cellsDone);
        break;
    case Type::CellStarted:
        o.insert(QStringLiteral("cell"), cellId);
        o.insert(QStringLiteral("index"), cellIndex);
        o.insert(QStringLiteral("cells"), cellCount);
        break;
    case Type::CellProgress:
        o.insert(QStringLiteral("cell"), cellId);
        o.insert(QStringLiteral("phase"), phase);
        o.insert(QStringLiteral("done"), done);
        o.insert(QStringLiteral("total"), total);
        break;
    case Type::Metric:
        o.insert(QStringLiteral("cell"), cellId);
        o.insert(QStringLiteral("step"), step);
        o.insert(QStringLiteral("loss"), loss);
        o.insert(QStringLiteral("lr"), lr);
        o.insert(QStringLiteral("samples_per_second"), samplesPerSecond);
        o.insert(QStringLiteral("wall_seconds"), wallSeconds);
        break;
    case Type::CellFinished:
        o.insert(QStringLiteral("cell"), cellId);
        o.insert(QStringLiteral("accuracies"), accuracies);
        break;
    case Type::CellFailed:
    case Type::CellStopped:
        o.insert(QStringLiteral("cell"), cellId);
        o.insert(QStringLiteral("message"), message);
        break;
    case Type::StudyFinished:
        o.insert(QStringLiteral("outcome"), outcome);
        o.insert(QStringLiteral("message"), message);
        break;
    }
    if (etaSeconds >= 0)
        o.insert(QStringLiteral("eta_seconds"), etaSeconds);
    return o;
}

} // namespace ts
