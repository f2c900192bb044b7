// translations/transferscope_de.ts is complete: every message has a finished, non-empty German
// translation that keeps the source's placeholders (%1, %n) and its accelerator; and
// ts::i18n::install loads the embedded catalogue for "de" and nothing for "en".

#include "i18n/language.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message {
    QString context, source, translation, type;
    QStringList numerusForms;
    bool numerus = false;
    qint64 line = 0;
};

QVector<Message> readCatalogue(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QVector<Message> out;
    QXmlStreamReader xml(&file);
    QString context;
    Message m;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("message")) {
                m = Message{context, {}, {}, {}, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes"),
                            xml.lineNumber()};
                inMessage = true;
            } else if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (inMessage && name == QLatin1String("source")) {
                m.source = xml.readElementText();
            } else if (inMessage && name == QLatin1String("translation")) {
                m.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!m.numerus)
                    m.translation = xml.readElementText();
            } else if (inMessage && name == QLatin1String("numerusform")) {
                m.numerusForms << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            out << m;
            inMessage = false;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    return out;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QSet<QString> out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out << it.next().captured(0);
    return out;
}

// "&File" has one accelerator; "&&" is a literal ampersand.
bool hasAccelerator(const QString &text)
{
    QString t = text;
    t.replace(QStringLiteral("&&"), QString());
    static const QRegularExpression re(QStringLiteral("&[^\\s;&]"));
    return re.match(t).hasMatch() && !t.contains(QLatin1String("&lt;")) && !t.contains(QLatin1String("&amp;"));
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyMessageIsTranslated()
    {
        QString error;
        const QVector<Message> messages = readCatalogue(QStringLiteral(TRANSFERSCOPE_TS_FILE), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(messages.size() > 100, qPrintable(QStringLiteral("only %1 messages").arg(messages.size())));
        QStringList problems;
        for (const Message &m : messages) {
            const QString where = QStringLiteral("line %1 [%2] \"%3\"").arg(m.line).arg(m.context, m.source);
            if (m.type == QLatin1String("unfinished"))
                problems << where + QStringLiteral(": unfinished");
            else if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete"))
                problems << where + QStringLiteral(": %1 (run lupdate with -no-obsolete)").arg(m.type);
            const QStringList forms = m.numerus ? m.numerusForms : QStringList{m.translation};
            if (forms.isEmpty())
                problems << where + QStringLiteral(": no numerus forms");
            for (const QString &t : forms) {
                if (t.trimmed().isEmpty() && !m.source.trimmed().isEmpty()) {
                    problems << where + QStringLiteral(": empty translation");
                    continue;
                }
                QSet<QString> want = placeholders(m.source), have = placeholders(t);
                if (m.numerus) { // a numerus form may spell the number out ("ein Lauf")
                    want.remove(QStringLiteral("%n"));
                    have.remove(QStringLiteral("%n"));
                }
                if (want != have)
                    problems << where + QStringLiteral(": placeholders differ in \"%1\"").arg(t);
                if (hasAccelerator(m.source) && !hasAccelerator(t))
                    problems << where + QStringLiteral(": the accelerator (&) is missing in \"%1\"").arg(t);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 problem(s):\n").arg(problems.size()) + problems.join(QLatin1Char('\n'))));
    }

    void germanIsInstalledOnRequest()
    {
        QCOMPARE(ts::i18n::install(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("ts::cli", "commands:"), QStringLiteral("commands:"));
        QCOMPARE(ts::i18n::install(QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(QCoreApplication::translate("ts::cli", "commands:"), QStringLiteral("Befehle:"));
        QCOMPARE(QCoreApplication::translate("ts::Personas", "Donor"), QStringLiteral("Spender"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"
