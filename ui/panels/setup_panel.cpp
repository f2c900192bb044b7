#include "ui/panels/setup_panel.h"
#include "model/runtime.h"
#include "study/known_presets.h"
#include "study/study_parallelism.h"

#include "ui/panels/setup_form.h"
#include "ui/run/cli_locator.h"
#include "ui/run/study_estimate.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScrollArea>
#include <QThread>
#include <QVBoxLayout>

namespace ts::ui {

namespace {

QString shellQuote(const QString &s)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_./:=+-]+$"));
    if (safe.match(s).hasMatch())
        return s;
    QString q = s;
    q.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

} // namespace

SetupPanel::SetupPanel(QWidget *parent)
    : QWidget(parent), m_form(new SetupForm(this)), m_studyDir(new QLineEdit(this)), m_command(new QLineEdit(this)),
      m_estimate(new QLabel(this)), m_problems(new QLabel(this)), m_start(new QPushButton(tr("Start"), this))
{
    setObjectName(QStringLiteral("SetupPanel"));
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);

    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getSaveFileName(this, tr("Study folder (created by the run)"), studyDir(), {}, nullptr,
                                                         QFileDialog::ShowDirsOnly);
        if (!dir.isEmpty())
            setStudyDir(dir);
    });
    auto *dirRow = new QHBoxLayout;
    dirRow->addWidget(new QLabel(tr("Study folder:"), this));
    dirRow->addWidget(m_studyDir, 1);
    dirRow->addWidget(browse);
    m_studyDir->setText(QDir::home().filePath(QStringLiteral("transferscope-studies/study")));

    m_command->setReadOnly(true);
    m_command->setToolTip(tr("The exact command Start runs; paste it in a terminal or a cluster job to run the same study"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #b01e1e;"));
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *save = new QPushButton(tr("Save spec…"), this);
    auto *load = new QPushButton(tr("Load spec…"), this);
    auto *preflight = new QPushButton(tr("Pre-flight check"), this);
    preflight->setToolTip(tr("Checks the spec, base models and tokenizer, the device, the folder and the free disk space"));
    m_start->setDefault(true);
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save study spec"), specPath(), tr("Study specs (*.json)"));
        if (!path.isEmpty())
            saveSpec(path);
    });
    connect(load, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Load study spec"), specPath(), tr("Study specs (*.json)"));
        if (!path.isEmpty())
            loadSpec(path);
    });
    connect(preflight, &QPushButton::clicked, this, [this] {
        const QStringList problems = check();
        if (problems.isEmpty())
            m_problems->setText(QStringLiteral("<span style='color:#1e7e34'>%1</span>").arg(tr("Pre-flight check passed: the study can start.")));
    });
    connect(m_start, &QPushButton::clicked, this, &SetupPanel::start);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {save, load, preflight})
        buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(m_start);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addLayout(dirRow);
    layout->addWidget(m_estimate);
    auto *commandRow = new QHBoxLayout;
    commandRow->addWidget(new QLabel(tr("Command:"), this));
    commandRow->addWidget(m_command, 1);
    layout->addLayout(commandRow);
    layout->addWidget(m_problems);
    layout->addLayout(buttons);

    connect(m_form, &SetupForm::changed, this, &SetupPanel::updateSummary);
    connect(m_studyDir, &QLineEdit::textChanged, this, &SetupPanel::updateSummary);
    updateSummary();
}

void SetupPanel::setStudyDir(const QString &dir) { m_studyDir->setText(dir); }
QString SetupPanel::studyDir() const { return m_studyDir->text().trimmed(); }
QString SetupPanel::estimateText() const { return m_estimate->text(); }
QString SetupPanel::problemsText() const { return m_problems->text(); }

QString SetupPanel::specPath() const
{
    if (!m_specPath.isEmpty())
        return m_specPath;
    const QString dir = QDir::cleanPath(studyDir());
    return dir.isEmpty() ? QString() : dir + QStringLiteral(".spec.json");
}

QString SetupPanel::command() const
{
    QString cli = locateTransferscopeCli();
    if (cli.isEmpty())
        cli = QStringLiteral("transferscope-cli");
    return QStringList{shellQuote(cli), QStringLiteral("study"), QStringLiteral("run"), shellQuote(specPath()), QStringLiteral("--out"),
                       shellQuote(studyDir()), QStringLiteral("--progress"), QStringLiteral("json")}
        .join(QLatin1Char(' '));
}

QStringList SetupPanel::specProblems(StudySpec *parsed) const
{
    try {
        *parsed = parseStudySpec(m_form->spec().toJson(), {specPath(), knownModelPresets()});
    } catch (const SpecErrors &e) {
        QStringList out;
        for (const InputError &error : e.errors())
            out << error.describe();
        return out;
    }
    return {};
}

void SetupPanel::updateSummary()
{
    m_command->setText(command());
    StudySpec spec;
    const QStringList problems = specProblems(&spec);
    if (!problems.isEmpty()) {
        m_estimate->setText(tr("Estimate: – (the spec is incomplete)"));
        showProblems(problems);
        return;
    }
    m_problems->clear();
    // As the CLI will run it: cells side by side scale almost linearly (1.94× for two, bench/README.md),
    // threads inside one cell less so (1.60× for two).
    const bool cuda = spec.device != QLatin1String("cpu") && cudaAvailable();
    const StudyParallelism p = studyParallelism(spec, QThread::idealThreadCount(), cuda);
    const double speedup = 0.97 * p.workers * (1.0 + 0.6 * (p.threadsPerWorker - 1));
    m_estimate->setText(tr("Estimate: %1 on the CPU (%2 × %3; measured speeds of the presets, ±30 %)")
                            .arg(formatDuration(estimateStudySeconds(spec) / std::max(1.0, speedup)),
                                 tr("%n cell(s) side by side", nullptr, p.workers), tr("%n thread(s)", nullptr, p.threadsPerWorker)));
}

void SetupPanel::showProblems(const QStringList &problems)
{
    m_problems->setText(problems.join(QLatin1Char('\n')));
}

QStringList SetupPanel::check()
{
    StudySpec spec;
    QStringList problems = specProblems(&spec);
    if (problems.isEmpty())
        problems = preflightProblems(spec, studyDir());
    showProblems(problems);
    return problems;
}

bool SetupPanel::saveSpec(const QString &path)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        showProblems({tr("Cannot write %1: %2").arg(path, f.errorString())});
        return false;
    }
    f.write(QJsonDocument(m_form->spec().toJson()).toJson(QJsonDocument::Indented));
    if (!f.commit()) {
        showProblems({tr("Cannot write %1: %2").arg(path, f.errorString())});
        return false;
    }
    m_specPath = QFileInfo(path).absoluteFilePath();
    updateSummary();
    return true;
}

bool SetupPanel::loadSpec(const QString &path)
{
    try {
        m_form->setSpec(readStudySpec(path, knownModelPresets()));
    } catch (const SpecErrors &e) {
        QStringList out;
        for (const InputError &error : e.errors())
            out << error.describe();
        showProblems(out);
        return false;
    } catch (const std::exception &e) {
        showProblems({QString::fromUtf8(e.what())});
        return false;
    }
    m_specPath = QFileInfo(path).absoluteFilePath();
    updateSummary();
    return true;
}

bool SetupPanel::start()
{
    if (!check().isEmpty())
        return false;
    if (!saveSpec(specPath()))
        return false;
    Q_EMIT startRequested(specPath(), studyDir());
    return true;
}

} // namespace ts::ui
