#include "i18n/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace ts::i18n {

QString systemChoice()
{
    return QStringLiteral("system");
}

QStringList languageCodes()
{
    return {QStringLiteral("en"), QStringLiteral("de")};
}

QLocale localeFor(const QString &choice)
{
    if (choice == QLatin1String("de"))
        return QLocale(QLocale::German, QLocale::Germany);
    if (choice == QLatin1String("en"))
        return QLocale(QLocale::English, QLocale::UnitedStates);
    return QLocale::system();
}

// The first language of the locale's list that we know decides; English is the source language,
// so an English-first list never falls through to a later German entry.
// (For the system locale the list starts with LANGUAGE's entries, then LC_ALL/LC_MESSAGES/LANG.)
static bool wantsGerman(const QLocale &locale)
{
    for (const QString &name : locale.uiLanguages()) {
        if (name.startsWith(QLatin1String("de")))
            return true;
        if (name.startsWith(QLatin1String("en")) || name == QLatin1String("C"))
            return false;
    }
    return locale.language() == QLocale::German;
}

QString install(const QString &choice)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return QStringLiteral("en");
    if (!wantsGerman(localeFor(choice)))
        return QStringLiteral("en"); // the source strings; nothing to load
    const QLocale locale(QLocale::German, QLocale::Germany);
    auto *own = new QTranslator(app);
    if (!own->load(locale, QStringLiteral("transferscope"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete own;
        return QStringLiteral("en");
    }
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    QCoreApplication::installTranslator(own);
    return QStringLiteral("de");
}

} // namespace ts::i18n
