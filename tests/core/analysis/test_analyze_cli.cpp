// End to end: the built transferscope-cli (path from TRANSFERSCOPE_CLI) on the released 32B
// table: --json document, text report, --export files, and one clear line for bad input.

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

const QString kTable32 = QStringLiteral(TRANSFERSCOPE_RESOURCES "/data/task-transfer-vlms/pgf_qwen2.5vl-32B.csv");

struct Result {
    int exitCode = -1;
    QByteArray out, err;
};

Result runCli(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // the CLI must choose offscreen by itself
    // Without a runtime directory Qt warns on stderr, which would spoil the one-line error check.
    static QTemporaryDir runtimeDir;
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir.path());
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(TRANSFERSCOPE_CLI), args);
    Result r;
    if (!p.waitForFinished(120000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QStringList abbreviations(const QJsonArray &a)
{
    QStringList out;
    for (const auto &v : a)
        out << v.toString();
    return out;
}

} // namespace

class TestAnalyzeCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void jsonDocument()
    {
        const Result r = runCli({QStringLiteral("analyze"), QStringLiteral("--json"), kTable32});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(doc.object().value(QStringLiteral("version")).toInt(), 1);
        const QJsonObject options = doc.object().value(QStringLiteral("options")).toObject();
        QCOMPARE(options.value(QStringLiteral("threshold")).toDouble(), 0.25);
        const QJsonArray models = doc.object().value(QStringLiteral("models")).toArray();
        QCOMPARE(models.size(), 1);
        const QJsonObject m = models.at(0).toObject();
        QCOMPARE(m.value(QStringLiteral("model")).toString(), QStringLiteral("qwen2.5vl-32B"));
        QCOMPARE(m.value(QStringLiteral("tasks")).toArray().size(), 13);
        QCOMPARE(m.value(QStringLiteral("runs")).toArray().size(), 4);
        QCOMPARE(m.value(QStringLiteral("topDonor")).toString(), QStringLiteral("Semantic Correspondence"));
        const QJsonObject cliques = m.value(QStringLiteral("cliques")).toObject();
        const QJsonArray positive = cliques.value(QStringLiteral("positive")).toArray();
        QCOMPARE(positive.size(), 1);
        QCOMPARE(abbreviations(positive.at(0).toObject().value(QStringLiteral("abbreviations")).toArray()),
                 QString::fromLatin1("VS AS VC RD RR SR JS CO FC").split(QLatin1Char(' ')));
        QVERIFY(positive.at(0).toObject().value(QStringLiteral("significance")).toObject().value(QStringLiteral("p")).toDouble() < 1e-10);
        const QJsonArray negative = cliques.value(QStringLiteral("negative")).toArray();
        QCOMPARE(negative.size(), 1);
        QCOMPARE(abbreviations(negative.at(0).toObject().value(QStringLiteral("abbreviations")).toArray()),
                 QString::fromLatin1("SC MV OL FD").split(QLatin1Char(' ')));
        const QJsonObject graph = m.value(QStringLiteral("graph")).toObject();
        QCOMPARE(graph.value(QStringLiteral("edgeCount")).toInt(), 45);
        QCOMPARE(graph.value(QStringLiteral("edges")).toArray().size(), 45);
        QCOMPARE(graph.value(QStringLiteral("strongestEdges")).toArray().size(), 10);
        const QJsonArray scores = m.value(QStringLiteral("scores")).toArray();
        QCOMPARE(scores.size(), 13);
        QVERIFY(std::fabs(m.value(QStringLiteral("meanPositiveTransferability")).toDouble() - 0.12726) < 5e-5);
        const QJsonArray mean = m.value(QStringLiteral("mean")).toArray();
        QCOMPARE(mean.size(), 13);
        QCOMPARE(mean.at(0).toArray().size(), 13);
        bool scDonor = false;
        for (const auto &v : m.value(QStringLiteral("personas")).toArray()) {
            const QJsonObject p = v.toObject();
            scDonor = scDonor || (p.value(QStringLiteral("abbreviation")).toString() == QLatin1String("SC")
                                  && p.value(QStringLiteral("persona")).toString() == QLatin1String("Donor")
                                  && p.value(QStringLiteral("rank")).toInt() == 1);
        }
        QVERIFY(scDonor);
    }
    void optionsChangeTheDocument()
    {
        const Result r = runCli({QStringLiteral("analyze"), QStringLiteral("--json"), QStringLiteral("--threshold"), QStringLiteral("0.5"),
                                 QStringLiteral("--persona-rule"), QStringLiteral("topk"), QStringLiteral("--top-k"), QStringLiteral("2"),
                                 kTable32});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject m = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("models")).toArray().at(0).toObject();
        const int edges = m.value(QStringLiteral("graph")).toObject().value(QStringLiteral("edgeCount")).toInt();
        QVERIFY(edges > 0 && edges < 45);
        QCOMPARE(m.value(QStringLiteral("personas")).toArray().size(), 8); // 2 per persona, every score nonzero
    }
    void textReport()
    {
        const Result r = runCli({QStringLiteral("analyze"), kTable32});
        QCOMPARE(r.exitCode, 0);
        const QString text = QString::fromUtf8(r.out);
        QVERIFY(text.contains(QStringLiteral("qwen2.5vl-32B")));
        QVERIFY(text.contains(QStringLiteral("{VS, AS, VC, RD, RR, SR, JS, CO, FC}")));
        QVERIFY(text.contains(QStringLiteral("{SC, MV, OL, FD}")));
        QVERIFY(text.contains(QStringLiteral("top donor: Semantic Correspondence")));
        QVERIFY(text.contains(QStringLiteral("Donor")));
    }
    void exportWritesValidFiles()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("figures"));
        const Result r = runCli({QStringLiteral("analyze"), QStringLiteral("--export"), out, QStringLiteral("--layout"),
                                 QStringLiteral("circo"), kTable32});
        QCOMPARE(r.exitCode, 0);
        const QString stem = QDir(out).filePath(QStringLiteral("qwen2.5vl-32B"));
        for (const char *suffix : {"_pgf.csv", "_pgf.tex", "_scores.csv", "_graph.svg", "_graph.pdf", "_heatmap.png",
                                   "_heatmap.svg", "_heatmap.pdf"})
            QVERIFY2(QFile::exists(stem + QLatin1String(suffix)), suffix);
        for (const char *svg : {"_graph.svg", "_heatmap.svg"}) {
            QFile f(stem + QLatin1String(svg));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QXmlStreamReader xml(bytes);
            while (!xml.atEnd())
                xml.readNext();
            QVERIFY2(!xml.hasError(), svg);
            QVERIFY2(QSvgRenderer(bytes).isValid(), svg);
        }
        for (const char *pdf : {"_graph.pdf", "_heatmap.pdf"}) {
            QFile f(stem + QLatin1String(pdf));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(f.read(4) == "%PDF", pdf);
        }
        // 13 cells of 42 pt plus margins, at 2 pixels per point.
        const QImage png(stem + QStringLiteral("_heatmap.png"));
        QCOMPARE(png.size(), QSize(1424, 1277));
        QFile csv(stem + QStringLiteral("_pgf.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 14);
    }
    void badInputIsOneLine()
    {
        const QString bad = QStringLiteral(TRANSFERSCOPE_TEST_DATA "/analysis/pgf_non_numeric.csv");
        const Result r = runCli({QStringLiteral("analyze"), bad});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(QString::fromUtf8(r.err),
                 QStringLiteral("error: %1:3: field 'perfection_gap_factor': expected a number, found 'abc'\n").arg(bad));
        QVERIFY(r.out.isEmpty());
        const Result usage = runCli({QStringLiteral("analyze"), QStringLiteral("--layout"), QStringLiteral("spiral"), kTable32});
        QCOMPARE(usage.exitCode, 2);
        QVERIFY(usage.err.contains("--layout"));
    }
};

QTEST_MAIN(TestAnalyzeCli)
#include "test_analyze_cli.moc"
