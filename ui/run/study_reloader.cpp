#include "ui/run/study_reloader.h"

#include "ui/run/background_priority.h"
#include "ui/study/study_loader.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>
#include <memory>

namespace ts::ui {

StudyReloader::StudyReloader(QObject *parent) : QObject(parent) {}

void StudyReloader::reload(const QString &studyDir, const AnalysisOptions &options)
{
    m_dir = studyDir;
    m_options = options;
    if (m_loading) {
        m_pending = true;
        return;
    }
    startLoad();
}

void StudyReloader::startLoad()
{
    m_loading = true;
    m_pending = false;
    const QString dir = m_dir;
    const AnalysisOptions options = m_options;
    QPointer<StudyReloader> self(this);
    runInBackground([self, dir, options] {
        auto models = std::make_shared<std::vector<ModelStudy>>();
        try {
            *models = StudyLoader::load(dir, options);
        } catch (const std::exception &) {
            // No finetuned cell yet, or a cell being replaced: the next completion reloads.
        }
        // Delivered on the UI thread, where the QPointer check is safe.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, dir, models] {
                if (!self)
                    return;
                self->m_loading = false;
                if (!models->empty())
                    Q_EMIT self->loaded(dir, std::move(*models));
                if (self->m_pending)
                    self->startLoad();
            },
            Qt::QueuedConnection);
    });
}

} // namespace ts::ui
