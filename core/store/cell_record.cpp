#include "store/cell_record.h"

#include <QRegularExpression>
#include <cmath>
#include <stdexcept>

namespace ts {

QString cellKindName(CellKind kind)
{
    switch (kind) {
    case CellKind::Base: return QStringLiteral("base");
    case CellKind::Finetune: return QStringLiteral("finetune");
    case CellKind::Control: return QStringLiteral("control");
    case CellKind::Mixture: return QStringLiteral("mixture");
    }
    return {};
}

CellKind cellKindFromName(const QString &name)
{
    for (CellKind k : {CellKind::Base, CellKind::Finetune, CellKind::Control, CellKind::Mixture}) {
        if (cellKindName(k) == name)
            return k;
    }
    throw std::invalid_argument("unknown cell kind '" + name.toStdString() + "' (expected base, finetune, control or mixture)");
}

int TaskEvaluation::correctCount() const
{
    int n = 0;
    for (uint8_t c : correct)
        n += c ? 1 : 0;
    return n;
}

double TaskEvaluation::accuracy() const
{
    return correct.empty() ? std::nan("") : double(correctCount()) / double(correct.size());
}

// File-name safe: model names may be paths or contain dots and slashes.
static QString slug(const QString &s)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]+"));
    QString out = s;
    out.replace(unsafe, QStringLiteral("-"));
    return out.isEmpty() ? QStringLiteral("-") : out;
}

QString cellIdFor(CellKind kind, const QString &model, const QString &source, int seed)
{
    return QStringLiteral("%1__%2__%3__seed%4")
        .arg(cellKindName(kind), slug(model), slug(kind == CellKind::Finetune || kind == CellKind::Mixture ? source : QStringLiteral("-")))
        .arg(seed);
}

const TaskEvaluation *CellRecord::evalFor(const QString &task) const
{
    for (const auto &e : evals) {
        if (e.task == task)
            return &e;
    }
    return nullptr;
}

} // namespace ts
