#pragma once
// Reads the progress protocol (docs/progress-protocol.md) from a byte stream that arrives in
// arbitrary pieces: complete lines become StudyEvents, a partial line waits for its rest, and a
// line that is not a protocol object (a warning the CLI printed) is handed back as text.

#include "study/study_events.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>
#include <optional>
#include <vector>

namespace ts::ui {

// nullopt for an object without a known `event`.
std::optional<StudyEvent> studyEventFromJson(const QJsonObject &json);

class ProgressLineParser {
public:
    struct Result {
        std::vector<StudyEvent> events;
        QStringList otherLines;
    };
    Result feed(const QByteArray &bytes);

private:
    QByteArray m_pending;
};

} // namespace ts::ui
