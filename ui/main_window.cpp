#include "ui/main_window.h"

#include "common/input_error.h"
#include "ui/dialogs/export_dialog.h"
#include "ui/panels/cliques_panel.h"
#include "ui/panels/compare_panel.h"
#include "ui/panels/data_selection_panel.h"
#include "ui/panels/graph_panel.h"
#include "ui/panels/matrix_panel.h"
#include "ui/panels/personas_panel.h"
#include "ui/panels/run_monitor_panel.h"
#include "ui/panels/setup_panel.h"
#include "ui/run/study_reloader.h"
#include "ui/panels/task_detail_panel.h"
#include "ui/settings/language_menu.h"
#include "ui/settings/recent_files.h"
#include "ui/study/study_document.h"
#include "ui/study/study_loader.h"
#include "ui/theme/app_theme.h"
#include "store/study_store.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QStatusBar>
#include <QToolBar>

namespace ts::ui {

namespace {
SettingValue<QByteArray> geometrySetting(QStringLiteral("window/geometry"), {});
SettingValue<QByteArray> stateSetting(QStringLiteral("window/state"), {});
SettingValue<QString> openFolderSetting(QStringLiteral("files/lastFolder"), {});
SettingValue<bool> colourBlindSetting(QStringLiteral("appearance/colourBlindSafe"), false);
constexpr int kStateVersion = 2; // bump when the docks change, so an old layout is not restored
} // namespace

MainWindow::MainWindow(StudyDocument *document, QWidget *parent)
    : QMainWindow(parent), m_document(document), m_modelChoice(new QComboBox(this)),
      m_selectionLabel(new QLabel(this)), m_modelLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("Transferscope"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/transferscope.svg")));
    setAcceptDrops(true);
    setDockNestingEnabled(true);
    setDockOptions(AnimatedDocks | AllowNestedDocks | AllowTabbedDocks);

    m_matrix = new MatrixPanel(document, this);
    m_graph = new GraphPanel(document, this);
    m_cliques = new CliquesPanel(document, this);
    m_personas = new PersonasPanel(document, this);
    m_detail = new TaskDetailPanel(document, this);
    m_compare = new ComparePanel(document, this);

    // No central widget: every view is a dock the user can rearrange, float or close.
    setCentralWidget(nullptr);
    QDockWidget *matrix = addPanel(m_matrix, tr("Matrix"), Qt::LeftDockWidgetArea, QStringLiteral("Alt+1"));
    QDockWidget *graph = addPanel(m_graph, tr("Transfer graph"), Qt::RightDockWidgetArea, QStringLiteral("Alt+2"));
    QDockWidget *cliques = addPanel(m_cliques, tr("Cliques"), Qt::RightDockWidgetArea, QStringLiteral("Alt+3"));
    QDockWidget *personas = addPanel(m_personas, tr("Personas"), Qt::LeftDockWidgetArea, QStringLiteral("Alt+4"));
    QDockWidget *detail = addPanel(m_detail, tr("Task detail"), Qt::RightDockWidgetArea, QStringLiteral("Alt+5"));
    QDockWidget *compare = addPanel(m_compare, tr("Compare models"), Qt::LeftDockWidgetArea, QStringLiteral("Alt+6"));
    splitDockWidget(matrix, graph, Qt::Horizontal);
    splitDockWidget(graph, cliques, Qt::Vertical);
    tabifyDockWidget(matrix, personas);
    tabifyDockWidget(matrix, compare);
    tabifyDockWidget(cliques, detail);
    createRunPanels();
    matrix->raise();
    cliques->raise();
    resizeDocks({matrix, graph}, {800, 700}, Qt::Horizontal);
    resizeDocks({graph, cliques}, {520, 420}, Qt::Vertical);

    auto *toolbar = addToolBar(tr("Study"));
    toolbar->setObjectName(QStringLiteral("StudyToolbar"));
    toolbar->addWidget(new QLabel(tr(" Model: "), this));
    m_modelChoice->setMinimumContentsLength(16);
    m_modelChoice->setToolTip(tr("The model every view shows (Ctrl+PgUp / Ctrl+PgDown)"));
    toolbar->addWidget(m_modelChoice);
    connect(m_modelChoice, qOverload<int>(&QComboBox::activated), this, [this](int i) { m_document->setCurrentIndex(i); });

    statusBar()->addWidget(m_selectionLabel, 1);
    statusBar()->addPermanentWidget(m_modelLabel);
    createMenus();

    connect(document, &StudyDocument::modelsChanged, this, &MainWindow::updateModelChoice);
    connect(document, &StudyDocument::modelsChanged, this, &MainWindow::updateStatus);
    connect(document, &StudyDocument::currentModelChanged, this, &MainWindow::updateModelChoice);
    connect(document, &StudyDocument::currentModelChanged, this, &MainWindow::updateStatus);
    connect(document->selection(), &Selection::changed, this, &MainWindow::updateStatus);
    connect(document->selection(), &Selection::taskDetailRequested, this, [this] { showPanel(m_detail); });

    m_defaultState = saveState(kStateVersion);
    document->setPalette(colourBlindSetting.value() ? DivergingPalette::colourBlindSafe() : DivergingPalette());
    restoreWindowState();
    updateModelChoice();
    updateStatus();
}

void MainWindow::createRunPanels()
{
    m_setup = new SetupPanel(this);
    m_runMonitor = new RunMonitorPanel(this);
    QDockWidget *setup = addPanel(m_setup, tr("Study setup"), Qt::LeftDockWidgetArea, QStringLiteral("Alt+7"));
    m_dataSelection = new DataSelectionPanel(this);
    QDockWidget *run = addPanel(m_runMonitor, tr("Run monitor"), Qt::LeftDockWidgetArea, QStringLiteral("Alt+8"));
    QDockWidget *selection = addPanel(m_dataSelection, tr("Data selection"), Qt::LeftDockWidgetArea, QStringLiteral("Alt+9"));
    tabifyDockWidget(dock(QStringLiteral("MatrixPanelDock")), setup);
    tabifyDockWidget(setup, run);
    tabifyDockWidget(run, selection);
    connect(m_setup, &SetupPanel::startRequested, this, [this](const QString &spec, const QString &dir) {
        if (m_runMonitor->runStudy(spec, dir))
            showPanel(m_runMonitor);
    });
    m_reloader = new StudyReloader(this);
    connect(m_runMonitor, &RunMonitorPanel::cellsCompleted, this, &MainWindow::reloadStudy);
    connect(m_runMonitor, &RunMonitorPanel::cellsCompleted, m_dataSelection, &DataSelectionPanel::setStudyDir);
    // Models of the same name are replaced: the matrix fills in, the graph grows.
    connect(m_reloader, &StudyReloader::loaded, m_document,
            [this](const QString &, std::vector<ModelStudy> models) { m_document->addModels(std::move(models)); });
}

void MainWindow::reloadStudy(const QString &dir)
{
    // Read and analysed off the UI thread: a study with many cells must not stall the live curves.
    if (!dir.isEmpty() && StudyStore::isStudyFolder(dir))
        m_reloader->reload(dir, m_document->analysisOptions());
}

QDockWidget *MainWindow::addPanel(QWidget *panel, const QString &title, Qt::DockWidgetArea area, const QString &shortcut)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(panel->objectName() + QStringLiteral("Dock"));
    dock->setWidget(panel);
    addDockWidget(area, dock);
    // Alt+N shows and raises the panel (the dock's own toggle would hide a panel that is merely
    // tabbed behind another); the View menu keeps the plain toggles.
    auto *raise = new QAction(tr("Show %1").arg(title), this);
    raise->setShortcut(QKeySequence(shortcut));
    connect(raise, &QAction::triggered, this, [this, panel] { showPanel(panel); });
    addAction(raise);
    m_showActions << raise;
    m_docks << dock;
    return dock;
}

QDockWidget *MainWindow::dock(const QString &objectName) const
{
    for (QDockWidget *d : m_docks)
        if (d->objectName() == objectName)
            return d;
    return nullptr;
}

bool MainWindow::showPanelByName(const QString &name)
{
    const QMap<QString, QWidget *> panels = {{QStringLiteral("matrix"), m_matrix},     {QStringLiteral("graph"), m_graph},
                                             {QStringLiteral("cliques"), m_cliques},   {QStringLiteral("personas"), m_personas},
                                             {QStringLiteral("detail"), m_detail},     {QStringLiteral("compare"), m_compare},
                                             {QStringLiteral("setup"), m_setup},       {QStringLiteral("run"), m_runMonitor},
                                             {QStringLiteral("selection"), m_dataSelection}};
    QWidget *panel = panels.value(name.toLower());
    if (panel)
        showPanel(panel);
    return panel != nullptr;
}

void MainWindow::showPanel(QWidget *panel)
{
    for (QDockWidget *d : std::as_const(m_docks))
        if (d->widget() == panel) {
            d->show();
            d->raise();
        }
}

QList<QPair<QString, FigureProvider *>> MainWindow::figureProviders() const
{
    return {{tr("Matrix"), m_matrix},   {tr("Transfer graph"), m_graph}, {tr("Cliques"), m_cliques},
            {tr("Personas"), m_personas}, {tr("Task detail"), m_detail}, {tr("Compare models"), m_compare}};
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open study…"), this, &MainWindow::openStudy);
    open->setShortcut(QKeySequence::Open);
    file->addAction(tr("Open study &folder…"), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open study folder"), openFolderSetting.value());
        if (!dir.isEmpty())
            openFiles({dir});
    });
    QAction *import = file->addAction(tr("&Import the authors' CSV tables…"), this, &MainWindow::importTables);
    import->setShortcut(QKeySequence(QStringLiteral("Ctrl+I")));
    m_recentMenu = file->addMenu(tr("Open &recent"));
    rebuildRecentMenu();
    file->addSeparator();
    QAction *exportOne = file->addAction(tr("&Export figure…"), this, &MainWindow::exportCurrent);
    exportOne->setShortcut(QKeySequence(QStringLiteral("Ctrl+E")));
    QAction *exportEvery = file->addAction(tr("Export &all figures…"), this, &MainWindow::exportAll);
    exportEvery->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+E")));
    file->addSeparator();
    file->addAction(tr("&Close study"), m_document, &StudyDocument::clear)->setShortcut(QKeySequence::Close);
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *study = menuBar()->addMenu(tr("&Study"));
    study->addAction(tr("&Next model"), this, [this] {
        if (m_document->modelCount() > 0)
            m_document->setCurrentIndex((m_document->currentIndex() + 1) % m_document->modelCount());
    })->setShortcut(QKeySequence(QStringLiteral("Ctrl+PgDown")));
    study->addAction(tr("&Previous model"), this, [this] {
        const int n = m_document->modelCount();
        if (n > 0)
            m_document->setCurrentIndex((m_document->currentIndex() + n - 1) % n);
    })->setShortcut(QKeySequence(QStringLiteral("Ctrl+PgUp")));
    study->addAction(tr("&Clear selection"), m_document->selection(), &Selection::clear)
        ->setShortcut(QKeySequence(Qt::Key_Escape));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_panelsMenu = view->addMenu(tr("&Panels"));
    for (QDockWidget *d : std::as_const(m_docks))
        m_panelsMenu->addAction(d->toggleViewAction());
    m_panelsMenu->addSeparator();
    for (QAction *a : std::as_const(m_showActions))
        m_panelsMenu->addAction(a);
    view->addAction(tr("&Reset layout"), this, [this] {
        for (QDockWidget *d : std::as_const(m_docks))
            d->show();
        restoreState(m_defaultState, kStateVersion);
    });
    view->addSeparator();
    m_colourBlind = view->addAction(tr("&Colour-blind safe palette"));
    m_colourBlind->setCheckable(true);
    m_colourBlind->setChecked(colourBlindSetting.value());
    m_colourBlind->setShortcut(QKeySequence(QStringLiteral("Ctrl+B")));
    connect(m_colourBlind, &QAction::toggled, this, [this](bool on) {
        colourBlindSetting.setValue(on);
        m_document->setPalette(on ? DivergingPalette::colourBlindSafe() : DivergingPalette());
    });
    QMenu *theme = view->addMenu(tr("&Theme"));
    auto *themes = new QActionGroup(this);
    const QList<QPair<QString, AppTheme::Mode>> modes = {
        {tr("&System"), AppTheme::Mode::System}, {tr("&Light"), AppTheme::Mode::Light}, {tr("&Dark"), AppTheme::Mode::Dark}};
    for (const auto &[label, mode] : modes) {
        QAction *a = theme->addAction(label);
        a->setCheckable(true);
        a->setChecked(AppTheme::savedMode() == mode);
        themes->addAction(a);
        connect(a, &QAction::triggered, this, [mode = mode] {
            AppTheme::modeSetting().setValue(int(mode));
            AppTheme::apply(mode);
        });
    }
    view->addMenu(new LanguageMenu(this));
    view->addAction(tr("&Full screen"), this, [this] { setWindowState(windowState() ^ Qt::WindowFullScreen); })
        ->setShortcut(QKeySequence::FullScreen);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Transferscope"), this, [this] {
        QMessageBox::about(this, tr("About Transferscope"),
                           tr("<b>Transferscope %1</b><br>A workbench for task transfer in vision-language models "
                              "(Sachdeva et al., arXiv 2511.18787).")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = RecentFiles::list();
    for (int i = 0; i < files.size(); ++i) {
        QAction *a = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(files[i]).fileName()));
        a->setToolTip(files[i]);
        connect(a, &QAction::triggered, this, [this, path = files[i]] { openFiles({path}); });
    }
    if (!files.isEmpty())
        m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("Clear list"), this, [this] {
        RecentFiles::clear();
        rebuildRecentMenu();
    })->setEnabled(!files.isEmpty());
}

QStringList MainWindow::openFiles(const QStringList &paths, bool quiet)
{
    QStringList errors, unsupported;
    for (const QString &path : paths) {
        // A study folder also goes to the run monitor, which follows it while it is written.
        const bool studyFolder = StudyStore::isStudyFolder(path);
        if (studyFolder && m_runMonitor->attach(path)) {
            m_dataSelection->setStudyDir(path);
            showPanel(m_runMonitor);
        }
        try {
            if (studyFolder && StudyStore(path).completedCellIds().isEmpty()) {
                statusBar()->showMessage(tr("%1 has no completed cell yet; the views fill in as cells complete").arg(path), 6000);
                continue;
            }
            m_document->open(path);
            RecentFiles::add(path);
            statusBar()->showMessage(tr("Opened %1").arg(QFileInfo(path).fileName()), 4000);
        } catch (const UnsupportedStudyError &) {
            unsupported << QFileInfo(path).fileName();
        } catch (const InputError &e) {
            errors << e.describe();
        } catch (const std::exception &e) {
            errors << tr("%1: %2").arg(path, QString::fromUtf8(e.what()));
        }
    }
    rebuildRecentMenu();
    QStringList all = errors;
    if (!unsupported.isEmpty())
        all << tr("Not a Transferscope study (a folder with spec.json and cells/, or an exported .h5): %1")
                   .arg(unsupported.join(QStringLiteral(", ")));
    if (!quiet && !unsupported.isEmpty())
        QMessageBox::information(this, tr("Not a study"),
                                 tr("These are not Transferscope studies (a folder with spec.json and cells/, or an exported .h5):"
                                    "\n\n%1\n\nUse File → Import for the authors' CSV tables.")
                                     .arg(unsupported.join(QLatin1Char('\n'))));
    if (!quiet && !errors.isEmpty())
        QMessageBox::warning(this, tr("Could not open"), errors.join(QLatin1Char('\n')));
    return all;
}

void MainWindow::openStudy()
{
    // A study is a folder or an .h5 file; CSV tables are accepted here too so nobody is stuck.
    QFileDialog dialog(this, tr("Open study"), openFolderSetting.value());
    dialog.setNameFilters({tr("Transferscope studies (*.h5 *.hdf5)"), tr("Transfer tables (*.csv)"), tr("All files (*)")});
    dialog.setFileMode(QFileDialog::ExistingFile);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    openFolderSetting.setValue(QFileInfo(dialog.selectedFiles().first()).absolutePath());
    openFiles(dialog.selectedFiles());
}

void MainWindow::importTables()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Import PGF or accuracy tables (one per model)"),
                                                            openFolderSetting.value(), tr("CSV tables (*.csv);;All files (*)"));
    if (files.isEmpty())
        return;
    openFolderSetting.setValue(QFileInfo(files.first()).absolutePath());
    openFiles(files);
}

void MainWindow::exportCurrent()
{
    QList<Figure *> figures;
    int preselected = 0;
    QWidget *focus = QApplication::focusWidget();
    for (const auto &[name, provider] : figureProviders()) {
        auto *panel = dynamic_cast<QWidget *>(provider);
        if (panel && focus && panel->isAncestorOf(focus))
            preselected = int(figures.size());
        figures << provider->figures();
    }
    if (figures.isEmpty()) {
        QMessageBox::information(this, tr("Export figure"), tr("Open a study first."));
        return;
    }
    ExportDialog dialog(ExportDialog::Mode::OneFigure, figures, preselected, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString error = dialog.runExport();
    if (error.isEmpty())
        statusBar()->showMessage(tr("Exported %1").arg(dialog.path()), 5000);
    else
        QMessageBox::warning(this, tr("Export failed"), error);
}

void MainWindow::exportAll()
{
    QList<Figure *> figures;
    for (const auto &[name, provider] : figureProviders())
        figures << provider->figures();
    if (figures.isEmpty()) {
        QMessageBox::information(this, tr("Export all figures"), tr("Open a study first."));
        return;
    }
    ExportDialog dialog(ExportDialog::Mode::AllFigures, figures, 0, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QStringList written;
    const QString error = dialog.runExport(&written);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export problems"), error);
    statusBar()->showMessage(tr("Exported %n file(s) to %1", nullptr, int(written.size())).arg(dialog.path()), 8000);
}

void MainWindow::updateModelChoice()
{
    const QSignalBlocker block(m_modelChoice);
    m_modelChoice->clear();
    m_modelChoice->addItems(m_document->modelNames());
    m_modelChoice->setCurrentIndex(m_document->currentIndex());
    m_modelChoice->setEnabled(m_document->modelCount() > 0);
    const ModelStudy *s = m_document->current();
    setWindowTitle(s ? tr("%1 — Transferscope").arg(s->name()) : tr("Transferscope"));
}

void MainWindow::updateStatus()
{
    const ModelStudy *s = m_document->current();
    m_modelLabel->setText(s ? tr("%1 · %2 tasks · %n run(s)", nullptr, s->matrix().runCount())
                                  .arg(s->name()).arg(s->matrix().taskCount())
                            : tr("No study open — File → Import, or drop CSV tables here"));
    const Selection *sel = m_document->selection();
    switch (sel->kind()) {
    case Selection::Kind::Task: m_selectionLabel->setText(tr("Task: %1").arg(sel->task())); break;
    case Selection::Kind::Edge: {
        QString text = tr("Edge: %1 → %2").arg(sel->edgeSource(), sel->edgeTarget());
        if (s) {
            const int a = s->matrix().taskIndex(sel->edgeSource()), b = s->matrix().taskIndex(sel->edgeTarget());
            if (a >= 0 && b >= 0)
                text += tr(" · mean PGF %1").arg(s->analysis.mean.at(a, b), 0, 'f', 3);
        }
        m_selectionLabel->setText(text);
        break;
    }
    case Selection::Kind::Clique:
        m_selectionLabel->setText(tr("%1 clique: %2").arg(sel->cliqueIsPositive() ? tr("Positive") : tr("Negative"),
                                                          sel->clique().join(QStringLiteral(", "))));
        break;
    case Selection::Kind::None: m_selectionLabel->setText(tr("Click a cell, node, edge or clique to select it")); break;
    }
}

void MainWindow::restoreWindowState()
{
    const QByteArray geometry = geometrySetting.value();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        // First start: most of the screen, whatever its size and scale factor.
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1600, 1000);
        resize(available.size() * 0.92);
        move(available.center() - rect().center());
    }
    const QByteArray state = stateSetting.value();
    if (!state.isEmpty())
        restoreState(state, kStateVersion);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    geometrySetting.setValue(saveGeometry());
    stateSetting.setValue(saveState(kStateVersion));
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    if (!paths.isEmpty()) {
        event->acceptProposedAction();
        openFiles(paths);
    }
}

} // namespace ts::ui
