#pragma once

#include <QWidget>

#include <optional>

namespace Countersign {

// The AI's confidence as a horizontal meter with the policy's threshold marked: a reviewer sees
// at once whether the action only came to review because confidence was low.
class ConfidenceMeter : public QWidget
{
    Q_OBJECT

public:
    explicit ConfidenceMeter(QWidget *parent = nullptr);

    void setConfidence(double confidence); // 0..1
    void setThreshold(std::optional<double> threshold);
    double confidence() const { return m_confidence; }
    std::optional<double> threshold() const { return m_threshold; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void updateAccessibleText();

    double m_confidence = 0;
    std::optional<double> m_threshold;
};

} // namespace Countersign
