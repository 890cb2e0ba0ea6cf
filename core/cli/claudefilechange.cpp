#include "claudefilechange.h"

#include "claudehookrequest.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStringDecoder>

namespace Countersign::Cli {

namespace {

// Notebooks carry their outputs (images, tables) besides the sources: read a larger file to
// find one cell's source, and keep the cell's source within MaxOriginalBytes.
constexpr qint64 MaxNotebookBytes = 16 * 1024 * 1024;

const QRegularExpression &markerPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^\u2500\u2500\u2500\u2500 edit (\\d+) of (\\d+)"
                                                           "(?:, replace all)? \u2500\u2500\u2500\u2500$"),
        QRegularExpression::MultilineOption);
    return pattern;
}

QString absolutePath(const QString &path, const QString &cwd)
{
    if (QDir::isAbsolutePath(path) || cwd.isEmpty())
        return path;
    return QDir(cwd).absoluteFilePath(path);
}

struct FileText {
    std::optional<QString> text; // nothing: missing, unreadable, too large or not text
    QString note;
};

// The current text of `path`, for the reviewer's diff.
FileText readText(const QString &path, qint64 maxBytes, const QString &what)
{
    const QFileInfo info(path);
    if (!info.exists())
        return {QString(), QStringLiteral("new %1: %2 does not exist yet").arg(what, path)};
    if (!info.isFile())
        return {std::nullopt, QStringLiteral("%1 is not a regular file").arg(path)};
    if (info.size() > maxBytes)
        return {std::nullopt,
            QStringLiteral("the current %1 (%2 bytes) is larger than the %3 bytes the hook shows; its text is not "
                           "in the payload")
                .arg(what)
                .arg(info.size())
                .arg(maxBytes)};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {std::nullopt, QStringLiteral("cannot read the current %1: %2").arg(what, file.errorString())};
    const QByteArray bytes = file.read(maxBytes + 1);
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(bytes);
    if (decoder.hasError() || bytes.size() > maxBytes)
        return {
            std::nullopt, QStringLiteral("the current %1 is not UTF-8 text; its text is not in the payload").arg(what)};
    return {text, QString()};
}

QString cellSource(const QJsonValue &source)
{
    if (source.isString())
        return source.toString();
    QString text;
    for (const QJsonValue &line : source.toArray())
        text += line.toString();
    return text;
}

// The cell `input` names: by cell_id (the id nbformat 4.5 gives every cell), by "cell-N" (how
// Claude Code names cells of notebooks without ids) or by cell_number.
std::optional<QJsonObject> findCell(const QJsonArray &cells, const QJsonObject &input)
{
    const QString id = input.value(QLatin1String("cell_id")).toString();
    if (!id.isEmpty()) {
        for (const QJsonValue &cell : cells) {
            if (cell.toObject().value(QLatin1String("id")).toString() == id)
                return cell.toObject();
        }
        static const QRegularExpression numbered(QStringLiteral("^cell-(\\d+)$"));
        if (const auto m = numbered.match(id); m.hasMatch() && m.captured(1).toLongLong() < cells.size())
            return cells.at(m.captured(1).toLongLong()).toObject();
        return std::nullopt;
    }
    const QJsonValue number = input.value(QLatin1String("cell_number"));
    if (number.isDouble() && number.toInteger(-1) >= 0 && number.toInteger() < cells.size())
        return cells.at(number.toInteger()).toObject();
    return std::nullopt;
}

} // namespace

std::optional<ClaudeFileChange> ClaudeFileChange::from(
    const QString &toolName, const QJsonObject &input, const QString &cwd)
{
    std::optional<ClaudeFileChange> change;
    if (toolName == QLatin1String("Edit")) {
        if (!input.value(QLatin1String("new_string")).isString())
            return std::nullopt;
        change = ClaudeFileChange();
        change->m_content = input.value(QLatin1String("new_string")).toString();
        if (const QJsonValue old = input.value(QLatin1String("old_string")); old.isString())
            change->m_original = old.toString();
        change->m_language = ClaudeHookRequest::languageForPath(input.value(QLatin1String("file_path")).toString());
    } else if (toolName == QLatin1String("MultiEdit")) {
        change = multiEdit(input);
    } else if (toolName == QLatin1String("Write")) {
        change = write(input, cwd);
    } else if (toolName == QLatin1String("NotebookEdit")) {
        change = notebookEdit(input, cwd);
    }
    if (change)
        change->m_toolName = toolName;
    return change;
}

QString ClaudeFileChange::sectionMarker(qsizetype index, qsizetype count, bool replaceAll)
{
    return QStringLiteral("\u2500\u2500\u2500\u2500 edit %1 of %2%3 \u2500\u2500\u2500\u2500")
        .arg(index + 1)
        .arg(count)
        .arg(replaceAll ? QStringLiteral(", replace all") : QString());
}

std::optional<ClaudeFileChange> ClaudeFileChange::multiEdit(const QJsonObject &input)
{
    const QJsonArray edits = input.value(QLatin1String("edits")).toArray();
    if (edits.isEmpty())
        return std::nullopt;
    QStringList content;
    QStringList original;
    for (qsizetype i = 0; i < edits.size(); ++i) {
        const QJsonObject edit = edits.at(i).toObject();
        const QJsonValue oldText = edit.value(QLatin1String("old_string"));
        const QJsonValue newText = edit.value(QLatin1String("new_string"));
        if (!oldText.isString() || !newText.isString())
            return std::nullopt;
        // A text holding a marker line of its own could not be mapped back: show the JSON.
        if (markerPattern().match(oldText.toString()).hasMatch()
            || markerPattern().match(newText.toString()).hasMatch())
            return std::nullopt;
        const QString marker = sectionMarker(i, edits.size(), edit.value(QLatin1String("replace_all")).toBool());
        content.append(marker + u'\n' + newText.toString());
        original.append(marker + u'\n' + oldText.toString());
    }
    ClaudeFileChange change;
    change.m_content = content.join(u'\n');
    change.m_original = original.join(u'\n');
    change.m_language = ClaudeHookRequest::languageForPath(input.value(QLatin1String("file_path")).toString());
    return change;
}

std::optional<ClaudeFileChange> ClaudeFileChange::write(const QJsonObject &input, const QString &cwd)
{
    if (!input.value(QLatin1String("content")).isString())
        return std::nullopt;
    const QString path = input.value(QLatin1String("file_path")).toString();
    ClaudeFileChange change;
    change.m_content = input.value(QLatin1String("content")).toString();
    change.m_language = ClaudeHookRequest::languageForPath(path);
    if (path.isEmpty()) {
        change.m_note = QStringLiteral("the tool input names no file_path; the current file is not shown");
        return change;
    }
    const FileText current = readText(absolutePath(path, cwd), MaxOriginalBytes, QStringLiteral("file"));
    change.m_original = current.text;
    change.m_note = current.note;
    return change;
}

std::optional<ClaudeFileChange> ClaudeFileChange::notebookEdit(const QJsonObject &input, const QString &cwd)
{
    const QJsonValue source = input.value(QLatin1String("new_source"));
    if (!source.isUndefined() && !source.isString())
        return std::nullopt;
    const QString mode = input.value(QLatin1String("edit_mode")).toString(QStringLiteral("replace"));
    ClaudeFileChange change;
    change.m_content = mode == QLatin1String("delete") ? QString() : source.toString();
    change.m_original = QString();
    QString cellType = input.value(QLatin1String("cell_type")).toString();
    QString kernelLanguage;

    const QString path = input.value(QLatin1String("notebook_path")).toString();
    const FileText file = readText(absolutePath(path, cwd), MaxNotebookBytes, QStringLiteral("notebook"));
    if (!file.text || file.text->isEmpty()) {
        change.m_note = file.note.isEmpty() ? QStringLiteral("the notebook is empty") : file.note;
    } else {
        const QJsonObject notebook = QJsonDocument::fromJson(file.text->toUtf8()).object();
        const QJsonObject metadata = notebook.value(QLatin1String("metadata")).toObject();
        kernelLanguage = metadata.value(QLatin1String("language_info"))
                             .toObject()
                             .value(QLatin1String("name"))
                             .toString(metadata.value(QLatin1String("kernelspec"))
                                     .toObject()
                                     .value(QLatin1String("language"))
                                     .toString())
                             .toLower();
        const auto cell = findCell(notebook.value(QLatin1String("cells")).toArray(), input);
        if (mode == QLatin1String("insert")) {
            change.m_note = QStringLiteral("a new cell");
        } else if (!cell) {
            change.m_note = QStringLiteral("the cell is not in the current notebook; its source is not shown");
        } else if (const QString old = cellSource(cell->value(QLatin1String("source")));
            old.toUtf8().size() > MaxOriginalBytes) {
            change.m_note = QStringLiteral("the current cell is larger than %1 bytes; its source is not shown")
                                .arg(MaxOriginalBytes);
        } else {
            change.m_original = old;
            if (cellType.isEmpty())
                cellType = cell->value(QLatin1String("cell_type")).toString();
        }
    }
    if (cellType == QLatin1String("markdown"))
        change.m_language = QStringLiteral("markdown");
    else if (cellType == QLatin1String("raw"))
        change.m_language = QStringLiteral("text");
    else
        change.m_language = kernelLanguage.isEmpty() ? QStringLiteral("python") : kernelLanguage;
    return change;
}

Result<QJsonObject> ClaudeFileChange::editedInput(const QJsonObject &input, const QString &edited) const
{
    QJsonObject out = input;
    if (m_toolName == QLatin1String("Edit"))
        out.insert(QStringLiteral("new_string"), edited);
    else if (m_toolName == QLatin1String("Write"))
        out.insert(QStringLiteral("content"), edited);
    else if (m_toolName == QLatin1String("NotebookEdit"))
        out.insert(QStringLiteral("new_source"), edited);
    else if (m_toolName == QLatin1String("MultiEdit"))
        return editedMultiEdit(input, edited);
    return out;
}

Result<QJsonObject> ClaudeFileChange::editedMultiEdit(const QJsonObject &input, const QString &edited) const
{
    QJsonArray edits = input.value(QLatin1String("edits")).toArray();
    const auto notMapped = [this](const QString &why) {
        return fail(Error::invalid(QStringLiteral("final_payload"),
            QStringLiteral("the reviewer's edit of the %1 input %2").arg(m_toolName, why)));
    };
    QList<QRegularExpressionMatch> markers;
    for (auto it = markerPattern().globalMatch(edited); it.hasNext();)
        markers.append(it.next());
    if (markers.size() != edits.size())
        return notMapped(QStringLiteral("has %1 edit markers for %2 edits").arg(markers.size()).arg(edits.size()));
    if (markers.constFirst().capturedStart() != 0)
        return notMapped(QStringLiteral("has text before the first edit marker"));
    for (qsizetype i = 0; i < markers.size(); ++i) {
        if (markers.at(i).captured(1).toLongLong() != i + 1 || markers.at(i).captured(2).toLongLong() != edits.size())
            return notMapped(QStringLiteral("has its edit markers out of order"));
        // The section is the text between this marker's line and the newline before the next.
        const qsizetype begin = qMin(markers.at(i).capturedEnd() + 1, edited.size());
        const qsizetype end = i + 1 < markers.size() ? markers.at(i + 1).capturedStart() - 1 : edited.size();
        QJsonObject edit = edits.at(i).toObject();
        edit.insert(QStringLiteral("new_string"), edited.mid(begin, qMax<qsizetype>(0, end - begin)));
        edits[i] = edit;
    }
    QJsonObject out = input;
    out.insert(QStringLiteral("edits"), edits);
    return out;
}

} // namespace Countersign::Cli
