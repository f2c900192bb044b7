#include "store/study_store.h"

#include "common/input_error.h"
#include "store/cell_file.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

namespace ts {

namespace {

const QString kSpecFile = QStringLiteral("spec.json");
const QString kCellsDir = QStringLiteral("cells");
const QString kCellSuffix = QStringLiteral(".h5");

QJsonObject readSpecFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw InputError(path, 0, {}, QStringLiteral("cannot read the study spec: %1").arg(f.errorString()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (!doc.isObject())
        throw InputError(path, 0, {}, QStringLiteral("expected a JSON object: %1").arg(error.errorString()));
    return doc.object();
}

} // namespace

StudyStore::StudyStore(QString dir) : m_dir(QDir(dir).absolutePath()) {}

bool StudyStore::isStudyFolder(const QString &dir)
{
    return QFileInfo::exists(QDir(dir).filePath(kSpecFile)) && QFileInfo(QDir(dir).filePath(kCellsDir)).isDir();
}

StudyStore StudyStore::create(const QString &dir, const QJsonObject &spec)
{
    StudyStore store(dir);
    const QString specPath = QDir(store.m_dir).filePath(kSpecFile);
    if (QFileInfo::exists(specPath) && readSpecFile(specPath) != spec)
        throw InputError(specPath, 0, {},
                         QStringLiteral("the folder already holds a different study; resume it or choose another folder"));
    if (!QDir().mkpath(QDir(store.m_dir).filePath(kCellsDir)))
        throw InputError(store.m_dir, 0, {}, QStringLiteral("cannot create the study folder"));
    QSaveFile f(specPath);
    if (!f.open(QIODevice::WriteOnly))
        throw InputError(specPath, 0, {}, QStringLiteral("cannot write: %1").arg(f.errorString()));
    f.write(QJsonDocument(spec).toJson(QJsonDocument::Indented));
    if (!f.commit())
        throw InputError(specPath, 0, {}, QStringLiteral("cannot write: %1").arg(f.errorString()));
    return store;
}

QString StudyStore::cellPath(const QString &cellId) const
{
    return QDir(m_dir).filePath(kCellsDir + QLatin1Char('/') + cellId + kCellSuffix);
}

QJsonObject StudyStore::spec() const
{
    return readSpecFile(QDir(m_dir).filePath(kSpecFile));
}

QStringList StudyStore::completedCellIds() const
{
    // "*.h5" excludes "*.h5.partial": a cell in progress is not completed.
    QStringList ids;
    const QDir cells(QDir(m_dir).filePath(kCellsDir));
    for (const QString &name : cells.entryList({QStringLiteral("*") + kCellSuffix}, QDir::Files, QDir::Name))
        ids << name.chopped(kCellSuffix.size());
    return ids;
}

bool StudyStore::hasCell(const QString &cellId) const
{
    return QFileInfo::exists(cellPath(cellId));
}

void StudyStore::writeCell(const CellRecord &cell) const
{
    writeCellFile(cellPath(cell.cellId()), cell);
}

StudyContents StudyStore::load() const
{
    StudyContents out;
    out.spec = spec();
    for (const QString &id : completedCellIds()) {
        const QString path = cellPath(id);
        try {
            out.cells.push_back(readCellFile(path));
        } catch (const InputError &e) {
            out.problems.push_back({path, e.describe()});
        }
    }
    return out;
}

StudyWriterLock::StudyWriterLock(const StudyStore &store)
    : m_lock(std::make_unique<QLockFile>(QDir(store.dir()).filePath(QStringLiteral("writer.lock"))))
{
    m_lock->setStaleLockTime(0); // a lock whose process died (kill -9) is stale at once
    if (!m_lock->tryLock(0)) {
        qint64 pid = 0;
        QString host, app;
        m_lock->getLockInfo(&pid, &host, &app);
        throw InputError(QDir(store.dir()).filePath(QStringLiteral("writer.lock")), 0, {},
                         QStringLiteral("the study is being written by process %1 on %2; one writer at a time")
                             .arg(pid).arg(host));
    }
}

StudyWriterLock::~StudyWriterLock() = default;

std::vector<AccuracyRow> accuracyRows(const StudyContents &study)
{
    std::vector<AccuracyRow> rows;
    for (const CellRecord &cell : study.cells) {
        if (cell.kind == CellKind::Control || cell.kind == CellKind::Mixture)
            continue; // drift control and data-selection mixtures are reported on their own, not as source rows
        for (const TaskEvaluation &e : cell.evals) {
            // The base model is evaluated once and serves every run ("*"), as in the accuracy table format.
            const bool base = cell.kind == CellKind::Base;
            rows.push_back({cell.model, base ? QStringLiteral("*") : cell.run, base ? QStringLiteral("base") : cell.source, e.task,
                            e.correctCount(), e.total()});
        }
    }
    return rows;
}

static QString csvField(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')))
        return s;
    QString q = s;
    q.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

void writeAccuracyCsv(const std::vector<AccuracyRow> &rows, const QString &path)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Text))
        throw InputError(path, 0, {}, QStringLiteral("cannot write: %1").arg(f.errorString()));
    QTextStream out(&f);
    out << "model,run,source,target,correct,total\n";
    for (const AccuracyRow &r : rows) {
        out << csvField(r.model) << ',' << csvField(r.run) << ',' << csvField(r.source) << ',' << csvField(r.target)
            << ',' << r.correct << ',' << r.total << '\n';
    }
    out.flush();
    if (!f.commit())
        throw InputError(path, 0, {}, QStringLiteral("cannot write: %1").arg(f.errorString()));
}

void exportStudyHdf5(const StudyContents &study, const QString &path)
{
    const QString partial = path + QStringLiteral(".partial");
    {
        h5::File file = h5::File::create(partial);
        h5::Handle root(H5Gopen2(file.id(), "/", H5P_DEFAULT));
        h5::writeAttribute(file, root.get(), QStringLiteral("transferscope_schema"), int64_t(kStoreSchemaVersion));
        h5::writeAttribute(file, root.get(), QStringLiteral("spec"),
                           QString::fromUtf8(QJsonDocument(study.spec).toJson(QJsonDocument::Compact)));
        h5::Handle cells = h5::createGroup(file, root.get(), QStringLiteral("cells"));
        for (const CellRecord &cell : study.cells) {
            h5::Handle g = h5::createGroup(file, cells.get(), cell.cellId());
            writeCellGroup(file, g.get(), cell);
        }
        file.flush();
    }
    QFile::remove(path);
    if (!QFile::rename(partial, path))
        throw InputError(path, 0, {}, QStringLiteral("cannot move the export into place"));
}

StudyContents readStudyHdf5(const QString &path)
{
    h5::File file = h5::File::openReadOnly(path);
    h5::Handle root(H5Gopen2(file.id(), "/", H5P_DEFAULT));
    StudyContents out;
    const QString spec = h5::readStringAttribute(file, root.get(), QString(), QStringLiteral("spec"));
    out.spec = QJsonDocument::fromJson(spec.toUtf8()).object();
    h5::Handle cells = h5::openGroup(file, root.get(), QStringLiteral("cells"));
    for (const QString &id : h5::childNames(file, cells.get())) {
        const QString where = QStringLiteral("/cells/") + id;
        try {
            h5::Handle g = h5::openGroup(file, cells.get(), id);
            out.cells.push_back(readCellGroup(file, g.get(), where));
        } catch (const InputError &e) {
            out.problems.push_back({path, e.describe()});
        }
    }
    return out;
}

} // namespace ts
