#include "ui/models/pgf_matrix_model.h"

#include <QLocale>
#include <cmath>
#include <limits>
#include <numeric>

namespace ts::ui {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QString formatNumber(double v, int decimals = 2)
{
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("—");
}
} // namespace

PgfMatrixModel::PgfMatrixModel(QObject *parent) : QAbstractTableModel(parent) {}

void PgfMatrixModel::setAnalysis(const ModelAnalysis *analysis, const QString &provenance)
{
    beginResetModel();
    m_analysis = analysis;
    m_provenance = provenance;
    const int n = analysis ? analysis->matrix.taskCount() : 0;
    if (int(m_order.size()) != n) {
        m_order.resize(std::size_t(n));
        std::iota(m_order.begin(), m_order.end(), 0);
    }
    if (analysis && m_run >= analysis->matrix.runCount())
        m_run = kMeanOfRuns;
    endResetModel();
}

void PgfMatrixModel::setRun(int run)
{
    if (run == m_run)
        return;
    beginResetModel();
    m_run = run;
    endResetModel();
}

void PgfMatrixModel::setShowDiagonal(bool show)
{
    if (show == m_showDiagonal)
        return;
    beginResetModel();
    m_showDiagonal = show;
    endResetModel();
}

void PgfMatrixModel::setOrder(std::vector<int> order)
{
    beginResetModel();
    m_order = std::move(order);
    endResetModel();
}

int PgfMatrixModel::taskAt(int position) const
{
    return position >= 0 && position < int(m_order.size()) ? m_order[std::size_t(position)] : -1;
}

int PgfMatrixModel::positionOf(int task) const
{
    for (std::size_t i = 0; i < m_order.size(); ++i)
        if (m_order[i] == task)
            return int(i);
    return -1;
}

double PgfMatrixModel::value(int row, int column) const
{
    if (!m_analysis)
        return kNaN;
    const int s = taskAt(row), t = taskAt(column);
    if (s < 0 || t < 0 || (s == t && !m_showDiagonal))
        return kNaN;
    return m_run == kMeanOfRuns ? m_analysis->mean.at(s, t) : m_analysis->matrix.value(m_run, s, t);
}

int PgfMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
}

int PgfMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
}

QVariant PgfMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!m_analysis || !index.isValid())
        return {};
    const int s = taskAt(index.row()), t = taskAt(index.column());
    switch (role) {
    case Qt::DisplayRole: return formatNumber(value(index.row(), index.column()));
    case ValueRole: return value(index.row(), index.column());
    case SpreadRole: return m_run == kMeanOfRuns ? m_analysis->spread.at(s, t) : kNaN;
    case PValueRole: return m_analysis->pValues.at(s, t);
    case SourceTaskRole: return m_analysis->matrix.tasks().at(s);
    case TargetTaskRole: return m_analysis->matrix.tasks().at(t);
    case Qt::ToolTipRole: return cellToolTip(index.row(), index.column());
    case Qt::TextAlignmentRole: return int(Qt::AlignCenter);
    default: break;
    }
    return {};
}

QVariant PgfMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    Q_UNUSED(orientation);
    if (!m_analysis)
        return {};
    const int task = taskAt(section);
    if (task < 0)
        return {};
    if (role == Qt::DisplayRole)
        return m_analysis->matrix.abbreviations().at(task);
    if (role == Qt::ToolTipRole)
        return m_analysis->matrix.tasks().at(task);
    return {};
}

SquareMatrix PgfMatrixModel::shownMatrix() const
{
    SquareMatrix out(int(m_order.size()));
    for (int r = 0; r < out.size(); ++r)
        for (int c = 0; c < out.size(); ++c)
            out.at(r, c) = value(r, c);
    return out;
}

QStringList PgfMatrixModel::shownLabels() const
{
    QStringList labels;
    for (int task : m_order)
        labels << m_analysis->matrix.abbreviations().at(task);
    return labels;
}

QStringList PgfMatrixModel::shownTaskNames() const
{
    QStringList names;
    for (int task : m_order)
        names << m_analysis->matrix.tasks().at(task);
    return names;
}

QString PgfMatrixModel::cellToolTip(int row, int column) const
{
    if (!m_analysis)
        return {};
    const int s = taskAt(row), t = taskAt(column);
    if (s < 0 || t < 0)
        return {};
    const TransferMatrix &m = m_analysis->matrix;
    const double v = value(row, column);
    QString text = tr("<b>%1 → %2</b><br>").arg(m.tasks().at(s).toHtmlEscaped(), m.tasks().at(t).toHtmlEscaped());
    if (s == t && !m_showDiagonal) {
        text += tr("diagonal (self-transfer) hidden");
    } else if (m_run == kMeanOfRuns) {
        const std::vector<double> runs = m.cellRuns(s, t);
        const double sd = m_analysis->spread.at(s, t);
        text += tr("mean PGF <b>%1</b> over %n run(s)", nullptr, int(runs.size())).arg(formatNumber(v, 3));
        if (std::isfinite(sd) && runs.size() >= 2) {
            // 95 % t interval of the mean: the run count is small, so the normal 1.96 would be too narrow.
            static const double t975[] = {0, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262};
            const std::size_t df = runs.size() - 1;
            const double q = df < std::size(t975) ? t975[df] : 1.96;
            const double half = q * sd / std::sqrt(double(runs.size()));
            text += tr("<br>std %1 · 95% CI [%2, %3]").arg(formatNumber(sd, 3), formatNumber(v - half, 3),
                                                          formatNumber(v + half, 3));
            text += tr("<br>t-test p = %1").arg(formatNumber(m_analysis->pValues.at(s, t), 3));
        }
        QStringList perRun;
        for (int r = 0; r < m.runCount(); ++r)
            perRun << QStringLiteral("%1 %2").arg(m.runs().at(r), formatNumber(m.value(r, s, t), 3));
        text += tr("<br>runs: %1").arg(perRun.join(QStringLiteral(", ")).toHtmlEscaped());
    } else {
        text += tr("PGF <b>%1</b> in run %2").arg(formatNumber(v, 3), m.runs().at(m_run).toHtmlEscaped());
    }
    text += tr("<br><i>model %1").arg(m.model().toHtmlEscaped());
    if (!m_provenance.isEmpty())
        text += tr(" · from %1").arg(m_provenance.toHtmlEscaped());
    text += QStringLiteral("</i>");
    return text;
}

} // namespace ts::ui
