#include "ui/settings/language_menu.h"

#include "i18n/language.h"

#include <QActionGroup>
#include <QMessageBox>

namespace ts::ui {

SettingValue<QString> &LanguageMenu::setting()
{
    static SettingValue<QString> s(QStringLiteral("appearance/language"), i18n::systemChoice());
    return s;
}

QString LanguageMenu::savedChoice()
{
    const QString choice = setting().value();
    return i18n::languageCodes().contains(choice) ? choice : i18n::systemChoice();
}

LanguageMenu::LanguageMenu(QWidget *parent) : QMenu(tr("&Language"), parent)
{
    setObjectName(QStringLiteral("LanguageMenu"));
    auto *group = new QActionGroup(this);
    // The language names stay in their own language, so a user can always find theirs.
    const QList<QPair<QString, QString>> choices = {{tr("&System"), i18n::systemChoice()},
                                                    {QStringLiteral("&English"), QStringLiteral("en")},
                                                    {QStringLiteral("&Deutsch"), QStringLiteral("de")}};
    const QString saved = savedChoice();
    for (const auto &[label, code] : choices) {
        QAction *a = addAction(label);
        a->setCheckable(true);
        a->setChecked(code == saved);
        a->setData(code);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] {
            if (code == savedChoice())
                return;
            setting().setValue(code);
            Q_EMIT languageChosen(code);
            QMessageBox::information(parentWidget(), tr("Language"),
                                     tr("The new language is used when Transferscope starts the next time."));
        });
    }
}

} // namespace ts::ui
