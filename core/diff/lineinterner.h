#pragma once

#include <QStringView>

#include <cstdint>
#include <span>
#include <vector>

namespace Countersign {

// Maps strings to dense integer ids (internal to the diff engine), so the diff compares ints.
// Equal strings get equal ids; ids are plain ints, so millions of distinct lines are fine.
// Stores views: the interned texts must outlive the interner.
class LineInterner
{
public:
    // ignoreWhitespace: strings equal once all whitespace is removed share an id.
    explicit LineInterner(bool ignoreWhitespace = false, qsizetype expectedCount = 0);

    // `incomplete` marks a last line without newline: it differs from the same text with one
    // (unless whitespace is ignored, newlines being whitespace).
    int intern(QStringView text, bool incomplete = false);
    // Interns a whole text's lines into ids (lastIncomplete: its last line lacks a newline).
    // Faster than one by one: hashes first, then fills the table with prefetching.
    void internAll(std::span<const QStringView> lines, bool lastIncomplete, int *ids);

    int size() const { return int(m_entries.size()); }

private:
    struct Entry {
        QStringView text;
        bool incomplete = false;
    };
    struct Slot {
        std::uint32_t hash = 0;
        std::int32_t id = -1;
    };

    std::uint32_t hashOf(QStringView text, bool incomplete) const;
    int insert(QStringView text, bool incomplete, std::uint32_t hash);
    bool equal(QStringView a, QStringView b) const;
    void grow();

    std::vector<Slot> m_slots; // open addressing, linear probing; size is a power of two
    std::vector<Entry> m_entries; // id -> first text seen
    std::size_t m_mask = 0;
    bool m_ignoreWhitespace = false;
};

} // namespace Countersign
