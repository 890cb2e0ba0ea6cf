// Tampering with the audit log directly in the SQLite file (as someone with access to the file
// could, after dropping the append-only triggers): SqliteStore::verifyAudit() reports exactly the
// first bad entry, for every kind of change at every position.
#include "domain/manualclock.h"
#include "rawsqlite.h"
#include "store/sqlite/sqlitestore.h"
#include "storetestdata.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

namespace {

constexpr int N = 12; // entries in the pristine log

QString text(const QByteArray &hex)
{
    return hex.isEmpty() ? QStringLiteral("") : QString::fromLatin1(hex);
}

QString stored(const QJsonValue &v)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
}

bool insertRow(RawSqlite &raw, const AuditEntry &e)
{
    return raw.exec(QStringLiteral("INSERT INTO audit (seq, time, actor, role, kind, subject, before_json, after_json, "
                                   "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {e.seq, e.time.toUTC().toString(Qt::ISODateWithMs), e.actor, e.role, e.kind, e.subject, stored(e.before),
            stored(e.after), text(e.prevHash), text(e.hash)});
}

// Moves rows from `from` on by `delta` places (through a high range, so keys never collide).
bool shift(RawSqlite &raw, int from, int delta)
{
    return raw.exec(QStringLiteral("UPDATE audit SET seq = seq + 1000000 WHERE seq >= ?"), {from})
        && raw.exec(QStringLiteral("UPDATE audit SET seq = seq - 1000000 + ? WHERE seq >= 1000000"), {delta});
}

} // namespace

class TestAuditTamperSqlite : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_pristine = m_dir.filePath(QStringLiteral("pristine.sqlite"));
        SqliteStore store(m_pristine, m_clock);
        CS_VERIFY_OK(store.open());
        // Action transitions and standalone entries, interleaved, as a real log has them.
        const QList<Action> actions = generatedActions(4, QStringLiteral("t"), 9);
        for (const Action &a : actions) {
            CS_VERIFY_OK(store.commit({insertion(a)}).constFirst());
            m_clock.advance(1500);
            CS_VERIFY_OK(store
                    .commit({transition(a, approved(a, QStringLiteral("alice"), m_clock.now()),
                        QStringLiteral("action.decided"), QStringLiteral("alice"))})
                    .constFirst());
            AuditEntry e;
            e.actor = QStringLiteral("root");
            e.role = QStringLiteral("admin");
            e.kind = QStringLiteral("token.created");
            e.subject = a.id;
            e.after = QJsonObject{{QStringLiteral("role"), QStringLiteral("agent")}};
            CS_VERIFY_OK(store.appendAudit(e));
        }
        auto entries = store.auditEntries(0, 1000);
        CS_VERIFY_OK(entries);
        QCOMPARE(entries->size(), N);
        m_entries = *entries;
        auto verified = store.verifyAudit();
        CS_VERIFY_OK(verified);
        QVERIFY(verified->ok);
    }

    void appendOnlyTriggersStopPlainSql()
    {
        const QString file = copy(QStringLiteral("triggers"));
        RawSqlite raw(file);
        QVERIFY(!raw.exec(QStringLiteral("UPDATE audit SET actor = 'mallory' WHERE seq = 3")));
        QVERIFY2(raw.lastError().contains(QLatin1String("append-only")), qPrintable(raw.lastError()));
        QVERIFY(!raw.exec(QStringLiteral("DELETE FROM audit WHERE seq = 3")));
        QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM audit")).toInt(), N);
    }

    void tamperingIsReportedAtTheFirstBadEntry_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("position");
        QTest::addColumn<int>("firstBad");
        for (int i = 1; i <= N; ++i) {
            for (const char *kind :
                {"edit actor", "edit role", "edit kind", "edit subject", "edit time", "edit before", "edit after",
                    "edit prev", "edit hash", "corrupt json", "delete", "delete three", "truncate", "insert", "forge"})
                QTest::addRow("%s %d", kind, i) << QString::fromLatin1(kind) << i << i;
            if (i < N)
                QTest::addRow("move to end %d", i) << QStringLiteral("move to end") << i << i;
            // Every hash from i on recomputed and relinked: the chain is consistent again and
            // only the head, kept apart, notices: it no longer matches the last entry.
            QTest::addRow("rechain %d", i) << QStringLiteral("rechain") << i << N;
            // A re-hashed entry passes itself; the next entry (or, for the last, the head) catches it.
            QTest::addRow("forge rehashed %d", i) << QStringLiteral("forge rehashed") << i << i + (i < N ? 1 : 0);
            QTest::addRow("insert forged %d", i) << QStringLiteral("insert forged") << i << i + 1;
            if (i < N)
                QTest::addRow("swap %d/%d", i, i + 1) << QStringLiteral("swap") << i << i;
        }
        QTest::newRow("swap first/last") << QStringLiteral("swap first last") << 1 << 1;
        QTest::newRow("append forged") << QStringLiteral("append forged") << N + 1 << N + 1;
        QTest::newRow("drop head") << QStringLiteral("drop head") << 0 << N + 1;
    }

    void tamperingIsReportedAtTheFirstBadEntry()
    {
        QFETCH(QString, kind);
        QFETCH(int, position);
        QFETCH(int, firstBad);
        const QString file = copy(QStringLiteral("%1-%2").arg(kind).arg(position).replace(u' ', u'_'));
        {
            RawSqlite raw(file);
            QVERIFY(raw.exec(QStringLiteral("DROP TRIGGER audit_no_update")));
            QVERIFY(raw.exec(QStringLiteral("DROP TRIGGER audit_no_delete")));
            QVERIFY2(tamper(raw, kind, position), qPrintable(raw.lastError()));
        }
        SqliteStore store(file, m_clock);
        CS_VERIFY_OK(store.open());
        auto verified = store.verifyAudit();
        CS_VERIFY_OK(verified);
        QVERIFY2(!verified->ok, "the tampering went unnoticed");
        QCOMPARE(verified->firstBadSeq, firstBad);
        QCOMPARE(verified->entries, firstBad - 1);
        QVERIFY(!verified->problem.isEmpty());
        // The same entries fed to the verifier by hand agree wherever the chain itself breaks.
        auto entries = store.auditEntries(0, 1000);
        CS_VERIFY_OK(entries);
        const auto chainOnly = AuditChainVerifier::verify(*entries);
        if (!chainOnly.ok)
            QCOMPARE(chainOnly.firstBadSeq, firstBad);
    }

    void pristineCopiesVerify()
    {
        SqliteStore store(copy(QStringLiteral("clean")), m_clock);
        CS_VERIFY_OK(store.open());
        auto verified = store.verifyAudit();
        CS_VERIFY_OK(verified);
        QVERIFY(verified->ok);
        QCOMPARE(verified->entries, N);
    }

private:
    QString copy(const QString &name)
    {
        const QString file = m_dir.filePath(name + QStringLiteral(".sqlite"));
        QFile::remove(file);
        if (!QFile::copy(m_pristine, file))
            qFatal("cannot copy the pristine database");
        return file;
    }

    bool tamper(RawSqlite &raw, const QString &kind, int i)
    {
        const AuditEntry &original = m_entries.at(qBound(0, i - 1, N - 1));
        if (kind == QLatin1String("edit actor"))
            return raw.exec(QStringLiteral("UPDATE audit SET actor = actor || 'x' WHERE seq = ?"), {i});
        if (kind == QLatin1String("edit role"))
            return raw.exec(QStringLiteral("UPDATE audit SET role = 'admin' || role WHERE seq = ?"), {i});
        if (kind == QLatin1String("edit kind"))
            return raw.exec(QStringLiteral("UPDATE audit SET kind = 'action.withdrawn' WHERE seq = ?"), {i});
        if (kind == QLatin1String("edit subject"))
            return raw.exec(QStringLiteral("UPDATE audit SET subject = subject || '-other' WHERE seq = ?"), {i});
        if (kind == QLatin1String("edit before"))
            return raw.exec(
                QStringLiteral("UPDATE audit SET before_json = '[{\"state\":\"rejected\"}]' WHERE seq = ?"), {i});
        if (kind == QLatin1String("delete three"))
            return raw.exec(QStringLiteral("DELETE FROM audit WHERE seq BETWEEN ? AND ?"), {i, i + 2});
        if (kind == QLatin1String("truncate"))
            return raw.exec(QStringLiteral("DELETE FROM audit WHERE seq >= ?"), {i});
        if (kind == QLatin1String("move to end")) // reordered: entry i now comes last
            return raw.exec(QStringLiteral("UPDATE audit SET seq = ? WHERE seq = ?"), {N + 1, i})
                && shift(raw, i + 1, -1);
        if (kind == QLatin1String("rechain")) {
            QByteArray prev = i > 1 ? m_entries.at(i - 2).hash : QByteArray();
            for (int k = i; k <= N; ++k) {
                AuditEntry e = m_entries.at(k - 1);
                if (k == i)
                    e.subject = QStringLiteral("rewritten");
                e.prevHash = prev;
                e.hash = e.computeHash();
                prev = e.hash;
                if (!raw.exec(QStringLiteral("DELETE FROM audit WHERE seq = ?"), {k}) || !insertRow(raw, e))
                    return false;
            }
            return true;
        }
        if (kind == QLatin1String("edit time"))
            return raw.exec(QStringLiteral("UPDATE audit SET time = '2030-01-01T00:00:00.000Z' WHERE seq = ?"), {i});
        if (kind == QLatin1String("edit after"))
            return raw.exec(
                QStringLiteral("UPDATE audit SET after_json = '[{\"state\":\"approved\"}]' WHERE seq = ?"), {i});
        if (kind == QLatin1String("edit prev"))
            return raw.exec(QStringLiteral("UPDATE audit SET prev_hash = ? WHERE seq = ?"), {QString(64, u'0'), i});
        if (kind == QLatin1String("edit hash"))
            return raw.exec(QStringLiteral("UPDATE audit SET hash = ? WHERE seq = ?"), {QString(64, u'e'), i});
        if (kind == QLatin1String("corrupt json"))
            return raw.exec(QStringLiteral("UPDATE audit SET after_json = '[{broken' WHERE seq = ?"), {i});
        if (kind == QLatin1String("delete"))
            return raw.exec(QStringLiteral("DELETE FROM audit WHERE seq = ?"), {i});
        if (kind == QLatin1String("forge") || kind == QLatin1String("forge rehashed")) {
            AuditEntry e = original;
            e.subject = QStringLiteral("someone-else");
            if (kind == QLatin1String("forge rehashed"))
                e.hash = e.computeHash();
            return raw.exec(QStringLiteral("DELETE FROM audit WHERE seq = ?"), {i}) && insertRow(raw, e);
        }
        if (kind == QLatin1String("insert") || kind == QLatin1String("insert forged")) {
            AuditEntry e = original;
            e.kind = QStringLiteral("policy.updated");
            e.subject = QStringLiteral("smuggled");
            if (kind == QLatin1String("insert forged"))
                e.hash = e.computeHash(); // seq i, linked to entry i-1: it passes; entry i+1 does not
            return shift(raw, i, 1) && insertRow(raw, e);
        }
        if (kind == QLatin1String("swap") || kind == QLatin1String("swap first last")) {
            const int j = kind == QLatin1String("swap") ? i + 1 : N;
            return raw.exec(QStringLiteral("UPDATE audit SET seq = -1 WHERE seq = ?"), {i})
                && raw.exec(QStringLiteral("UPDATE audit SET seq = ? WHERE seq = ?"), {i, j})
                && raw.exec(QStringLiteral("UPDATE audit SET seq = ? WHERE seq = -1"), {j});
        }
        if (kind == QLatin1String("append forged")) {
            AuditEntry e = m_entries.constLast();
            e.seq = N + 1;
            e.subject = QStringLiteral("appended");
            e.prevHash = m_entries.constLast().hash;
            e.hash = e.computeHash();
            return insertRow(raw, e);
        }
        if (kind == QLatin1String("drop head"))
            return raw.exec(QStringLiteral("DELETE FROM audit_head"));
        return false;
    }

    QTemporaryDir m_dir;
    ManualClock m_clock;
    QString m_pristine;
    QList<AuditEntry> m_entries;
};

QTEST_GUILESS_MAIN(TestAuditTamperSqlite)
#include "tst_audittamper_sqlite.moc"
