#pragma once

#include "report/recommendation.h"

#include <QSet>
#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTextBrowser;
class QTreeView;

namespace Countersign {

class RecommendationModel;

// A list of recommendations of some kinds, the evidence of the selected one, and a button that
// drafts the policy change it suggests. The report window shows one for promote/tighten and one
// for unassigned types.
class RecommendationsPanel : public QWidget
{
    Q_OBJECT

public:
    RecommendationsPanel(RecommendationModel *model, const QSet<RecommendationKind> &kinds, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    void setPlaceholder(const QString &text);
    // The recommendation selected in the view, if any.
    std::optional<Recommendation> current() const;
    int visibleCount() const;

Q_SIGNALS:
    void draftRequested(const Countersign::Recommendation &recommendation);

private:
    void showCurrent();
    void updatePlaceholder();

    RecommendationModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_view;
    QLabel *m_placeholder;
    QTextBrowser *m_evidence;
    QPushButton *m_draft;
};

} // namespace Countersign
