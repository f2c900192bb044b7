// transferscope: the desktop workbench. Composition root only — builds the shared study document
// and the main window, applies theme and translation, and opens the files named on the command line.

#include "i18n/language.h"
#include "ui/main_window.h"
#include "ui/panels/setup_panel.h"
#include "ui/settings/language_menu.h"
#include "ui/study/study_document.h"
#include "ui/theme/app_theme.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char **argv)
{
    // Fractional scale factors (1.25, 1.5) as the desktop asks, instead of rounding to whole pixels.
    QApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Transferscope"));
    QApplication::setApplicationName(QStringLiteral("transferscope"));
    QApplication::setApplicationDisplayName(QStringLiteral("Transferscope"));
    QApplication::setApplicationVersion(QStringLiteral(TRANSFERSCOPE_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/transferscope.svg")));

    // The system locale, unless View → Language stored a choice (applied at start).
    ts::i18n::install(ts::ui::LanguageMenu::savedChoice());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Task-transfer workbench for vision-language models"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QApplication::translate("main", "PGF or accuracy tables (CSV) to open, one per model"),
                                 QStringLiteral("[FILE...]"));
    QCommandLineOption panel(QStringLiteral("panel"),
                             QApplication::translate("main", "Raise a panel at start (repeatable): matrix, graph, cliques, personas, detail, compare, setup or run"),
                             QStringLiteral("NAME"));
    QCommandLineOption select(QStringLiteral("select"), QApplication::translate("main", "Select a task at start (name or abbreviation)"),
                              QStringLiteral("TASK"));
    QCommandLineOption model(QStringLiteral("model"), QApplication::translate("main", "Show this model first (name as listed)"),
                             QStringLiteral("MODEL"));
    // Runs a saved spec as if loaded in Setup and started: for demos and scripted screenshots.
    QCommandLineOption run(QStringLiteral("run"), QApplication::translate("main", "Load a study spec and start it (with --out)"),
                           QStringLiteral("SPEC"));
    QCommandLineOption out(QStringLiteral("out"), QApplication::translate("main", "The study folder for --run"), QStringLiteral("DIR"));
    parser.addOption(panel);
    parser.addOption(select);
    parser.addOption(model);
    parser.addOption(run);
    parser.addOption(out);
    parser.process(app);

    ts::ui::AppTheme::apply(ts::ui::AppTheme::savedMode());
    ts::ui::StudyDocument document;
    ts::ui::MainWindow window(&document);
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openFiles(parser.positionalArguments());
    if (parser.isSet(model) && document.indexOf(parser.value(model)) >= 0)
        document.setCurrentIndex(document.indexOf(parser.value(model)));
    if (parser.isSet(select) && document.current()) {
        const int task = document.current()->matrix().taskIndex(parser.value(select));
        if (task >= 0)
            document.selection()->selectTask(document.current()->matrix().tasks().at(task));
    }
    if (parser.isSet(run) && parser.isSet(out) && window.setupPanel()->loadSpec(parser.value(run))) {
        window.setupPanel()->setStudyDir(parser.value(out));
        window.setupPanel()->start();
    }
    for (const QString &name : parser.values(panel)) // repeatable: one per dock area
        window.showPanelByName(name);
    return app.exec();
}
