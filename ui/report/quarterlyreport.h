#pragma once

#include "domain/error.h"
#include "reportsnapshot.h"

#include <QCoreApplication>
#include <QPalette>

#include <functional>

class QPainter;
class QTextDocument;

namespace Countersign {

// The quarterly review a team lead takes to the policy meeting. It answers: which types to move
// to auto-approve, which to tighten, which new types appeared unassigned, how queue times and
// SLA breaches evolved against the previous quarter, and how the reviewers' load was spread.
// Rendered as a rich-text document with the charts as vector drawings (preview and PDF), opening
// with the decisions to take and their evidence, and as CSV.
class QuarterlyReport
{
    Q_DECLARE_TR_FUNCTIONS(QuarterlyReport)

public:
    // `palette`: the colours of the charts; a printed report uses a light one.
    QuarterlyReport(const QuarterData &data, const QPalette &palette);

    QString title() const;
    // A new document (owned by the caller) with the charts as image resources.
    QTextDocument *document() const;
    // Paints the review onto `painter`'s device in pages of `page` (device pixels), calling
    // `newPage` between them; returns the number of pages. exportPdf() paints with it.
    int paint(QPainter &painter, const QSizeF &page, const std::function<void()> &newPage) const;
    QByteArray toCsv() const;

    Result<void> exportPdf(const QString &path) const;
    Result<void> exportCsv(const QString &path) const;

    // A light palette for printing whatever the desktop theme is.
    static QPalette printPalette();

private:
    QString html() const;
    QString headline() const;
    QString recommendationSection(
        const std::function<bool(const Recommendation &)> &which, const QString &heading, const QString &none) const;
    QString decisionsSection() const;
    QString queueSection() const;
    QString reviewerSection() const;

    QuarterData m_data;
    QPalette m_palette;
};

} // namespace Countersign
