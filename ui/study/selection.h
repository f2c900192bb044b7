#pragma once
// What the user has picked, shared by every panel: a task, an edge (source → target) or a clique.
// Tasks are kept by canonical name, not by row index, so a selection survives switching between
// models whose matrices list different tasks. Panels listen to changed() and never to each other.

#include <QObject>
#include <QString>
#include <QStringList>

namespace ts::ui {

class Selection : public QObject {
    Q_OBJECT
public:
    enum class Kind { None, Task, Edge, Clique };

    explicit Selection(QObject *parent = nullptr) : QObject(parent) {}

    Kind kind() const { return m_kind; }
    // The selected task; for an edge its source; empty otherwise.
    QString task() const { return m_kind == Kind::Task || m_kind == Kind::Edge ? m_source : QString(); }
    QString edgeSource() const { return m_kind == Kind::Edge ? m_source : QString(); }
    QString edgeTarget() const { return m_kind == Kind::Edge ? m_target : QString(); }
    const QStringList &clique() const { return m_clique; }
    bool cliqueIsPositive() const { return m_cliquePositive; }
    // Every task the selection touches (for highlighting).
    QStringList involvedTasks() const;
    bool involves(const QString &task) const { return involvedTasks().contains(task); }

    void selectTask(const QString &task);
    void selectEdge(const QString &source, const QString &target);
    void selectClique(const QStringList &members, bool positive);
    void clear();

Q_SIGNALS:
    void changed();
    // A request to show a task's details (double-click, "open" in the personas view).
    void taskDetailRequested(const QString &task);

private:
    void set(Kind kind, QString source, QString target, QStringList clique, bool positive);
    Kind m_kind = Kind::None;
    QString m_source;
    QString m_target;
    QStringList m_clique;
    bool m_cliquePositive = true;
};

} // namespace ts::ui
