package dev.machinist.gitlab;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves files on loopback, standing in for the release download that install.sh fetches with curl and
 * for the public URL an {@code include: remote:} names.
 */
final class FileServer implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger downloads = new AtomicInteger();
    private final Map<String, Path> files = new ConcurrentHashMap<>();

    FileServer(Path file, String urlPath) throws IOException {
        files.put(urlPath, file);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                Path served = files.get(exchange.getRequestURI().getPath());
                if (served == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                if (served.equals(file)) downloads.incrementAndGet();
                byte[] body = Files.readAllBytes(served);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    /** Serves another file; only downloads of the first one are counted. */
    FileServer serve(Path file, String urlPath) {
        files.put(urlPath, file);
        return this;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    int downloads() {
        return downloads.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
