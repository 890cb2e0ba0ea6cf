#pragma once

#include "diffcolors.h"

#include <QList>
#include <QWidget>

namespace Countersign {

// A narrow strip beside a diff's scroll bar showing where the changes are in the whole text
// (red removed, green added, both halves for changed lines) and which part is on screen, as
// Kate, Meld and KDiff3 do. A click asks to go to the row under it (rowClicked).
//
// It knows rows only (display rows, or editor lines): the view that owns it fills it.
class DiffOverviewRuler : public QWidget
{
    Q_OBJECT

public:
    enum class Kind : quint8 { Added, Removed, Changed };
    struct Mark {
        int first = 0;
        int count = 1;
        Kind kind = Kind::Changed;
        friend bool operator==(const Mark &, const Mark &) = default;
    };

    explicit DiffOverviewRuler(QWidget *parent = nullptr);

    void setColors(const DiffColors &colors);
    // Marks over `rows` rows in all.
    void setMarks(const QList<Mark> &marks, int rows);
    const QList<Mark> &marks() const { return m_marks; }
    int rowCount() const { return m_rows; }
    // The rows on screen, drawn as a frame.
    void setVisibleRange(int first, int count);

    // The row a y position stands for, and back (the top of its band).
    int rowAt(int y) const;
    int yForRow(int row) const;

    QSize sizeHint() const override;

Q_SIGNALS:
    void rowClicked(int row);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    DiffColors m_colors;
    QList<Mark> m_marks;
    int m_rows = 0;
    int m_visibleFirst = 0;
    int m_visibleCount = 0;
};

} // namespace Countersign
