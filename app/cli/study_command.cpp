// `transferscope-cli study …`: validate and plan a study spec, report a study folder's state,
// export a study's results. (Running and resuming land with the study runner.)

#include "cli/commands.h"
#include "model/vlm_presets.h"
#include "store/study_store.h"
#include "study/study_plan.h"
#include "study/study_spec.h"

#include <QFileInfo>
#include <QMap>
#include <QTextStream>

namespace ts::cli {

namespace {

QStringList knownPresets()
{
    QStringList out;
    for (const std::string &name : presetNames())
        out << QString::fromStdString(name);
    return out;
}

int usage(QTextStream &err)
{
    err << "usage: transferscope-cli study plan SPEC.json       validate a spec and list its cells\n"
           "       transferscope-cli study status DIR           completed and missing cells of a study\n"
           "       transferscope-cli study export DIR --to FILE.h5|FILE.csv\n"
           "                                                    the whole study as one HDF5 file, or its accuracy table\n";
    return 2;
}

// Every problem of the spec, one line each, so a user can fix them all in one pass.
int reportSpecErrors(const SpecErrors &e, QTextStream &err)
{
    for (const InputError &problem : e.errors())
        err << "error: " << problem.describe() << "\n";
    err << e.errors().size() << " problem(s) in the study spec\n";
    return 1;
}

int plan(const QString &specPath, QTextStream &out)
{
    const StudySpec spec = readStudySpec(specPath, knownPresets());
    const auto cells = planStudy(spec);
    QMap<QString, int> perKind;
    double work = 0;
    for (const PlannedCell &c : cells) {
        perKind[cellKindName(c.kind)] += 1;
        work += cellWork(c, spec.train.batch);
    }
    out << "study '" << spec.name << "': " << spec.models.size() << " model(s) x " << spec.sourceTasks().size()
        << " source task(s) x " << spec.seeds.size() << " seed(s), " << spec.targetTasks().size() << " target task(s)\n";
    out << cells.size() << " cells: " << perKind.value(QStringLiteral("base")) << " base, "
        << perKind.value(QStringLiteral("control")) << " control, " << perKind.value(QStringLiteral("finetune"))
        << " finetune; " << qint64(work) << " work units (evaluation items + 3 x training samples)\n\n";
    for (const PlannedCell &c : cells)
        out << "  " << c.cellId() << "\n";
    return 0;
}

int status(const QString &dir, QTextStream &out)
{
    if (!StudyStore::isStudyFolder(dir))
        throw InputError(dir, 0, {}, QStringLiteral("not a study folder (expected spec.json and cells/)"));
    const StudyStore store(dir);
    const StudySpec spec = parseStudySpec(store.spec(), SpecContext{QFileInfo(dir).absoluteFilePath() + QStringLiteral("/spec.json"), knownPresets()});
    const auto cells = planStudy(spec);
    int done = 0;
    QStringList missing;
    for (const PlannedCell &c : cells) {
        if (store.hasCell(c.cellId()))
            ++done;
        else
            missing << c.cellId();
    }
    out << "study '" << spec.name << "' in " << store.dir() << ": " << done << " of " << cells.size() << " cells complete\n";
    if (!missing.isEmpty())
        out << "next: " << missing.first() << " (" << missing.size() << " to go)\n";
    const StudyContents contents = store.load();
    for (const StoreProblem &p : contents.problems)
        out << "damaged: " << p.message << "\n";
    return contents.problems.empty() ? 0 : 1;
}

int exportStudy(const QString &dir, const QString &to, QTextStream &out)
{
    if (!StudyStore::isStudyFolder(dir))
        throw InputError(dir, 0, {}, QStringLiteral("not a study folder (expected spec.json and cells/)"));
    const StudyContents contents = StudyStore(dir).load();
    for (const StoreProblem &p : contents.problems)
        out << "skipped damaged cell: " << p.message << "\n";
    const QString suffix = QFileInfo(to).suffix().toLower();
    if (suffix == QLatin1String("h5") || suffix == QLatin1String("hdf5"))
        exportStudyHdf5(contents, to);
    else if (suffix == QLatin1String("csv"))
        writeAccuracyCsv(accuracyRows(contents), to);
    else
        throw InputError(to, 0, QStringLiteral("--to"), QStringLiteral("expected a .h5 or .csv file name"));
    out << "wrote " << contents.cells.size() << " cell(s) to " << to << "\n";
    return 0;
}

} // namespace

int runStudyCommand(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (args.isEmpty() || args.first() == QLatin1String("--help"))
        return usage(err);
    const QString verb = args.first();
    try {
        if (verb == QLatin1String("plan") && args.size() == 2)
            return plan(args[1], out);
        if (verb == QLatin1String("status") && args.size() == 2)
            return status(args[1], out);
        if (verb == QLatin1String("export") && args.size() == 4 && args[2] == QLatin1String("--to"))
            return exportStudy(args[1], args[3], out);
    } catch (const SpecErrors &e) {
        return reportSpecErrors(e, err);
    }
    return usage(err);
}

} // namespace ts::cli
