#include "diffpresenter.h"

namespace Countersign {

DiffPresenter::~DiffPresenter() = default;

int DiffPresenter::findRow(int rowCount, int from, bool backward, const std::function<bool(int)> &matches)
{
    if (rowCount <= 0)
        return -1;
    for (int step = 1; step <= rowCount; ++step) {
        const int row = ((backward ? from - step : from + step) % rowCount + rowCount) % rowCount;
        if (matches(row))
            return row;
    }
    return -1;
}

} // namespace Countersign
