// transferscope-cli: the headless front end. Every subcommand is a function in its own file,
// listed in kCommands below; main() only dispatches and turns bad input into one clear line.

#include "cli/commands.h"
#include "common/input_error.h"
#include "common/resource_locator.h"
#include "i18n/language.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QDir>
#include <QTextStream>
#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>
#include <cstdio>
#include <exception>

namespace ts::cli {
// Subcommands (one file each).
int runAnalyze(const QStringList &args); // analyze_command.cpp
int runStudyCommand(const QStringList &args);
int runTasks(const QStringList &args); // tasks_command.cpp
int runModelCommand(const QStringList &args); // model_command.cpp
} // namespace ts::cli

namespace {

using ts::cli::Command;

// The usage and the errors of this file follow the system locale (ts::i18n); see docs/cli.md.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ts::cli)
};

const Command kCommands[] = {
    {"study", QT_TRANSLATE_NOOP("ts::cli", "validate and plan a study spec, report or export a study folder"), ts::cli::runStudyCommand},
    {"analyze", QT_TRANSLATE_NOOP("ts::cli", "analyse PGF tables: scores, graph, cliques, personas; --json, --export DIR"), ts::cli::runAnalyze},
    {"tasks", QT_TRANSLATE_NOOP("ts::cli", "the embedded perception suite: list, gallery, export/import BLINK-format folders"), ts::cli::runTasks},
    {"model", QT_TRANSLATE_NOOP("ts::cli", "pretrain and check the suite presets' base models: pretrain, eval, finetune-gain"), ts::cli::runModelCommand},
    {nullptr, nullptr, nullptr},
};

void printUsage(QTextStream &out)
{
    out << "transferscope-cli " << TRANSFERSCOPE_VERSION << " — " << Tr::tr("task transfer in vision-language models, headless")
        << "\n\n"
        << Tr::tr("usage: transferscope-cli COMMAND [ARGS...]   (COMMAND --help for details)") << "\n\n"
        << Tr::tr("commands:") << "\n";
    for (const Command &c : kCommands) {
        if (c.name)
            out << "  " << QString::fromUtf8(c.name).leftJustified(10) << Tr::tr(c.summary) << "\n";
    }
}

} // namespace

int main(int argc, char **argv)
{
    // Figures are painted on QImage/QSvgGenerator/QPdfWriter without widgets, but any QPainter text
    // needs Qt's font database, which only a QGuiApplication provides (with a plain
    // QCoreApplication Qt aborts: "Must construct a QGuiApplication before accessing QFontDatabase").
    // The offscreen platform needs no display, so it is the default for this headless program;
    // a user's explicit QT_QPA_PLATFORM still wins.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // On servers (cron, CI, ssh without a session) XDG_RUNTIME_DIR is often unset and Qt warns about
    // it on every run; a private folder of our own keeps stderr for real problems.
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QByteArray dir = QDir::tempPath().toLocal8Bit() + "/transferscope-runtime-" + QByteArray::number(uint(getuid()));
        if (::mkdir(dir.constData(), 0700) == 0 || errno == EEXIST)
            qputenv("XDG_RUNTIME_DIR", dir);
    }
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("transferscope-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRANSFERSCOPE_VERSION));
    ts::i18n::install(); // the system locale decides (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)

    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        printUsage(out);
        return args.isEmpty() ? 2 : 0;
    }
    if (args.first() == QLatin1String("--version")) {
        // The second line says where the shipped resources were found (the package test checks
        // that an installed binary finds them beside itself, in ../share/transferscope).
        const QString resources = ts::resourceRoot();
        out << "transferscope-cli " << TRANSFERSCOPE_VERSION << "\n"
            << Tr::tr("resources: %1").arg(resources.isEmpty() ? Tr::tr("(not found; set TRANSFERSCOPE_RESOURCES)") : resources) << "\n";
        return 0;
    }
    const QString name = args.takeFirst();
    for (const Command &c : kCommands) {
        if (!c.name || name != QLatin1String(c.name))
            continue;
        try {
            return c.run(args);
        } catch (const ts::InputError &e) {
            err << Tr::tr("error: %1").arg(e.describe()) << "\n";
            return 1;
        } catch (const std::exception &e) {
            err << Tr::tr("error: %1").arg(QString::fromLocal8Bit(e.what())) << "\n";
            return 1;
        }
    }
    err << Tr::tr("error: unknown command '%1' (see transferscope-cli --help)").arg(name) << "\n";
    return 2;
}
