package io.taskstream.e2e;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType.LaunchOptions;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The machine's headless Chromium (Debian's {@code chromium} package), driven by Playwright. Playwright's own
 * browser download is switched off: it does not work here and the system browser is what users run.
 * One browser per test class; each {@link #open} is a fresh profile (context) whose console errors and uncaught
 * page errors are collected, so a scenario can fail on any of them.
 */
final class Browser implements AutoCloseable {

    static final String EXECUTABLE_PROPERTY = "taskstream.e2e.chromium";
    static final String SCREENSHOTS_PROPERTY = "taskstream.e2e.screenshots";
    static final String AXE_PROPERTY = "taskstream.e2e.axe";

    /** WCAG 2.1 A and AA rules: the main pages must pass them without a violation. */
    private static final String AXE_RUN = """
            async () => {
              const result = await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
              });
              if (!result.passes.length) return ['axe-core checked nothing'];
              return result.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', '));
            }""";

    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-default-apps", "--disable-extensions");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final Path screenshots;
    private final String axe;
    private final List<String> errors = new ArrayList<>();
    private final List<String> failedRequests = new ArrayList<>();

    private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium, Path screenshots, String axe) {
        this.playwright = playwright;
        this.chromium = chromium;
        this.screenshots = screenshots;
        this.axe = axe;
    }

    static Browser launch() throws IOException {
        Path executable = Paths.get(System.getProperty(EXECUTABLE_PROPERTY, "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("The end-to-end tests need Chromium at " + executable
                    + ": install Debian's package (apt-get install chromium), point -D" + EXECUTABLE_PROPERTY
                    + "=… at another Chromium, or skip them with -DskipE2e");
        }
        Path screenshots = Paths.get(System.getProperty(SCREENSHOTS_PROPERTY, "../web/e2e-screenshots"));
        Files.createDirectories(screenshots);
        Files.deleteIfExists(screenshots.resolve("failure.png"));
        Path axe = Paths.get(System.getProperty(AXE_PROPERTY, "../web/node_modules/axe-core/axe.min.js"));
        if (!Files.isReadable(axe)) {
            throw new IllegalStateException("axe-core is missing at " + axe + ": the web build installs it (npm ci in web/)");
        }
        String axeSource = Files.readString(axe);
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            return new Browser(playwright, playwright.chromium().launch(new LaunchOptions()
                    .setExecutablePath(executable).setHeadless(true).setArgs(ARGS)), screenshots, axeSource);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A fresh profile in this time zone, allowed to show notifications, and its first page. */
    Page open(String baseUrl, String timeZone) {
        BrowserContext context = chromium.newContext(new NewContextOptions()
                .setBaseURL(baseUrl)
                .setTimezoneId(timeZone)
                .setLocale("en-US")
                .setViewportSize(1280, 800)
                .setPermissions(List.of("notifications")));
        context.setDefaultTimeout(20_000);
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                record("console error: " + describe(message));
            }
        });
        page.onPageError(error -> record("uncaught error: " + error));
        page.onResponse(response -> {
            if (response.status() >= 400) {
                recordFailedRequest(response.request().method() + " " + response.url() + " → " + response.status());
            }
            if (Boolean.getBoolean("taskstream.e2e.trace")) {
                System.out.println("E2E " + response.request().method() + " " + response.url() + " → " + response.status());
            }
        });
        page.onRequestFailed(request -> {
            if (!"net::ERR_ABORTED".equals(request.failure())) { // the app aborts superseded list requests
                recordFailedRequest(request.method() + " " + request.url() + " → " + request.failure());
            }
        });
        return page;
    }

    /** Every console error and uncaught page error seen so far, in order. */
    synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    /** Saves a full-page PNG under the screenshots folder (git-ignored) and returns its path. */
    Path screenshot(Page page, String name) {
        Path file = screenshots.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true).setAnimations(
                com.microsoft.playwright.options.ScreenshotAnimations.DISABLED));
        return file;
    }

    /** Responses with an error status and requests that got no response (diagnostics for a failure). */
    synchronized List<String> failedRequests() {
        return List.copyOf(failedRequests);
    }

    private synchronized void recordFailedRequest(String request) {
        failedRequests.add(request);
    }

    /** The WCAG A/AA violations axe-core finds in the page as it is now (injected through the debugger, not CSP-bound). */
    @SuppressWarnings("unchecked")
    List<String> accessibilityViolations(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.evaluate(axe);
        }
        return (List<String>) page.evaluate(AXE_RUN);
    }

    private synchronized void record(String error) {
        errors.add(error);
    }

    private static String describe(ConsoleMessage message) {
        return message.text() + (message.location() == null ? "" : " (" + message.location() + ")");
    }

    @Override
    public void close() {
        try {
            chromium.close();
        } finally {
            playwright.close();
        }
    }
}
