package dev.s2v.inference;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s2v.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through Selenium, for tests of s2v's HTML pages. The browser
 * and its driver are given explicitly (Selenium Manager never runs, so nothing is downloaded), the
 * profile is a fresh temporary folder, and by default the browser has no network: every HTTP(S)
 * request goes to a proxy where nothing listens, loopback included, and no host name resolves.
 * Pages are opened from disk ({@code file://}).
 *
 * <pre>{@code
 * try (Browser browser = Browser.offline()) {
 *     browser.open(page);
 *     browser.waitFor("document.querySelectorAll('.s2v-vessel').length === 3", Duration.ofSeconds(5));
 *     assertEquals(List.of(), browser.errors());
 * }
 * }</pre>
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** The discard port on loopback, where no proxy listens: a proxied request fails at once. */
    static final String DEAD_PROXY = "127.0.0.1:9";

    private static final ObjectMapper JSON = new ObjectMapper();

    // Selenium looks for a DevTools binding matching Chromium's version at every start and warns
    // when it has none; these tests use no DevTools API. Held here: loggers are weakly referenced.
    private static final Logger CDP_VERSION_FINDER =
            Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    }

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    /** One network request the page made, with Chromium's error text when it failed. */
    record Request(String url, String error) {
        boolean failed() {
            return !error.isEmpty();
        }
    }

    private Browser(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** A browser without network, or the test is skipped when Chromium is not installed. */
    static Browser offline() throws IOException {
        return start(true);
    }

    /**
     * A browser with the machine's network: only for control experiments beside {@link #offline}.
     */
    static Browser withNetwork() throws IOException {
        return start(false);
    }

    private static Browser start(boolean offline) throws IOException {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed: run scripts/setup-natives");
        Path profile = Files.createTempDirectory("s2v-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,860",
                "--user-data-dir=" + profile);
        if (offline) {
            options.addArguments(
                    "--proxy-server=" + DEAD_PROXY,
                    // Without "<-loopback>" Chromium would still reach 127.0.0.1 directly.
                    "--proxy-bypass-list=<-loopback>",
                    "--host-resolver-rules=MAP * ~NOTFOUND");
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .usingAnyFreePort()
                        .build();
        try {
            return new Browser(service, new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            service.stop();
            AtomicFiles.deleteRecursively(profile);
            throw e;
        }
    }

    /** The Selenium driver, to find elements and click. */
    WebDriver driver() {
        return driver;
    }

    /**
     * Opens a file from disk and waits for the document to load; the console and the requests seen
     * before are dropped, so that {@link #errors} and {@link #requests} speak of this page.
     */
    void open(Path page) {
        driver.manage().logs().get(LogType.BROWSER);
        driver.manage().logs().get(LogType.PERFORMANCE);
        driver.get(page.toUri().toString());
    }

    /** Runs JavaScript in the page and returns its result (see Selenium's executeScript). */
    Object script(String javaScript, Object... arguments) {
        return driver.executeScript(javaScript, arguments);
    }

    /**
     * Polls a JavaScript boolean expression every 50 ms until it is true.
     *
     * @throws AssertionError naming the expression when it is still false after {@code timeout}
     */
    void waitFor(String expression, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Boolean.TRUE.equals(script("return !!(" + expression + ");"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still false after " + timeout + ": " + expression);
            }
            Thread.sleep(50);
        }
    }

    /** The console messages since the last call, any level. */
    List<LogEntry> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    /** The console errors (level SEVERE, which includes failed loads) since the last call. */
    List<String> errors() {
        return console().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /**
     * The network requests since the last call (from Chromium's DevTools events), in order: the
     * page itself, scripts, images, fetches, also those that failed.
     */
    List<Request> requests() throws IOException {
        Map<String, String> urls = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            JsonNode params = message.path("params");
            String id = params.path("requestId").asText();
            switch (message.path("method").asText()) {
                case "Network.requestWillBeSent" ->
                        urls.putIfAbsent(id, params.path("request").path("url").asText());
                case "Network.loadingFailed" -> errors.put(id, params.path("errorText").asText());
                default -> {}
            }
        }
        List<Request> requests = new ArrayList<>();
        urls.forEach((id, url) -> requests.add(new Request(url, errors.getOrDefault(id, ""))));
        return requests;
    }

    /** Writes a PNG screenshot of the window, creating the folder. */
    void screenshot(Path png) throws IOException {
        byte[] bytes = driver.getScreenshotAs(OutputType.BYTES);
        AtomicFiles.write(png, temporary -> Files.write(temporary, bytes));
    }

    /** Quits the browser and the driver and deletes the profile. */
    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            AtomicFiles.deleteRecursively(profile);
        }
    }
}
