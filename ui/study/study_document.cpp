#include "ui/study/study_document.h"

#include "ui/study/study_loader.h"

#include <algorithm>
#include <cmath>

namespace ts::ui {

StudyDocument::StudyDocument(QObject *parent)
    : QObject(parent), m_selection(new Selection(this))
{
}

QStringList StudyDocument::modelNames() const
{
    QStringList names;
    for (const ModelStudy &m : m_models)
        names << m.name();
    return names;
}

const ModelStudy *StudyDocument::current() const
{
    return model(m_current);
}

const ModelStudy *StudyDocument::model(int index) const
{
    return index >= 0 && index < modelCount() ? &m_models[std::size_t(index)] : nullptr;
}

int StudyDocument::indexOf(const QString &modelName) const
{
    for (int i = 0; i < modelCount(); ++i)
        if (m_models[std::size_t(i)].name() == modelName)
            return i;
    return -1;
}

QStringList StudyDocument::sourcePaths() const
{
    QStringList paths;
    for (const ModelStudy &m : m_models)
        if (!paths.contains(m.sourcePath))
            paths << m.sourcePath;
    return paths;
}

void StudyDocument::open(const QString &path)
{
    addModels(StudyLoader::load(path, m_options));
}

void StudyDocument::addModels(std::vector<ModelStudy> models)
{
    if (models.empty())
        return;
    QString firstNew;
    for (ModelStudy &m : models) {
        if (firstNew.isEmpty())
            firstNew = m.name();
        const int existing = indexOf(m.name());
        if (existing >= 0)
            m_models[std::size_t(existing)] = std::move(m);
        else
            m_models.push_back(std::move(m));
    }
    const bool hadCurrent = m_current >= 0;
    if (!hadCurrent)
        m_current = indexOf(firstNew);
    Q_EMIT modelsChanged();
    // Every view refreshes on modelsChanged already; a second signal for a current model that stayed the
    // current one (a live reload replacing it with more cells) would rebuild every view twice in one turn.
    if (!hadCurrent)
        Q_EMIT currentModelChanged();
}

void StudyDocument::clear()
{
    m_models.clear();
    m_current = -1;
    m_selection->clear();
    Q_EMIT modelsChanged();
    Q_EMIT currentModelChanged();
}

void StudyDocument::setCurrentIndex(int index)
{
    if (index < 0 || index >= modelCount() || index == m_current)
        return;
    m_current = index;
    Q_EMIT currentModelChanged();
}

void StudyDocument::setAnalysisOptions(const AnalysisOptions &options)
{
    m_options = options;
    for (ModelStudy &m : m_models)
        m.analysis = analyzeModel(m.analysis.matrix, m_options);
    Q_EMIT analysisChanged();
}

void StudyDocument::setPalette(DivergingPalette palette)
{
    if (palette.kind() == m_palette.kind())
        return;
    m_palette = palette;
    Q_EMIT paletteChanged();
}

double StudyDocument::colourLimit(const QVector<int> &models) const
{
    double limit = 0;
    for (int i = 0; i < modelCount(); ++i) {
        if (!models.isEmpty() && !models.contains(i))
            continue;
        for (double v : m_models[std::size_t(i)].analysis.mean.values())
            if (std::isfinite(v))
                limit = std::max(limit, std::abs(v));
    }
    return limit > 0 ? std::min(limit, 1.0) : 1.0;
}

} // namespace ts::ui
