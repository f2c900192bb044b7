#pragma once
// The open study, shared by every panel: its models (one per loaded table or model column), the
// current model, the shared selection, the palette and the analysis options that several panels
// depend on. Panels read from here and react to its signals; they never talk to each other, and
// the main window only wires panels to it.

#include "analysis/model_analysis.h"
#include "ui/study/model_study.h"
#include "ui/study/selection.h"
#include "ui/theme/diverging_palette.h"

#include <QObject>
#include <QStringList>
#include <QVector>
#include <vector>

namespace ts::ui {

class StudyDocument : public QObject {
    Q_OBJECT
public:
    explicit StudyDocument(QObject *parent = nullptr);

    const std::vector<ModelStudy> &models() const { return m_models; }
    int modelCount() const { return int(m_models.size()); }
    QStringList modelNames() const;
    int currentIndex() const { return m_current; }
    // nullptr while nothing is open.
    const ModelStudy *current() const;
    const ModelStudy *model(int index) const;
    int indexOf(const QString &modelName) const;
    QStringList sourcePaths() const;

    // Loads a file (throws like StudyLoader::load); models with a name already open are replaced.
    void open(const QString &path);
    void addModels(std::vector<ModelStudy> models);
    void clear();
    void setCurrentIndex(int index);

    Selection *selection() const { return m_selection; }

    const AnalysisOptions &analysisOptions() const { return m_options; }
    // Re-runs the analysis of every model (personas rule, clique margin, …).
    void setAnalysisOptions(const AnalysisOptions &options);

    const DivergingPalette &palette() const { return m_palette; }
    void setPalette(DivergingPalette palette);
    // Colour limit of a matrix view: max |mean PGF| over the given models (all when empty), capped
    // at 1 — a PGF of 1 closes the whole gap, and a single outlier below −1 (7B has −1.94) must not
    // wash out every other cell; such cells saturate, as the colour bar shows.
    double colourLimit(const QVector<int> &models = {}) const;

Q_SIGNALS:
    // Models were added, replaced or removed (the current one's data may have changed too).
    void modelsChanged();
    // Another model became the current one (also on the first load); not when a reload replaces the current
    // model with newer data, which modelsChanged announces.
    void currentModelChanged();
    void analysisChanged();
    void paletteChanged();

private:
    std::vector<ModelStudy> m_models;
    int m_current = -1;
    Selection *m_selection;
    AnalysisOptions m_options;
    DivergingPalette m_palette;
};

} // namespace ts::ui
