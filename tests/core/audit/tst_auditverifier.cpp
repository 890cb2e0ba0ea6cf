// AuditChainVerifier on in-memory chains: every kind of tampering, at every position, is
// reported at exactly the first entry that no longer fits.
#include "audit/auditverification.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using namespace Countersign;

namespace {

QList<AuditEntry> chain(int count)
{
    QList<AuditEntry> list;
    QByteArray prev;
    for (int i = 1; i <= count; ++i) {
        AuditEntry e;
        e.seq = i;
        e.time = QDateTime(QDate(2026, 3, 1), QTime(8, 0), QTimeZone::UTC).addSecs(i * 61);
        e.actor = i % 2 ? QStringLiteral("alice") : QStringLiteral("policy");
        e.role = QStringLiteral("reviewer");
        e.kind = QStringLiteral("action.decided");
        e.subject = QStringLiteral("act-%1").arg(i);
        e.before = QJsonObject{{QStringLiteral("state"), QStringLiteral("pending")}};
        e.after = QJsonObject{{QStringLiteral("state"), QStringLiteral("approved")}, {QStringLiteral("version"), i}};
        e.prevHash = prev;
        e.hash = e.computeHash();
        prev = e.hash;
        list.append(e);
    }
    return list;
}

// Renumbers entries from `from` on, as an insertion or deletion in a table would.
void renumber(QList<AuditEntry> &list, qsizetype from, int delta)
{
    for (qsizetype i = from; i < list.size(); ++i)
        list[i].seq += delta;
}

} // namespace

class TestAuditVerifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The canonical encoding is written directly; it must stay exactly what QJsonDocument
    // wrote for the same members, or every stored chain would fail verification.
    void canonicalEncodingIsQJsonDocuments()
    {
        QRandomGenerator random(3);
        const QList<QString> texts{QStringLiteral("alice"), QStringLiteral("q\"\\\n"), QString(),
            QString::fromUtf8("\xc3\xa9\xf0\x9f\x98\x80"), QString(QChar(0xdc00))};
        const QList<QJsonValue> values{QJsonValue(QJsonValue::Undefined), QJsonValue(), QJsonValue(3),
            QJsonValue(QStringLiteral("x")),
            QJsonObject{{QStringLiteral("state"), QStringLiteral("pending")}, {QStringLiteral("version"), 7},
                {QStringLiteral("payload_sha256"), QStringLiteral("ab\u0000")}},
            QJsonArray{1.5, QJsonObject{}, QJsonArray{}}};
        auto text = [&] {
            return texts.at(int(random.bounded(qsizetype(texts.size()))));
        };
        for (int i = 0; i < 2000; ++i) {
            AuditEntry e;
            e.seq = qint64(random.bounded(Q_UINT64_C(1) << 40));
            if (random.bounded(4))
                e.time = QDateTime::fromMSecsSinceEpoch(
                    qint64(random.bounded(Q_UINT64_C(4'000'000'000'000))), QTimeZone::UTC);
            e.actor = text();
            e.role = text();
            e.kind = text();
            e.subject = text();
            e.before = values.at(int(random.bounded(qsizetype(values.size()))));
            e.after = values.at(int(random.bounded(qsizetype(values.size()))));
            e.prevHash = random.bounded(2) ? QByteArray() : QByteArray(64, 'f');
            const QJsonObject reference{
                {QStringLiteral("seq"), double(e.seq)},
                {QStringLiteral("time"), e.time.isValid() ? e.time.toString(Qt::ISODateWithMs) : QString()},
                {QStringLiteral("actor"), e.actor},
                {QStringLiteral("role"), e.role},
                {QStringLiteral("kind"), e.kind},
                {QStringLiteral("subject"), e.subject},
                {QStringLiteral("before"), e.before},
                {QStringLiteral("after"), e.after},
                {QStringLiteral("prev"), QString::fromLatin1(e.prevHash)},
            };
            QCOMPARE(e.canonicalEncoding(), QJsonDocument(QJsonArray{reference}).toJson(QJsonDocument::Compact));
        }
    }
    void intactChainVerifies()
    {
        for (int n : {0, 1, 2, 50}) {
            const auto r = AuditChainVerifier::verify(chain(n));
            QVERIFY(r.ok);
            QCOMPARE(r.entries, n);
            QCOMPARE(r.firstBadSeq, 0);
        }
    }

    void tamperingIsReportedAtTheFirstBadEntry_data()
    {
        QTest::addColumn<QString>("kind");
        for (const char *kind : {"edit", "edit hash", "forge", "delete", "insert", "insert forged", "swap"})
            QTest::newRow(kind) << QString::fromLatin1(kind);
    }

    void tamperingIsReportedAtTheFirstBadEntry()
    {
        QFETCH(QString, kind);
        constexpr int N = 12;
        for (int i = 1; i <= N; ++i) {
            QList<AuditEntry> list = chain(N);
            const qsizetype at = i - 1;
            qint64 expected = i;
            if (kind == QLatin1String("edit")) {
                list[at].subject += u'x';
            } else if (kind == QLatin1String("edit hash")) {
                list[at].hash = QByteArray(64, 'f');
            } else if (kind == QLatin1String("forge")) {
                // Altered and re-hashed: the entry itself looks fine, the next one no longer links.
                list[at].actor = QStringLiteral("mallory");
                list[at].hash = list[at].computeHash();
                if (i == N)
                    continue; // the chain alone cannot see this; the store's recorded head does
                expected = i + 1;
            } else if (kind == QLatin1String("delete")) {
                list.removeAt(at);
                if (i == N)
                    continue; // truncation is likewise the head's job
            } else if (kind == QLatin1String("insert") || kind == QLatin1String("insert forged")) {
                AuditEntry extra = list.at(at);
                extra.subject = QStringLiteral("inserted");
                extra.prevHash = at > 0 ? list.at(at - 1).hash : QByteArray();
                if (kind == QLatin1String("insert forged"))
                    extra.hash = extra.computeHash();
                renumber(list, at, 1);
                list.insert(at, extra);
                if (kind == QLatin1String("insert forged"))
                    expected = i + 1;
            } else if (kind == QLatin1String("swap")) {
                if (i == N)
                    continue;
                std::swap(list[at], list[at + 1]);
            }
            const auto r = AuditChainVerifier::verify(list);
            QVERIFY2(!r.ok, qPrintable(QStringLiteral("%1 at %2 went unnoticed").arg(kind).arg(i)));
            QCOMPARE(r.firstBadSeq, expected);
            QCOMPARE(r.entries, expected - 1);
            QVERIFY(!r.problem.isEmpty());
        }
    }

    void verifierStopsAtTheFirstBreak()
    {
        QList<AuditEntry> list = chain(10);
        list[3].kind = QStringLiteral("changed");
        list[7].kind = QStringLiteral("changed too");
        AuditChainVerifier v;
        int accepted = 0;
        for (const auto &e : list) {
            if (!v.add(e))
                break;
            ++accepted;
        }
        QCOMPARE(accepted, 3);
        QCOMPARE(v.result().firstBadSeq, 4);
        QVERIFY(!v.add(list.at(4))); // stays broken
        QCOMPARE(v.result().firstBadSeq, 4);
    }
};

QTEST_GUILESS_MAIN(TestAuditVerifier)
#include "tst_auditverifier.moc"
