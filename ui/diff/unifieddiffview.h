#pragma once

#include "paneddiffview.h"

class QLabel;

namespace Countersign {

// The diff as `diff -u` reads: one column, both line numbers, each change block's removed lines
// followed by its added lines.
class UnifiedDiffView : public PanedDiffView
{
    Q_OBJECT

public:
    explicit UnifiedDiffView(std::shared_ptr<DiffDocument> document, QWidget *parent = nullptr);

    DiffPane *pane() const { return panes().at(0); }

protected:
    void updateTitles() override;

private:
    QLabel *m_title;
};

} // namespace Countersign
