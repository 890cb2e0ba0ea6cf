#include "diff/jsondiff.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Countersign;
using namespace Qt::StringLiterals;
using Kind = JsonDiff::Change::Kind;

namespace {

QJsonValue json(const QString &text)
{
    const std::optional<QJsonValue> value = JsonDiff::parse(text);
    if (!value)
        qFatal("not JSON: %s", qPrintable(text));
    return *value;
}

// "kind path" lines, for compact comparisons.
QStringList summary(const QList<JsonDiff::Change> &changes)
{
    QStringList lines;
    for (const JsonDiff::Change &change : changes) {
        const QString kind = change.kind == Kind::Added ? u"+"_s : change.kind == Kind::Removed ? u"-"_s : u"~"_s;
        lines << kind + u' ' + change.path;
    }
    return lines;
}

} // namespace

// The key-by-key diff of JSON payloads (tool arguments).
class TestJsonDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identicalDocumentsHaveNoChanges()
    {
        const QJsonValue value = json(uR"({"a": 1, "b": [1, 2, {"c": null}], "d": "x"})"_s);
        QVERIFY(JsonDiff::compare(value, value).isEmpty());
    }

    void keyOrderDoesNotMatter()
    {
        QVERIFY(JsonDiff::compare(
            json(uR"({"a": 1, "b": {"x": true, "y": "z"}})"_s), json(uR"({"b": {"y": "z", "x": true}, "a": 1})"_s))
                .isEmpty());
        // 1 and 1.0 are the same number.
        QVERIFY(JsonDiff::compare(json(uR"({"n": 1})"_s), json(uR"({"n": 1.0})"_s)).isEmpty());
    }

    void addedRemovedAndChangedKeysWithPaths()
    {
        const QJsonValue left = json(uR"({
            "command": "ls",
            "options": {"all": true, "depth": 2},
            "files": ["a", "b", {"name": "c", "mode": 420}],
            "timeout": 30
        })"_s);
        const QJsonValue right = json(uR"({
            "timeout": 60,
            "files": ["a", "B", {"mode": 420, "name": "d", "owner": "me"}, "extra"],
            "options": {"depth": 2},
            "command": "ls",
            "env": {"PATH": "/bin"}
        })"_s);
        const QList<JsonDiff::Change> changes = JsonDiff::compare(left, right);
        QCOMPARE(summary(changes),
            (QStringList{u"+ env"_s, u"~ files[1]"_s, u"~ files[2].name"_s, u"+ files[2].owner"_s, u"+ files[3]"_s,
                u"- options.all"_s, u"~ timeout"_s}));
        QCOMPARE(changes.at(0).right, QJsonValue(QJsonObject{{u"PATH"_s, u"/bin"_s}}));
        QVERIFY(changes.at(0).left.isUndefined());
        QCOMPARE(changes.at(2).left, QJsonValue(u"c"_s));
        QCOMPARE(changes.at(2).right, QJsonValue(u"d"_s));
        QCOMPARE(changes.at(5).left, QJsonValue(true));
        QVERIFY(changes.at(5).right.isUndefined());
        QCOMPARE(changes.at(6).left.toInt(), 30);
        QCOMPARE(changes.at(6).right.toInt(), 60);
    }

    void aShorterArrayRemovesItsTail()
    {
        QCOMPARE(summary(JsonDiff::compare(json(u"[1, 2, 3]"_s), json(u"[1, 2]"_s))), QStringList{u"- [2]"_s});
    }

    void aChangeOfTypeIsOneChange()
    {
        const QList<JsonDiff::Change> changes
            = JsonDiff::compare(json(uR"({"a": {"b": 1, "c": 2}})"_s), json(uR"({"a": "flat"})"_s));
        QCOMPARE(summary(changes), QStringList{u"~ a"_s});
        QCOMPARE(JsonDiff::display(changes.at(0).left), uR"({"b":1,"c":2})"_s);
        QCOMPARE(JsonDiff::display(changes.at(0).right), u"\"flat\""_s);
        // The document itself.
        QCOMPARE(summary(JsonDiff::compare(json(u"1"_s), json(u"2"_s))), QStringList{u"~ "_s});
    }

    void keysThatAreNoIdentifiersAreQuoted()
    {
        QCOMPARE(JsonDiff::keyPath(QString(), u"a"_s), u"a"_s);
        QCOMPARE(JsonDiff::keyPath(u"a"_s, u"b_c-d2"_s), u"a.b_c-d2"_s);
        QCOMPARE(JsonDiff::keyPath(u"a"_s, u"x.y"_s), u"a[\"x.y\"]"_s);
        QCOMPARE(JsonDiff::keyPath(QString(), u"with \"quote\""_s), u"[\"with \\\"quote\\\"\"]"_s);
        QCOMPARE(JsonDiff::keyPath(u"a"_s, u"2"_s), u"a[\"2\"]"_s); // not an index
        QCOMPARE(JsonDiff::indexPath(u"a.b"_s, 2), u"a.b[2]"_s);
        QCOMPARE(summary(JsonDiff::compare(json(uR"({"a b": 1})"_s), json(uR"({"a b": 2})"_s))),
            QStringList{u"~ [\"a b\"]"_s});
    }

    void parsesAnyJsonAndRejectsTheRest()
    {
        QVERIFY(JsonDiff::parse(u"{}"_s).has_value());
        QVERIFY(JsonDiff::parse(u"[1]"_s)->isArray());
        QCOMPARE(JsonDiff::parse(u" 42 "_s)->toInt(), 42);
        QCOMPARE(JsonDiff::parse(u"\"text\""_s)->toString(), u"text"_s);
        QVERIFY(JsonDiff::parse(u"null"_s)->isNull());
        QVERIFY(!JsonDiff::parse(u""_s));
        QVERIFY(!JsonDiff::parse(u"{\"a\": }"_s));
        QVERIFY(!JsonDiff::parse(u"1, 2"_s));
        QVERIFY(!JsonDiff::parse(u"plain words"_s));
    }
};

QTEST_GUILESS_MAIN(TestJsonDiff)
#include "tst_jsondiff.moc"
