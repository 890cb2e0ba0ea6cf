#include "filediff.h"

#include "textlines.h"

#include <QMutex>

#include <algorithm>

#include <atomic>
#include <optional>
#include <vector>

namespace Countersign {

namespace {

// One side: a whole text with views of its lines, a list of lines, or (a partial diff read
// from a patch) the few known lines of a longer text. The list of a text side or a partial
// side is built on demand.
struct Side {
    QString name;
    QString text;
    std::vector<QStringView> views; // into `text`, `lines` or `knownTexts`
    mutable QStringList lines;
    mutable std::atomic<bool> linesReady{true};
    bool endsWithNewline = true;
    // A partial side: `lineCount` lines of which only those numbered in `known` (ascending)
    // are stored, their texts in `knownTexts` and `views`. Memory follows what is known, not
    // the line numbers a patch states.
    bool partial = false;
    int lineCount = 0;
    std::vector<int> known;
    QStringList knownTexts;

    Side() = default;
    Side(const Side &other)
        : name(other.name)
        , text(other.text)
        , views(other.views)
        , lines(other.lines)
        , linesReady(other.linesReady.load())
        , endsWithNewline(other.endsWithNewline)
        , partial(other.partial)
        , lineCount(other.lineCount)
        , known(other.known)
        , knownTexts(other.knownTexts)
    {
        // `text`, `lines` and `knownTexts` are shallow copies sharing their buffers, so the views
        // stay valid.
    }
    Side &operator=(const Side &) = delete;

    void clearPartial()
    {
        partial = false;
        lineCount = 0;
        known.clear();
        knownTexts = {};
    }
    void setText(const QString &t)
    {
        clearPartial();
        text = t;
        TextLines split = TextLines::split(text);
        views = std::move(split.lines);
        endsWithNewline = split.endsWithNewline;
        lines = {};
        linesReady = false;
    }
    void setLines(const QStringList &l)
    {
        clearPartial();
        text = QString();
        lines = l;
        views.clear();
        views.reserve(size_t(lines.size()));
        // Null stays null: in a partial diff it marks a line the patch did not show.
        for (const QString &line : std::as_const(lines))
            views.push_back(line.isNull() ? QStringView() : QStringView(line));
        linesReady = true;
    }
    void setKnown(int count, const FileDiff::KnownLines &knownLines)
    {
        text = QString();
        lines = {};
        partial = true;
        lineCount = qMax(0, count);
        known.clear();
        knownTexts = {};
        views.clear();
        known.reserve(size_t(knownLines.size()));
        knownTexts.reserve(knownLines.size());
        for (const auto &[number, content] : knownLines) {
            if (number < 0 || number >= lineCount || (!known.empty() && number <= known.back()))
                continue; // out of range or out of order: not a line of this side
            known.push_back(number);
            knownTexts.append(content.isNull() ? QStringLiteral("") : content);
        }
        views.reserve(known.size());
        for (const QString &line : std::as_const(knownTexts))
            views.push_back(QStringView(line));
        linesReady = false;
    }
    int count() const { return partial ? lineCount : int(views.size()); }
    QStringView line(int index) const
    {
        if (!partial)
            return index >= 0 && size_t(index) < views.size() ? views[size_t(index)] : QStringView();
        const auto it = std::lower_bound(known.cbegin(), known.cend(), index);
        if (it == known.cend() || *it != index)
            return QStringView();
        return views[size_t(it - known.cbegin())];
    }
};

} // namespace

class FileDiffData : public QSharedData
{
public:
    FileDiffData() = default;
    FileDiffData(const FileDiffData &other)
        : QSharedData(other)
        , hunks(other.hunks)
        , added(other.added)
        , removed(other.removed)
        , approximate(other.approximate)
        , partial(other.partial)
    {
        // Another thread may be building the other's lists right now.
        QMutexLocker lock(&other.mutex);
        left.emplace(*other.left);
        right.emplace(*other.right);
    }

    const QStringList &lines(const Side &side) const
    {
        if (!side.linesReady.load(std::memory_order_acquire)) {
            QMutexLocker lock(&mutex);
            if (!side.linesReady.load(std::memory_order_relaxed)) {
                QStringList list;
                if (side.partial) {
                    // Every line, known or not: as long as the stated line count.
                    list.resize(side.lineCount);
                    for (size_t i = 0; i < side.known.size(); ++i)
                        list[side.known[i]] = side.knownTexts.at(qsizetype(i));
                } else {
                    list.reserve(qsizetype(side.views.size()));
                    for (const QStringView line : side.views)
                        list.append(line.toString());
                }
                side.lines = std::move(list);
                side.linesReady.store(true, std::memory_order_release);
            }
        }
        return side.lines;
    }

    std::optional<Side> left{std::in_place};
    std::optional<Side> right{std::in_place};
    QList<DiffHunk> hunks;
    int added = 0;
    int removed = 0;
    bool approximate = false;
    bool partial = false;
    mutable QMutex mutex;
};

FileDiff::FileDiff()
    : d(new FileDiffData)
{ }

FileDiff::FileDiff(const FileDiff &other) = default;
FileDiff::FileDiff(FileDiff &&other) noexcept = default;
FileDiff &FileDiff::operator=(const FileDiff &other) = default;
FileDiff &FileDiff::operator=(FileDiff &&other) noexcept = default;
FileDiff::~FileDiff() = default;

QString FileDiff::leftName() const
{
    return d->left->name;
}

void FileDiff::setLeftName(const QString &name)
{
    d->left->name = name;
}

QString FileDiff::rightName() const
{
    return d->right->name;
}

void FileDiff::setRightName(const QString &name)
{
    d->right->name = name;
}

void FileDiff::setLeftText(const QString &text)
{
    d->left->setText(text);
}

void FileDiff::setRightText(const QString &text)
{
    d->right->setText(text);
}

void FileDiff::setLeftLines(const QStringList &lines)
{
    d->left->setLines(lines);
}

void FileDiff::setRightLines(const QStringList &lines)
{
    d->right->setLines(lines);
}

void FileDiff::setLeftKnownLines(int lineCount, const KnownLines &known)
{
    d->left->setKnown(lineCount, known);
}

void FileDiff::setRightKnownLines(int lineCount, const KnownLines &known)
{
    d->right->setKnown(lineCount, known);
}

int FileDiff::leftLineCount() const
{
    return d->left->count();
}

int FileDiff::rightLineCount() const
{
    return d->right->count();
}

QStringView FileDiff::leftLine(int index) const
{
    return d->left->line(index);
}

QStringView FileDiff::rightLine(int index) const
{
    return d->right->line(index);
}

const QStringList &FileDiff::leftLines() const
{
    return d->lines(*d->left);
}

const QStringList &FileDiff::rightLines() const
{
    return d->lines(*d->right);
}

bool FileDiff::leftEndsWithNewline() const
{
    return d->left->endsWithNewline;
}

void FileDiff::setLeftEndsWithNewline(bool ends)
{
    d->left->endsWithNewline = ends;
}

bool FileDiff::rightEndsWithNewline() const
{
    return d->right->endsWithNewline;
}

void FileDiff::setRightEndsWithNewline(bool ends)
{
    d->right->endsWithNewline = ends;
}

const QList<DiffHunk> &FileDiff::hunks() const
{
    return d->hunks;
}

void FileDiff::setHunks(const QList<DiffHunk> &hunks)
{
    d->hunks = hunks;
    // Counted once here so the accessors stay O(1) for views that ask on every paint.
    int added = 0;
    int removed = 0;
    for (const DiffHunk &hunk : hunks) {
        for (const DiffRow &row : hunk.rows) {
            switch (row.kind) {
            case DiffRowKind::Context:
                break;
            case DiffRowKind::Removed:
                ++removed;
                break;
            case DiffRowKind::Added:
                ++added;
                break;
            case DiffRowKind::Changed:
                ++added;
                ++removed;
                break;
            }
        }
    }
    d->added = added;
    d->removed = removed;
}

bool FileDiff::isIdentical() const
{
    return d->added == 0 && d->removed == 0;
}

int FileDiff::addedCount() const
{
    return d->added;
}

int FileDiff::removedCount() const
{
    return d->removed;
}

bool FileDiff::isApproximate() const
{
    return d->approximate;
}

void FileDiff::setApproximate(bool approximate)
{
    d->approximate = approximate;
}

bool FileDiff::isPartial() const
{
    return d->partial;
}

void FileDiff::setPartial(bool partial)
{
    d->partial = partial;
}

bool operator==(const FileDiff &a, const FileDiff &b)
{
    if (a.d == b.d)
        return true;
    auto sameSide = [](const Side &x, const Side &y) {
        // A null line (unknown, in a partial diff) only equals another null line.
        return x.name == y.name && x.endsWithNewline == y.endsWithNewline && x.partial == y.partial
            && x.lineCount == y.lineCount && x.known == y.known && x.views.size() == y.views.size()
            && std::equal(x.views.cbegin(), x.views.cend(), y.views.cbegin(), [](QStringView p, QStringView q) {
                   return p == q && p.isNull() == q.isNull();
               });
    };
    return sameSide(*a.d->left, *b.d->left) && sameSide(*a.d->right, *b.d->right) && a.d->hunks == b.d->hunks
        && a.d->approximate == b.d->approximate && a.d->partial == b.d->partial;
}

} // namespace Countersign
