#include "logging.h"

Q_LOGGING_CATEGORY(lcUi, "countersign.ui", QtInfoMsg)
