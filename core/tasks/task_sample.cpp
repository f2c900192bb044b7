#include "tasks/task_sample.h"
#include "tasks/rng.h"
#include "tasks/scene.h"

#include <QJsonDocument>

namespace ts::tasks {

QString splitName(Split split)
{
    switch (split) {
    case Split::Train: return QStringLiteral("train");
    case Split::Val: return QStringLiteral("val");
    case Split::Test: return QStringLiteral("test");
    }
    return {};
}

std::optional<Split> splitFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("train"))
        return Split::Train;
    if (n == QLatin1String("val") || n == QLatin1String("validation"))
        return Split::Val;
    if (n == QLatin1String("test"))
        return Split::Test;
    return std::nullopt;
}

QString TaskSample::answerLetter() const { return letter(answer); }

const QJsonObject &TaskSample::scene() const
{
    if (!m_sceneJson)
        m_sceneJson = std::make_shared<const QJsonObject>(description ? description->toJson() : QJsonObject());
    return *m_sceneJson;
}

void TaskSample::setScene(const QJsonObject &json)
{
    m_sceneJson = std::make_shared<const QJsonObject>(json);
    description = json.isEmpty() ? nullptr : std::make_shared<const SceneDescription>(SceneDescription::fromJson(json));
}

QString TaskSample::prompt() const
{
    QString out = question;
    for (int i = 0; i < options.size(); ++i)
        out += QStringLiteral("\n(%1) %2").arg(letter(i), options[i]);
    return out;
}

std::vector<uint8_t> toRgbBytes(const QImage &image)
{
    const QImage rgb = image.format() == QImage::Format_RGB888 ? image : image.convertToFormat(QImage::Format_RGB888);
    const int w = rgb.width(), h = rgb.height();
    std::vector<uint8_t> out(size_t(w) * size_t(h) * 3);
    for (int y = 0; y < h; ++y)
        std::copy_n(rgb.constScanLine(y), size_t(w) * 3, out.begin() + ptrdiff_t(size_t(y) * size_t(w) * 3));
    return out;
}

std::vector<uint8_t> toRgbBytes(const TaskSample &sample, int k) { return toRgbBytes(sample.images.at(size_t(k))); }

uint64_t sampleDigest(const TaskSample &s)
{
    uint64_t h = hashString(s.task + QLatin1Char('|') + s.prompt());
    h = hashCombine(h, uint64_t(s.answer));
    for (const QImage &img : s.images) {
        const std::vector<uint8_t> bytes = toRgbBytes(img);
        uint64_t f = 1469598103934665603ULL;
        for (uint8_t b : bytes) {
            f ^= b;
            f *= 1099511628211ULL;
        }
        h = hashCombine(h, f);
        h = hashCombine(h, uint64_t(img.width()));
    }
    h = hashCombine(h, hashString(QString::fromUtf8(QJsonDocument(s.scene()).toJson(QJsonDocument::Compact))));
    return h;
}

} // namespace ts::tasks
