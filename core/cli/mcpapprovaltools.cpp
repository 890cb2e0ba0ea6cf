#include "mcpapprovaltools.h"

#include <QJsonDocument>
#include <QUuid>

namespace Countersign::Cli {

namespace {

QJsonObject stringProperty(const QString &description)
{
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("description"), description}};
}

QString summary(const QJsonObject &action)
{
    const QString id = action.value(QLatin1String("id")).toString();
    const QString state = action.value(QLatin1String("state")).toString();
    const QString by = action.value(QLatin1String("decided_by")).toString();
    const QString reason = action.value(QLatin1String("reason")).toString();
    if (state == QLatin1String("approved")) {
        if (action.value(QLatin1String("modified")).toBool())
            return QStringLiteral("APPROVED WITH EDITS by %1. Carry out final_payload.content exactly, not your draft.")
                .arg(by);
        return QStringLiteral("APPROVED by %1. You may carry out the action as proposed.").arg(by);
    }
    if (state == QLatin1String("rejected"))
        return QStringLiteral("REJECTED by %1: %2. Do not carry out the action.").arg(by, reason);
    if (state == QLatin1String("pending"))
        return QStringLiteral("PENDING: no decision yet. Do not carry out the action; call check_approval with id "
                              "\"%1\" later.")
            .arg(id);
    return QStringLiteral("%1 (%2). Do not carry out the action.").arg(state.toUpper(), reason);
}

} // namespace

QJsonArray McpApprovalTools::definitions()
{
    const QJsonObject requestSchema{{QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"),
            QJsonObject{
                {QStringLiteral("type"),
                    stringProperty(QStringLiteral("Action type, dotted, e.g. email.send_external or shell.run"))},
                {QStringLiteral("title"), stringProperty(QStringLiteral("One line for the reviewer"))},
                {QStringLiteral("content"),
                    stringProperty(QStringLiteral("Exactly what will be done: the email, the command, the patch"))},
                {QStringLiteral("original"),
                    stringProperty(QStringLiteral("For a change (a file edit, a config update): the current text "
                                                  "that content replaces, so the reviewer sees a diff. Not needed "
                                                  "when content is a unified diff (language diff)"))},
                {QStringLiteral("language"),
                    stringProperty(
                        QStringLiteral("Syntax of content: email, bash, sql, python, diff (a unified diff), ..."))},
                {QStringLiteral("reasoning"), stringProperty(QStringLiteral("Why you propose this"))},
                {QStringLiteral("context"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                        {QStringLiteral("description"),
                            QStringLiteral("Facts for the policy and the reviewer (recipient, amount, host, ...)")}}},
                {QStringLiteral("confidence"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("number")}, {QStringLiteral("minimum"), 0},
                        {QStringLiteral("maximum"), 1},
                        {QStringLiteral("description"), QStringLiteral("How sure you are, 0..1")}}},
                {QStringLiteral("category"),
                    stringProperty(QStringLiteral("Category hint for types the policy does not know"))},
            }},
        {QStringLiteral("required"),
            QJsonArray{QStringLiteral("type"), QStringLiteral("title"), QStringLiteral("content")}}};
    const QJsonObject checkSchema{{QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"),
            QJsonObject{{QStringLiteral("id"), stringProperty(QStringLiteral("The id request_approval returned"))},
                {QStringLiteral("wait_s"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")}, {QStringLiteral("minimum"), 0},
                        {QStringLiteral("maximum"), MaxWaitSeconds},
                        {QStringLiteral("description"),
                            QStringLiteral("Wait up to this many seconds for a decision (default 0)")}}}}},
        {QStringLiteral("required"), QJsonArray{QStringLiteral("id")}}};
    return QJsonArray{
        QJsonObject{{QStringLiteral("name"), QStringLiteral("request_approval")},
            {QStringLiteral("title"), QStringLiteral("Request a human countersignature")},
            {QStringLiteral("description"),
                QStringLiteral("Ask a human reviewer to approve an action before you carry it out. Waits up to 55 s "
                               "for the decision. Carry out the action only if approved, and then exactly as "
                               "approved: a reviewer may edit the content (final_payload). If still pending, call "
                               "check_approval with the returned id.")},
            {QStringLiteral("inputSchema"), requestSchema}},
        QJsonObject{{QStringLiteral("name"), QStringLiteral("check_approval")},
            {QStringLiteral("title"), QStringLiteral("Check a countersignature request")},
            {QStringLiteral("description"),
                QStringLiteral("Read the state of an approval request made with request_approval, optionally "
                               "waiting up to wait_s seconds for the decision.")},
            {QStringLiteral("inputSchema"), checkSchema}},
    };
}

bool McpApprovalTools::knows(const QString &name)
{
    return name == QLatin1String("request_approval") || name == QLatin1String("check_approval");
}

Result<QJsonObject> McpApprovalTools::requestBody(const QJsonObject &a)
{
    for (const char *required : {"type", "title", "content"}) {
        const QJsonValue v = a.value(QLatin1String(required));
        if (!v.isString() || v.toString().isEmpty())
            return fail(Error::invalid(QLatin1String(required),
                QStringLiteral("\"%1\" is required and must be a non-empty string").arg(QLatin1String(required))));
    }
    for (const char *optional : {"original", "language", "reasoning", "category"}) {
        const QJsonValue v = a.value(QLatin1String(optional));
        if (!v.isUndefined() && !v.isString())
            return fail(Error::invalid(
                QLatin1String(optional), QStringLiteral("\"%1\" must be a string").arg(QLatin1String(optional))));
    }
    if (const QJsonValue c = a.value(QLatin1String("context")); !c.isUndefined() && !c.isObject())
        return fail(Error::invalid(QStringLiteral("context"), QStringLiteral("\"context\" must be an object")));
    if (const QJsonValue c = a.value(QLatin1String("confidence")); !c.isUndefined() && !c.isDouble())
        return fail(Error::invalid(
            QStringLiteral("confidence"), QStringLiteral("\"confidence\" must be a number from 0 to 1")));
    static const QStringList known{QStringLiteral("type"), QStringLiteral("title"), QStringLiteral("content"),
        QStringLiteral("original"), QStringLiteral("language"), QStringLiteral("reasoning"), QStringLiteral("context"),
        QStringLiteral("confidence"), QStringLiteral("category")};
    for (auto it = a.begin(); it != a.end(); ++it) {
        if (!known.contains(it.key()))
            return fail(Error::invalid(it.key(), QStringLiteral("unknown argument \"%1\"").arg(it.key())));
    }

    QJsonObject payload{{QStringLiteral("content"), a.value(QLatin1String("content"))},
        {QStringLiteral("language"), a.value(QLatin1String("language")).toString()}};
    if (a.contains(QLatin1String("original")))
        payload.insert(QStringLiteral("original"), a.value(QLatin1String("original")));
    QJsonObject body{{QStringLiteral("type"), a.value(QLatin1String("type"))},
        {QStringLiteral("title"), a.value(QLatin1String("title"))}, {QStringLiteral("payload"), payload},
        {QStringLiteral("idempotency_key"), QUuid::createUuid().toString(QUuid::WithoutBraces)}};
    for (const char *copied : {"reasoning", "context", "confidence", "category"}) {
        if (a.contains(QLatin1String(copied)))
            body.insert(QLatin1String(copied), a.value(QLatin1String(copied)));
    }
    return body;
}

Result<McpApprovalTools::CheckArguments> McpApprovalTools::checkArguments(const QJsonObject &a)
{
    const QJsonValue id = a.value(QLatin1String("id"));
    if (!id.isString() || id.toString().isEmpty())
        return fail(
            Error::invalid(QStringLiteral("id"), QStringLiteral("\"id\" is required and must be a non-empty string")));
    CheckArguments checked{id.toString(), 0};
    if (const QJsonValue w = a.value(QLatin1String("wait_s")); !w.isUndefined()) {
        if (!w.isDouble() || w.toDouble() < 0 || w.toDouble() > MaxWaitSeconds || w.toDouble() != w.toInt())
            return fail(Error::invalid(QStringLiteral("wait_s"),
                QStringLiteral("\"wait_s\" must be a whole number of seconds from 0 to %1").arg(MaxWaitSeconds)));
        checked.waitSeconds = w.toInt();
    }
    return checked;
}

QJsonObject McpApprovalTools::toolError(const QString &message)
{
    return QJsonObject{{QStringLiteral("content"),
                           QJsonArray{QJsonObject{
                               {QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), message}}}},
        {QStringLiteral("isError"), true}};
}

QJsonObject McpApprovalTools::decisionResult(const QJsonObject &action)
{
    QJsonObject structured;
    for (const char *key :
        {"id", "state", "tier", "tier_reason", "decided_by", "reason", "modified", "final_payload"}) {
        const QJsonValue v = action.value(QLatin1String(key));
        if (!v.isUndefined() && !v.isNull())
            structured.insert(QLatin1String(key), v);
    }
    // The JSON goes into the text as well, for clients that do not read structuredContent.
    const QString text
        = summary(action) + u'\n' + QString::fromUtf8(QJsonDocument(structured).toJson(QJsonDocument::Compact));
    return QJsonObject{
        {QStringLiteral("content"),
            QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}}}},
        {QStringLiteral("structuredContent"), structured}, {QStringLiteral("isError"), false}};
}

} // namespace Countersign::Cli
