#include "ui/widgets/task_sample_card.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QVBoxLayout>

namespace ts::ui {

TaskSampleCard::TaskSampleCard(const SampleCardContent &content, QWidget *parent) : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    auto *images = new QHBoxLayout;
    for (const QImage &image : content.images) {
        auto *label = new QLabel(this);
        // Suite images are 64 px; enlarge them without smoothing so the pixels stay crisp.
        label->setPixmap(QPixmap::fromImage(image.scaled(image.size() * 3 / 2, Qt::KeepAspectRatio, Qt::FastTransformation)));
        images->addWidget(label);
    }
    images->addStretch();
    layout->addLayout(images);
    auto *question = new QLabel(content.question, this);
    question->setWordWrap(true);
    layout->addWidget(question);
    QStringList lines;
    for (int i = 0; i < content.options.size(); ++i) {
        const QString line = QStringLiteral("(%1) %2").arg(QChar('A' + i)).arg(content.options[i].toHtmlEscaped());
        lines << (i == content.answer ? QStringLiteral("<b>%1 ✓</b>").arg(line) : line);
    }
    auto *options = new QLabel(lines.join(QStringLiteral("<br>")), this);
    options->setTextFormat(Qt::RichText);
    layout->addWidget(options);
    auto *caption = new QLabel(content.caption, this);
    caption->setEnabled(false);
    layout->addWidget(caption);
    layout->addStretch();
}

} // namespace ts::ui
