#include "unifieddiffview.h"

#include "diffdocument.h"
#include "diffoverviewruler.h"
#include "diffpane.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace Countersign {

UnifiedDiffView::UnifiedDiffView(std::shared_ptr<DiffDocument> document, QWidget *parent)
    : PanedDiffView(std::move(document), DiffDisplayModel::Layout::Unified, parent)
    , m_title(new QLabel(this))
{
    setObjectName(QStringLiteral("unifiedView"));
    auto *pane = new DiffPane(DiffPane::Column::Unified, this);
    pane->setObjectName(QStringLiteral("unifiedPane"));
    addPane(pane);

    m_title->setObjectName(QStringLiteral("unifiedTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setContentsMargins(4, 2, 4, 2);
    m_title->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_title);
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0);
    row->addWidget(pane, 1);
    row->addWidget(overviewRuler());
    layout->addLayout(row, 1);
    setFocusProxy(pane);
}

void UnifiedDiffView::updateTitles()
{
    const QString leftName = document()->diff().leftName();
    const QString rightName = document()->diff().rightName();
    if (leftName.isEmpty() && rightName.isEmpty()) {
        m_title->hide();
        return;
    }
    m_title->setText(
        leftName == rightName || rightName.isEmpty() ? leftName : leftName + QStringLiteral(" \u2192 ") + rightName);
    m_title->show();
}

} // namespace Countersign
