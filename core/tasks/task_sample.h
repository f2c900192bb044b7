#pragma once
// The value types of the perception suite: a request for a sample and the sample itself.

#include <QImage>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace ts::tasks {

struct SceneDescription;

enum class Split { Train, Val, Test };
QString splitName(Split split);
std::optional<Split> splitFromName(const QString &name);

// An intermediate variable of a task (tasks.md "Learning support"): a class label the answer is
// computed from, e.g. the fill texture of each style panel or the depth bin of each marked point.
// The VLM core supervises it at the answer position with a `classes`-way head.
struct Intermediate {
    QString name;
    int value = 0;
    int classes = 2;
};

struct SampleRequest {
    Split split = Split::Train;
    int64_t index = 0;
    // train: the study's stream seed; val/test: the suite seed (0 unless a study overrides it), so
    // that evaluation sets stay fixed while training streams vary.
    uint64_t seed = 0;
    int level = -1;     // difficulty 0 (easy) .. 3 (BLINK-like); −1 = the task's default
    int imageSize = 64; // square images, pixels
};

struct TaskSample {
    QString task;       // canonical name, e.g. "Visual Similarity" (or a primitive's name)
    QString abbreviation;
    Split split = Split::Train;
    int64_t index = 0;
    uint64_t seed = 0;
    int level = 1;
    std::vector<QImage> images; // Format_RGB888, 1–4 of them
    QString question;
    QStringList options;        // option texts without the "(A)" prefix
    int answer = 0;             // index into options
    std::vector<Intermediate> intermediates;
    // The description it was drawn from, structured (null for imported rows without a "scene").
    std::shared_ptr<const SceneDescription> description;

    // The description as JSON (task, split, index, seed, level, size, facts, images with their items,
    // effects and overlay), built on first use and cached; empty when there is none. Not safe to call
    // for the first time on one sample from two threads at once.
    const QJsonObject &scene() const;
    void setScene(const QJsonObject &scene); // also rebuilds the structured description

    QString answerLetter() const; // "A".."D"
    // The question as BLINK asks it: the question, then "(A) opt\n(B) opt…".
    QString prompt() const;

private:
    mutable std::shared_ptr<const QJsonObject> m_sceneJson;
};

// H×W×3 row-major RGB bytes of image k, for the libtorch layer (which has no Qt).
std::vector<uint8_t> toRgbBytes(const QImage &image);
std::vector<uint8_t> toRgbBytes(const TaskSample &sample, int k);

// A stable 64-bit digest of everything a sample contains (pixels, texts, answer), for determinism
// checks and for provenance records.
uint64_t sampleDigest(const TaskSample &sample);

} // namespace ts::tasks
