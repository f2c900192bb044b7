#pragma once
// The Task detail view of the selected task: what it is (description, skills, options, BLINK
// size), example samples from the procedural suite, base and self-finetuned accuracy when the
// data has them, its personas with evidence, and its outgoing and incoming PGF as bar charts.

#include "ui/figures/figure.h"

#include <QWidget>

class QVBoxLayout;
class QLabel;
class QTextBrowser;

namespace ts::ui {

class PgfBarChart;
class StudyDocument;

class TaskDetailPanel : public QWidget, public FigureProvider {
    Q_OBJECT
public:
    explicit TaskDetailPanel(StudyDocument *document, QWidget *parent = nullptr);

    QString shownTask() const { return m_task; }
    QString headerText() const;
    QString infoText() const;
    PgfBarChart *outgoingChart() const { return m_outgoing; }
    PgfBarChart *incomingChart() const { return m_incoming; }
    int sampleCount() const { return m_samplesStale ? 0 : m_sampleCount; }
    QList<Figure *> figures() override;

    void showTask(const QString &task);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refresh();
    void rebuildSamples();
    void setTexts(const QString &header, const QString &info);
    void applyTexts();

    StudyDocument *m_document;
    QString m_task;
    QLabel *m_header;
    QTextBrowser *m_info;
    QVBoxLayout *m_samples;
    QLabel *m_samplesNote;
    PgfBarChart *m_outgoing;
    PgfBarChart *m_incoming;
    int m_sampleCount = 0;
    QString m_headerHtml, m_infoHtml; // what the panel shows, or will show once it is visible
    QString m_shownInfo;              // what the browser holds (its toHtml() is a rewritten document)
    bool m_samplesStale = false;      // the sample cards are for another task: rebuilt once visible
};

} // namespace ts::ui
