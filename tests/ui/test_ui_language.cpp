// The workbench speaks German once the German catalogue is installed (as main() does for a German
// locale or View → Language → Deutsch): menu titles, dock titles and the status line change; the
// Language menu offers System / English / Deutsch and stores the choice.

#include "i18n/language.h"
#include "ui/main_window.h"
#include "ui/settings/language_menu.h"
#include "ui/study/study_document.h"

#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>
#include <QTimer>

using namespace ts;
using namespace ts::ui;

namespace {
QStringList menuTitles(const MainWindow &window)
{
    QStringList out;
    for (QAction *a : window.menuBar()->actions())
        out << a->text();
    return out;
}

QMenu *menuNamed(const MainWindow &window, const QString &title)
{
    for (QAction *a : window.menuBar()->actions())
        if (a->text() == title)
            return a->menu();
    return nullptr;
}
} // namespace

class TestUiLanguage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TransferscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("test_ui_language"));
        QSettings().clear();
    }
    void cleanupTestCase() { QSettings().clear(); }

    // Runs first: nothing installed yet, so the source (English) texts show.
    void englishWithoutTranslator()
    {
        QCOMPARE(i18n::install(QStringLiteral("en")), QStringLiteral("en"));
        StudyDocument doc;
        MainWindow window(&doc);
        QCOMPARE(menuTitles(window), (QStringList{"&File", "&Study", "&View", "&Help"}));
        QCOMPARE(window.dock(QStringLiteral("GraphPanelDock"))->windowTitle(), QStringLiteral("Transfer graph"));
    }

    void languageMenuStoresTheChoice()
    {
        StudyDocument doc;
        MainWindow window(&doc);
        auto *menu = window.findChild<LanguageMenu *>(QStringLiteral("LanguageMenu"));
        QVERIFY(menu);
        QCOMPARE(menu->actions().size(), 3);
        QCOMPARE(LanguageMenu::savedChoice(), QStringLiteral("system"));
        QVERIFY(menu->actions().at(0)->isChecked());
        // The restart notice is a modal box: close it as soon as it shows.
        QTimer closer;
        connect(&closer, &QTimer::timeout, this, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->accept();
        });
        closer.start(10);
        menu->actions().at(2)->trigger(); // Deutsch
        QCOMPARE(LanguageMenu::savedChoice(), QStringLiteral("de"));
        LanguageMenu again;
        QVERIFY(again.actions().at(2)->isChecked());
    }

    void germanChangesVisibleTexts()
    {
        QCOMPARE(i18n::install(LanguageMenu::savedChoice()), QStringLiteral("de"));
        StudyDocument doc;
        MainWindow window(&doc);
        QCOMPARE(menuTitles(window), (QStringList{"&Datei", "&Studie", "&Ansicht", "&Hilfe"}));
        QCOMPARE(window.dock(QStringLiteral("GraphPanelDock"))->windowTitle(), QStringLiteral("Transfergraph"));
        QCOMPARE(window.dock(QStringLiteral("MatrixPanelDock"))->windowTitle(), QStringLiteral("Matrix"));
        QMenu *view = menuNamed(window, QStringLiteral("&Ansicht"));
        QVERIFY(view);
        auto *language = window.findChild<LanguageMenu *>(QStringLiteral("LanguageMenu"));
        QVERIFY(language);
        QCOMPARE(language->title(), QStringLiteral("&Sprache"));
        QVERIFY(view->actions().contains(language->menuAction()));
        const QList<QLabel *> labels = window.statusBar()->findChildren<QLabel *>();
        bool germanStatus = false;
        for (QLabel *l : labels)
            germanStatus = germanStatus || l->text().startsWith(QStringLiteral("Keine Studie geöffnet"));
        QVERIFY2(germanStatus, "the status line is not German");
    }
};

QTEST_MAIN(TestUiLanguage)
#include "test_ui_language.moc"
