#include "proposaldialog.h"

#include "evidenceformatter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonValue>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Countersign {

namespace {

QString tierTitle(Tier tier)
{
    switch (tier) {
    case Tier::Auto:
        return ProposalDialog::tr("Auto-approve");
    case Tier::Review:
        return ProposalDialog::tr("Review required");
    case Tier::Prohibited:
        return ProposalDialog::tr("Prohibited");
    }
    return {};
}

} // namespace

ProposalDialog::ProposalDialog(const Recommendation &recommendation, QWidget *parent)
    : QDialog(parent)
    , m_recommendation(recommendation)
    , m_note(new QPlainTextEdit(this))
    , m_whatIf(new WhatIfPanel(this))
{
    setObjectName(QStringLiteral("proposalDialog"));
    setWindowTitle(tr("Draft Policy Change"));
    auto *layout = new QVBoxLayout(this);
    auto *summary = new QLabel(recommendation.summary, this);
    summary->setWordWrap(true);
    layout->addWidget(summary);

    auto *changesBox = new QGroupBox(tr("Proposed tiers"), this);
    auto *form = new QFormLayout(changesBox);
    m_form = form;
    for (const auto &change : recommendation.proposedChanges) {
        auto *combo = new QComboBox(changesBox);
        combo->setObjectName(QStringLiteral("tier:") + change.type);
        for (Tier tier : {Tier::Auto, Tier::Review, Tier::Prohibited})
            combo->addItem(tierTitle(tier), int(tier));
        combo->setCurrentIndex(combo->findData(int(change.tier)));
        form->addRow(change.type, combo);
        m_tiers.append(combo);
    }
    layout->addWidget(changesBox);

    auto *evidence = new QLabel(EvidenceFormatter::toHtml(recommendation.evidence), this);
    evidence->setTextFormat(Qt::RichText);
    layout->addWidget(evidence);

    auto *whatIfBox = new QGroupBox(tr("What if"), this);
    whatIfBox->setObjectName(QStringLiteral("whatIfBox"));
    (new QVBoxLayout(whatIfBox))->addWidget(m_whatIf);
    layout->addWidget(whatIfBox, 1);

    layout->addWidget(new QLabel(tr("Note for the administrator:"), this));
    m_note->setObjectName(QStringLiteral("proposalNote"));
    m_note->setPlaceholderText(tr("Why this change, and anything to check before applying it"));
    m_note->setTabChangesFocus(true);
    layout->addWidget(m_note);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Send Proposal"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_tiers.isEmpty());
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void ProposalDialog::setSimulator(Simulator simulator)
{
    if (!simulator) {
        m_whatIf->setRunner({});
        return;
    }
    m_whatIf->setRunner([this, simulator = std::move(simulator)] {
        return simulator(changes());
    });
    m_whatIf->run();
}

void ProposalDialog::offerCategories(const QStringList &categories)
{
    if (!m_categories.isEmpty())
        return;
    for (const auto &change : std::as_const(m_recommendation.proposedChanges)) {
        auto *combo = new QComboBox(this);
        combo->setObjectName(QStringLiteral("category:") + change.type);
        combo->addItem(tr("(keep the default)"), QString());
        for (const QString &category : categories)
            combo->addItem(category, category);
        if (!change.category.isEmpty() && combo->findData(change.category) < 0)
            combo->addItem(change.category, change.category);
        combo->setCurrentIndex(qMax(0, combo->findData(change.category)));
        combo->setToolTip(change.category.isEmpty()
                ? tr("The agents sent no category the policy knows for this type.")
                : tr("Prefilled from the category the agents sent with these actions."));
        m_form->addRow(tr("Category of %1").arg(change.type), combo);
        m_categories.append(combo);
        showUnknownHint(change.type);
    }
}

// A proposal can move a type only into a category the policy has (it changes types, not
// categories): a hint naming another one is shown, and handed on in the note, for the
// administrator to add that category first or to pick an existing one.
void ProposalDialog::showUnknownHint(const QString &type)
{
    const QString hint = m_recommendation.evidence.value(QLatin1String("category_hint")).toString();
    const QJsonValue known = m_recommendation.evidence.value(QLatin1String("category_hint_known"));
    if (hint.isEmpty() || !known.isBool() || known.toBool())
        return;
    auto *label = new QLabel(tr("The agents suggested the category “%1”, which the policy does not have. A "
                                "proposal can only choose an existing category: pick one, or leave the default "
                                "and ask an administrator to add “%1” first.")
                                 .arg(hint),
        this);
    label->setObjectName(QStringLiteral("categoryHintNote:") + type);
    label->setWordWrap(true);
    m_form->addRow(QString(), label);
    if (m_note->toPlainText().isEmpty())
        m_note->setPlainText(
            tr("The agents sent %1 with the category hint “%2”, which the policy does not have.").arg(type, hint));
}

QList<PolicyChange> ProposalDialog::changes() const
{
    QList<PolicyChange> out;
    for (int i = 0; i < m_tiers.size(); ++i) {
        const QString category = i < m_categories.size() ? m_categories.at(i)->currentData().toString() : QString();
        out.append(PolicyChange{
            m_recommendation.proposedChanges.at(i).type, Tier(m_tiers.at(i)->currentData().toInt()), category});
    }
    return out;
}

QString ProposalDialog::note() const
{
    return m_note->toPlainText().trimmed();
}

} // namespace Countersign
