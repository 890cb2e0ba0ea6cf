#pragma once

#include "paneddiffview.h"

class QLabel;

namespace Countersign {

// The left and right texts in two panes on the same rows: scrolled together, sharing the
// current row, the selection's rows and the folds.
class SideBySideDiffView : public PanedDiffView
{
    Q_OBJECT

public:
    explicit SideBySideDiffView(std::shared_ptr<DiffDocument> document, QWidget *parent = nullptr);

    DiffPane *leftPane() const { return panes().at(0); }
    DiffPane *rightPane() const { return panes().at(1); }

protected:
    void updateTitles() override;

private:
    QLabel *m_leftTitle;
    QLabel *m_rightTitle;
};

} // namespace Countersign
