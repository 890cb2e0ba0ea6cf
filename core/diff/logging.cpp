#include "logging.h"

Q_LOGGING_CATEGORY(lcDiff, "countersign.diff", QtInfoMsg)
