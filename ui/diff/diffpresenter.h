#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace Countersign {

// The one interface of every diff view (side-by-side, unified, editable side-by-side), so the
// container switches between them at runtime without knowing which is shown. Each view reads
// the shared DiffDocument and keeps its own display model (its folds, its current row).
class DiffPresenter
{
public:
    // A position in the diff, independent of any view's rows: the line of each side at the
    // reader's current row (-1 where that row has none).
    struct Location {
        int leftLine = -1;
        int rightLine = -1;
        int offset = 0; // the current row's distance from the top of the view, in rows
    };

    virtual ~DiffPresenter();

    virtual QWidget *widget() = 0;
    // The document changed (diff, definition, theme or font): rebuild, keep the position.
    virtual void documentChanged() = 0;

    // Moves to the next / previous block of changes; false when there is none.
    virtual bool goToNextChange() = 0;
    virtual bool goToPreviousChange() = 0;
    // The 1-based number of the change at or before the current position; 0 before the first.
    virtual int currentChange() const = 0;
    virtual int changeCount() const = 0;

    virtual Location currentLocation() const = 0;
    virtual void setCurrentLocation(const Location &location) = 0;

    // The selected side's text (the unified view: the selected lines, as a patch would).
    virtual QString selectedText() const = 0;
    virtual void expandAll() = 0;
    // Marks the text and moves to its next (previous) occurrence, expanding a fold that hides
    // it; false when there is none.
    virtual bool find(const QString &text, bool backward) = 0;
    virtual void focusView() = 0;

protected:
    // The first row after (before) `from`, wrapping around, for which matches() holds; -1.
    static int findRow(int rowCount, int from, bool backward, const std::function<bool(int)> &matches);
};

} // namespace Countersign
