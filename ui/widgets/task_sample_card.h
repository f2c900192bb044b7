#pragma once
// One example item of a suite task as the model sees it: its images, the question and the
// options, with the correct option marked. Built from the procedural suite when it is linked in.

#include <QFrame>
#include <QImage>
#include <QStringList>
#include <vector>

namespace ts::ui {

struct SampleCardContent {
    std::vector<QImage> images;
    QString question;
    QStringList options;
    int answer = -1;
    QString caption; // e.g. "val #3, level 1"
};

class TaskSampleCard : public QFrame {
    Q_OBJECT
public:
    explicit TaskSampleCard(const SampleCardContent &content, QWidget *parent = nullptr);
};

} // namespace ts::ui
