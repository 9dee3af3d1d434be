package dev.machinist.gitlab;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Serves one file on loopback, standing in for the release download that install.sh fetches with curl. */
final class FileServer implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger downloads = new AtomicInteger();

    FileServer(Path file, String urlPath) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!exchange.getRequestURI().getPath().equals(urlPath)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                downloads.incrementAndGet();
                byte[] body = Files.readAllBytes(file);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
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
