#pragma once
// The language of the user-visible texts (the workbench, the CLI's usage and errors, the analysis
// messages both show). English is the source language; German comes from translations/
// transferscope_de.ts, compiled by lrelease and embedded at :/i18n/ (target transferscope_i18n).
// By default the system locale decides (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); the workbench's
// View → Language menu stores an override that main() passes here.

#include <QLocale>
#include <QString>
#include <QStringList>

namespace ts::i18n {

// The choices a user may store: "system", "en", "de". Anything else counts as "system".
QString systemChoice();
QStringList languageCodes(); // {"en", "de"}

// The locale a choice stands for: the system's for "system" (or an empty/unknown choice).
QLocale localeFor(const QString &choice);

// Installs Qt's own catalogue (qtbase, for the standard dialogs) and Transferscope's for the
// choice on the running QCoreApplication; the translators are owned by the application. Returns
// the language code now in use: "de" when the German catalogue was installed, otherwise "en".
QString install(const QString &choice = systemChoice());

} // namespace ts::i18n
