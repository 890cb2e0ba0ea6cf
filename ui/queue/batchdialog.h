#pragma once

#include "domain/decision.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Countersign {

class QueueModel;

// Batch review: a compact summary of the chosen items of one category (count, types, confidence
// range, a sample) and one decision with one reason for all of them. Items of other categories
// are left out visibly, never silently.
class BatchDialog : public QDialog
{
    Q_OBJECT

public:
    BatchDialog(const QueueModel *queue, const QStringList &ids, QWidget *parent = nullptr);

    QString category() const;
    QStringList idsInCategory() const;
    QString summaryText() const;

Q_SIGNALS:
    void decided(const QStringList &ids, Countersign::Outcome outcome, const QString &reason);

private:
    void updateSummary();
    void decide(Outcome outcome);

    const QueueModel *m_queue;
    QStringList m_ids;
    QComboBox *m_category;
    QLabel *m_summary;
    QListWidget *m_sample;
    QLineEdit *m_reason;
    QPushButton *m_approve;
    QPushButton *m_reject;
};

} // namespace Countersign
