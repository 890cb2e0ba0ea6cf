#include "charttextobject.h"

#include <QAbstractAxis>
#include <QAbstractTextDocumentLayout>
#include <QChart>
#include <QLegend>
#include <QPainter>
#include <QTextCursor>
#include <QTextDocument>

namespace Countersign {

namespace {

// Point sizes follow the device's resolution, the chart's layout does not: a 150 dpi PDF would
// draw the labels half again as large as the room the layout gave them.
QFont pixelSized(QFont font)
{
    if (font.pixelSize() <= 0)
        font.setPixelSize(qMax(8, qRound(font.pointSizeF() * 96.0 / 72.0)));
    return font;
}

} // namespace

ChartTextObject::ChartTextObject(QTextDocument *document)
    : QObject(document)
    , m_document(document)
{
    document->documentLayout()->registerHandler(Type, this);
}

int ChartTextObject::addChart(QChart *chart)
{
    chart->setTitleFont(pixelSized(chart->titleFont()));
    chart->legend()->setFont(pixelSized(chart->legend()->font()));
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsFont(pixelSized(axis->labelsFont()));
        axis->setTitleFont(pixelSized(axis->titleFont()));
    }
    m_scene.addItem(chart); // the scene owns the chart
    // One below the other, so rendering one chart's rectangle shows only that chart.
    chart->setGeometry(QRectF(QPointF(0, m_charts.size() * (LogicalSize.height() + 40)), LogicalSize));
    m_charts.append(chart);
    return int(m_charts.size()) - 1;
}

QString ChartTextObject::marker(int index)
{
    return QStringLiteral("[[chart:%1]]").arg(index);
}

void ChartTextObject::placeCharts()
{
    for (int i = 0; i < m_charts.size(); ++i) {
        QTextCursor found = m_document->find(marker(i));
        if (found.isNull())
            continue;
        QTextCharFormat format;
        format.setObjectType(Type);
        format.setProperty(ChartProperty, i);
        found.insertText(QString(QChar::ObjectReplacementCharacter), format);
    }
}

QSizeF ChartTextObject::intrinsicSize(QTextDocument *doc, int posInDocument, const QTextFormat &format)
{
    Q_UNUSED(posInDocument);
    Q_UNUSED(format);
    // As wide as the text (the page, when printing), a little less so the line never wraps.
    qreal width = doc->pageSize().width() > 0 ? doc->pageSize().width() : doc->textWidth();
    if (width <= 0)
        width = LogicalSize.width();
    width = width - 2 * doc->documentMargin() - 2;
    return QSizeF(width, width * LogicalSize.height() / LogicalSize.width());
}

void ChartTextObject::drawObject(
    QPainter *painter, const QRectF &rect, QTextDocument *doc, int posInDocument, const QTextFormat &format)
{
    Q_UNUSED(doc);
    Q_UNUSED(posInDocument);
    const int index = format.property(ChartProperty).toInt();
    if (index < 0 || index >= m_charts.size())
        return;
    QChart *chart = m_charts.at(index);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    m_scene.render(painter, rect, chart->geometry(), Qt::IgnoreAspectRatio);
    painter->restore();
}

} // namespace Countersign
