#pragma once
// View → Language: System / English / Deutsch. The choice is stored (appearance/language) and
// applied by main() at the next start through ts::i18n::install; the panels build their texts
// once, so the menu says that a restart is needed instead of half-translating the window.

#include "ui/settings/setting_value.h"

#include <QMenu>

namespace ts::ui {

class LanguageMenu : public QMenu {
    Q_OBJECT
public:
    explicit LanguageMenu(QWidget *parent = nullptr);

    static SettingValue<QString> &setting();
    // "system", "en" or "de" (an unknown stored value reads as "system").
    static QString savedChoice();

Q_SIGNALS:
    void languageChosen(const QString &choice);
};

} // namespace ts::ui
