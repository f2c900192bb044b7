#pragma once
// What a running study reports: plain value types, turned into a terminal bar, JSON lines
// (docs/progress-protocol.md — the workbench reads them) or GUI signals by a sink.

#include <QJsonObject>
#include <QString>

namespace ts {

struct StudyEvent {
    enum class Type {
        StudyStarted,  // cellCount, cellsDone (already complete: a resumed study)
        CellStarted,   // cellId, cellIndex
        CellProgress,  // cellId, phase ("train" | "eval"), done, total
        Metric,        // cellId, step, loss, lr, samplesPerSecond, wallSeconds
        CellFinished,  // cellId, accuracies {task: accuracy}
        CellFailed,    // cellId, message
        CellStopped,   // cellId: stopped by request, checkpoint kept, resumable
        StudyFinished, // outcome ("completed" | "stopped" | "failed"), message
    };

    Type type = Type::StudyStarted;
    QString cellId;
    int cellIndex = -1;
    int cellCount = 0;
    int cellsDone = 0;
    QString phase;
    double done = 0;
    double total = 0;
    long long step = 0;
    double loss = 0;
    double lr = 0;
    double samplesPerSecond = 0;
    double wallSeconds = 0;
    double etaSeconds = -1;      // study ETA when known (sinks fill it from their meter)
    QJsonObject accuracies;
    QString outcome;
    QString message;

    static QString typeName(Type type);
    QJsonObject toJson() const;
};

class StudyEventSink {
public:
    virtual ~StudyEventSink() = default;
    virtual void handle(const StudyEvent &event) = 0;
};

} // namespace ts
