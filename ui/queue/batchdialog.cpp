#include "batchdialog.h"

#include "queuemodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMap>
#include <QPushButton>
#include <QVBoxLayout>

namespace Countersign {

namespace {
constexpr int SampleSize = 8;
}

BatchDialog::BatchDialog(const QueueModel *queue, const QStringList &ids, QWidget *parent)
    : QDialog(parent)
    , m_queue(queue)
    , m_ids(ids)
{
    setObjectName(QStringLiteral("batchDialog"));
    setWindowTitle(tr("Batch Review"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_category = new QComboBox(this);
    m_category->setObjectName(QStringLiteral("batchCategory"));
    QMap<QString, int> counts;
    for (const QString &id : ids) {
        if (const Action *a = m_queue->findAction(id); a && a->tier != Tier::Prohibited)
            ++counts[a->category];
    }
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        m_category->addItem(tr("%1 (%n item(s))", nullptr, it.value()).arg(it.key()), it.key());
    form->addRow(tr("&Category:"), m_category);
    layout->addLayout(form);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("batchSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);
    m_sample = new QListWidget(this);
    m_sample->setObjectName(QStringLiteral("batchSample"));
    m_sample->setSelectionMode(QAbstractItemView::NoSelection);
    layout->addWidget(m_sample, 1);

    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("batchReason"));
    m_reason->setPlaceholderText(tr("Reason (required to reject; sent to the agents)"));
    layout->addWidget(m_reason);

    auto *buttons = new QDialogButtonBox(this);
    m_approve = buttons->addButton(tr("Approve All"), QDialogButtonBox::AcceptRole);
    m_approve->setObjectName(QStringLiteral("batchApprove"));
    m_reject = buttons->addButton(tr("Reject All"), QDialogButtonBox::DestructiveRole);
    m_reject->setObjectName(QStringLiteral("batchReject"));
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);

    connect(m_category, &QComboBox::currentIndexChanged, this, &BatchDialog::updateSummary);
    connect(m_reason, &QLineEdit::textChanged, this, &BatchDialog::updateSummary);
    connect(m_approve, &QPushButton::clicked, this, [this] {
        decide(Outcome::Approve);
    });
    connect(m_reject, &QPushButton::clicked, this, [this] {
        decide(Outcome::Reject);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(560, 460);
    updateSummary();
}

QString BatchDialog::category() const
{
    return m_category->currentData().toString();
}

QStringList BatchDialog::idsInCategory() const
{
    QStringList out;
    const QString cat = category();
    for (const QString &id : m_ids) {
        const Action *a = m_queue->findAction(id);
        if (a && a->category == cat && a->tier != Tier::Prohibited)
            out << id;
    }
    return out;
}

QString BatchDialog::summaryText() const
{
    return m_summary->text();
}

void BatchDialog::updateSummary()
{
    const QStringList ids = idsInCategory();
    QMap<QString, int> types;
    double lo = 1, hi = 0;
    m_sample->clear();
    for (const QString &id : ids) {
        const Action *a = m_queue->findAction(id);
        ++types[a->type];
        lo = std::min(lo, a->confidence);
        hi = std::max(hi, a->confidence);
        if (m_sample->count() < SampleSize)
            m_sample->addItem(QStringLiteral("%1 — %2 (%3%)").arg(a->type, a->title).arg(qRound(a->confidence * 100)));
    }
    QStringList typeList;
    for (auto it = types.cbegin(); it != types.cend(); ++it)
        typeList << QStringLiteral("%1 × %2").arg(it.value()).arg(it.key());
    QString text = tr("%n item(s) in this category.", nullptr, int(ids.size()));
    if (!ids.isEmpty()) {
        text += u'\n' + tr("Types: %1").arg(typeList.join(QStringLiteral(", ")));
        text += u'\n' + tr("Confidence: %1% to %2%").arg(qRound(lo * 100)).arg(qRound(hi * 100));
    }
    const int others = int(m_ids.size() - ids.size());
    if (others > 0)
        text += u'\n' + tr("%n selected item(s) of other categories are not included.", nullptr, others);
    if (ids.size() > SampleSize)
        text += u'\n' + tr("Showing a sample of %1.").arg(SampleSize);
    m_summary->setText(text);
    m_approve->setText(tr("Approve %n", nullptr, int(ids.size())));
    m_reject->setText(tr("Reject %n", nullptr, int(ids.size())));
    m_approve->setEnabled(!ids.isEmpty());
    m_reject->setEnabled(!ids.isEmpty() && !m_reason->text().trimmed().isEmpty());
}

void BatchDialog::decide(Outcome outcome)
{
    const QStringList ids = idsInCategory();
    if (ids.isEmpty())
        return;
    Q_EMIT decided(ids, outcome, m_reason->text().trimmed());
    accept();
}

} // namespace Countersign
