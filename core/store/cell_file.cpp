#include "store/cell_file.h"

#include "common/input_error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <cstdio>
#include <stdexcept>

namespace ts {

namespace {

QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

void writeEval(const h5::File &file, hid_t evalGroup, const TaskEvaluation &e)
{
    h5::Handle g = h5::createGroup(file, evalGroup, e.task);
    h5::writeAttribute(file, g.get(), QStringLiteral("task"), e.task);
    h5::writeAttribute(file, g.get(), QStringLiteral("split"), e.split);
    h5::writeAttribute(file, g.get(), QStringLiteral("total"), int64_t(e.total()));
    h5::writeAttribute(file, g.get(), QStringLiteral("correct_count"), int64_t(e.correctCount()));
    h5::writeAttribute(file, g.get(), QStringLiteral("accuracy"), e.accuracy());
    h5::writeVector(file, g.get(), QStringLiteral("item"), e.items);
    h5::writeVector(file, g.get(), QStringLiteral("correct"), e.correct);
    h5::writeVector(file, g.get(), QStringLiteral("chosen"), e.chosen);
}

TaskEvaluation readEval(const h5::File &file, hid_t evalGroup, const QString &where, const QString &name)
{
    const QString path = where + QLatin1Char('/') + name;
    h5::Handle g = h5::openGroup(file, evalGroup, name);
    TaskEvaluation e;
    e.task = h5::readStringAttribute(file, g.get(), path, QStringLiteral("task"));
    e.split = h5::readStringAttribute(file, g.get(), path, QStringLiteral("split"));
    e.items = h5::readVector<int32_t>(file, g.get(), path, QStringLiteral("item"));
    e.correct = h5::readVector<uint8_t>(file, g.get(), path, QStringLiteral("correct"));
    e.chosen = h5::readVector<int8_t>(file, g.get(), path, QStringLiteral("chosen"));
    if (e.items.size() != e.correct.size() || e.chosen.size() != e.correct.size())
        throw InputError(file.path(), 0, path, QStringLiteral("item, correct and chosen have different lengths"));
    // The summary attributes are redundant with the per-item data: a mismatch means the file was
    // edited or damaged, and silently trusting either would corrupt the analysis.
    if (h5::readIntAttribute(file, g.get(), path, QStringLiteral("correct_count")) != e.correctCount())
        throw InputError(file.path(), 0, path + QStringLiteral("/@correct_count"),
                         QStringLiteral("does not match the per-item results"));
    return e;
}

void writeCurve(const h5::File &file, hid_t parent, const TrainCurve &c)
{
    h5::Handle g = h5::createGroup(file, parent, QStringLiteral("train"));
    h5::writeVector(file, g.get(), QStringLiteral("step"), c.step);
    h5::writeVector(file, g.get(), QStringLiteral("loss"), c.loss);
    h5::writeVector(file, g.get(), QStringLiteral("lr"), c.learningRate);
    h5::writeVector(file, g.get(), QStringLiteral("samples_per_second"), c.samplesPerSecond);
    h5::writeVector(file, g.get(), QStringLiteral("wall_seconds"), c.wallSeconds);
}

TrainCurve readCurve(const h5::File &file, hid_t parent, const QString &where)
{
    const QString path = where + QStringLiteral("/train");
    h5::Handle g = h5::openGroup(file, parent, QStringLiteral("train"));
    TrainCurve c;
    c.step = h5::readVector<int32_t>(file, g.get(), path, QStringLiteral("step"));
    c.loss = h5::readVector<float>(file, g.get(), path, QStringLiteral("loss"));
    c.learningRate = h5::readVector<float>(file, g.get(), path, QStringLiteral("lr"));
    c.samplesPerSecond = h5::readVector<float>(file, g.get(), path, QStringLiteral("samples_per_second"));
    c.wallSeconds = h5::readVector<double>(file, g.get(), path, QStringLiteral("wall_seconds"));
    const size_t n = c.step.size();
    if (c.loss.size() != n || c.learningRate.size() != n || c.samplesPerSecond.size() != n || c.wallSeconds.size() != n)
        throw InputError(file.path(), 0, path, QStringLiteral("curve columns have different lengths"));
    return c;
}

} // namespace

void writeCellGroup(const h5::File &file, hid_t group, const CellRecord &cell)
{
    using h5::writeAttribute;
    writeAttribute(file, group, QStringLiteral("transferscope_schema"), int64_t(kStoreSchemaVersion));
    writeAttribute(file, group, QStringLiteral("cell_id"), cell.cellId());
    writeAttribute(file, group, QStringLiteral("kind"), cellKindName(cell.kind));
    writeAttribute(file, group, QStringLiteral("model"), cell.model);
    writeAttribute(file, group, QStringLiteral("source"), cell.source);
    writeAttribute(file, group, QStringLiteral("seed"), int64_t(cell.seed));
    writeAttribute(file, group, QStringLiteral("run"), cell.run);
    const Provenance &p = cell.provenance;
    writeAttribute(file, group, QStringLiteral("program_version"), p.programVersion);
    writeAttribute(file, group, QStringLiteral("device"), p.device);
    writeAttribute(file, group, QStringLiteral("model_hash"), p.modelHash);
    writeAttribute(file, group, QStringLiteral("checkpoint_hash"), p.checkpointHash);
    writeAttribute(file, group, QStringLiteral("started"), isoTime(p.started));
    writeAttribute(file, group, QStringLiteral("finished"), isoTime(p.finished));
    writeAttribute(file, group, QStringLiteral("hyperparameters"),
                   QString::fromUtf8(QJsonDocument(p.hyperParameters).toJson(QJsonDocument::Compact)));

    h5::Handle evals = h5::createGroup(file, group, QStringLiteral("eval"));
    for (const TaskEvaluation &e : cell.evals)
        writeEval(file, evals.get(), e);
    if (cell.kind != CellKind::Base)
        writeCurve(file, group, cell.curve);
}

CellRecord readCellGroup(const h5::File &file, hid_t group, const QString &where)
{
    using h5::readStringAttribute;
    const int64_t version = h5::readIntAttribute(file, group, where, QStringLiteral("transferscope_schema"));
    if (version != kStoreSchemaVersion)
        throw InputError(file.path(), 0, where + QStringLiteral("/@transferscope_schema"),
                         QStringLiteral("schema version %1 is not supported (expected %2)").arg(version).arg(kStoreSchemaVersion));
    CellRecord cell;
    const QString kind = readStringAttribute(file, group, where, QStringLiteral("kind"));
    try {
        cell.kind = cellKindFromName(kind);
    } catch (const std::invalid_argument &e) {
        throw InputError(file.path(), 0, where + QStringLiteral("/@kind"), QString::fromStdString(e.what()));
    }
    cell.model = readStringAttribute(file, group, where, QStringLiteral("model"));
    cell.source = readStringAttribute(file, group, where, QStringLiteral("source"));
    cell.seed = int(h5::readIntAttribute(file, group, where, QStringLiteral("seed")));
    cell.run = readStringAttribute(file, group, where, QStringLiteral("run"));
    Provenance &p = cell.provenance;
    p.programVersion = readStringAttribute(file, group, where, QStringLiteral("program_version"));
    p.device = readStringAttribute(file, group, where, QStringLiteral("device"));
    p.modelHash = readStringAttribute(file, group, where, QStringLiteral("model_hash"));
    p.checkpointHash = readStringAttribute(file, group, where, QStringLiteral("checkpoint_hash"));
    p.started = QDateTime::fromString(readStringAttribute(file, group, where, QStringLiteral("started")), Qt::ISODateWithMs);
    p.finished = QDateTime::fromString(readStringAttribute(file, group, where, QStringLiteral("finished")), Qt::ISODateWithMs);
    QJsonParseError parseError;
    const QString hp = readStringAttribute(file, group, where, QStringLiteral("hyperparameters"));
    const QJsonDocument doc = QJsonDocument::fromJson(hp.toUtf8(), &parseError);
    if (!doc.isObject())
        throw InputError(file.path(), 0, where + QStringLiteral("/@hyperparameters"),
                         QStringLiteral("expected a JSON object: %1").arg(parseError.errorString()));
    p.hyperParameters = doc.object();

    h5::Handle evals = h5::openGroup(file, group, QStringLiteral("eval"));
    for (const QString &name : h5::childNames(file, evals.get()))
        cell.evals.push_back(readEval(file, evals.get(), where + QStringLiteral("/eval"), name));
    if (cell.kind != CellKind::Base)
        cell.curve = readCurve(file, group, where);
    return cell;
}

void writeCellFile(const QString &path, const CellRecord &cell)
{
    const QString partial = path + QStringLiteral(".partial");
    QDir().mkpath(QFileInfo(path).absolutePath());
    {
        h5::File file = h5::File::create(partial);
        h5::Handle root(H5Gopen2(file.id(), "/", H5P_DEFAULT));
        writeCellGroup(file, root.get(), cell);
        file.flush();
    } // closed here: HDF5 finishes writing its metadata on close, before the rename publishes it
    // rename(2) replaces atomically on POSIX; QFile::rename refuses to overwrite.
    if (std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(path).constData()) != 0)
        throw InputError(path, 0, {}, QStringLiteral("cannot move the finished cell into place"));
}

CellRecord readCellFile(const QString &path)
{
    h5::File file = h5::File::openReadOnly(path);
    h5::Handle root(H5Gopen2(file.id(), "/", H5P_DEFAULT));
    return readCellGroup(file, root.get(), QString()); // root: error paths read "/eval/…"
}

} // namespace ts
