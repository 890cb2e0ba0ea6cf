#pragma once

#include <QGraphicsScene>
#include <QObject>
#include <QSizeF>
#include <QTextObjectInterface>

class QChart;
class QTextDocument;

namespace Countersign {

// Charts inside a QTextDocument as vector drawings: a chart is one inline object as wide as the
// text, so in a PDF it fits the page width, its labels stay text (searchable, never cut off by
// a bitmap's edge) and it flows with the paragraphs instead of forcing a page of its own.
//
// Each chart is laid out once at a fixed logical size with pixel-sized fonts and scaled to the
// object's rectangle, so the labels keep their room whatever the device's resolution.
class ChartTextObject : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    static constexpr int Type = QTextFormat::UserObject + 19;
    static constexpr int ChartProperty = QTextFormat::UserProperty + 1;
    static constexpr QSizeF LogicalSize{760, 360};

    // Registers itself with `document`'s layout; the document owns it.
    explicit ChartTextObject(QTextDocument *document);

    // Takes `chart`; returns the index to put in ChartProperty.
    int addChart(QChart *chart);
    // Replaces each "[[chart:N]]" in the document by chart N.
    void placeCharts();
    int chartCount() const { return int(m_charts.size()); }

    QSizeF intrinsicSize(QTextDocument *doc, int posInDocument, const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *doc, int posInDocument,
        const QTextFormat &format) override;

    static QString marker(int index);

private:
    QTextDocument *m_document;
    QGraphicsScene m_scene;
    QList<QChart *> m_charts;
};

} // namespace Countersign
