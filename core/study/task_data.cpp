#include "study/task_data.h"

#include <QDateTime>
#include <QDirIterator>
#include <QFileInfo>
#include <mutex>

namespace ts {

int FolderTaskCounts::forSplit(const QString &split) const
{
    if (split == QLatin1String("train"))
        return train;
    if (split == QLatin1String("test"))
        return test;
    return val;
}

namespace {

// The manifests of a folder with their sizes and times: the folder is read again when this changes.
QString folderStamp(const QString &dir)
{
    QStringList parts;
    QDirIterator it(dir, {QStringLiteral("*.jsonl")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo f(it.next());
        parts << QStringLiteral("%1|%2|%3").arg(f.absoluteFilePath()).arg(f.size()).arg(f.lastModified().toMSecsSinceEpoch());
    }
    parts.sort();
    return parts.join(QLatin1Char('\n'));
}

struct CachedSummary {
    QString stamp;
    std::map<QString, FolderTaskCounts> counts;
};

std::mutex &cacheMutex()
{
    static std::mutex m;
    return m;
}

std::map<QString, CachedSummary> &cache()
{
    static std::map<QString, CachedSummary> c;
    return c;
}

} // namespace

std::map<QString, FolderTaskCounts> summarizeBlinkFolder(const QString &dir)
{
    const QString key = QFileInfo(dir).absoluteFilePath();
    const QString stamp = QFileInfo(dir).isDir() ? folderStamp(dir) : QString();
    {
        std::lock_guard<std::mutex> lock(cacheMutex());
        const auto it = cache().find(key);
        if (it != cache().end() && !stamp.isEmpty() && it->second.stamp == stamp)
            return it->second.counts;
    }
    const tasks::ImportResult imported = tasks::importBlinkFolder(dir, false); // throws the first bad row
    std::map<QString, FolderTaskCounts> counts;
    for (const auto &source : imported.tasks) {
        FolderTaskCounts &c = counts[source->spec().name];
        for (const tasks::TaskSample &s : source->samples()) {
            switch (s.split) {
            case tasks::Split::Train: ++c.train; break;
            case tasks::Split::Val: ++c.val; break;
            case tasks::Split::Test: ++c.test; break;
            }
        }
    }
    std::lock_guard<std::mutex> lock(cacheMutex());
    cache()[key] = {stamp, counts};
    return counts;
}

QString taskDataProblem(const QString &dir, const QString &task, TaskRole role, const QString &evalSplit)
{
    if (!QFileInfo(dir).isDir())
        return QStringLiteral("'%1' is not a folder").arg(dir);
    std::map<QString, FolderTaskCounts> counts;
    try {
        counts = summarizeBlinkFolder(dir);
    } catch (const InputError &e) {
        return e.describe();
    }
    const auto it = counts.find(task);
    if (it == counts.end()) {
        QStringList held;
        for (const auto &entry : counts)
            held << entry.first;
        return QStringLiteral("'%1' holds no %2 items (it holds: %3)").arg(dir, task, held.join(QStringLiteral(", ")));
    }
    const bool source = role == TaskRole::Source || role == TaskRole::Both;
    const bool target = role == TaskRole::Target || role == TaskRole::Both;
    if (source && it->second.train == 0)
        return QStringLiteral("'%1' has no train split of %2, and a source task is finetuned on it "
                              "(add DIR/<Task>/train.jsonl, e.g. `transferscope-cli tasks export --split train --count N`, "
                              "or make the task a target)")
            .arg(dir, task);
    if (target && it->second.forSplit(evalSplit) == 0)
        return QStringLiteral("'%1' has no %2 items of %3 to evaluate on").arg(dir, evalSplit, task);
    return {};
}

std::vector<tasks::TaskSample> loadTaskItems(const QString &dir, const QString &task, tasks::Split split, int limit)
{
    tasks::ImportResult imported = tasks::importBlinkFolder(dir, false);
    std::vector<tasks::TaskSample> out;
    for (const auto &source : imported.tasks) {
        if (source->spec().name != task)
            continue;
        for (const tasks::TaskSample &s : source->samples()) {
            if (limit >= 0 && int(out.size()) >= limit)
                break;
            if (s.split == split)
                out.push_back(s);
        }
    }
    return out;
}

} // namespace ts
