// `transferscope-cli tasks …`: the embedded perception suite from the command line — list the tasks,
// render contact sheets for a human look, export BLINK-format folders and import/validate them.

#include "cli/commands.h"
#include "common/input_error.h"
#include "tasks/blink_io.h"
#include "tasks/scene.h"
#include "tasks/task_registry.h"

#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QImage>
#include <QPainter>
#include <QCoreApplication>
#include <QTextStream>
#include <map>

namespace ts::cli {

namespace {

using namespace ts::tasks;

// Usage texts follow the system locale (ts::i18n, context ts::cli like main.cpp); see docs/cli.md.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ts::cli)
};

const char *kUsage = QT_TRANSLATE_NOOP("ts::cli",
    "usage: transferscope-cli tasks list\n"
    "       transferscope-cli tasks gallery --task X|all [--count N] [--split train|val|test] [--seed K]\n"
    "                                        [--level 0-3] [--size PX] [--start I] --out FILE.png\n"
    "       transferscope-cli tasks export --task X|all [--split S] [--count N] [--blink-sizes] [--seed K]\n"
    "                                       [--level L] [--size PX] [--no-scene] --out DIR\n"
    "       transferscope-cli tasks import DIR [--skip-bad]\n"
    "X is a task name or abbreviation (VS AS VC RD RR SR JS CO FC SC MV OL FD) or a primitive\n"
    "(P-COL P-SHP P-LOC P-TEX P-CNT P-SIDE); 'all' means the 13 tasks.\n");

struct Options {
    std::map<QString, QString> values;
    QStringList flags;
    QStringList positional;

    QString value(const QString &key, const QString &fallback = QString()) const
    {
        const auto it = values.find(key);
        return it == values.end() ? fallback : it->second;
    }
    int integer(const QString &key, int fallback) const
    {
        if (!values.count(key))
            return fallback;
        bool ok = false;
        const int v = value(key).toInt(&ok);
        if (!ok)
            throw InputError(QString(), 0, key, QStringLiteral("expected an integer, got '%1'").arg(value(key)));
        return v;
    }
    bool has(const QString &flag) const { return flags.contains(flag); }
};

Options parse(const QStringList &args, const QStringList &valueKeys, const QStringList &flagKeys)
{
    Options o;
    for (int i = 0; i < args.size(); ++i) {
        const QString a = args[i];
        if (a.startsWith(QLatin1String("--"))) {
            const QString key = a.mid(2);
            if (flagKeys.contains(key)) {
                o.flags << key;
            } else if (valueKeys.contains(key)) {
                if (i + 1 >= args.size())
                    throw InputError(QString(), 0, a, QStringLiteral("needs a value"));
                o.values[key] = args[++i];
            } else {
                throw InputError(QString(), 0, a, QStringLiteral("unknown option (see tasks --help)"));
            }
        } else {
            o.positional << a;
        }
    }
    return o;
}

std::vector<const TaskSpec *> tasksFor(const QString &which)
{
    std::vector<const TaskSpec *> out;
    if (which.isEmpty())
        throw InputError(QString(), 0, QStringLiteral("--task"), QStringLiteral("required (a task or 'all')"));
    if (which.toLower() == QLatin1String("all")) {
        for (const TaskSpec &t : suiteTasks())
            out.push_back(&t);
    } else if (which.toLower() == QLatin1String("primitives")) {
        for (const TaskSpec &t : primitiveTasks())
            out.push_back(&t);
    } else {
        for (const QString &name : which.split(QLatin1Char(','), Qt::SkipEmptyParts))
            out.push_back(&requireTask(name));
    }
    return out;
}

Split splitOption(const Options &o, Split fallback)
{
    if (!o.values.count(QStringLiteral("split")))
        return fallback;
    const auto s = splitFromName(o.value(QStringLiteral("split")));
    if (!s)
        throw InputError(QString(), 0, QStringLiteral("--split"), QStringLiteral("expected train, val or test, got '%1'").arg(o.value(QStringLiteral("split"))));
    return *s;
}

int runList(QTextStream &out)
{
    out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
               .arg(QStringLiteral("abbr"), -7).arg(QStringLiteral("name"), -26).arg(QStringLiteral("opts"), 4)
               .arg(QStringLiteral("imgs"), 4).arg(QStringLiteral("level"), 5).arg(QStringLiteral("skills"));
    auto row = [&](const TaskSpec &t) {
        out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                   .arg(t.abbreviation, -7).arg(t.name, -26).arg(t.options, 4).arg(t.images, 4)
                   .arg(QStringLiteral("%1/%2").arg(t.defaultLevel).arg(t.levels - 1), 5).arg(t.skills.join(QStringLiteral(", ")));
    };
    for (const TaskSpec &t : suiteTasks())
        row(t);
    out << "\nprimitive skill tasks (pretraining curriculum):\n";
    for (const TaskSpec &t : primitiveTasks())
        row(t);
    out << "\nlevels: 0 easy .. 3 BLINK-like; 'level' shows default/max.\n";
    return 0;
}

// One contact sheet: per sample a row of its images (enlarged, nearest-neighbour so pixels stay
// honest), then the question, the options with the correct one marked, and the sample's id.
QImage contactSheet(const TaskSpec &spec, const std::vector<TaskSample> &samples)
{
    const int scale = samples.empty() ? 2 : std::max(1, 128 / samples.front().images.front().width());
    const int imgSide = samples.empty() ? 128 : samples.front().images.front().width() * scale;
    const int gap = 6, textWidth = 430, rowHeight = std::max(imgSide, 120) + 2 * gap;
    const int width = gap + 4 * (imgSide + gap) + textWidth;
    const int header = 28;
    QImage sheet(width, header + rowHeight * int(samples.size()), QImage::Format_RGB32);
    sheet.fill(qRgb(255, 255, 255));
    QPainter p(&sheet);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(12);
    p.setFont(font);
    QFont bold = font;
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(QRect(gap, 0, width, header), Qt::AlignVCenter,
               QStringLiteral("%1 (%2) — %3 samples, level %4").arg(spec.name, spec.abbreviation).arg(samples.size())
                   .arg(samples.empty() ? spec.defaultLevel : samples.front().level));
    for (size_t i = 0; i < samples.size(); ++i) {
        const TaskSample &s = samples[i];
        const int top = header + int(i) * rowHeight;
        if (i % 2)
            p.fillRect(QRect(0, top, width, rowHeight), QColor(244, 244, 248));
        for (size_t k = 0; k < s.images.size(); ++k) {
            const QRect r(gap + int(k) * (imgSide + gap), top + gap, imgSide, imgSide);
            p.drawImage(r, s.images[k].scaled(imgSide, imgSide, Qt::IgnoreAspectRatio, Qt::FastTransformation));
            p.setPen(QColor(120, 120, 120));
            p.drawRect(r.adjusted(0, 0, -1, -1));
        }
        const QRect text(gap + 4 * (imgSide + gap), top + gap, textWidth - gap, rowHeight - 2 * gap);
        p.setPen(Qt::black);
        p.setFont(font);
        QRect used;
        p.drawText(text, Qt::TextWordWrap, QStringLiteral("#%1 %2").arg(s.index).arg(s.question), &used);
        int y = used.bottom() + 4;
        for (int o = 0; o < s.options.size(); ++o) {
            const bool right = o == s.answer;
            p.setFont(right ? bold : font);
            p.setPen(right ? QColor(0, 130, 0) : QColor(60, 60, 60));
            p.drawText(QRect(text.left(), y, text.width(), 16), Qt::AlignVCenter,
                       QStringLiteral("%1(%2) %3").arg(right ? QStringLiteral("✔ ") : QStringLiteral("   "), letter(o), s.options[o]));
            y += 16;
        }
    }
    return sheet;
}

int runGallery(const QStringList &args, QTextStream &out)
{
    const Options o = parse(args, {QStringLiteral("task"), QStringLiteral("count"), QStringLiteral("split"), QStringLiteral("seed"),
                                   QStringLiteral("level"), QStringLiteral("size"), QStringLiteral("start"), QStringLiteral("out")},
                            {});
    const QString outPath = o.value(QStringLiteral("out"));
    if (outPath.isEmpty())
        throw InputError(QString(), 0, QStringLiteral("--out"), QStringLiteral("required (a .png file)"));
    const std::vector<const TaskSpec *> tasks = tasksFor(o.value(QStringLiteral("task")));
    SampleRequest req;
    req.split = splitOption(o, Split::Val);
    req.seed = uint64_t(o.integer(QStringLiteral("seed"), 0));
    req.level = o.integer(QStringLiteral("level"), -1);
    req.imageSize = o.integer(QStringLiteral("size"), 64);
    const int count = o.integer(QStringLiteral("count"), 16);
    const int start = o.integer(QStringLiteral("start"), 0);
    if (req.level > 3)
        throw InputError(QString(), 0, QStringLiteral("--level"), QStringLiteral("levels are 0..3"));
    for (const TaskSpec *t : tasks) {
        std::vector<TaskSample> samples;
        for (int i = 0; i < count; ++i) {
            req.index = start + i;
            samples.push_back(generateSample(*t, req));
        }
        // Several tasks: one file per task, the abbreviation appended to the given name.
        QString path = outPath;
        if (tasks.size() > 1) {
            const QFileInfo fi(outPath);
            path = fi.dir().filePath(QStringLiteral("%1_%2.%3").arg(fi.completeBaseName(), t->abbreviation,
                                                                    fi.suffix().isEmpty() ? QStringLiteral("png") : fi.suffix()));
        }
        if (!contactSheet(*t, samples).save(path))
            throw InputError(path, 0, QString(), QStringLiteral("cannot write the image"));
        out << "wrote " << path << "\n";
    }
    return 0;
}

int runExport(const QStringList &args, QTextStream &out)
{
    const Options o = parse(args, {QStringLiteral("task"), QStringLiteral("count"), QStringLiteral("split"), QStringLiteral("seed"),
                                   QStringLiteral("level"), QStringLiteral("size"), QStringLiteral("out")},
                            {QStringLiteral("blink-sizes"), QStringLiteral("no-scene")});
    const QString dir = o.value(QStringLiteral("out"));
    if (dir.isEmpty())
        throw InputError(QString(), 0, QStringLiteral("--out"), QStringLiteral("required (a folder)"));
    ExportOptions e;
    e.split = splitOption(o, Split::Val);
    e.count = o.integer(QStringLiteral("count"), -1);
    e.blinkSizes = o.has(QStringLiteral("blink-sizes"));
    e.seed = uint64_t(o.integer(QStringLiteral("seed"), 0));
    e.level = o.integer(QStringLiteral("level"), -1);
    e.imageSize = o.integer(QStringLiteral("size"), 64);
    e.withScene = !o.has(QStringLiteral("no-scene"));
    if (e.split == Split::Train && e.count < 0)
        throw InputError(QString(), 0, QStringLiteral("--count"), QStringLiteral("the train split is an endless stream: give --count"));
    int total = 0;
    for (const TaskSpec *t : tasksFor(o.value(QStringLiteral("task")))) {
        const ExportSummary s = exportTask(dir, *t, e);
        out << QStringLiteral("%1 %2 rows → %3\n").arg(t->abbreviation, -6).arg(s.rows, 5).arg(s.manifest);
        total += s.rows;
    }
    out << "exported " << total << " rows to " << dir << "\n";
    return 0;
}

int runImport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const Options o = parse(args, {}, {QStringLiteral("skip-bad")});
    if (o.positional.size() != 1)
        throw InputError(QString(), 0, QStringLiteral("DIR"), QStringLiteral("give exactly one folder to import"));
    const ImportResult r = scanBlinkFolder(o.positional.front());
    for (const InputError &e : r.problems)
        err << (o.has(QStringLiteral("skip-bad")) ? "skipped: " : "error: ") << e.describe() << "\n";
    if (!r.problems.empty() && !o.has(QStringLiteral("skip-bad"))) {
        err << r.problems.size() << " bad row(s) of " << r.rowsRead << "; rerun with --skip-bad to load the rest\n";
        return 1;
    }
    out << QStringLiteral("%1 %2 %3  %4\n").arg(QStringLiteral("abbr"), -6).arg(QStringLiteral("items"), 6).arg(QStringLiteral("answers A/B/C/D"), -18).arg(QStringLiteral("folder"));
    for (const auto &t : r.tasks) {
        std::vector<int> letters(size_t(t->spec().options), 0);
        for (const TaskSample &s : t->samples())
            ++letters[size_t(s.answer)];
        QStringList counts;
        for (int c : letters)
            counts << QString::number(c);
        out << QStringLiteral("%1 %2 %3  %4\n").arg(t->spec().abbreviation, -6).arg(t->size(), 6).arg(counts.join(QLatin1Char('/')), -18).arg(t->origin());
    }
    out << "loaded " << r.loaded() << " of " << r.rowsRead << " rows";
    if (!r.problems.empty())
        out << "; skipped " << r.problems.size() << " bad row(s)";
    out << "\n";
    return 0;
}

} // namespace

int runTasks(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        out << Tr::tr(kUsage);
        return args.isEmpty() ? 2 : 0;
    }
    const QString sub = args.first();
    const QStringList rest = args.mid(1);
    try {
        if (sub == QLatin1String("list"))
            return runList(out);
        if (sub == QLatin1String("gallery"))
            return runGallery(rest, out);
        if (sub == QLatin1String("export"))
            return runExport(rest, out);
        if (sub == QLatin1String("import"))
            return runImport(rest, out, err);
    } catch (const InputError &e) {
        // Errors without a file are about the command line itself: a bad option exits 2 (docs/cli.md).
        if (!e.file().isEmpty())
            throw;
        err << "error: " << (e.field().isEmpty() ? QString() : QStringLiteral("%1: ").arg(e.field())) << e.message() << "\n";
        return 2;
    }
    err << "error: unknown tasks subcommand '" << sub << "'\n" << kUsage;
    return 2;
}

} // namespace ts::cli
