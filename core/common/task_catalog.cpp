#include "common/task_catalog.h"

#include <QRegularExpression>

namespace ts {

const std::vector<TaskInfo> &TaskCatalog::blinkTasks()
{
    static const std::vector<TaskInfo> tasks = {
        {QStringLiteral("Visual Similarity"), QStringLiteral("VS"), 2, 135},
        {QStringLiteral("Art Style"), QStringLiteral("AS"), 2, 117},
        {QStringLiteral("Visual Correspondence"), QStringLiteral("VC"), 4, 172},
        {QStringLiteral("Relative Depth"), QStringLiteral("RD"), 2, 124},
        {QStringLiteral("Relative Reflectance"), QStringLiteral("RR"), 3, 134},
        {QStringLiteral("Spatial Relation"), QStringLiteral("SR"), 2, 143},
        {QStringLiteral("Jigsaw"), QStringLiteral("JS"), 2, 150},
        {QStringLiteral("Counting"), QStringLiteral("CO"), 4, 120},
        {QStringLiteral("Functional Correspondence"), QStringLiteral("FC"), 4, 130},
        {QStringLiteral("Semantic Correspondence"), QStringLiteral("SC"), 4, 139},
        {QStringLiteral("Multi-view Reasoning"), QStringLiteral("MV"), 2, 133},
        {QStringLiteral("Object Localization"), QStringLiteral("OL"), 2, 122},
        {QStringLiteral("Forensic Detection"), QStringLiteral("FD"), 4, 132},
    };
    return tasks;
}

// Spelling-insensitive key: lower case, separators removed ("Multi-view_Reasoning" == "multiview reasoning").
static QString matchKey(const QString &s)
{
    static const QRegularExpression separators(QStringLiteral("[\\s_\\-]+"));
    return s.trimmed().toLower().remove(separators);
}

std::optional<int> TaskCatalog::find(const QString &nameOrAbbreviation)
{
    const QString key = matchKey(nameOrAbbreviation);
    if (key.isEmpty())
        return std::nullopt;
    const auto &tasks = blinkTasks();
    for (int i = 0; i < int(tasks.size()); ++i) {
        if (matchKey(tasks[i].name) == key || tasks[i].abbreviation.toLower() == key)
            return i;
    }
    return std::nullopt;
}

QStringList TaskCatalog::names()
{
    QStringList out;
    for (const auto &t : blinkTasks())
        out << t.name;
    return out;
}

QStringList TaskCatalog::abbreviations()
{
    QStringList out;
    for (const auto &t : blinkTasks())
        out << t.abbreviation;
    return out;
}

} // namespace ts
