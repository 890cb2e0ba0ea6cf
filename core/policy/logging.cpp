#include "logging.h"

Q_LOGGING_CATEGORY(lcPolicy, "countersign.policy", QtInfoMsg)
