package dev.machinist.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 carrying any number of vendor simulators, with fault injection per
 * route ({@link #faults()}) and a log of received requests for tests ({@link #requests()}).
 */
public final class SimulatorServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final Router router = new Router();
    private final FaultPlan faults = new FaultPlan();
    private final List<VendorSimulator> vendors = new ArrayList<>();
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final URI base;

    static {
        // Without TCP_NODELAY every simulated answer waits ~40 ms for Nagle/delayed-ACK; tests and demos
        // would measure the simulator instead of the client.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private SimulatorServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "simulator");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        new ControlRoutes(this).install(router);
    }

    /** Starts an empty server on {@code port} (0 picks a free one). */
    public static SimulatorServer start(int port) throws IOException {
        SimulatorServer s = new SimulatorServer(port);
        s.server.start();
        return s;
    }

    public SimulatorServer with(VendorSimulator vendor) {
        vendor.install(router, base);
        vendors.add(vendor);
        return this;
    }

    public URI baseUri() {
        return base;
    }

    public FaultPlan faults() {
        return faults;
    }

    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public <T extends VendorSimulator> T vendor(Class<T> type) {
        return vendors.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElseThrow();
    }

    public List<String> routeNames() {
        return router.routeNames();
    }

    /** The first-line JSON of {@code machinist simulate}: one entry per vendor key. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (VendorSimulator v : vendors) out.put(v.key(), v.describe(base));
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            Map<String, List<String>> headers = new LinkedHashMap<>(exchange.getRequestHeaders());
            requests.add(new RecordedRequest(method, path, headers));
            Optional<Router.Match> match = router.match(method, path);
            if (match.isEmpty()) {
                send(exchange, SimResponse.json(404, Map.of("message", "Not Found: " + path)), false);
                return;
            }
            Router.Route route = match.get().route();
            if (route == null) {
                send(exchange, SimResponse.json(405, Map.of("message", "Method Not Allowed")), false);
                return;
            }
            Optional<Fault> fault = faults.next(route.name());
            if (fault.isPresent() && applyFault(exchange, fault.get())) return;
            SimRequest request = new SimRequest(
                    method,
                    path,
                    exchange.getRequestURI().getRawQuery(),
                    headers,
                    body,
                    match.get().params());
            SimResponse response;
            try {
                response = route.handler().handle(request);
            } catch (Exception e) {
                response = SimResponse.json(
                        500,
                        Map.of("message", "simulator error: " + e.getClass().getSimpleName()));
            }
            send(
                    exchange,
                    response,
                    fault.map(f -> f.kind() == Fault.Kind.TRUNCATED_BODY).orElse(false));
        }
    }

    /** @return true when the fault replaced the answer entirely */
    private boolean applyFault(HttpExchange exchange, Fault fault) throws IOException {
        switch (fault.kind()) {
            case DELAY -> {
                try {
                    Thread.sleep(fault.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
            case DROP_CONNECTION -> {
                // Close without a status line: the client sees the connection end mid-exchange.
                exchange.getResponseBody().close();
                return true;
            }
            case TRUNCATED_BODY -> {
                return false;
            }
            case RATE_LIMIT -> {
                SimResponse r = SimResponse.text(429, fault.contentType(), fault.body())
                        .withHeader("Retry-After", String.valueOf(fault.delay().toSeconds()));
                send(exchange, r, false);
                return true;
            }
            default -> {
                send(exchange, SimResponse.text(fault.status(), fault.contentType(), fault.body()), false);
                return true;
            }
        }
    }

    private static void send(HttpExchange exchange, SimResponse response, boolean truncate) throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] body = response.body();
        boolean noBody = body.length == 0 || response.status() == 204 || response.status() == 304;
        if (truncate && body.length > 1) {
            // Promise the whole body, deliver half, then close: the client must notice.
            exchange.sendResponseHeaders(response.status(), body.length);
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            throw new IOException("truncated on purpose");
        }
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** A request as received, for tests that assert what the client sent (never logged by the server). */
    public record RecordedRequest(String method, String path, Map<String, List<String>> headers) {
        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }
    }
}
