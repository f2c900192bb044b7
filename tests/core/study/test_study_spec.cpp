#include "study/study_plan.h"
#include "study/study_spec.h"

#include <QJsonDocument>
#include <QtTest>

using namespace ts;

namespace {

const QStringList kPresets{QStringLiteral("suite-tiny"), QStringLiteral("suite-small"), QStringLiteral("suite-base")};

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

// The messages of every problem found, as "field: message".
QStringList problems(const QJsonObject &spec)
{
    try {
        parseStudySpec(spec, SpecContext{QStringLiteral("study.json"), kPresets});
    } catch (const SpecErrors &e) {
        QStringList out;
        for (const InputError &err : e.errors())
            out << err.field() + QStringLiteral(": ") + err.message();
        return out;
    }
    return {};
}

} // namespace

class TestStudySpec : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void minimalSpecGetsDefaults()
    {
        const StudySpec s = parseStudySpec(json(R"({"models": ["suite-tiny"]})"), SpecContext{QStringLiteral("q.json"), kPresets});
        QCOMPARE(s.name, QStringLiteral("q"));
        QCOMPARE(int(s.models.size()), 1);
        QCOMPARE(s.models[0].name, QStringLiteral("suite-tiny"));
        QCOMPARE(int(s.tasks.size()), 13);
        QCOMPARE(s.sourceTasks().size(), 13);
        QCOMPARE(s.seeds, std::vector<int>{0});
        QCOMPARE(s.train.method, QStringLiteral("lora"));
        QCOMPARE(s.eval.items, 1000);
    }

    void taskRolesAndAbbreviations()
    {
        const StudySpec s = parseStudySpec(json(R"({"models": ["suite-tiny"], "tasks": {"VS": "source", "Counting": "target", "JS": "both", "FD": "unused"}})"),
                                           SpecContext{QStringLiteral("q.json"), kPresets});
        QCOMPARE(s.sourceTasks(), (QStringList{QStringLiteral("Jigsaw"), QStringLiteral("Visual Similarity")}));
        QCOMPARE(s.targetTasks(), (QStringList{QStringLiteral("Counting"), QStringLiteral("Jigsaw")}));
    }

    void everyProblemIsReportedWithItsField()
    {
        const QStringList p = problems(json(R"({
            "models": ["suite-huge", {"checkpoint": "no/such/folder"}],
            "tasks": ["VS", "IQ Test"],
            "seeds": [0, 0, -1],
            "train": {"steps": 0, "lerning_rate": 0.1, "batch": 2.5, "method": "qlora"},
            "eval": {"split": "train"}
        })"));
        const QStringList expected{
            QStringLiteral("models[0]: unknown model preset 'suite-huge' (available: suite-tiny, suite-small, suite-base)"),
            QStringLiteral("tasks[1]: unknown task 'IQ Test'"),
            QStringLiteral("seeds[1]: seed 0 is listed twice"),
            QStringLiteral("seeds[2]: expected a non-negative integer"),
            QStringLiteral("train.lerning_rate: unknown field"),
            QStringLiteral("train.steps: expected an integer from 1 to"),
            QStringLiteral("train.batch: expected an integer"),
            QStringLiteral("train.method: expected one of lora, full"),
            QStringLiteral("eval.split: expected one of val, test"),
            QStringLiteral("models[1].checkpoint: missing checkpoint folder"),
        };
        for (const QString &e : expected) {
            const bool found = std::any_of(p.begin(), p.end(), [&](const QString &m) { return m.startsWith(e); });
            QVERIFY2(found, qPrintable(QStringLiteral("missing problem '%1' in:\n%2").arg(e, p.join(QLatin1Char('\n')))));
        }
        QCOMPARE(p.size(), expected.size());
    }

    void adapterAndAutocastOptionsAreChecked()
    {
        const QStringList p = problems(json(R"({
            "models": ["suite-tiny"], "tasks": ["VS"], "device": "cpu",
            "train": {"method": "full", "save_adapters": true, "autocast": "bf16"}
        })"));
        QCOMPARE(p, (QStringList{QStringLiteral("train.save_adapters: adapters exist only with \"method\": \"lora\""),
                                 QStringLiteral("train.autocast: bf16 autocast runs on CUDA only; with \"device\": \"cpu\" use \"none\"")}));
        QVERIFY(problems(json(R"({"models": ["suite-tiny"], "tasks": ["VS"], "train": {"autocast": "fp8"}})"))
                    .value(0)
                    .startsWith(QStringLiteral("train.autocast: expected one of none, bf16")));
        const StudySpec s = parseStudySpec(json(R"({"models": ["suite-tiny"], "tasks": ["VS"], "train": {"save_adapters": true, "autocast": "bf16"}})"), SpecContext{QStringLiteral("q.json"), kPresets});
        QVERIFY(s.train.saveAdapters);
        QCOMPARE(s.train.autocast, QStringLiteral("bf16"));
        const StudySpec back = parseStudySpec(s.toJson(), SpecContext{QStringLiteral("q.json"), kPresets}); // saved with the spec, read back the same
        QVERIFY(back.train.saveAdapters);
        QCOMPARE(back.train.autocast, QStringLiteral("bf16"));
    }

    void connectorLearningRateIsOptionalAndChecked()
    {
        const SpecContext ctx{QStringLiteral("q.json"), kPresets};
        const StudySpec plain = parseStudySpec(json(R"({"models": ["suite-tiny"]})"), ctx);
        QVERIFY(plain.train.connectorLearningRate < 0); // absent: the connector follows learning_rate
        QVERIFY(!plain.toJson().value(QStringLiteral("train")).toObject().contains(QStringLiteral("connector_learning_rate")));
        const StudySpec set = parseStudySpec(json(R"({"models": ["suite-tiny"], "train": {"connector_learning_rate": 0.006}})"), ctx);
        QCOMPARE(set.train.connectorLearningRate, 0.006);
        QCOMPARE(parseStudySpec(set.toJson(), ctx).train.connectorLearningRate, 0.006);
        const StudySpec frozen = parseStudySpec(json(R"({"models": ["suite-tiny"], "train": {"connector_learning_rate": 0}})"), ctx);
        QCOMPARE(frozen.train.connectorLearningRate, 0.0);
        QCOMPARE(parseStudySpec(frozen.toJson(), ctx).train.connectorLearningRate, 0.0);
        QVERIFY(problems(json(R"({"models": ["suite-tiny"], "train": {"connector_learning_rate": -1}})"))
                    .value(0)
                    .startsWith(QStringLiteral("train.connector_learning_rate: expected a number from 0 to 1")));
    }

    void invalidJsonNamesTheLine()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\n  \"models\": [\"suite-tiny\"],\n  \"seeds\": [0,,1]\n}\n");
        f.close();
        try {
            readStudySpec(path, kPresets);
            QFAIL("expected SpecErrors");
        } catch (const SpecErrors &e) {
            QCOMPARE(int(e.errors().size()), 1);
            QCOMPARE(e.errors()[0].file(), path);
            QCOMPARE(e.errors()[0].line(), 3);
        }
    }

    void specRoundTripsThroughJson()
    {
        const StudySpec s = parseStudySpec(json(R"({"models": ["suite-tiny", "suite-base"], "seeds": [0, 1, 2, 3],
            "train": {"steps": 90, "lora": {"rank": 4, "targets": ["q", "v"]}}, "eval": {"blink_sizes": true}})"),
                                           SpecContext{QStringLiteral("p.json"), kPresets});
        const StudySpec back = parseStudySpec(s.toJson(), SpecContext{QStringLiteral("p.json"), kPresets});
        QCOMPARE(back.toJson(), s.toJson());
        QCOMPARE(back.train.loraTargets, (QStringList{QStringLiteral("q"), QStringLiteral("v")}));
    }

    void planOrdersBaseThenControlThenSources()
    {
        const StudySpec s = parseStudySpec(json(R"({"models": ["suite-tiny", "suite-small"], "seeds": [3, 5],
            "tasks": {"VS": "both", "CO": "target", "JS": "source"}, "train": {"steps": 20, "batch": 8}})"),
                                           SpecContext{QStringLiteral("p.json"), kPresets});
        const auto cells = planStudy(s);
        // per model: 1 base + 2 seeds × (1 control + 2 sources)
        QCOMPARE(int(cells.size()), 2 * (1 + 2 * 3));
        QCOMPARE(cells[0].kind, CellKind::Base);
        QCOMPARE(cells[0].evalItems, 2000LL); // two targets × 1000
        QCOMPARE(cells[1].kind, CellKind::Control);
        QCOMPARE(cells[1].seed, 3);
        QCOMPARE(cells[2].source, QStringLiteral("Jigsaw"));
        QCOMPARE(cells[3].source, QStringLiteral("Visual Similarity"));
        QCOMPARE(cells[4].seed, 5);
        QCOMPARE(cells[7].model, QStringLiteral("suite-small"));
        QCOMPARE(cells[2].cellId(), QStringLiteral("finetune__suite-tiny__Jigsaw__seed3"));
        QCOMPARE(cells[2].run(), QStringLiteral("seed_3"));
        QCOMPARE(cellWork(cells[2], 8), 2000.0 + 3.0 * 20 * 8);
    }

    void blinkSizesChangeEvaluationItems()
    {
        const StudySpec s = parseStudySpec(json(R"({"models": ["suite-tiny"], "eval": {"blink_sizes": true}})"),
                                           SpecContext{QStringLiteral("p.json"), kPresets});
        QCOMPARE(evalItemsFor(s, QStringLiteral("Visual Correspondence")), 172);
        QCOMPARE(planStudy(s).front().evalItems, 1751LL);
    }
};

QTEST_GUILESS_MAIN(TestStudySpec)
#include "test_study_spec.moc"
