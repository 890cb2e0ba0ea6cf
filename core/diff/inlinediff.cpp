#include "inlinediff.h"

#include "changecompactor.h"
#include "lineinterner.h"
#include "sequencediff.h"

#include <algorithm>
#include <vector>

namespace Countersign {

namespace {

// Bounds the work on one pair of (possibly megabyte-long) lines; past it the pair is still
// diffed correctly, just coarsely.
constexpr qint64 TokenCostLimit = 2'000'000;
// Words up to this many QChars are refined to characters.
constexpr int ShortWord = 32;

enum class TokenKind : char { Word, Space, Symbol };

struct Token {
    int start = 0;
    int end = 0;
    TokenKind kind = TokenKind::Symbol;
    QStringView text(QStringView line) const { return line.sliced(start, end - start); }
};

char32_t codePointAt(QStringView s, int i, int *width)
{
    const QChar c = s[i];
    if (c.isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate()) {
        *width = 2;
        return QChar::surrogateToUcs4(c, s[i + 1]);
    }
    *width = 1;
    return c.unicode();
}

bool isSpaceCode(char32_t c)
{
    if (c < 0x80)
        return c == U' ' || (c >= U'\t' && c <= U'\r');
    return QChar::isSpace(c);
}

bool isWordCode(char32_t c)
{
    if (c < 0x80)
        return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9') || c == U'_';
    return QChar::isLetterOrNumber(c);
}

bool extendsCluster(char32_t c)
{
    // Combining marks, variation selectors and zero-width joiners stay with what precedes.
    return c >= 0x300 && (QChar::isMark(c) || c == 0x200D);
}

// End of the character unit starting at i: a code point with the marks (and joined code
// points) that belong to it.
int unitEnd(QStringView s, int i)
{
    int width = 0;
    codePointAt(s, i, &width);
    i += width;
    while (i < s.size()) {
        const char32_t c = codePointAt(s, i, &width);
        if (!extendsCluster(c))
            break;
        i += width;
        if (c == 0x200D && i < s.size()) {
            codePointAt(s, i, &width);
            i += width;
        }
    }
    return i;
}

std::vector<Token> tokenize(QStringView line)
{
    std::vector<Token> tokens;
    tokens.reserve(size_t(line.size() / 3 + 4));
    const int n = int(line.size());
    int i = 0;
    while (i < n) {
        int width = 0;
        const char32_t c = codePointAt(line, i, &width);
        Token t{i, 0, TokenKind::Symbol};
        if (isSpaceCode(c)) {
            t.kind = TokenKind::Space;
            int j = i + width;
            while (j < n) {
                const char32_t d = codePointAt(line, j, &width);
                if (!isSpaceCode(d))
                    break;
                j += width;
            }
            t.end = j;
        } else if (isWordCode(c)) {
            t.kind = TokenKind::Word;
            int j = unitEnd(line, i);
            while (j < n) {
                const char32_t d = codePointAt(line, j, &width);
                if (!isWordCode(d) && !extendsCluster(d))
                    break;
                j = unitEnd(line, j);
            }
            t.end = j;
        } else {
            t.end = unitEnd(line, i);
        }
        tokens.push_back(t);
        i = t.end;
    }
    return tokens;
}

bool isBlank(QStringView text)
{
    for (const QChar c : text) {
        if (!isSpaceCode(c.unicode()))
            return false;
    }
    return true;
}

int nonSpaceCount(QStringView text)
{
    int count = 0;
    for (const QChar c : text) {
        if (!isSpaceCode(c.unicode()))
            ++count;
    }
    return count;
}

// Appends a segment, merging it into the previous one of the same kind; drops empty ones.
void append(QList<InlineSegment> &out, const InlineSegment &s)
{
    if (s.leftLength == 0 && s.rightLength == 0)
        return;
    if (!out.isEmpty() && out.last().equal == s.equal) {
        out.last().leftLength += s.leftLength;
        out.last().rightLength += s.rightLength;
        return;
    }
    out.append(s);
}

// The changes between two sequences of pieces (tokens or characters) compared as strings.
// The common ends are settled by direct comparison; one replaced run in the middle, the usual
// edit, needs no search at all.
QList<DiffChange> diffPieces(std::span<const QStringView> a, std::span<const QStringView> b, qint64 costLimit)
{
    const size_t n = a.size();
    const size_t m = b.size();
    size_t head = 0;
    while (head < n && head < m && a[head] == b[head])
        ++head;
    size_t tail = 0;
    while (tail < n - head && tail < m - head && a[n - 1 - tail] == b[m - 1 - tail])
        ++tail;
    const size_t ml = n - head - tail;
    const size_t mr = m - head - tail;
    QList<DiffChange> changes;
    if (ml == 0 && mr == 0)
        return changes;
    if (ml == 0 || mr == 0 || (ml == 1 && mr == 1)) {
        changes.append(DiffChange{int(head), int(ml), int(head), int(mr)});
        return changes;
    }
    if (ml == 1 || mr == 1) {
        // One piece against several: it matches one of them (an insertion or deletion around
        // it), or none (a replacement).
        const bool leftSingle = ml == 1;
        const QStringView single = leftSingle ? a[head] : b[head];
        const std::span<const QStringView> many = leftSingle ? b.subspan(head, mr) : a.subspan(head, ml);
        const auto found = std::find(many.begin(), many.end(), single);
        if (found == many.end()) {
            changes.append(DiffChange{int(head), int(ml), int(head), int(mr)});
            return changes;
        }
        const int before = int(found - many.begin());
        const int after = int(many.size()) - before - 1;
        const int h = int(head);
        if (before > 0)
            changes.append(leftSingle ? DiffChange{h, 0, h, before} : DiffChange{h, before, h, 0});
        if (after > 0) {
            changes.append(
                leftSingle ? DiffChange{h + 1, 0, h + before + 1, after} : DiffChange{h + before + 1, after, h + 1, 0});
        }
        return changes;
    }
    LineInterner interner(false, qsizetype(ml + mr));
    std::vector<int> idsL(ml);
    std::vector<int> idsR(mr);
    for (size_t i = 0; i < ml; ++i)
        idsL[i] = interner.intern(a[head + i]);
    for (size_t i = 0; i < mr; ++i)
        idsR[i] = interner.intern(b[head + i]);
    SequenceDiff::Result r = SequenceDiff::run(idsL, idsR, interner.size(), costLimit, nullptr);
    ChangeCompactor::compact(idsL, r.changedA, idsR, r.changedB);
    changes = SequenceDiff::changes(r.changedA, r.changedB);
    for (DiffChange &c : changes) {
        c.leftStart += int(head);
        c.rightStart += int(head);
    }
    return changes;
}

// Character-level alignment of two short words, or false when they share too little for it
// to help the reader.
bool refineCharacters(QStringView left, QStringView right, int leftOffset, int rightOffset, QList<InlineSegment> &out)
{
    std::vector<int> startsL;
    std::vector<int> startsR;
    std::vector<QStringView> unitsL;
    std::vector<QStringView> unitsR;
    startsL.reserve(size_t(left.size() + 1));
    unitsL.reserve(size_t(left.size()));
    startsR.reserve(size_t(right.size() + 1));
    unitsR.reserve(size_t(right.size()));
    for (int i = 0; i < left.size(); i = unitEnd(left, i)) {
        startsL.push_back(i);
        unitsL.push_back(left.sliced(i, unitEnd(left, i) - i));
    }
    startsL.push_back(int(left.size()));
    for (int i = 0; i < right.size(); i = unitEnd(right, i)) {
        startsR.push_back(i);
        unitsR.push_back(right.sliced(i, unitEnd(right, i) - i));
    }
    startsR.push_back(int(right.size()));
    const size_t nl = unitsL.size();
    const size_t nr = unitsR.size();

    const QList<DiffChange> changes = diffPieces(unitsL, unitsR, 0);
    size_t common = nl;
    for (const DiffChange &c : changes)
        common -= size_t(c.leftCount);
    // Worth it for a small edit in a word ("colour" -> "color"), not for two words that merely
    // share letters ("users" -> "customers").
    if (common * 3 < qMax(nl, nr) * 2 || changes.size() > 2)
        return false;
    int pl = 0;
    int pr = 0;
    for (const DiffChange &c : changes) {
        const int ls = startsL[size_t(c.leftStart)];
        const int le = startsL[size_t(c.leftStart + c.leftCount)];
        const int rs = startsR[size_t(c.rightStart)];
        const int re = startsR[size_t(c.rightStart + c.rightCount)];
        append(out, {leftOffset + pl, ls - pl, rightOffset + pr, rs - pr, true});
        append(out, {leftOffset + ls, le - ls, rightOffset + rs, re - rs, false});
        pl = le;
        pr = re;
    }
    append(out, {leftOffset + pl, int(left.size()) - pl, rightOffset + pr, int(right.size()) - pr, true});
    return true;
}

} // namespace

QList<InlineSegment> InlineDiff::segments(QStringView left, QStringView right, bool ignoreWhitespace)
{
    QList<InlineSegment> out;
    if (left == right) {
        append(out, {0, int(left.size()), 0, int(right.size()), true});
        return out;
    }
    // The tokens that take part in the comparison: all of them, or the non-space ones.
    std::vector<Token> tokL = tokenize(left);
    std::vector<Token> tokR = tokenize(right);
    if (ignoreWhitespace) {
        std::erase_if(tokL, [](const Token &t) {
            return t.kind == TokenKind::Space;
        });
        std::erase_if(tokR, [](const Token &t) {
            return t.kind == TokenKind::Space;
        });
    }
    const size_t nl = tokL.size();
    const size_t nr = tokR.size();
    std::vector<QStringView> textL(nl);
    std::vector<QStringView> textR(nr);
    for (size_t i = 0; i < nl; ++i)
        textL[i] = tokL[i].text(left);
    for (size_t i = 0; i < nr; ++i)
        textR[i] = tokR[i].text(right);

    QList<InlineSegment> raw;
    raw.reserve(8);
    out.reserve(8);
    int pl = 0;
    int pr = 0;
    for (const DiffChange &c : diffPieces(textL, textR, TokenCostLimit)) {
        // An empty side sits where the next compared token starts (or at the line's end).
        const int ls = c.leftStart < int(nl) ? tokL[size_t(c.leftStart)].start : int(left.size());
        const int le = c.leftCount > 0 ? tokL[size_t(c.leftStart + c.leftCount - 1)].end : ls;
        const int rs = c.rightStart < int(nr) ? tokR[size_t(c.rightStart)].start : int(right.size());
        const int re = c.rightCount > 0 ? tokR[size_t(c.rightStart + c.rightCount - 1)].end : rs;
        append(raw, {pl, ls - pl, pr, rs - pr, true});
        const bool shortWords = c.leftCount == 1 && c.rightCount == 1
            && tokL[size_t(c.leftStart)].kind == TokenKind::Word && tokR[size_t(c.rightStart)].kind == TokenKind::Word
            && le - ls <= ShortWord && re - rs <= ShortWord;
        if (!shortWords || !refineCharacters(left.sliced(ls, le - ls), right.sliced(rs, re - rs), ls, rs, raw))
            append(raw, {ls, le - ls, rs, re - rs, false});
        pl = le;
        pr = re;
    }
    append(raw, {pl, int(left.size()) - pl, pr, int(right.size()) - pr, true});

    // Changes separated only by whitespace read as one change.
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const InlineSegment &s = raw.at(i);
        const bool bridge = s.equal && i > 0 && i + 1 < raw.size() && !raw.at(i - 1).equal && !raw.at(i + 1).equal
            && isBlank(left.sliced(s.leftStart, s.leftLength)) && isBlank(right.sliced(s.rightStart, s.rightLength));
        append(out, {s.leftStart, s.leftLength, s.rightStart, s.rightLength, s.equal && !bridge});
    }

    // Confetti guard: when what stays equal between the first and last change is a small part
    // of the lines, one change spanning that stretch says it better.
    int firstChange = -1;
    int lastChange = -1;
    int equalInside = 0;
    for (int i = 0; i < int(out.size()); ++i) {
        if (!out.at(i).equal) {
            if (firstChange < 0)
                firstChange = i;
            lastChange = i;
        }
    }
    if (firstChange >= 0 && lastChange > firstChange) {
        for (int i = firstChange; i <= lastChange; ++i) {
            const InlineSegment &s = out.at(i);
            if (s.equal)
                equalInside += nonSpaceCount(left.sliced(s.leftStart, s.leftLength));
        }
        const int total = qMax(nonSpaceCount(left), nonSpaceCount(right));
        int equalAll = 0;
        for (const InlineSegment &s : std::as_const(out)) {
            if (s.equal)
                equalAll += nonSpaceCount(left.sliced(s.leftStart, s.leftLength));
        }
        if (equalInside > 0 && equalAll * 3 < total) {
            const InlineSegment &a = out.at(firstChange);
            const InlineSegment &b = out.at(lastChange);
            InlineSegment merged{a.leftStart, b.leftStart + b.leftLength - a.leftStart, a.rightStart,
                b.rightStart + b.rightLength - a.rightStart, false};
            QList<InlineSegment> collapsed = out.first(firstChange);
            collapsed.append(merged);
            collapsed.append(out.sliced(lastChange + 1));
            out = collapsed;
        }
    }
    return out;
}

void InlineDiff::spans(const QList<InlineSegment> &segments, QList<DiffSpan> *leftSpans, QList<DiffSpan> *rightSpans)
{
    for (const InlineSegment &s : segments) {
        if (s.equal)
            continue;
        if (leftSpans && s.leftLength > 0)
            leftSpans->append(DiffSpan{s.leftStart, s.leftLength});
        if (rightSpans && s.rightLength > 0)
            rightSpans->append(DiffSpan{s.rightStart, s.rightLength});
    }
}

} // namespace Countersign
