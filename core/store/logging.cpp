#include "logging.h"

Q_LOGGING_CATEGORY(lcStore, "countersign.store", QtInfoMsg)
