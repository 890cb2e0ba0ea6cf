#pragma once

// Moved to the domain floor; kept so existing includes keep working.
#include "domain/actionquery.h"
