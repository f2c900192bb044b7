#include "ui/panels/setup_form.h"

#include "common/task_catalog.h"
#include "model/runtime.h"
#include "study/task_data.h"
#include "ui/run/study_estimate.h"
#include "ui/widgets/task_sample_card.h"

#ifdef TRANSFERSCOPE_HAVE_TASKS
#include "tasks/task_registry.h"
#endif

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace ts::ui {

namespace {

const QList<TaskRole> kRoles{TaskRole::Both, TaskRole::Source, TaskRole::Target, TaskRole::Unused};

QSpinBox *spin(QWidget *parent, int lo, int hi, int value)
{
    auto *s = new QSpinBox(parent);
    s->setRange(lo, hi);
    s->setValue(value);
    return s;
}

QDoubleSpinBox *doubleSpin(QWidget *parent, double lo, double hi, double value, int decimals)
{
    auto *s = new QDoubleSpinBox(parent);
    s->setDecimals(decimals);
    s->setRange(lo, hi);
    s->setValue(value);
    return s;
}

} // namespace

const QStringList &SetupForm::presets()
{
    static const QStringList names{QStringLiteral("suite-tiny"), QStringLiteral("suite-small"), QStringLiteral("suite-base")};
    return names;
}

SetupForm::SetupForm(QWidget *parent) : QWidget(parent), m_name(new QLineEdit(this))
{
    const StudySpec defaults;
    m_name->setText(QStringLiteral("study"));
    auto *layout = new QVBoxLayout(this);
    auto *nameRow = new QFormLayout;
    nameRow->addRow(tr("Study name:"), m_name);
    layout->addLayout(nameRow);
    layout->addWidget(buildModels());
    layout->addWidget(buildTasks(), 1);
    layout->addWidget(buildTraining());
    layout->addWidget(buildAdvanced());
    setSpec(defaults);
    // A new study starts with the smallest preset and every task as source and target.
    m_presetBoxes.first()->setChecked(true);
    for (const TaskInfo &t : TaskCatalog::blinkTasks())
        setTaskRole(t.name, TaskRole::Both);
    connect(m_name, &QLineEdit::textChanged, this, &SetupForm::changed);
}

QWidget *SetupForm::buildModels()
{
    auto *box = new QGroupBox(tr("Models"), this);
    auto *layout = new QVBoxLayout(box);
    auto *row = new QHBoxLayout;
    for (const QString &p : presets()) {
        auto *check = new QCheckBox(p, box);
        connect(check, &QCheckBox::toggled, this, &SetupForm::changed);
        m_presetBoxes << check;
        row->addWidget(check);
    }
    m_weights = new QComboBox(box);
    m_weights->addItem(tr("pretrained base"), QStringLiteral("pretrained"));
    m_weights->addItem(tr("random (smoke tests only)"), QStringLiteral("random"));
    m_weights->setToolTip(tr("Random weights make a study run without the shipped base models; never use them for findings"));
    connect(m_weights, qOverload<int>(&QComboBox::currentIndexChanged), this, &SetupForm::changed);
    row->addWidget(m_weights);
    auto *add = new QPushButton(tr("Add checkpoint folder…"), box);
    connect(add, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Checkpoint folder (nanoVLM or SmolVLM format)"));
        if (!dir.isEmpty())
            addCheckpoint(dir);
    });
    row->addWidget(add);
    row->addStretch(1);
    layout->addLayout(row);
    m_checkpoints = new QListWidget(box);
    m_checkpoints->setMaximumHeight(48);
    m_checkpoints->setToolTip(tr("Checkpoint folders; Delete removes the selected one"));
    layout->addWidget(m_checkpoints);
    m_checkpointErrors = new QLabel(box);
    m_checkpointErrors->setWordWrap(true);
    m_checkpointErrors->setStyleSheet(QStringLiteral("color: #b01e1e;"));
    layout->addWidget(m_checkpointErrors);
    return box;
}

QWidget *SetupForm::buildTasks()
{
    auto *box = new QGroupBox(tr("Tasks and roles"), this);
    auto *layout = new QHBoxLayout(box);
    const auto &tasks = TaskCatalog::blinkTasks();
    m_tasks = new QTableWidget(int(tasks.size()), 3, box);
    m_tasks->setHorizontalHeaderLabels({tr("Task"), tr("Role"), tr("Data")});
    m_tasks->verticalHeader()->hide();
    m_tasks->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tasks->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tasks->setSelectionMode(QAbstractItemView::SingleSelection);
    for (int r = 0; r < int(tasks.size()); ++r) {
        auto *item = new QTableWidgetItem(QStringLiteral("%1 (%2)").arg(tasks[std::size_t(r)].name, tasks[std::size_t(r)].abbreviation));
        item->setData(Qt::UserRole, tasks[std::size_t(r)].name);
        item->setFlags(item->flags() & ~Qt::ItemIsEditable);
        m_tasks->setItem(r, 0, item);
        auto *role = new QComboBox(m_tasks);
        for (TaskRole t : kRoles)
            role->addItem(taskRoleName(t));
        role->setToolTip(tr("source: finetuned on; target: evaluated on; both; unused"));
        connect(role, qOverload<int>(&QComboBox::currentIndexChanged), this, &SetupForm::changed);
        m_tasks->setCellWidget(r, 1, role);
        m_tasks->setItem(r, 2, new QTableWidgetItem);
        setTaskDataAt(r, {});
    }
    connect(m_tasks, &QTableWidget::currentCellChanged, this, [this](int row) { showPreview(row); });
    auto *left = new QVBoxLayout;
    left->addWidget(m_tasks, 1);
    auto *buttons = new QHBoxLayout;
    auto *addFolder = new QPushButton(tr("Add BLINK folder…"), box);
    addFolder->setToolTip(tr("Take a task's items from a BLINK-format folder (as written by `transferscope-cli tasks export`): "
                             "evaluation on its val items, training on its train split"));
    connect(addFolder, &QPushButton::clicked, this, &SetupForm::chooseBlinkFolder);
    auto *embedded = new QPushButton(tr("Use embedded data"), box);
    embedded->setToolTip(tr("The selected task's items come from the embedded generator again"));
    connect(embedded, &QPushButton::clicked, this, [this] {
        if (m_tasks->currentRow() >= 0)
            clearTaskData(m_tasks->item(m_tasks->currentRow(), 0)->data(Qt::UserRole).toString());
    });
    buttons->addWidget(addFolder);
    buttons->addWidget(embedded);
    buttons->addStretch(1);
    left->addLayout(buttons);
    m_taskDataErrors = new QLabel(box);
    m_taskDataErrors->setWordWrap(true);
    m_taskDataErrors->setStyleSheet(QStringLiteral("color: #b01e1e;"));
    left->addWidget(m_taskDataErrors);
    layout->addLayout(left, 1);
    auto *preview = new QWidget(box);
    m_preview = new QVBoxLayout(preview);
    m_preview->setContentsMargins(0, 0, 0, 0);
    preview->setMinimumWidth(220);
    layout->addWidget(preview);
    return box;
}

void SetupForm::showPreview(int row)
{
    while (QLayoutItem *item = m_preview->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (row < 0)
        return;
    const QString folder = m_tasks->item(row, 2)->data(Qt::UserRole).toString();
    if (!folder.isEmpty()) {
        auto *label = new QLabel(tr("Items from %1").arg(folder), this);
        label->setWordWrap(true);
        m_preview->addWidget(label);
    }
#ifdef TRANSFERSCOPE_HAVE_TASKS
    const QString task = m_tasks->item(row, 0)->data(Qt::UserRole).toString();
    if (const tasks::TaskSpec *spec = tasks::findTask(task)) {
        tasks::SampleRequest request;
        request.split = tasks::Split::Val;
        try {
            const tasks::TaskSample s = tasks::generateSample(*spec, request);
            m_preview->addWidget(new TaskSampleCard({s.images, s.question, s.options, s.answer, tr("%1, val #0").arg(task)}, this));
        } catch (const std::exception &e) {
            m_preview->addWidget(new QLabel(QString::fromUtf8(e.what()), this));
        }
    }
#endif
    m_preview->addStretch(1);
}

QWidget *SetupForm::buildTraining()
{
    auto *box = new QGroupBox(tr("Training and evaluation"), this);
    auto *form = new QFormLayout(box);
    m_steps = spin(box, 1, 1000000, 150);
    m_batch = spin(box, 1, 4096, 32);
    m_examples = spin(box, 1, 10000000, 2000);
    m_learningRate = doubleSpin(box, 1e-7, 1.0, 2e-3, 6);
    m_learningRate->setSingleStep(1e-4);
    m_evalItems = spin(box, 1, 1000000, 1000);
    m_seeds = new QLineEdit(box);
    m_seeds->setToolTip(tr("Comma-separated seeds; each adds one finetune per model and source task"));
    m_device = new QComboBox(box);
    m_device->addItem(tr("auto"), QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("CUDA"), QStringLiteral("cuda"));
    m_device->setObjectName(QStringLiteral("device"));
    if (!cudaAvailable()) {
        // Offered only when the linked libtorch has a CUDA device; "auto" takes it when present.
        if (auto *items = qobject_cast<QStandardItemModel *>(m_device->model()))
            items->item(2)->setEnabled(false);
        m_device->setItemData(2, tr("Not available: this build's libtorch has no CUDA device (see docs/building.md for a CUDA libtorch)"),
                              Qt::ToolTipRole);
    }
    form->addRow(tr("Steps per cell:"), m_steps);
    form->addRow(tr("Batch:"), m_batch);
    form->addRow(tr("Training examples per task:"), m_examples);
    form->addRow(tr("Learning rate:"), m_learningRate);
    form->addRow(tr("Evaluation items per target:"), m_evalItems);
    form->addRow(tr("Seeds:"), m_seeds);
    form->addRow(tr("Device:"), m_device);
    for (QSpinBox *s : {m_steps, m_batch, m_examples, m_evalItems})
        connect(s, qOverload<int>(&QSpinBox::valueChanged), this, &SetupForm::changed);
    connect(m_learningRate, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &SetupForm::changed);
    connect(m_seeds, &QLineEdit::textChanged, this, &SetupForm::changed);
    connect(m_device, qOverload<int>(&QComboBox::currentIndexChanged), this, &SetupForm::changed);
    return box;
}

QWidget *SetupForm::buildAdvanced()
{
    // Folded away like LlamaBoard's accordions: unchecking hides, never resets, the values.
    m_advanced = new QGroupBox(tr("Advanced"), this);
    m_advanced->setCheckable(true);
    m_advanced->setChecked(false);
    auto *inner = new QWidget(m_advanced);
    auto *outer = new QVBoxLayout(m_advanced);
    outer->addWidget(inner);
    inner->setVisible(false);
    connect(m_advanced, &QGroupBox::toggled, inner, &QWidget::setVisible);
    auto *form = new QFormLayout(inner);
    m_method = new QComboBox(inner);
    m_method->addItems({QStringLiteral("lora"), QStringLiteral("full")});
    m_scoring = new QComboBox(inner);
    m_scoring->addItems({QStringLiteral("option-logits"), QStringLiteral("generate")});
    m_warmup = spin(inner, 0, 100000, 10);
    m_gradAccumulation = spin(inner, 1, 1024, 1);
    m_loraRank = spin(inner, 1, 1024, 8);
    m_evalBatch = spin(inner, 1, 4096, 64);
    m_difficulty = spin(inner, -1, 10, -1);
    m_difficulty->setSpecialValueText(tr("each task's default"));
    m_threads = spin(inner, 0, 256, 0);
    m_threads->setSpecialValueText(tr("all cores"));
    m_weightDecay = doubleSpin(inner, 0, 10, 0.01, 4);
    m_gradClip = doubleSpin(inner, 0, 1000, 1.0, 3);
    m_loraAlpha = doubleSpin(inner, 0, 10000, 16, 2);
    m_control = new QCheckBox(tr("Drift-control cell per model and seed"), inner);
    m_freezeVision = new QCheckBox(tr("Freeze the vision encoder"), inner);
    m_saveAdapters = new QCheckBox(tr("Save each finetune's LoRA adapter (PEFT and Transferscope formats)"), inner);
    m_saveAdapters->setToolTip(tr("Written to adapters/<cell>/ in the study folder; fold one into its base with 'transferscope-cli model merge'"));
    m_bf16Autocast = new QCheckBox(tr("bf16 autocast on CUDA"), inner);
    if (!cudaAvailable()) {
        m_bf16Autocast->setEnabled(false);
        m_bf16Autocast->setToolTip(tr("Not available: this build's libtorch has no CUDA device"));
    }
    form->addRow(tr("Method:"), m_method);
    form->addRow(tr("Warm-up steps:"), m_warmup);
    form->addRow(tr("Gradient accumulation:"), m_gradAccumulation);
    form->addRow(tr("Weight decay:"), m_weightDecay);
    form->addRow(tr("Gradient clip:"), m_gradClip);
    form->addRow(tr("LoRA rank:"), m_loraRank);
    form->addRow(tr("LoRA alpha:"), m_loraAlpha);
    form->addRow(tr("Scoring:"), m_scoring);
    form->addRow(tr("Evaluation batch:"), m_evalBatch);
    form->addRow(tr("Difficulty:"), m_difficulty);
    form->addRow(tr("Threads:"), m_threads);
    form->addRow(m_control);
    form->addRow(m_freezeVision);
    form->addRow(m_saveAdapters);
    form->addRow(m_bf16Autocast);
    for (QSpinBox *s : {m_warmup, m_gradAccumulation, m_loraRank, m_evalBatch, m_difficulty, m_threads})
        connect(s, qOverload<int>(&QSpinBox::valueChanged), this, &SetupForm::changed);
    for (QDoubleSpinBox *s : {m_weightDecay, m_gradClip, m_loraAlpha})
        connect(s, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &SetupForm::changed);
    for (QComboBox *c : {m_method, m_scoring})
        connect(c, qOverload<int>(&QComboBox::currentIndexChanged), this, &SetupForm::changed);
    connect(m_method, &QComboBox::currentTextChanged, m_saveAdapters,
            [this](const QString &method) { m_saveAdapters->setEnabled(method == QLatin1String("lora")); });
    for (QCheckBox *c : {m_control, m_freezeVision, m_saveAdapters, m_bf16Autocast})
        connect(c, &QCheckBox::toggled, this, &SetupForm::changed);
    return m_advanced;
}

TaskRole SetupForm::roleAt(int row) const
{
    return kRoles[static_cast<QComboBox *>(m_tasks->cellWidget(row, 1))->currentIndex()];
}

StudySpec SetupForm::spec() const
{
    StudySpec s = m_base;
    s.name = m_name->text().trimmed();
    s.models.clear();
    for (QCheckBox *box : m_presetBoxes)
        if (box->isChecked()) {
            ModelEntry m;
            m.name = m.preset = box->text();
            m.weights = m_weights->currentData().toString();
            s.models.push_back(m);
        }
    for (int i = 0; i < m_checkpoints->count(); ++i) {
        ModelEntry m;
        m.checkpoint = m_checkpoints->item(i)->data(Qt::UserRole).toString();
        m.name = QDir(m.checkpoint).dirName();
        s.models.push_back(m);
    }
    s.tasks.clear();
    for (int r = 0; r < m_tasks->rowCount(); ++r)
        if (roleAt(r) != TaskRole::Unused) {
            TaskEntry t{m_tasks->item(r, 0)->data(Qt::UserRole).toString(), roleAt(r)};
            t.data = m_tasks->item(r, 2)->data(Qt::UserRole).toString();
            if (!t.data.isEmpty()) {
                try {
                    t.dataItems = summarizeBlinkFolder(t.data).at(t.task);
                } catch (const std::exception &) {
                    // The spec reader names the problem when the panel checks the spec.
                }
            }
            s.tasks.push_back(t);
        }
    s.seeds.clear();
    for (const QString &part : m_seeds->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int seed = part.trimmed().toInt(&ok);
        if (ok && std::find(s.seeds.begin(), s.seeds.end(), seed) == s.seeds.end())
            s.seeds.push_back(seed);
    }
    s.train.steps = m_steps->value();
    s.train.batch = m_batch->value();
    s.train.examples = m_examples->value();
    s.train.learningRate = m_learningRate->value();
    s.train.method = m_method->currentText();
    s.train.warmupSteps = m_warmup->value();
    s.train.gradAccumulation = m_gradAccumulation->value();
    s.train.weightDecay = m_weightDecay->value();
    s.train.gradClip = m_gradClip->value();
    s.train.loraRank = m_loraRank->value();
    s.train.loraAlpha = m_loraAlpha->value();
    s.train.freezeVision = m_freezeVision->isChecked();
    s.train.saveAdapters = m_saveAdapters->isChecked() && s.train.method == QLatin1String("lora");
    s.train.autocast = m_bf16Autocast->isChecked() ? QStringLiteral("bf16") : QStringLiteral("none");
    s.eval.items = m_evalItems->value();
    s.eval.batch = m_evalBatch->value();
    s.eval.scoring = m_scoring->currentText();
    s.control = m_control->isChecked();
    s.difficulty = m_difficulty->value();
    s.threads = m_threads->value();
    s.device = m_device->currentData().toString();
    return s;
}

void SetupForm::setSpec(const StudySpec &s)
{
    const QSignalBlocker block(this); // one changed() at the end, not one per field
    m_base = s;
    m_name->setText(s.name.isEmpty() ? QStringLiteral("study") : s.name);
    m_checkpoints->clear();
    m_checkpointErrors->clear();
    m_taskDataErrors->clear();
    for (QCheckBox *box : m_presetBoxes)
        box->setChecked(false);
    for (const ModelEntry &m : s.models) {
        if (m.preset.isEmpty()) {
            addCheckpointItem(m.checkpoint);
            continue;
        }
        const int i = presets().indexOf(m.preset);
        if (i >= 0)
            m_presetBoxes[i]->setChecked(true);
        m_weights->setCurrentIndex(std::max(0, m_weights->findData(m.weights)));
    }
    for (int r = 0; r < m_tasks->rowCount(); ++r) {
        const QString task = m_tasks->item(r, 0)->data(Qt::UserRole).toString();
        TaskRole role = TaskRole::Unused;
        QString data;
        for (const TaskEntry &t : s.tasks)
            if (t.task == task) {
                role = t.role;
                data = t.data;
            }
        setTaskDataAt(r, data);
        static_cast<QComboBox *>(m_tasks->cellWidget(r, 1))->setCurrentIndex(int(kRoles.indexOf(role)));
    }
    QStringList seeds;
    for (int seed : s.seeds)
        seeds << QString::number(seed);
    m_seeds->setText(seeds.join(QStringLiteral(", ")));
    m_steps->setValue(s.train.steps);
    m_batch->setValue(s.train.batch);
    m_examples->setValue(s.train.examples);
    m_learningRate->setValue(s.train.learningRate);
    m_method->setCurrentText(s.train.method);
    m_warmup->setValue(s.train.warmupSteps);
    m_gradAccumulation->setValue(s.train.gradAccumulation);
    m_weightDecay->setValue(s.train.weightDecay);
    m_gradClip->setValue(s.train.gradClip);
    m_loraRank->setValue(s.train.loraRank);
    m_loraAlpha->setValue(s.train.loraAlpha);
    m_freezeVision->setChecked(s.train.freezeVision);
    m_saveAdapters->setChecked(s.train.saveAdapters);
    m_bf16Autocast->setChecked(s.train.autocast == QLatin1String("bf16"));
    m_evalItems->setValue(s.eval.items);
    m_evalBatch->setValue(s.eval.batch);
    m_scoring->setCurrentText(s.eval.scoring);
    m_control->setChecked(s.control);
    m_difficulty->setValue(s.difficulty);
    m_threads->setValue(s.threads);
    m_device->setCurrentIndex(std::max(0, m_device->findData(s.device)));
    QMetaObject::invokeMethod(this, &SetupForm::changed, Qt::QueuedConnection);
}

void SetupForm::setPresetChecked(const QString &preset, bool checked)
{
    const int i = presets().indexOf(preset);
    if (i >= 0)
        m_presetBoxes[i]->setChecked(checked);
}

void SetupForm::setWeights(const QString &weights)
{
    m_weights->setCurrentIndex(std::max(0, m_weights->findData(weights)));
}

void SetupForm::setTaskRole(const QString &task, TaskRole role)
{
    for (int r = 0; r < m_tasks->rowCount(); ++r)
        if (m_tasks->item(r, 0)->data(Qt::UserRole).toString() == task)
            static_cast<QComboBox *>(m_tasks->cellWidget(r, 1))->setCurrentIndex(int(kRoles.indexOf(role)));
}

QStringList SetupForm::addCheckpoint(const QString &folder)
{
    const QStringList problems = checkpointFolderProblems(folder);
    if (problems.isEmpty()) {
        addCheckpointItem(folder);
        m_checkpointErrors->clear();
        Q_EMIT changed();
    } else {
        m_checkpointErrors->setText(tr("%1 was not added:\n%2").arg(folder, problems.join(QLatin1Char('\n'))));
    }
    return problems;
}

void SetupForm::addCheckpointItem(const QString &folder)
{
    // The folder and what it is (format, size, memory to finetune), read from its config before launch.
    auto *item = new QListWidgetItem(QStringLiteral("%1 — %2").arg(folder, checkpointFolderSummary(folder)), m_checkpoints);
    item->setData(Qt::UserRole, folder);
    item->setToolTip(folder);
}

QString SetupForm::checkpointProblems() const { return m_checkpointErrors->text(); }

int SetupForm::rowOf(const QString &task) const
{
    for (int r = 0; r < m_tasks->rowCount(); ++r)
        if (m_tasks->item(r, 0)->data(Qt::UserRole).toString() == task)
            return r;
    return -1;
}

void SetupForm::setTaskDataAt(int row, const QString &folder)
{
    QTableWidgetItem *item = m_tasks->item(row, 2);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    item->setData(Qt::UserRole, folder);
    item->setText(folder.isEmpty() ? tr("embedded") : QDir(folder).dirName());
    item->setToolTip(folder.isEmpty() ? tr("Generated by the embedded suite") : folder);
}

void SetupForm::chooseBlinkFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("BLINK-format folder (a task folder with val.jsonl and train.jsonl)"));
    if (!dir.isEmpty())
        addBlinkFolder(dir);
}

QStringList SetupForm::addBlinkFolder(const QString &folder)
{
    const QString dir = QFileInfo(folder).absoluteFilePath();
    QStringList problems;
    std::map<QString, FolderTaskCounts> found;
    if (!QFileInfo(dir).isDir()) {
        problems << tr("%1 is not a folder").arg(dir);
    } else {
        try {
            found = summarizeBlinkFolder(dir);
        } catch (const InputError &e) {
            problems << e.describe();
        }
    }
    QList<int> rows;
    for (const auto &[task, counts] : found) {
        const int row = rowOf(task);
        if (row < 0)
            continue; // a primitive skill task: not part of a study
        auto *role = static_cast<QComboBox *>(m_tasks->cellWidget(row, 1));
        TaskRole wanted = roleAt(row);
        if (wanted == TaskRole::Unused)
            wanted = counts.train > 0 ? TaskRole::Both : TaskRole::Target;
        const QString problem = taskDataProblem(dir, task, wanted, m_base.eval.split);
        if (!problem.isEmpty()) {
            problems << problem;
            continue;
        }
        const QSignalBlocker block(role);
        role->setCurrentIndex(int(kRoles.indexOf(wanted)));
        setTaskDataAt(row, dir);
        rows << row;
    }
    if (problems.isEmpty() && rows.isEmpty())
        problems << tr("%1 holds none of the suite's 13 tasks").arg(dir);
    if (problems.isEmpty())
        m_taskDataErrors->clear();
    else
        m_taskDataErrors->setText(tr("%1 was not added:\n%2").arg(dir, problems.join(QLatin1Char('\n'))));
    if (!rows.isEmpty()) {
        m_tasks->setCurrentCell(rows.first(), 0);
        Q_EMIT changed();
    }
    return problems;
}

QString SetupForm::taskDataProblems() const { return m_taskDataErrors->text(); }

QString SetupForm::taskData(const QString &task) const
{
    const int row = rowOf(task);
    return row < 0 ? QString() : m_tasks->item(row, 2)->data(Qt::UserRole).toString();
}

void SetupForm::clearTaskData(const QString &task)
{
    const int row = rowOf(task);
    if (row < 0 || taskData(task).isEmpty())
        return;
    setTaskDataAt(row, {});
    showPreview(row);
    Q_EMIT changed();
}

bool SetupForm::cudaOffered() const
{
    const auto *items = qobject_cast<const QStandardItemModel *>(m_device->model());
    return items && items->item(2)->isEnabled();
}

} // namespace ts::ui
