#include "ui/panels/matrix_panel.h"

#include "ui/models/pgf_matrix_model.h"
#include "ui/models/task_ordering.h"
#include "ui/settings/setting_value.h"
#include "ui/study/study_document.h"
#include "ui/widgets/pgf_heatmap_plot.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace ts::ui {

namespace {
SettingValue<bool> showDiagonalSetting(QStringLiteral("matrix/showDiagonal"), true);
SettingValue<bool> showValuesSetting(QStringLiteral("matrix/showValues"), true);
SettingValue<int> orderSetting(QStringLiteral("matrix/order"), int(TaskOrder::Listed));
} // namespace

MatrixPanel::MatrixPanel(StudyDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_model(new PgfMatrixModel(this)),
      m_plot(new PgfHeatmapPlot(this)), m_run(new QComboBox(this)), m_order(new QComboBox(this)),
      m_diagonal(new QCheckBox(tr("Diagonal"), this)), m_values(new QCheckBox(tr("Values"), this))
{
    setObjectName(QStringLiteral("MatrixPanel"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Run:"), this));
    bar->addWidget(m_run);
    bar->addWidget(new QLabel(tr("Order:"), this));
    for (TaskOrder o : {TaskOrder::Listed, TaskOrder::ByPersona, TaskOrder::ByClustering})
        m_order->addItem(taskOrderName(o), int(o));
    bar->addWidget(m_order);
    bar->addWidget(m_diagonal);
    bar->addWidget(m_values);
    bar->addStretch();
    m_run->setToolTip(tr("The mean over runs, or one run's matrix"));
    m_order->setToolTip(tr("Order rows and columns as listed, grouped by persona, or by clustering of the tasks' transfer profiles"));
    m_diagonal->setToolTip(tr("Show the diagonal (a task's effect on itself)"));
    m_values->setToolTip(tr("Write the value in each cell"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_plot, 1);

    m_diagonal->setObjectName(QStringLiteral("matrixDiagonal"));
    m_diagonal->setChecked(showDiagonalSetting.value());
    m_values->setChecked(showValuesSetting.value());
    m_order->setCurrentIndex(std::max(0, m_order->findData(orderSetting.value())));
    m_model->setShowDiagonal(m_diagonal->isChecked());
    m_plot->setShowValues(m_values->isChecked());
    m_plot->setMatrixModel(m_model);

    connect(m_run, qOverload<int>(&QComboBox::activated), this, [this] { m_model->setRun(m_run->currentData().toInt()); });
    connect(m_order, qOverload<int>(&QComboBox::activated), this, [this] {
        orderSetting.setValue(m_order->currentData().toInt());
        refresh();
    });
    connect(m_diagonal, &QCheckBox::toggled, this, [this](bool on) {
        showDiagonalSetting.setValue(on);
        m_model->setShowDiagonal(on);
    });
    connect(m_values, &QCheckBox::toggled, this, [this](bool on) {
        showValuesSetting.setValue(on);
        m_plot->setShowValues(on);
    });
    connect(m_plot, &PgfHeatmapPlot::cellClicked, this, &MatrixPanel::onCellClicked);
    connect(m_plot, &PgfHeatmapPlot::cellDoubleClicked, this, [this](int row, int) {
        Q_EMIT m_document->selection()->taskDetailRequested(m_model->data(m_model->index(row, 0), PgfMatrixModel::SourceTaskRole).toString());
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &MatrixPanel::updateHighlights);
    connect(document, &StudyDocument::currentModelChanged, this, &MatrixPanel::refresh);
    connect(document, &StudyDocument::modelsChanged, this, &MatrixPanel::refresh);
    connect(document, &StudyDocument::analysisChanged, this, &MatrixPanel::refresh);
    connect(document, &StudyDocument::paletteChanged, this, [this] { m_plot->setPalette(m_document->palette()); });
    connect(document->selection(), &Selection::changed, this, &MatrixPanel::updateHighlights);
    refresh();
}

QList<Figure *> MatrixPanel::figures()
{
    if (!m_document->current())
        return {};
    return {m_plot};
}

void MatrixPanel::setRun(int run)
{
    const int i = m_run->findData(run);
    if (i >= 0) {
        m_run->setCurrentIndex(i);
        m_model->setRun(run);
    }
}

void MatrixPanel::setShowDiagonal(bool show)
{
    m_diagonal->setChecked(show);
}

void MatrixPanel::setOrderIndex(int index)
{
    m_order->setCurrentIndex(m_order->findData(index));
    orderSetting.setValue(index);
    refresh();
}

void MatrixPanel::refresh()
{
    const ModelStudy *study = m_document->current();
    const int previousRun = m_run->currentData().isValid() ? m_run->currentData().toInt() : PgfMatrixModel::kMeanOfRuns;
    m_run->clear();
    m_run->addItem(tr("Mean of runs"), PgfMatrixModel::kMeanOfRuns);
    if (!study) {
        m_model->setAnalysis(nullptr);
        m_plot->setTitle(tr("No study open"));
        return;
    }
    const TransferMatrix &m = study->matrix();
    for (int r = 0; r < m.runCount(); ++r)
        m_run->addItem(m.runs().at(r), r);
    const int runIndex = m_run->findData(previousRun);
    m_run->setCurrentIndex(runIndex >= 0 ? runIndex : 0);

    m_model->setAnalysis(&study->analysis, study->sourcePath);
    m_model->setRun(m_run->currentData().toInt());
    m_model->setOrder(orderTasks(study->analysis, TaskOrder(m_order->currentData().toInt())));
    m_plot->setPalette(m_document->palette());
    m_plot->setColourLimit(m_document->colourLimit({m_document->currentIndex()}));
    m_plot->setTitle(tr("PGF matrix — %1").arg(study->name()));
    m_plot->setFileStem(QStringLiteral("pgf-matrix-%1").arg(study->name()));
    updateHighlights();
}

void MatrixPanel::updateHighlights()
{
    const Selection *sel = m_document->selection();
    const ModelStudy *study = m_document->current();
    QVector<QRect> cells;
    if (study) {
        const TransferMatrix &m = study->matrix();
        const int n = m_model->rowCount();
        auto pos = [&](const QString &task) { return m_model->positionOf(m.taskIndex(task)); };
        switch (sel->kind()) {
        case Selection::Kind::Task: {
            const int p = pos(sel->task());
            if (p >= 0)
                cells << QRect(0, p, n, 1) << QRect(p, 0, 1, n);
            break;
        }
        case Selection::Kind::Edge: {
            const int s = pos(sel->edgeSource()), t = pos(sel->edgeTarget());
            if (s >= 0 && t >= 0)
                cells << QRect(t, s, 1, 1);
            break;
        }
        case Selection::Kind::Clique:
            for (const QString &a : sel->clique())
                for (const QString &b : sel->clique())
                    if (a != b && pos(a) >= 0 && pos(b) >= 0)
                        cells << QRect(pos(b), pos(a), 1, 1);
            break;
        case Selection::Kind::None: break;
        }
    }
    m_plot->setHighlights(cells);
}

void MatrixPanel::onCellClicked(int row, int column)
{
    const QString source = m_model->data(m_model->index(row, column), PgfMatrixModel::SourceTaskRole).toString();
    const QString target = m_model->data(m_model->index(row, column), PgfMatrixModel::TargetTaskRole).toString();
    if (source == target)
        m_document->selection()->selectTask(source);
    else
        m_document->selection()->selectEdge(source, target);
}

} // namespace ts::ui
