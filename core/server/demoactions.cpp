#include "demoactions.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

namespace Countersign {

namespace {

struct Pick {
    QRandomGenerator &r;
    template<typename T>
    const T &one(const QList<T> &list) const
    {
        return list.at(r.bounded(int(list.size())));
    }
    double confidence(double low, double high) const { return low + (high - low) * r.generateDouble(); }
    int between(int low, int high) const { return r.bounded(low, high + 1); }
};

QJsonObject body(const QString &type, const QString &title, const QString &content, const QString &language,
    const QString &reasoning, const QJsonObject &context, double confidence)
{
    return QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("title"), title},
        {QStringLiteral("payload"),
            QJsonObject{{QStringLiteral("content"), content}, {QStringLiteral("language"), language}}},
        {QStringLiteral("reasoning"), reasoning}, {QStringLiteral("context"), context},
        {QStringLiteral("confidence"), qRound(confidence * 100) / 100.0}};
}

const QStringList customers{QStringLiteral("Ada Lindqvist"), QStringLiteral("Marco Bellini"),
    QStringLiteral("Priya Raman"), QStringLiteral("Tomás Ferreira"), QStringLiteral("Yuki Tanaka"),
    QStringLiteral("Grace Okafor"), QStringLiteral("Lena Vogel")};

DemoActions::Proposal externalEmail(const Pick &p, int serial)
{
    const QString name = p.one(customers);
    const int order = 40000 + serial * 7;
    const QString text
        = QStringLiteral("To: %1 <%2@example.com>\nSubject: Your order #%3\n\nHi %4,\n\nthank you for your patience. "
                         "Your replacement has shipped today and should arrive within three working days; the tracking "
                         "link follows in a separate message.\n\nWe have also refunded the express shipping fee.\n\n"
                         "Kind regards,\nCustomer Care")
              .arg(name, name.section(u' ', 0, 0).toLower(), QString::number(order), name.section(u' ', 0, 0));
    return {QStringLiteral("support-bot"),
        body(QStringLiteral("email.send_external"), QStringLiteral("Reply to %1 about order #%2").arg(name).arg(order),
            text, QStringLiteral("email"),
            QStringLiteral("The customer asked twice for a shipping update; the warehouse confirmed dispatch."),
            QJsonObject{{QStringLiteral("recipient"),
                            QString(name.section(u' ', 0, 0).toLower() + QStringLiteral("@example.com"))},
                {QStringLiteral("ticket"), QStringLiteral("SUP-%1").arg(9000 + serial)}},
            p.confidence(0.55, 0.98))};
}

DemoActions::Proposal internalEmail(const Pick &p, int serial)
{
    const int recipients = p.one(QList<int>{3, 12, 40, 120});
    return {QStringLiteral("support-bot"),
        body(QStringLiteral("email.send_internal"), QStringLiteral("Weekly support digest #%1").arg(serial),
            QStringLiteral(
                "# Support digest\n\n- Tickets opened: %1\n- Tickets solved: %2\n- Median first reply: %3 min\n")
                .arg(p.between(80, 160))
                .arg(p.between(70, 150))
                .arg(p.between(9, 40)),
            QStringLiteral("markdown"), QStringLiteral("Scheduled digest for the support channel."),
            QJsonObject{{QStringLiteral("recipient_count"), recipients}}, p.confidence(0.8, 0.99))};
}

DemoActions::Proposal refund(const Pick &p, int serial)
{
    const int amount = p.one(QList<int>{19, 49, 120, 480, 1250, 7800});
    const bool flagged = p.between(0, 9) == 0;
    const QJsonObject refundJson{{QStringLiteral("order"), QStringLiteral("ORD-%1").arg(70000 + serial)},
        {QStringLiteral("amount"), amount}, {QStringLiteral("currency"), QStringLiteral("EUR")},
        {QStringLiteral("reason"), QStringLiteral("damaged on arrival")}};
    return {QStringLiteral("finance-agent"),
        body(QStringLiteral("refund.issue"), QStringLiteral("Refund %1 EUR for ORD-%2").arg(amount).arg(70000 + serial),
            QString::fromUtf8(QJsonDocument(refundJson).toJson(QJsonDocument::Indented)), QStringLiteral("json"),
            QStringLiteral("Photos in the ticket show the item broken; policy allows a full refund."),
            QJsonObject{{QStringLiteral("amount"), amount},
                {QStringLiteral("customer"),
                    QJsonObject{{QStringLiteral("id"), 3000 + serial}, {QStringLiteral("flagged"), flagged}}}},
            p.confidence(0.5, 0.97))};
}

DemoActions::Proposal voidInvoice(const Pick &p, int serial)
{
    return {QStringLiteral("finance-agent"),
        body(QStringLiteral("invoice.void"), QStringLiteral("Void duplicate invoice INV-%1").arg(5100 + serial),
            QStringLiteral("{\n  \"invoice\": \"INV-%1\",\n  \"duplicate_of\": \"INV-%2\"\n}")
                .arg(5100 + serial)
                .arg(5099 + serial),
            QStringLiteral("json"), QStringLiteral("Two invoices were generated for the same order by a retry."),
            QJsonObject{{QStringLiteral("amount"), p.between(100, 900)}}, p.confidence(0.7, 0.95))};
}

DemoActions::Proposal patch(const Pick &p, int serial)
{
    const QString branch
        = p.one(QStringList{QStringLiteral("main"), QStringLiteral("main"), QStringLiteral("release")});
    // A git patch of several files, as a coding agent proposes one (the review pane lists them).
    const QString diff = QStringLiteral(
        "diff --git a/src/billing/retry.py b/src/billing/retry.py\n"
        "index 3f1c2aa..8b0d41e 100644\n"
        "--- a/src/billing/retry.py\n+++ b/src/billing/retry.py\n"
        "@@ -12,6 +12,7 @@ def charge(invoice, attempts=3):\n"
        "     for attempt in range(attempts):\n         try:\n-            return gateway.charge(invoice)\n"
        "+            return gateway.charge(invoice, idempotency_key=invoice.id)\n         except TimeoutError:\n"
        "-            time.sleep(1)\n+            # back off so a slow gateway is not hammered\n"
        "+            time.sleep(2 ** attempt)\n     raise ChargeFailed(invoice.id)\n"
        "diff --git a/config/gateway.yaml b/config/gateway.yaml\n"
        "index 77a0b13..c41e9d2 100644\n"
        "--- a/config/gateway.yaml\n+++ b/config/gateway.yaml\n"
        "@@ -1,4 +1,4 @@\n gateway:\n   url: https://gateway.internal\n-  timeout_s: 5\n+  timeout_s: 10\n"
        "   retries: 3\n"
        "diff --git a/docs/retry.md b/docs/billing/retries.md\n"
        "similarity index 100%\nrename from docs/retry.md\nrename to docs/billing/retries.md\n"
        "diff --git a/tests/billing/test_retry.py b/tests/billing/test_retry.py\n"
        "new file mode 100644\nindex 0000000..5d2c9e1\n"
        "--- /dev/null\n+++ b/tests/billing/test_retry.py\n"
        "@@ -0,0 +1,8 @@\n+from billing.retry import charge\n+\n+\n"
        "+def test_a_retry_reuses_the_idempotency_key(gateway):\n+    gateway.fail_next(TimeoutError)\n"
        "+    charge(invoice := make_invoice())\n"
        "+    keys = [call.idempotency_key for call in gateway.calls]\n"
        "+    assert keys == [invoice.id, invoice.id]\n");
    return {QStringLiteral("code-agent"),
        body(QStringLiteral("code.merge_patch"),
            QStringLiteral("Fix double charges on gateway timeouts (#%1)").arg(800 + serial), diff,
            QStringLiteral("diff"),
            QStringLiteral("Retries re-sent the charge without an idempotency key; the gateway charged twice."),
            QJsonObject{{QStringLiteral("repository"),
                            QJsonObject{{QStringLiteral("name"), QStringLiteral("billing")},
                                {QStringLiteral("branch"), branch}}},
                {QStringLiteral("files_changed"), p.one(QList<int>{1, 3, 12, 640})}},
            p.confidence(0.6, 0.95))};
}

DemoActions::Proposal sql(const Pick &p, int serial)
{
    const QStringList queries{QStringLiteral("SELECT id, email, created_at\nFROM customers\nWHERE created_at > now() - "
                                             "interval '7 days'\nORDER BY created_at DESC\nLIMIT 100;"),
        QStringLiteral("UPDATE subscriptions\nSET status = 'cancelled'\nWHERE customer_id = %1 AND status = 'active';")
            .arg(3000 + serial),
        QStringLiteral("DELETE FROM sessions WHERE last_seen < now() - interval '90 days';"),
        QStringLiteral("DROP TABLE legacy_orders;")};
    const QString query = p.one(queries);
    return {QStringLiteral("data-agent"),
        body(QStringLiteral("db.query"),
            QStringLiteral("Run query on production (%1)").arg(query.section(u'\n', 0, 0).left(40)), query,
            QStringLiteral("sql"), QStringLiteral("Requested in the analytics channel."),
            QJsonObject{{QStringLiteral("sql"), query}, {QStringLiteral("database"), QStringLiteral("prod-main")}},
            p.confidence(0.65, 0.99))};
}

DemoActions::Proposal migration(const Pick &p, int serial)
{
    const QString ddl = QStringLiteral("ALTER TABLE orders ADD COLUMN gift_note text;\nCREATE INDEX CONCURRENTLY "
                                       "orders_gift_idx ON orders (id) WHERE gift_note IS NOT NULL;");
    return {QStringLiteral("data-agent"),
        body(QStringLiteral("db.migrate"), QStringLiteral("Migration %1: gift notes on orders").arg(200 + serial), ddl,
            QStringLiteral("sql"), QStringLiteral("Needed by the gift-wrapping feature shipping next week."),
            QJsonObject{{QStringLiteral("sql"), ddl}, {QStringLiteral("database"), QStringLiteral("prod-main")}},
            p.confidence(0.7, 0.95))};
}

DemoActions::Proposal shell(const Pick &p, int serial)
{
    const QStringList commands{QStringLiteral("systemctl restart nginx"),
        QStringLiteral("journalctl -u worker --since '1 hour ago' | tail -n 200"),
        QStringLiteral("df -h && du -sh /var/log/* | sort -h | tail"), QStringLiteral("rm -rf /var/cache/app/*")};
    const QString host
        = p.one(QStringList{QStringLiteral("web-03"), QStringLiteral("worker-11"), QStringLiteral("prod-db-2")});
    const QString command = p.one(commands);
    return {QStringLiteral("ops-agent"),
        body(QStringLiteral("shell.run"), QStringLiteral("Run on %1: %2").arg(host, command.left(40)),
            QStringLiteral("#!/bin/sh\nset -eu\n%1\n").arg(command), QStringLiteral("bash"),
            QStringLiteral("Alert #%1: latency above threshold for 10 minutes.").arg(500 + serial),
            QJsonObject{{QStringLiteral("command"), command}, {QStringLiteral("host"), host}},
            p.confidence(0.5, 0.95))};
}

DemoActions::Proposal statusPost(const Pick &p, int serial)
{
    return {QStringLiteral("ops-agent"),
        body(QStringLiteral("chat.post_status"), QStringLiteral("Status update for incident %1").arg(300 + serial),
            QStringLiteral("Incident %1 is mitigated: error rates are back to normal. Root cause analysis follows "
                           "tomorrow.")
                .arg(300 + serial),
            QStringLiteral("markdown"), QStringLiteral("The incident timer passed 30 minutes."),
            QJsonObject{{QStringLiteral("channel"), QStringLiteral("#status")}}, p.confidence(0.75, 0.99))};
}

DemoActions::Proposal unclassified(const Pick &p, int serial)
{
    return {QStringLiteral("support-bot"),
        body(QStringLiteral("calendar.invite"), QStringLiteral("Invite customer to onboarding call %1").arg(serial),
            QStringLiteral(
                "BEGIN:VEVENT\nSUMMARY:Onboarding call\nDTSTART:20260302T100000Z\nDURATION:PT30M\nEND:VEVENT\n"),
            QStringLiteral("ics"), QStringLiteral("The customer asked for a walkthrough."),
            QJsonObject{{QStringLiteral("attendees"), QJsonArray{QStringLiteral("customer@example.com")}}},
            p.confidence(0.4, 0.9))};
}

} // namespace

DemoActions::Proposal DemoActions::make(QRandomGenerator &random, int serial)
{
    const Pick p{random};
    switch (random.bounded(12)) {
    case 0:
    case 1:
        return externalEmail(p, serial);
    case 2:
        return internalEmail(p, serial);
    case 3:
    case 4:
        return refund(p, serial);
    case 5:
        return voidInvoice(p, serial);
    case 6:
        return patch(p, serial);
    case 7:
        return sql(p, serial);
    case 8:
        return migration(p, serial);
    case 9:
        return shell(p, serial);
    case 10:
        return statusPost(p, serial);
    default:
        return unclassified(p, serial);
    }
}

DemoActions::Proposal DemoActions::make(const QString &type, QRandomGenerator &random, int serial)
{
    const Pick p{random};
    using Make = Proposal (*)(const Pick &, int);
    static const QHash<QString, Make> byType{{QStringLiteral("email.send_external"), &externalEmail},
        {QStringLiteral("email.send_internal"), &internalEmail}, {QStringLiteral("refund.issue"), &refund},
        {QStringLiteral("invoice.void"), &voidInvoice}, {QStringLiteral("code.merge_patch"), &patch},
        {QStringLiteral("db.query"), &sql}, {QStringLiteral("db.migrate"), &migration},
        {QStringLiteral("shell.run"), &shell}, {QStringLiteral("chat.post_status"), &statusPost},
        {QStringLiteral("calendar.invite"), &unclassified}};
    if (const Make make = byType.value(type))
        return make(p, serial);
    return {QStringLiteral("sales-agent"),
        body(type, QStringLiteral("%1 #%2").arg(type).arg(serial),
            QStringLiteral("{\n  \"record\": %1,\n  \"change\": \"update\"\n}\n").arg(serial), QStringLiteral("json"),
            QStringLiteral("Routine update requested by a colleague."), QJsonObject{}, p.confidence(0.6, 0.95))};
}

} // namespace Countersign
