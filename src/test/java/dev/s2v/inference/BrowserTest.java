package dev.s2v.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser of the page tests is really offline: a server it could otherwise reach sees nothing.
 */
@Tag("browser")
class BrowserTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir Path dir;

    @Test
    void anOfflineBrowserReachesNoServerNotEvenOnLoopback() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    hits.incrementAndGet();
                    byte[] body = "served".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        server.start();
        try {
            String local = "http://127.0.0.1:" + server.getAddress().getPort();
            // Control: the same kind of page in a browser with network does reach the server.
            try (Browser online = Browser.withNetwork()) {
                online.open(probePage("control.html", local, List.of(local + "/fetch")));
                online.waitFor("window.results", TIMEOUT);
                assertEquals(List.of("served"), online.script("return window.results;"));
            }
            assertTrue(hits.getAndSet(0) >= 2, "the control browser reached the server");

            try (Browser browser = Browser.offline()) {
                browser.open(
                        probePage(
                                "offline.html",
                                local,
                                List.of(local + "/fetch", "https://example.com/")));
                browser.waitFor("window.results", TIMEOUT);
                assertEquals(List.of("failed", "failed"), browser.script("return window.results;"));
                List<Browser.Request> failed =
                        browser.requests().stream().filter(Browser.Request::failed).toList();
                assertTrue(
                        failed.stream()
                                .anyMatch(
                                        r ->
                                                r.url().equals(local + "/pixel.png")
                                                        && r.error().contains("PROXY")),
                        "the image load failed at the dead proxy: " + failed);
                assertFalse(browser.errors().isEmpty(), "failed loads are console errors");
            }
            assertEquals(
                    0, hits.get(), "requests that reached the server from the offline browser");
        } finally {
            server.stop(0);
        }
    }

    /** A page that loads an image from {@code server} and fetches each URL, recording outcomes. */
    private Path probePage(String name, String server, List<String> urls) throws IOException {
        StringBuilder list = new StringBuilder();
        for (String url : urls) {
            list.append(list.isEmpty() ? "" : ", ").append('"').append(url).append('"');
        }
        String html =
                "<!DOCTYPE html><html><body><img src=\""
                        + server
                        + "/pixel.png\"><script>\n"
                        + "Promise.all(["
                        + list
                        + "].map(u => fetch(u, {cache: 'no-store'}).then(r => r.text(),"
                        + " () => 'failed'))).then(r => { window.results = r; });\n"
                        + "</script></body></html>\n";
        Path page = dir.resolve(name);
        Files.writeString(page, html);
        return page;
    }
}
