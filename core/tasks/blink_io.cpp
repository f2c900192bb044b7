#include "tasks/blink_io.h"
#include "common/task_catalog.h"
#include "tasks/scene.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <map>

namespace ts::tasks {

QString blinkFolderName(const TaskSpec &spec) { return QString(spec.name).replace(QLatin1Char(' '), QLatin1Char('_')); }

static QJsonObject rowFor(const TaskSample &s, const QStringList &imagePaths, bool withScene)
{
    QJsonObject row{
        {QStringLiteral("idx"), QStringLiteral("%1_%2_%3").arg(s.abbreviation, splitName(s.split)).arg(s.index)},
        {QStringLiteral("task"), s.task},
        {QStringLiteral("split"), splitName(s.split)},
        {QStringLiteral("index"), double(s.index)},
        {QStringLiteral("question"), s.question},
        {QStringLiteral("options"), QJsonArray::fromStringList(s.options)},
        {QStringLiteral("answer"), QStringLiteral("(%1)").arg(s.answerLetter())},
        {QStringLiteral("images"), QJsonArray::fromStringList(imagePaths)},
        {QStringLiteral("level"), s.level},
        {QStringLiteral("seed"), QString::number(s.seed)},
    };
    if (withScene && !s.scene().isEmpty()) {
        row[QStringLiteral("scene")] = s.scene();
        QJsonArray inter;
        for (const Intermediate &i : s.intermediates)
            inter.append(QJsonObject{{QStringLiteral("name"), i.name}, {QStringLiteral("value"), i.value}, {QStringLiteral("classes"), i.classes}});
        row[QStringLiteral("intermediates")] = inter;
    }
    return row;
}

void exportSamples(const QString &dir, const TaskSpec &spec, const std::vector<TaskSample> &samples, const QString &manifestName,
                   bool withScene)
{
    const QString taskDir = QDir(dir).filePath(blinkFolderName(spec));
    if (!QDir().mkpath(QDir(taskDir).filePath(QStringLiteral("images"))))
        throw InputError(taskDir, 0, QString(), QStringLiteral("cannot create the folder"));
    QSaveFile manifest(QDir(taskDir).filePath(manifestName));
    if (!manifest.open(QIODevice::WriteOnly))
        throw InputError(manifest.fileName(), 0, QString(), QStringLiteral("cannot write: %1").arg(manifest.errorString()));
    for (const TaskSample &s : samples) {
        QStringList paths;
        for (size_t k = 0; k < s.images.size(); ++k) {
            const QString rel = QStringLiteral("images/%1_%2_%3.png").arg(splitName(s.split)).arg(s.index, 6, 10, QLatin1Char('0')).arg(k + 1);
            const QString path = QDir(taskDir).filePath(rel);
            if (!s.images[k].save(path, "PNG"))
                throw InputError(path, 0, QString(), QStringLiteral("cannot write the image"));
            paths << rel;
        }
        manifest.write(QJsonDocument(rowFor(s, paths, withScene)).toJson(QJsonDocument::Compact));
        manifest.write("\n");
    }
    if (!manifest.commit())
        throw InputError(manifest.fileName(), 0, QString(), QStringLiteral("cannot write: %1").arg(manifest.errorString()));
}

ExportSummary exportTask(const QString &dir, const TaskSpec &spec, const ExportOptions &o)
{
    ProceduralSource source(spec, o.split, o.seed, o.level, o.imageSize, o.count, o.blinkSizes);
    std::vector<TaskSample> samples;
    samples.reserve(size_t(source.size()));
    for (int i = 0; i < source.size(); ++i)
        samples.push_back(source.at(i));
    const QString manifest = splitName(o.split) + QStringLiteral(".jsonl");
    exportSamples(dir, spec, samples, manifest, o.withScene);
    return {spec.name, QDir(QDir(dir).filePath(blinkFolderName(spec))).filePath(manifest), int(samples.size())};
}

int ImportResult::loaded() const
{
    int n = 0;
    for (const auto &t : tasks)
        n += t->size();
    return n;
}

namespace {

// Parses one manifest row into a sample; throws InputError naming the file, line and field.
TaskSample parseRow(const QString &manifest, int line, const QByteArray &text, const QString &folderTask)
{
    auto fail = [&](const char *field, const QString &msg) { return InputError(manifest, line, QString::fromLatin1(field), msg); };
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &perr);
    if (perr.error != QJsonParseError::NoError)
        throw InputError(manifest, line, QString(), QStringLiteral("not valid JSON: %1 at column %2").arg(perr.errorString()).arg(perr.offset + 1));
    if (!doc.isObject())
        throw InputError(manifest, line, QString(), QStringLiteral("a row must be a JSON object"));
    const QJsonObject row = doc.object();

    QString taskName = row.value(QStringLiteral("task")).toString();
    if (taskName.isEmpty())
        taskName = row.value(QStringLiteral("sub_task")).toString();
    if (taskName.isEmpty())
        taskName = folderTask;
    const TaskSpec *spec = findTask(taskName);
    if (!spec)
        throw fail("task", QStringLiteral("unknown task '%1'").arg(taskName));

    TaskSample s;
    s.task = spec->name;
    s.abbreviation = spec->abbreviation;
    s.question = row.value(QStringLiteral("question")).toString();
    if (s.question.isEmpty())
        throw fail("question", QStringLiteral("missing or empty"));
    const QJsonValue opts = row.contains(QStringLiteral("options")) ? row.value(QStringLiteral("options")) : row.value(QStringLiteral("choices"));
    for (const QJsonValue &v : opts.toArray()) {
        if (!v.isString())
            throw fail("options", QStringLiteral("every option must be a string"));
        s.options << v.toString();
    }
    if (s.options.size() != spec->options)
        throw fail("options", QStringLiteral("%1 expects %2 options, the row has %3").arg(spec->name).arg(spec->options).arg(s.options.size()));

    QString answer = row.value(QStringLiteral("answer")).toString().trimmed();
    if (answer.startsWith(QLatin1Char('(')) && answer.endsWith(QLatin1Char(')')))
        answer = answer.mid(1, answer.size() - 2);
    s.answer = -1;
    if (answer.size() == 1 && answer[0] >= QLatin1Char('A') && answer[0] < QChar(QLatin1Char(char('A' + s.options.size()))))
        s.answer = answer[0].unicode() - 'A';
    else if (s.options.contains(answer))
        s.answer = int(s.options.indexOf(answer));
    if (s.answer < 0)
        throw fail("answer", QStringLiteral("'%1' is not among the %2 options (A–%3)")
                                 .arg(row.value(QStringLiteral("answer")).toString()).arg(s.options.size()).arg(letter(int(s.options.size()) - 1)));

    QStringList paths;
    if (row.contains(QStringLiteral("images"))) {
        for (const QJsonValue &v : row.value(QStringLiteral("images")).toArray())
            paths << v.toString();
    } else {
        for (int k = 1; k <= 4; ++k) {
            const QString p = row.value(QStringLiteral("image_%1").arg(k)).toString();
            if (!p.isEmpty())
                paths << p;
        }
    }
    if (paths.size() != spec->images)
        throw fail("images", QStringLiteral("%1 expects %2 image(s), the row has %3").arg(spec->name).arg(spec->images).arg(paths.size()));
    const QDir base = QFileInfo(manifest).absoluteDir();
    for (const QString &p : paths) {
        const QString path = base.filePath(p);
        if (p.isEmpty() || !QFileInfo::exists(path))
            throw fail("images", QStringLiteral("image '%1' not found").arg(p));
        QImageReader reader(path);
        QImage img = reader.read();
        if (img.isNull())
            throw fail("images", QStringLiteral("image '%1' cannot be read: %2").arg(p, reader.errorString()));
        s.images.push_back(img.convertToFormat(QImage::Format_RGB888));
    }

    s.split = splitFromName(row.value(QStringLiteral("split")).toString()).value_or(Split::Val);
    s.index = row.contains(QStringLiteral("index")) ? int64_t(row.value(QStringLiteral("index")).toDouble()) : int64_t(line - 1);
    s.level = row.value(QStringLiteral("level")).toInt(-1);
    s.seed = row.value(QStringLiteral("seed")).toString().toULongLong();
    s.setScene(row.value(QStringLiteral("scene")).toObject());
    for (const QJsonValue &v : row.value(QStringLiteral("intermediates")).toArray()) {
        const QJsonObject o = v.toObject();
        s.intermediates.push_back({o.value(QStringLiteral("name")).toString(), o.value(QStringLiteral("value")).toInt(),
                                   o.value(QStringLiteral("classes")).toInt()});
    }
    return s;
}

} // namespace

ImportResult scanBlinkFolder(const QString &dir)
{
    const QFileInfo info(dir);
    if (!info.isDir())
        throw InputError(dir, 0, QString(), QStringLiteral("not a folder"));
    QStringList manifests;
    QDirIterator it(dir, {QStringLiteral("*.jsonl")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        manifests << it.next();
    manifests.sort(); // a stable order of rows and problems, whatever the file system returns
    if (manifests.isEmpty())
        throw InputError(dir, 0, QString(), QStringLiteral("no *.jsonl manifest in the folder or its sub-folders"));

    ImportResult result;
    std::map<int, std::vector<TaskSample>> byTask; // keyed by order: catalogue, then primitives
    std::map<int, QString> origins;
    auto orderOf = [](const QString &abbreviation) {
        if (const auto i = TaskCatalog::find(abbreviation))
            return *i;
        const auto &prims = primitiveTasks();
        for (size_t i = 0; i < prims.size(); ++i)
            if (prims[i].abbreviation == abbreviation)
                return 100 + int(i);
        return 1000;
    };
    for (const QString &manifest : manifests) {
        QFile file(manifest);
        if (!file.open(QIODevice::ReadOnly)) {
            result.problems.emplace_back(manifest, 0, QString(), QStringLiteral("cannot read: %1").arg(file.errorString()));
            continue;
        }
        const QString folderTask = QFileInfo(manifest).absoluteDir().dirName().replace(QLatin1Char('_'), QLatin1Char(' '));
        int line = 0;
        while (!file.atEnd()) {
            const QByteArray text = file.readLine().trimmed();
            ++line;
            if (text.isEmpty())
                continue;
            ++result.rowsRead;
            try {
                TaskSample s = parseRow(manifest, line, text, folderTask);
                const int order = orderOf(s.abbreviation);
                origins[order] = QFileInfo(manifest).absolutePath();
                byTask[order].push_back(std::move(s));
            } catch (const InputError &e) {
                result.problems.push_back(e);
            }
        }
    }
    for (auto &[order, samples] : byTask) {
        const TaskSpec &spec = *findTask(samples.front().abbreviation);
        result.tasks.push_back(std::make_unique<SampleListSource>(spec, std::move(samples), origins[order]));
    }
    return result;
}

ImportResult importBlinkFolder(const QString &dir, bool skipBad)
{
    ImportResult result = scanBlinkFolder(dir);
    if (!skipBad && !result.problems.empty()) {
        const InputError &first = result.problems.front();
        QString msg = first.message();
        if (result.problems.size() > 1)
            msg += QStringLiteral(" (and %1 more bad rows; skip bad rows to load the rest)").arg(result.problems.size() - 1);
        throw InputError(first.file(), first.line(), first.field(), msg);
    }
    return result;
}

} // namespace ts::tasks
