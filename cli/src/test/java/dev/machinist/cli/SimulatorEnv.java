package dev.machinist.cli;

import dev.machinist.simulator.SimulatorServer;
import java.util.LinkedHashMap;
import java.util.Map;

/** The environment a user would export from `machinist simulate`'s first line, for one vendor. */
final class SimulatorEnv {
    private SimulatorEnv() {}

    @SuppressWarnings("unchecked")
    static Map<String, String> of(SimulatorServer server, String vendor) {
        Map<String, Object> entry = (Map<String, Object>) server.describe().get(vendor);
        Map<String, String> env = new LinkedHashMap<>();
        ((Map<String, Object>) entry.get("env")).forEach((k, v) -> env.put(k, String.valueOf(v)));
        return env;
    }

    static Map<String, String> with(Map<String, String> env, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(env);
        copy.put(key, value);
        return copy;
    }
}
