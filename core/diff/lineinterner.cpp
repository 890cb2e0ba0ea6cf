#include "lineinterner.h"

#include <QHashFunctions>

#include <bit>

namespace Countersign {

namespace {

// A fixed seed keeps ids, and so diffs, reproducible from run to run.
constexpr size_t Seed = 0x5bd1e9955bd1e995ULL;

bool isSpace(QChar c)
{
    // The ASCII test first: it decides nearly every character of source text.
    const char16_t u = c.unicode();
    if (u < 0x80)
        return u == u' ' || (u >= u'\t' && u <= u'\r');
    return c.isSpace();
}

inline void prefetch(const void *address)
{
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(address);
#else
    Q_UNUSED(address);
#endif
}

} // namespace

LineInterner::LineInterner(bool ignoreWhitespace, qsizetype expectedCount)
    : m_ignoreWhitespace(ignoreWhitespace)
{
    // Room for every string distinct at a load factor of at most 1/2, so no rehash in the
    // common case.
    const size_t capacity = std::bit_ceil(size_t(qMax<qsizetype>(expectedCount, 8)) * 2);
    m_slots.resize(capacity);
    m_mask = capacity - 1;
    m_entries.reserve(size_t(qMax<qsizetype>(expectedCount, 0)));
}

std::uint32_t LineInterner::hashOf(QStringView text, bool incomplete) const
{
    if (!m_ignoreWhitespace)
        return std::uint32_t(qHash(text, Seed)) ^ (incomplete ? 0x9e3779b9u : 0u);
    // FNV-1a over the non-space characters (a missing newline is whitespace too).
    Q_UNUSED(incomplete);
    std::uint32_t h = 2166136261u;
    for (const QChar c : text) {
        if (isSpace(c))
            continue;
        h = (h ^ c.unicode()) * 16777619u;
    }
    return h;
}

bool LineInterner::equal(QStringView a, QStringView b) const
{
    if (!m_ignoreWhitespace)
        return a == b;
    qsizetype i = 0;
    qsizetype j = 0;
    for (;;) {
        while (i < a.size() && isSpace(a[i]))
            ++i;
        while (j < b.size() && isSpace(b[j]))
            ++j;
        if (i == a.size() || j == b.size())
            return i == a.size() && j == b.size();
        if (a[i] != b[j])
            return false;
        ++i;
        ++j;
    }
}

int LineInterner::intern(QStringView text, bool incomplete)
{
    if (m_ignoreWhitespace)
        incomplete = false;
    return insert(text, incomplete, hashOf(text, incomplete));
}

void LineInterner::internAll(std::span<const QStringView> lines, bool lastIncomplete, int *ids)
{
    const size_t n = lines.size();
    if (m_ignoreWhitespace)
        lastIncomplete = false;
    // Hashing streams through the text; the table lookups that follow are random accesses,
    // so each one is announced to the cache a few lines ahead.
    std::vector<std::uint32_t> hashes(n);
    for (size_t i = 0; i < n; ++i)
        hashes[i] = hashOf(lines[i], lastIncomplete && i + 1 == n);
    constexpr size_t Ahead = 8;
    for (size_t i = 0; i < n; ++i) {
        if (i + Ahead < n)
            prefetch(&m_slots[hashes[i + Ahead] & m_mask]);
        ids[i] = insert(lines[i], lastIncomplete && i + 1 == n, hashes[i]);
    }
}

int LineInterner::insert(QStringView text, bool incomplete, std::uint32_t h)
{
    size_t i = h & m_mask;
    for (;;) {
        const Slot &slot = m_slots[i];
        if (slot.id < 0)
            break;
        if (slot.hash == h) {
            const Entry &e = m_entries[size_t(slot.id)];
            if (e.incomplete == incomplete && equal(e.text, text))
                return slot.id;
        }
        i = (i + 1) & m_mask;
    }
    const int id = int(m_entries.size());
    m_slots[i] = Slot{h, id};
    m_entries.push_back(Entry{text, incomplete});
    if (m_entries.size() * 2 > m_slots.size())
        grow();
    return id;
}

void LineInterner::grow()
{
    std::vector<Slot> old;
    old.swap(m_slots);
    m_slots.resize(old.size() * 2);
    m_mask = m_slots.size() - 1;
    for (const Slot &slot : old) {
        if (slot.id < 0)
            continue;
        size_t i = slot.hash & m_mask;
        while (m_slots[i].id >= 0)
            i = (i + 1) & m_mask;
        m_slots[i] = slot;
    }
}

} // namespace Countersign
