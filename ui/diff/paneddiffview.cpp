#include "paneddiffview.h"

#include "diffdocument.h"
#include "diffoverviewruler.h"
#include "diffpane.h"

#include <QScrollBar>

#include <algorithm>

namespace Countersign {

using Kind = DiffDisplayModel::Row::Kind;

namespace {
// Rows of unchanged text kept above a change the reader jumps to.
constexpr int JumpContext = 3;
} // namespace

PanedDiffView::PanedDiffView(std::shared_ptr<DiffDocument> document, DiffDisplayModel::Layout layout, QWidget *parent)
    : QWidget(parent)
    , m_document(std::move(document))
    , m_model(layout)
    , m_ruler(new DiffOverviewRuler(this))
{
    connect(m_ruler, &DiffOverviewRuler::rowClicked, this, &PanedDiffView::jumpToRow);
}

PanedDiffView::~PanedDiffView() = default;

void PanedDiffView::addPane(DiffPane *pane)
{
    m_panes.append(pane);
    pane->setSources(m_document.get(), &m_model);
    connect(pane, &DiffPane::foldActivated, this, [this](int row) {
        expandFold(row);
    });
    connect(pane, &DiffPane::wrapWidthChanged, this, &PanedDiffView::updateRowLines);
    pane->setWordWrap(m_wrap);
    connect(pane, &DiffPane::currentRowChanged, this, [this, pane](int row) {
        if (m_syncing)
            return;
        m_syncing = true;
        for (DiffPane *other : std::as_const(m_panes)) {
            if (other != pane)
                other->selectRows(pane->anchorRow(), row);
        }
        m_syncing = false;
        Q_EMIT currentRowChanged(row);
    });
    for (QScrollBar *bar : {pane->verticalScrollBar(), pane->horizontalScrollBar()}) {
        const bool vertical = bar == pane->verticalScrollBar();
        connect(bar, &QScrollBar::valueChanged, this, [this, pane, vertical](int value) {
            if (m_syncing)
                return;
            m_syncing = true;
            for (DiffPane *other : std::as_const(m_panes)) {
                if (other != pane)
                    (vertical ? other->verticalScrollBar() : other->horizontalScrollBar())->setValue(value);
            }
            m_syncing = false;
            if (vertical)
                updateRulerRange();
        });
    }
}

DiffPane *PanedDiffView::primaryPane() const
{
    return m_panes.isEmpty() ? nullptr : m_panes.constLast();
}

void PanedDiffView::reloadPanes()
{
    m_syncing = true;
    for (DiffPane *pane : std::as_const(m_panes))
        pane->reload();
    m_syncing = false;
    updateRowLines();
    updateRuler();
}

void PanedDiffView::updateRuler()
{
    m_ruler->setColors(m_document->colors());
    QList<DiffOverviewRuler::Mark> marks;
    for (int row = 0; row < m_model.rowCount(); ++row) {
        DiffOverviewRuler::Kind kind;
        switch (m_model.row(row).kind) {
        case Kind::Added:
            kind = DiffOverviewRuler::Kind::Added;
            break;
        case Kind::Removed:
            kind = DiffOverviewRuler::Kind::Removed;
            break;
        case Kind::Changed:
            kind = DiffOverviewRuler::Kind::Changed;
            break;
        default:
            continue;
        }
        if (!marks.isEmpty() && marks.constLast().kind == kind
            && marks.constLast().first + marks.constLast().count == row)
            ++marks.last().count;
        else
            marks.append(DiffOverviewRuler::Mark{row, 1, kind});
    }
    m_ruler->setMarks(marks, m_model.rowCount());
    updateRulerRange();
}

void PanedDiffView::updateRulerRange()
{
    if (const DiffPane *pane = primaryPane())
        m_ruler->setVisibleRange(pane->firstVisibleRow(), pane->visibleRowCount());
}

void PanedDiffView::jumpToRow(int row)
{
    DiffPane *pane = primaryPane();
    if (!pane || m_model.rowCount() == 0)
        return;
    row = qBound(0, row, m_model.rowCount() - 1);
    pane->setCurrentRow(row);
    // The clicked place in the middle of the screen, as a scroll bar click would put it.
    pane->setFirstVisibleRow(row - pane->visibleRowCount() / 2);
}

void PanedDiffView::setWordWrap(bool wrap)
{
    if (wrap == m_wrap)
        return;
    const Location location = currentLocation();
    m_wrap = wrap;
    for (DiffPane *pane : std::as_const(m_panes))
        pane->setWordWrap(wrap);
    updateRowLines();
    setCurrentLocation(location);
}

void PanedDiffView::updateRowLines()
{
    QList<int> lines;
    if (m_wrap) {
        for (const DiffPane *pane : std::as_const(m_panes)) {
            const QList<int> counts = pane->wrappedLineCounts();
            if (lines.isEmpty()) {
                lines = counts;
                continue;
            }
            for (qsizetype i = 0; i < qMin(lines.size(), counts.size()); ++i)
                lines[i] = qMax(lines.at(i), counts.at(i));
        }
    }
    // Rows are the scroll unit: the panes keep their first row, only its neighbours move.
    m_syncing = true;
    for (DiffPane *pane : std::as_const(m_panes))
        pane->setRowLines(lines);
    m_syncing = false;
    if (!m_panes.isEmpty()) {
        const int first = primaryPane()->firstVisibleRow();
        for (DiffPane *pane : std::as_const(m_panes))
            pane->setFirstVisibleRow(first);
    }
}

void PanedDiffView::documentChanged()
{
    const Location location = currentLocation();
    if (m_model.diff() != m_document->diff())
        m_model.setDiff(m_document->diff());
    reloadPanes();
    setCurrentLocation(location);
    updateTitles();
}

int PanedDiffView::currentRow() const
{
    const DiffPane *pane = primaryPane();
    return pane ? pane->currentRow() : 0;
}

void PanedDiffView::setCurrentRow(int row, int context)
{
    DiffPane *pane = primaryPane();
    if (!pane || m_model.rowCount() == 0)
        return;
    row = qBound(0, row, m_model.rowCount() - 1);
    pane->setCurrentRow(row); // the others follow through currentRowChanged
    pane->ensureRowVisible(row, context);
}

bool PanedDiffView::expandFold(int row)
{
    if (!m_model.expandFold(row))
        return false;
    reloadPanes();
    return true;
}

bool PanedDiffView::goToNextChange()
{
    const int row = m_model.nextChange(currentRow());
    if (row < 0)
        return false;
    setCurrentRow(row, JumpContext);
    return true;
}

bool PanedDiffView::goToPreviousChange()
{
    // From inside a change block, "previous" means the block before it, not its own start.
    int from = currentRow();
    while (from > 0 && DiffDisplayModel::isChange(m_model.row(from).kind)
        && DiffDisplayModel::isChange(m_model.row(from - 1).kind))
        --from;
    const int row = m_model.previousChange(from);
    if (row < 0)
        return false;
    setCurrentRow(row, JumpContext);
    return true;
}

int PanedDiffView::currentChange() const
{
    return m_model.rowCount() ? m_model.changeNumberAt(currentRow()) : 0;
}

int PanedDiffView::changeCount() const
{
    return int(m_model.changeStarts().size());
}

DiffPresenter::Location PanedDiffView::currentLocation() const
{
    const DiffPane *pane = primaryPane();
    if (!pane || m_model.rowCount() == 0)
        return {};
    // A fold has no line of its own: use the first row after it that has.
    int row = currentRow();
    while (row + 1 < m_model.rowCount() && m_model.row(row).kind == Kind::Fold)
        ++row;
    const DiffDisplayModel::Row &r = m_model.row(row);
    return Location{r.leftLine, r.rightLine, currentRow() - pane->firstVisibleRow()};
}

void PanedDiffView::setCurrentLocation(const Location &location)
{
    DiffPane *pane = primaryPane();
    if (!pane || m_model.rowCount() == 0)
        return;
    int row = location.rightLine >= 0 ? m_model.rowForRightLine(location.rightLine) : -1;
    if (row < 0)
        row = location.leftLine >= 0 ? m_model.rowForLeftLine(location.leftLine) : 0;
    row = qBound(0, row, m_model.rowCount() - 1);
    pane->setCurrentRow(row);
    pane->setFirstVisibleRow(row - qBound(0, location.offset, pane->visibleRowCount() - 1));
}

QString PanedDiffView::selectedText() const
{
    // The side the reader last worked in; the right (new) side by default.
    for (const DiffPane *pane : m_panes) {
        if (pane->hasFocus())
            return pane->selectedText();
    }
    const DiffPane *pane = primaryPane();
    return pane ? pane->selectedText() : QString();
}

void PanedDiffView::expandAll()
{
    const Location location = currentLocation();
    m_model.expandAll();
    reloadPanes();
    setCurrentLocation(location);
}

bool PanedDiffView::find(const QString &text, bool backward)
{
    for (DiffPane *pane : std::as_const(m_panes))
        pane->setSearchText(text);
    if (text.isEmpty())
        return false;
    const auto matches = [this, &text](int row) {
        return std::any_of(m_panes.cbegin(), m_panes.cend(), [row, &text](const DiffPane *pane) {
            return pane->rowContains(row, text);
        });
    };
    int row = findRow(m_model.rowCount(), currentRow(), backward, matches);
    if (row < 0)
        return false;
    if (m_model.row(row).kind == Kind::Fold) {
        const int hidden = m_model.row(row).hidden;
        expandFold(row);
        // The fold's rows now start where it was.
        row = backward ? findRow(m_model.rowCount(), row + hidden, true, matches)
                       : findRow(m_model.rowCount(), row - 1, false, matches);
    }
    if (row < 0)
        return false;
    setCurrentRow(row, JumpContext);
    return true;
}

void PanedDiffView::focusView()
{
    if (DiffPane *pane = primaryPane())
        pane->setFocus(Qt::OtherFocusReason);
}

} // namespace Countersign
