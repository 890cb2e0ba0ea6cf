#include "sidebysidediffview.h"

#include "diffdocument.h"
#include "diffoverviewruler.h"
#include "diffpane.h"

#include <QGridLayout>
#include <QLabel>
#include <QSplitter>

namespace Countersign {

SideBySideDiffView::SideBySideDiffView(std::shared_ptr<DiffDocument> document, QWidget *parent)
    : PanedDiffView(std::move(document), DiffDisplayModel::Layout::SideBySide, parent)
    , m_leftTitle(new QLabel(this))
    , m_rightTitle(new QLabel(this))
{
    setObjectName(QStringLiteral("sideBySideView"));
    auto *left = new DiffPane(DiffPane::Column::Left, this);
    left->setObjectName(QStringLiteral("leftPane"));
    auto *right = new DiffPane(DiffPane::Column::Right, this);
    right->setObjectName(QStringLiteral("rightPane"));
    // One vertical scroll bar (the right one) drives both panes.
    left->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    addPane(left);
    addPane(right);

    m_leftTitle->setObjectName(QStringLiteral("leftTitle"));
    m_rightTitle->setObjectName(QStringLiteral("rightTitle"));
    for (QLabel *title : {m_leftTitle, m_rightTitle}) {
        title->setTextFormat(Qt::PlainText);
        title->setContentsMargins(4, 2, 4, 2);
        title->hide();
    }

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("sideBySideSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->setHandleWidth(3);
    splitter->addWidget(left);
    splitter->addWidget(right);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_leftTitle, 0, 0);
    layout->addWidget(m_rightTitle, 0, 1);
    layout->addWidget(splitter, 1, 0, 1, 2);
    layout->addWidget(overviewRuler(), 1, 2);
    layout->setRowStretch(1, 1);
    setFocusProxy(right);
}

void SideBySideDiffView::updateTitles()
{
    const QString leftName = document()->diff().leftName();
    const QString rightName = document()->diff().rightName();
    m_leftTitle->setText(leftName);
    m_rightTitle->setText(rightName);
    const bool show = !leftName.isEmpty() || !rightName.isEmpty();
    m_leftTitle->setVisible(show);
    m_rightTitle->setVisible(show);
}

} // namespace Countersign
