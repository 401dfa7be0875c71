package io.taskstream.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.taskstream.support.ApiIT;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * An end-to-end test class: the web app built into the jar, against the whole application of the shared {@link ApiIT}
 * context, in one headless Chromium for the class ({@link #browser}). Each subclass is annotated {@link EndToEnd},
 * so that {@code -DskipE2e} skips it.
 */
abstract class BrowserIT extends ApiIT {

    /** Skipped with the end-to-end tests ({@code -DskipE2e}, or {@code -DskipWeb} without {@code -DskipE2e=false}). */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @DisabledIfSystemProperty(named = "taskstream.e2e.skip", matches = "true",
            disabledReason = "end-to-end tests skipped (-DskipE2e, or -DskipWeb without -DskipE2e=false)")
    @interface EndToEnd {
    }

    static Browser browser;

    @BeforeAll
    static void launchBrowser() throws IOException {
        if (BrowserIT.class.getResource("/static/index.html") == null) {
            throw new IllegalStateException("The web app is not built into the test classpath (static/index.html is "
                    + "missing; was the build run with -DskipWeb?). Build it (./mvnw verify without -DskipWeb) or "
                    + "skip the end-to-end tests with -DskipE2e");
        }
        browser = Browser.launch();
        // Generous for a busy shared machine; a passing run waits only as long as the page needs.
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    /**
     * Runs a scenario on a page, which is closed after it. A failure comes with a screenshot ({@code failureScreenshot})
     * and the console errors and refused requests the browser saw so far.
     */
    static void inPage(Page page, String failureScreenshot, Runnable scenario) {
        try {
            scenario.run();
        } catch (AssertionError | RuntimeException e) {
            browser.screenshot(page, failureScreenshot);
            e.addSuppressed(new AssertionError("browser errors so far: " + browser.errors()
                    + "; failed requests: " + browser.failedRequests()));
            throw e;
        } finally {
            page.context().close();
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
