#pragma once

#include <QList>
#include <QPaintDevice>
#include <QPaintEngine>
#include <QPainterPath>
#include <QPolygonF>
#include <QRectF>
#include <QTransform>

// A page-sized paint device that keeps every piece of text drawn on it, where and on which page:
// what a PDF's text extraction would find, without a PDF reader.
class TextRecorder : public QPaintDevice
{
public:
    struct Item {
        int page = 0;
        QString text;
        QRectF rect; // in device pixels
    };

    TextRecorder(QSize pagePixels, int dpi)
        : m_size(pagePixels)
        , m_dpi(dpi)
        , m_engine(this)
    { }

    QPaintEngine *paintEngine() const override { return &m_engine; }
    void newPage() { ++m_page; }
    const QList<Item> &items() const { return m_items; }
    // The lowest point anything was drawn at on each page (text and shapes), for page fill.
    const QList<qreal> &bottoms() const { return m_bottoms; }
    QSize size() const { return m_size; }

protected:
    int metric(PaintDeviceMetric metric) const override
    {
        switch (metric) {
        case PdmWidth:
            return m_size.width();
        case PdmHeight:
            return m_size.height();
        case PdmWidthMM:
            return qRound(m_size.width() * 25.4 / m_dpi);
        case PdmHeightMM:
            return qRound(m_size.height() * 25.4 / m_dpi);
        case PdmNumColors:
            return INT_MAX;
        case PdmDepth:
            return 32;
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY:
            return m_dpi;
        case PdmDevicePixelRatio:
            return 1;
        case PdmDevicePixelRatioScaled:
            return int(devicePixelRatioFScale());
        case PdmDevicePixelRatioF_EncodedA:
        case PdmDevicePixelRatioF_EncodedB:
            return QPaintDevice::metric(metric);
        }
        return 0;
    }

private:
    class Engine : public QPaintEngine
    {
    public:
        explicit Engine(TextRecorder *device)
            : QPaintEngine(QPaintEngine::AllFeatures)
            , m_device(device)
        { }
        bool begin(QPaintDevice *) override { return true; }
        bool end() override { return true; }
        Type type() const override { return QPaintEngine::User; }
        void updateState(const QPaintEngineState &changed) override
        {
            if (changed.state() & QPaintEngine::DirtyTransform)
                m_transform = changed.transform();
        }
        void drawPixmap(const QRectF &r, const QPixmap &, const QRectF &) override { mark(r); }
        void drawImage(const QRectF &r, const QImage &, const QRectF &, Qt::ImageConversionFlags) override { mark(r); }
        void drawPath(const QPainterPath &path) override { mark(path.boundingRect()); }
        void drawPolygon(const QPointF *points, int count, PolygonDrawMode) override
        {
            mark(QPolygonF(QList<QPointF>(points, points + count)).boundingRect());
        }
        void drawPolygon(const QPoint *points, int count, PolygonDrawMode) override
        {
            mark(QPolygonF(QPolygon(QList<QPoint>(points, points + count))).boundingRect());
        }
        void drawRects(const QRectF *rects, int count) override
        {
            for (int i = 0; i < count; ++i)
                mark(rects[i]);
        }
        void drawLines(const QLineF *lines, int count) override
        {
            for (int i = 0; i < count; ++i)
                mark(QRectF(lines[i].p1(), lines[i].p2()).normalized());
        }
        void drawTextItem(const QPointF &p, const QTextItem &item) override
        {
            const QRectF logical(p.x(), p.y() - item.ascent(), item.width(), item.ascent() + item.descent());
            const QRectF r = m_transform.mapRect(logical);
            if (r.bottom() <= 0 || r.top() >= m_device->m_size.height())
                return; // clipped away: this part of the document is on another page
            m_device->m_items.append(Item{m_device->m_page, item.text(), r});
            mark(logical);
        }

    private:
        void mark(const QRectF &logical)
        {
            const QRectF r = m_transform.mapRect(logical);
            if (r.bottom() <= 0 || r.top() >= m_device->m_size.height())
                return;
            auto &bottoms = m_device->m_bottoms;
            while (bottoms.size() <= m_device->m_page)
                bottoms.append(0);
            bottoms[m_device->m_page]
                = qMax(bottoms[m_device->m_page], qMin(r.bottom(), qreal(m_device->m_size.height())));
        }
        TextRecorder *m_device;
        QTransform m_transform;
    };

    QSize m_size;
    int m_dpi;
    int m_page = 0;
    QList<Item> m_items;
    QList<qreal> m_bottoms;
    mutable Engine m_engine;
};
