package dev.machinist.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * {@code /_sim/...}: lets a test in another process (the CLI, a container, a pipeline) inject faults.
 * POST /_sim/faults {"route":"pantheon.login","kind":"STATUS","status":500,"times":2}; DELETE clears them;
 * GET /_sim/routes lists route names.
 */
final class ControlRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SimulatorServer server;

    ControlRoutes(SimulatorServer server) {
        this.server = server;
    }

    @SuppressWarnings("unchecked")
    void install(Router router) {
        router.add("sim.faults.add", "POST", "/_sim/faults", request -> {
            Map<String, Object> m = JSON.readValue(request.body(), Map.class);
            Object route = m.get("route");
            if (!(route instanceof String name) || !server.routeNames().contains(name)) {
                return SimResponse.json(400, Map.of("message", "unknown route: " + route));
            }
            server.faults().inject(name, Fault.fromMap(m));
            return SimResponse.json(201, Map.of("route", name));
        });
        router.add("sim.faults.clear", "DELETE", "/_sim/faults", request -> {
            server.faults().clear();
            return SimResponse.empty(204);
        });
        router.add("sim.routes", "GET", "/_sim/routes", request -> SimResponse.json(200, server.routeNames()));
    }
}
