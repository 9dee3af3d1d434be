package dev.machinist.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes by method and path pattern. Each route has a name (e.g. {@code pantheon.login}) by which tests
 * inject faults. Patterns use {@code {x}} for one path segment.
 */
public final class Router {
    private final List<Route> routes = new ArrayList<>();

    /** Registers {@code METHOD /path/{param}/...} under {@code name}. */
    public void add(String name, String method, String pathTemplate, Handler handler) {
        String regex = Pattern.quote(pathTemplate).replaceAll("\\{[^}/]+}", "\\\\E([^/]+)\\\\Q");
        routes.add(new Route(name, method, Pattern.compile(regex), handler));
    }

    Optional<Match> match(String method, String path) {
        boolean pathKnown = false;
        for (Route r : routes) {
            Matcher m = r.pattern.matcher(path);
            if (!m.matches()) continue;
            pathKnown = true;
            if (!r.method.equals(method)) continue;
            List<String> params = new ArrayList<>();
            for (int i = 1; i <= m.groupCount(); i++) params.add(m.group(i));
            return Optional.of(new Match(r, params));
        }
        return pathKnown ? Optional.of(new Match(null, List.of())) : Optional.empty();
    }

    List<String> routeNames() {
        return routes.stream().map(r -> r.name).toList();
    }

    @FunctionalInterface
    public interface Handler {
        SimResponse handle(SimRequest request) throws Exception;
    }

    record Route(String name, String method, Pattern pattern, Handler handler) {}

    /** A match; {@code route == null} means the path exists but not for this method (405). */
    record Match(Route route, List<String> params) {}
}
