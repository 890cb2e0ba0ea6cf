#include "diffcommand.h"

#include "diff/differ.h"
#include "diff/unifieddiff.h"
#include "diff/worddiff.h"

#include <QFile>

#include <cstdio>
#include <optional>

namespace Countersign::Cli {

namespace {

constexpr int Same = 0;
constexpr int Different = 1;
constexpr int Trouble = 2;

const QLatin1StringView Usage(
    "Usage: countersign-cli diff [OPTIONS] LEFT RIGHT\n"
    "\n"
    "Prints the unified diff of two text files. Exit status: 0 same, 1 different, 2 trouble.\n"
    "\n"
    "Options:\n"
    "  -U, --context N          lines of context around each change (default 3)\n"
    "  -w, --ignore-whitespace  ignore all whitespace when comparing lines\n"
    "      --word               word diff: changes inline as [-removed-]{+added+}\n"
    "  -u                       accepted for diff(1) compatibility (the output is unified)\n"
    "  -h, --help               show this help\n");

void writeOut(FILE *stream, const QByteArray &bytes)
{
    if (!bytes.isEmpty())
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

int trouble(const QString &message)
{
    writeOut(stderr, (QStringLiteral("countersign-cli diff: ") + message + u'\n').toUtf8());
    return Trouble;
}

struct Arguments {
    QString left;
    QString right;
    DiffOptions options;
    bool word = false;
    bool help = false;
};

// Parsed by hand: QCommandLineParser wants the application's own arguments and exits on errors,
// while a subcommand must report them with status 2.
std::optional<Arguments> parseArguments(const QStringList &arguments, QString *error)
{
    Arguments result;
    QStringList files;
    bool onlyFiles = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (onlyFiles || a == u"-" || !a.startsWith(u'-')) {
            files.append(a);
        } else if (a == u"--") {
            onlyFiles = true;
        } else if (a == u"-h" || a == u"--help") {
            result.help = true;
        } else if (a == u"--word" || a == u"--word-diff") {
            result.word = true;
        } else if (a == u"-w" || a == u"--ignore-whitespace" || a == u"--ignore-all-space") {
            result.options.ignoreWhitespace = true;
        } else if (a == u"-u") {
            // diff -u: already the format.
        } else if (a == u"-U" || a == u"--context" || a.startsWith(u"--context=")
            || (a.startsWith(u"-U") && a.size() > 2)) {
            QString value;
            if (a.startsWith(u"--context="))
                value = a.sliced(10);
            else if (a.startsWith(u"-U") && a.size() > 2)
                value = a.sliced(2);
            else if (i + 1 < arguments.size())
                value = arguments.at(++i);
            else {
                *error = QStringLiteral("option '%1' needs a number").arg(a);
                return std::nullopt;
            }
            bool ok = false;
            const int n = value.toInt(&ok);
            if (!ok || n < 0) {
                *error = QStringLiteral("invalid context length '%1' (a number >= 0 expected)").arg(value);
                return std::nullopt;
            }
            result.options.contextLines = n;
        } else {
            *error = QStringLiteral("unknown option '%1'").arg(a);
            return std::nullopt;
        }
    }
    if (result.help)
        return result;
    if (files.size() != 2) {
        *error = files.size() < 2 ? QStringLiteral("two files expected")
                                  : QStringLiteral("extra operand '%1'").arg(files.at(2));
        return std::nullopt;
    }
    result.left = files.at(0);
    result.right = files.at(1);
    return result;
}

std::optional<QByteArray> readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (path == u"-" ? !file.open(stdin, QIODevice::ReadOnly) : !file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read '%1': %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        *error = QStringLiteral("cannot read '%1': %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return bytes;
}

bool looksBinary(const QByteArray &bytes)
{
    // As git and diff do: a NUL byte near the start.
    return QByteArrayView(bytes).first(qMin<qsizetype>(bytes.size(), 8000)).contains('\0');
}

// Decodes and frees the bytes, so a large file is not held twice.
QString decode(std::optional<QByteArray> &bytes, bool utf8)
{
    QString text = utf8 ? QString::fromUtf8(*bytes) : QString::fromLatin1(*bytes);
    bytes.reset();
    return text;
}

} // namespace

CliCommand DiffCommand::command()
{
    return CliCommand{
        QStringLiteral("diff"), QStringLiteral("Show the differences between two files"), &DiffCommand::run};
}

int DiffCommand::run(const QStringList &arguments)
{
    QString error;
    const std::optional<Arguments> args = parseArguments(arguments, &error);
    if (!args)
        return trouble(error + QStringLiteral("\nTry 'countersign-cli diff --help'."));
    if (args->help) {
        writeOut(stdout, QByteArray(Usage.data(), Usage.size()));
        return Same;
    }

    std::optional<QByteArray> leftBytes = readFile(args->left, &error);
    if (!leftBytes)
        return trouble(error);
    std::optional<QByteArray> rightBytes = readFile(args->right, &error);
    if (!rightBytes)
        return trouble(error);
    if (*leftBytes == *rightBytes)
        return Same;
    if (looksBinary(*leftBytes) || looksBinary(*rightBytes)) {
        writeOut(stdout, QStringLiteral("Binary files %1 and %2 differ\n").arg(args->left, args->right).toUtf8());
        return Different;
    }

    // Text that is not UTF-8 is read as Latin-1, byte for byte, so the patch still applies.
    const bool utf8 = QByteArrayView(*leftBytes).isValidUtf8() && QByteArrayView(*rightBytes).isValidUtf8();
    const QString left = decode(leftBytes, utf8);
    const QString right = decode(rightBytes, utf8);

    DiffOptions options = args->options;
    // The word form recomputes what it needs; the unified form shows whole lines.
    options.refineWords = false;
    FileDiff diff = Differ::diff(left, right, options);
    if (diff.isIdentical())
        return Same;
    diff.setLeftName(args->left);
    diff.setRightName(args->right);
    const QString out = args->word ? WordDiff::write(diff, options.ignoreWhitespace) : UnifiedDiff::write(diff);
    writeOut(stdout, utf8 ? out.toUtf8() : out.toLatin1());
    return Different;
}

} // namespace Countersign::Cli
