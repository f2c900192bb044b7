#pragma once
// A QCustomPlot that does not render while it sits behind a tab of a shown window: every view updates on
// each reload of a running study, and the replot of a hidden heat map or scatter cost the UI thread 2–4 ms
// each (transferscope_ui_stall_bench). The replot happens when the plot is shown. A plot in a window that
// is not shown (tests, figure export) replots as before.
#include "ui/widgets/qcustomplot_include.h"

namespace ts::ui {

class LazyReplotPlot : public QCustomPlot {
public:
    using QCustomPlot::QCustomPlot;

    void requestReplot()
    {
        if (!isVisible() && window()->isVisible()) {
            m_replotPending = true;
            return;
        }
        replot(rpQueuedReplot);
    }

protected:
    void showEvent(QShowEvent *event) override
    {
        QCustomPlot::showEvent(event);
        if (m_replotPending) {
            m_replotPending = false;
            replot(rpQueuedReplot);
        }
    }

private:
    bool m_replotPending = false;
};

} // namespace ts::ui
