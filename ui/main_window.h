#pragma once
// The workbench window: hosts the exploration panels as docks around the shared StudyDocument,
// and owns the application-level actions (open/import, recent files, drag and drop, export,
// theme, palette, model switching). It holds no analysis state of its own: panels read the
// document, so this file only wires things together.

#include <QMainWindow>
#include <QPointer>
#include <QVector>

class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QMenu;

namespace ts::ui {

class CliquesPanel;
class DataSelectionPanel;
class ComparePanel;
class FigureProvider;
class GraphPanel;
class MatrixPanel;
class PersonasPanel;
class RunMonitorPanel;
class SetupPanel;
class StudyDocument;
class StudyReloader;
class TaskDetailPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(StudyDocument *document, QWidget *parent = nullptr);

    // Opens each file; errors are reported in one dialog (or, when quiet, only returned), and
    // files that loaded stay loaded. Returns the error lines.
    QStringList openFiles(const QStringList &paths, bool quiet = false);

    MatrixPanel *matrixPanel() const { return m_matrix; }
    GraphPanel *graphPanel() const { return m_graph; }
    CliquesPanel *cliquesPanel() const { return m_cliques; }
    PersonasPanel *personasPanel() const { return m_personas; }
    TaskDetailPanel *taskDetailPanel() const { return m_detail; }
    ComparePanel *comparePanel() const { return m_compare; }
    SetupPanel *setupPanel() const { return m_setup; }
    RunMonitorPanel *runMonitorPanel() const { return m_runMonitor; }
    DataSelectionPanel *dataSelectionPanel() const { return m_dataSelection; }
    QDockWidget *dock(const QString &objectName) const;
    // Raises the dock holding a panel (tabified docks hide each other).
    void showPanel(QWidget *panel);
    // "matrix", "graph", "cliques", "personas", "detail", "compare", "setup" or "run"; false for another name.
    bool showPanelByName(const QString &name);
    QList<QPair<QString, FigureProvider *>> figureProviders() const;

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QDockWidget *addPanel(QWidget *panel, const QString &title, Qt::DockWidgetArea area, const QString &shortcut);
    void createMenus();
    void rebuildRecentMenu();
    void openStudy();
    void importTables();
    void exportCurrent();
    void exportAll();
    void createRunPanels();
    // A study folder's cells changed: reload it into the document (quietly; it may have none yet).
    void reloadStudy(const QString &dir);
    void updateModelChoice();
    void updateStatus();
    void restoreWindowState();

    StudyDocument *m_document;
    MatrixPanel *m_matrix;
    GraphPanel *m_graph;
    CliquesPanel *m_cliques;
    PersonasPanel *m_personas;
    TaskDetailPanel *m_detail;
    ComparePanel *m_compare;
    SetupPanel *m_setup = nullptr;
    RunMonitorPanel *m_runMonitor = nullptr;
    DataSelectionPanel *m_dataSelection = nullptr;
    StudyReloader *m_reloader = nullptr;
    QVector<QDockWidget *> m_docks;
    QVector<QAction *> m_showActions;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_panelsMenu = nullptr;
    QComboBox *m_modelChoice;
    QLabel *m_selectionLabel;
    QLabel *m_modelLabel;
    QAction *m_colourBlind = nullptr;
    QByteArray m_defaultState;
};

} // namespace ts::ui
