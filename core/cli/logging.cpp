#include "logging.h"

Q_LOGGING_CATEGORY(lcCliMcp, "countersign.cli.mcp", QtInfoMsg)
