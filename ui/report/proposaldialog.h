#pragma once

#include "report/recommendation.h"
#include "whatifpanel.h"

#include <QDialog>

class QComboBox;
class QFormLayout;
class QPlainTextEdit;

namespace Countersign {

// Drafts a policy change from a recommendation: the lead reviews each type's new tier, adds a
// note for the administrator, and sends the proposal. Nothing changes until an admin applies it.
class ProposalDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ProposalDialog(const Recommendation &recommendation, QWidget *parent = nullptr);

    // An unassigned type gets a home: a category choice per change, offering `categories` (the
    // policy's) and starting from the agents' hint the recommendation carries.
    void offerCategories(const QStringList &categories);

    QList<PolicyChange> changes() const;
    QString note() const;
    QString recommendationId() const { return m_recommendation.id; }

    // How the "What if" section simulates the dialog's changes; it runs once at once, and again
    // on demand after a tier is changed.
    using Simulator = std::function<QFuture<Result<SimulationReport>>(const QList<PolicyChange> &changes)>;
    void setSimulator(Simulator simulator);
    WhatIfPanel *whatIf() const { return m_whatIf; }

private:
    void showUnknownHint(const QString &type);

    Recommendation m_recommendation;
    QList<QComboBox *> m_tiers;
    QList<QComboBox *> m_categories; // empty, or one per change
    QFormLayout *m_form = nullptr;
    QPlainTextEdit *m_note;
    WhatIfPanel *m_whatIf;
};

} // namespace Countersign
