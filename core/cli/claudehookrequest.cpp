#include "claudehookrequest.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Countersign::Cli {

namespace {

constexpr qsizetype MaxTitle = 120;
// The context keeps the whole tool input for the policy, within the server's body cap (1 MiB
// by default) next to the payload: one long text field keeps this much, all of them together
// this much more; past that a field keeps only its head and a marker.
constexpr qsizetype MaxContextString = 64 * 1024;
constexpr qsizetype MaxContextStrings = 256 * 1024;
constexpr qsizetype TruncatedHead = 256;

// The fields policies match on to tell a harmless call from a dangerous one: never shortened.
bool isKeyField(const QString &name)
{
    static const QStringList keys{QStringLiteral("url"), QStringLiteral("command"), QStringLiteral("file_path"),
        QStringLiteral("notebook_path"), QStringLiteral("path")};
    return keys.contains(name);
}

// Cuts `text` to `keep` characters (never inside a surrogate pair) and says so at the end.
QString truncated(const QString &text, qsizetype keep)
{
    if (keep > 0 && text.at(keep - 1).isHighSurrogate())
        --keep;
    return text.left(keep)
        + QStringLiteral("\n\u2026[truncated by countersign-cli: %1 of %2 characters kept]").arg(keep).arg(text.size());
}

// Shortens long strings anywhere in `value` (top-level key fields excepted) within `budget`
// characters in all; `cut` becomes true when anything was shortened.
QJsonValue shortened(const QJsonValue &value, qsizetype &budget, bool &cut)
{
    if (value.isString()) {
        const QString text = value.toString();
        const qsizetype keep = qMax(qMin(MaxContextString, budget), TruncatedHead);
        if (text.size() <= keep) {
            budget -= text.size();
            return value;
        }
        budget -= keep;
        cut = true;
        return truncated(text, keep);
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = shortened(array.at(i), budget, cut);
        return array;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = shortened(it.value(), budget, cut);
        return object;
    }
    return value;
}

QString elided(QString text, qsizetype length)
{
    text = text.simplified();
    if (text.size() > length)
        text = text.left(length - 1) + QChar(0x2026);
    return text;
}

Result<QString> stringField(const QJsonObject &o, const QString &name, bool required)
{
    const QJsonValue v = o.value(name);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            return fail(Error::invalid(name, QStringLiteral("is missing from the hook input")));
        return QString();
    }
    if (!v.isString())
        return fail(Error::invalid(name, QStringLiteral("must be a string")));
    return v.toString();
}

} // namespace

Result<ClaudeHookRequest> ClaudeHookRequest::parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return fail(Error::invalid({},
            QStringLiteral("the hook input is not JSON (%1 at offset %2)").arg(error.errorString()).arg(error.offset)));
    if (!doc.isObject())
        return fail(Error::invalid({}, QStringLiteral("the hook input must be a JSON object")));
    const QJsonObject o = doc.object();

    ClaudeHookRequest r;
    struct Field {
        const char *name;
        QString *into;
        bool required;
    };
    const Field fields[] = {
        {"tool_name", &r.m_toolName, true},
        {"tool_use_id", &r.m_toolUseId, false},
        {"session_id", &r.m_sessionId, false},
        {"cwd", &r.m_cwd, false},
        {"transcript_path", &r.m_transcriptPath, false},
        {"hook_event_name", &r.m_hookEventName, false},
    };
    for (const Field &f : fields) {
        auto value = stringField(o, QString::fromLatin1(f.name), f.required);
        if (!value)
            return fail(value.error());
        *f.into = *value;
    }
    if (r.m_toolName.trimmed().isEmpty())
        return fail(Error::invalid(QStringLiteral("tool_name"), QStringLiteral("must not be empty")));
    if (!r.m_hookEventName.isEmpty() && r.m_hookEventName != QLatin1String("PreToolUse"))
        return fail(Error::invalid(QStringLiteral("hook_event_name"),
            QStringLiteral("is \"%1\"; this hook answers PreToolUse only").arg(r.m_hookEventName)));
    const QJsonValue input = o.value(QLatin1String("tool_input"));
    if (!input.isObject())
        return fail(Error::invalid(QStringLiteral("tool_input"), QStringLiteral("must be an object")));
    r.m_toolInput = input.toObject();
    const QString field = r.payloadField();
    if (!field.isEmpty() && !r.m_toolInput.value(field).isString())
        return fail(Error::invalid(QStringLiteral("tool_input.") + field,
            QStringLiteral("must be a string for the %1 tool").arg(r.m_toolName)));
    r.m_change = ClaudeFileChange::from(r.m_toolName, r.m_toolInput, r.m_cwd);
    return r;
}

QString ClaudeHookRequest::actionType() const
{
    static const QRegularExpression notAllowed(QStringLiteral("[^a-z0-9_.:-]"));
    QString tool = m_toolName.toLower();
    tool.replace(notAllowed, QStringLiteral("_"));
    return QString(QStringLiteral("claude_code.") + tool).left(128);
}

QString ClaudeHookRequest::payloadField() const
{
    static const QHash<QString, QString> fields{
        {QStringLiteral("Bash"), QStringLiteral("command")},
        {QStringLiteral("Write"), QStringLiteral("content")},
        {QStringLiteral("Edit"), QStringLiteral("new_string")},
        {QStringLiteral("WebFetch"), QStringLiteral("url")},
    };
    return fields.value(m_toolName);
}

QString ClaudeHookRequest::payloadContent() const
{
    if (m_change)
        return m_change->content();
    const QString field = payloadField();
    if (field.isEmpty())
        return QString::fromUtf8(QJsonDocument(m_toolInput).toJson(QJsonDocument::Indented));
    return m_toolInput.value(field).toString();
}

QString ClaudeHookRequest::payloadLanguage() const
{
    if (m_change)
        return m_change->language();
    if (m_toolName == QLatin1String("Bash"))
        return QStringLiteral("bash");
    if (m_toolName == QLatin1String("WebFetch"))
        return QStringLiteral("text");
    return QStringLiteral("json");
}

std::optional<QString> ClaudeHookRequest::payloadOriginal() const
{
    return m_change ? m_change->original() : std::nullopt;
}

QString ClaudeHookRequest::title() const
{
    const QString path = relativePath(m_toolInput.value(QLatin1String("file_path")).toString());
    if (m_toolName == QLatin1String("Bash"))
        return QStringLiteral("Run: ")
            + elided(m_toolInput.value(QLatin1String("command")).toString().section(u'\n', 0, 0), MaxTitle);
    if (m_toolName == QLatin1String("Edit"))
        return QStringLiteral("Edit ") + elided(path, MaxTitle);
    if (m_toolName == QLatin1String("Write"))
        return QStringLiteral("Write ") + elided(path, MaxTitle);
    if (m_toolName == QLatin1String("MultiEdit"))
        return QStringLiteral("Edit ") + elided(path, MaxTitle);
    if (m_toolName == QLatin1String("NotebookEdit"))
        return QStringLiteral("Edit notebook ")
            + elided(relativePath(m_toolInput.value(QLatin1String("notebook_path")).toString()), MaxTitle);
    if (m_toolName == QLatin1String("WebFetch"))
        return QStringLiteral("Fetch ") + elided(m_toolInput.value(QLatin1String("url")).toString(), MaxTitle);
    return QStringLiteral("Use ") + elided(m_toolName, MaxTitle);
}

QJsonObject ClaudeHookRequest::context() const
{
    // The whole tool input, so rules can match any field of it (url, command, file_path,
    // content, ...); the payload field is there twice then, but a policy cannot read the
    // payload. Only very long texts are shortened, with a marker, and then
    // tool_input_truncated says so; the fields policies tell calls apart by stay whole.
    QJsonObject input = m_toolInput;
    qsizetype budget = MaxContextStrings;
    bool cut = false;
    for (auto it = input.begin(); it != input.end(); ++it) {
        if (!isKeyField(it.key()))
            it.value() = shortened(it.value(), budget, cut);
    }
    QJsonObject c{{QStringLiteral("tool_name"), m_toolName}, {QStringLiteral("tool_input"), input}};
    if (cut)
        c.insert(QStringLiteral("tool_input_truncated"), true);
    if (!m_cwd.isEmpty())
        c.insert(QStringLiteral("cwd"), m_cwd);
    if (!m_sessionId.isEmpty())
        c.insert(QStringLiteral("session_id"), m_sessionId);
    if (!m_toolUseId.isEmpty())
        c.insert(QStringLiteral("tool_use_id"), m_toolUseId);
    if (m_change && !m_change->note().isEmpty())
        c.insert(QStringLiteral("original_note"), m_change->note());
    // context.command predates tool_input.command; policies written for it keep working.
    if (m_toolName == QLatin1String("Bash"))
        c.insert(QStringLiteral("command"), m_toolInput.value(QLatin1String("command")).toString());
    return c;
}

QJsonObject ClaudeHookRequest::submitBody(const QString &reasoning) const
{
    QJsonObject payload{{QStringLiteral("content"), payloadContent()}, {QStringLiteral("language"), payloadLanguage()}};
    if (const auto original = payloadOriginal())
        payload.insert(QStringLiteral("original"), *original);
    QJsonObject body{{QStringLiteral("type"), actionType()}, {QStringLiteral("title"), title()},
        {QStringLiteral("payload"), payload}, {QStringLiteral("context"), context()}};
    if (!reasoning.isEmpty())
        body.insert(QStringLiteral("reasoning"), reasoning);
    // Claude Code may run a hook twice for one tool call (several matching hook entries, a
    // retry): the tool_use_id makes the second submit return the first action.
    if (!m_toolUseId.isEmpty())
        body.insert(QStringLiteral("idempotency_key"), m_toolUseId.left(200));
    return body;
}

Result<QJsonObject> ClaudeHookRequest::editedInput(const QString &content) const
{
    if (m_change)
        return m_change->editedInput(m_toolInput, content);
    QJsonObject input = m_toolInput;
    if (const QString field = payloadField(); !field.isEmpty()) {
        input.insert(field, content);
        return input;
    }
    QJsonParseError error;
    const QJsonDocument edited = QJsonDocument::fromJson(content.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !edited.isObject())
        return fail(Error::invalid(QStringLiteral("final_payload"),
            QStringLiteral("the reviewer's edit of the %1 input is not a JSON object").arg(m_toolName)));
    return edited.object();
}

QString ClaudeHookRequest::languageForPath(const QString &path)
{
    static const QHash<QString, QString> bySuffix{
        {QStringLiteral("c"), QStringLiteral("c")},
        {QStringLiteral("h"), QStringLiteral("c++")},
        {QStringLiteral("cc"), QStringLiteral("c++")},
        {QStringLiteral("cpp"), QStringLiteral("c++")},
        {QStringLiteral("cxx"), QStringLiteral("c++")},
        {QStringLiteral("hpp"), QStringLiteral("c++")},
        {QStringLiteral("py"), QStringLiteral("python")},
        {QStringLiteral("js"), QStringLiteral("javascript")},
        {QStringLiteral("mjs"), QStringLiteral("javascript")},
        {QStringLiteral("jsx"), QStringLiteral("javascript")},
        {QStringLiteral("ts"), QStringLiteral("typescript")},
        {QStringLiteral("tsx"), QStringLiteral("typescript")},
        {QStringLiteral("rs"), QStringLiteral("rust")},
        {QStringLiteral("go"), QStringLiteral("go")},
        {QStringLiteral("java"), QStringLiteral("java")},
        {QStringLiteral("kt"), QStringLiteral("kotlin")},
        {QStringLiteral("rb"), QStringLiteral("ruby")},
        {QStringLiteral("php"), QStringLiteral("php")},
        {QStringLiteral("swift"), QStringLiteral("swift")},
        {QStringLiteral("sh"), QStringLiteral("bash")},
        {QStringLiteral("bash"), QStringLiteral("bash")},
        {QStringLiteral("zsh"), QStringLiteral("zsh")},
        {QStringLiteral("sql"), QStringLiteral("sql")},
        {QStringLiteral("json"), QStringLiteral("json")},
        {QStringLiteral("yaml"), QStringLiteral("yaml")},
        {QStringLiteral("yml"), QStringLiteral("yaml")},
        {QStringLiteral("toml"), QStringLiteral("toml")},
        {QStringLiteral("xml"), QStringLiteral("xml")},
        {QStringLiteral("html"), QStringLiteral("html")},
        {QStringLiteral("css"), QStringLiteral("css")},
        {QStringLiteral("md"), QStringLiteral("markdown")},
        {QStringLiteral("cmake"), QStringLiteral("cmake")},
        {QStringLiteral("diff"), QStringLiteral("diff")},
        {QStringLiteral("patch"), QStringLiteral("diff")},
        {QStringLiteral("txt"), QStringLiteral("text")},
    };
    const QFileInfo info(path);
    if (info.fileName() == QLatin1String("CMakeLists.txt"))
        return QStringLiteral("cmake");
    if (info.fileName() == QLatin1String("Makefile"))
        return QStringLiteral("makefile");
    if (info.fileName() == QLatin1String("Dockerfile"))
        return QStringLiteral("dockerfile");
    return bySuffix.value(info.suffix().toLower(), QStringLiteral("text"));
}

QString ClaudeHookRequest::relativePath(const QString &path) const
{
    if (m_cwd.isEmpty() || !QDir::isAbsolutePath(path))
        return path;
    const QString relative = QDir(m_cwd).relativeFilePath(path);
    return relative.startsWith(QLatin1String("..")) ? path : relative;
}

} // namespace Countersign::Cli
