// transferscope-cli: the headless front end. Every subcommand is a function in its own file,
// listed in kCommands below; main() only dispatches and turns bad input into one clear line.

#include "cli/commands.h"
#include "common/input_error.h"

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

const Command kCommands[] = {
    {"study", "validate and plan a study spec, report or export a study folder", ts::cli::runStudyCommand},
    {"analyze", "analyse PGF tables: scores, graph, cliques, personas; --json, --export DIR", ts::cli::runAnalyze},
    {"tasks", "the embedded perception suite: list, gallery, export/import BLINK-format folders", ts::cli::runTasks},
    {"model", "pretrain and check the suite presets' base models: pretrain, eval, finetune-gain", ts::cli::runModelCommand},
    {nullptr, nullptr, nullptr},
};

void printUsage(QTextStream &out)
{
    out << "transferscope-cli " << TRANSFERSCOPE_VERSION
        << " — task transfer in vision-language models, headless\n\n"
        << "usage: transferscope-cli COMMAND [ARGS...]   (COMMAND --help for details)\n\ncommands:\n";
    for (const Command &c : kCommands) {
        if (c.name)
            out << "  " << QString::fromUtf8(c.name).leftJustified(10) << c.summary << "\n";
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

    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        printUsage(out);
        return args.isEmpty() ? 2 : 0;
    }
    if (args.first() == QLatin1String("--version")) {
        out << "transferscope-cli " << TRANSFERSCOPE_VERSION << "\n";
        return 0;
    }
    const QString name = args.takeFirst();
    for (const Command &c : kCommands) {
        if (!c.name || name != QLatin1String(c.name))
            continue;
        try {
            return c.run(args);
        } catch (const ts::InputError &e) {
            err << "error: " << e.describe() << "\n";
            return 1;
        } catch (const std::exception &e) {
            err << "error: " << e.what() << "\n";
            return 1;
        }
    }
    err << "error: unknown command '" << name << "' (see transferscope-cli --help)\n";
    return 2;
}
