#pragma once

#include <QJsonObject>

namespace Countersign {

// The OpenAPI schemas of the policy simulation (PolicySimulationRequest, PolicySimulation).
class SimulationSchemas
{
public:
    static void addTo(QJsonObject &schemas);
};

} // namespace Countersign
