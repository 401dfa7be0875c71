package io.taskstream.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.TaskJson;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The life of a reminder notification in the web page, in a real headless Chromium against the whole application:
 * it pops up once, is snoozed, opened, dismissed with "Mark all read", done from the pop-up, or read because its task
 * was completed, on every open page of the user, live. Screenshots of the pop-up and the bell, in light and dark, land
 * in {@code web/e2e-screenshots/}.
 */
@BrowserIT.EndToEnd
class NotificationsE2EIT extends BrowserIT {

    private static final String ZONE = "Europe/Berlin";

    @Test
    void aReminderPopsUpOnceAndIsReadWhenSnoozedOpenedMarkedOrItsTaskIsDoneOnEveryPage() {
        Session erin = api.signup(ZONE);
        Page page = browser.open(api.baseUrl(), ZONE);
        Page other = null;
        try {
            signIn(page, erin);

            snoozingFromThePopUpReadsItAndTheCountStaysRight(page, erin);
            openingFromTheBellReadsIt(page, erin);
            markAllReadClearsTheCountAndThePopUps(page, erin);
            other = browser.open(api.baseUrl(), ZONE);
            signIn(other, erin);
            completingTheTaskReadsItsReminderOnEveryPageAndCanBeUndone(page, other, erin);
            doneInThePopUpCompletesTheTask(page, erin);
        } catch (AssertionError | RuntimeException e) {
            browser.screenshot(page, "failure-notifications");
            if (other != null) {
                browser.screenshot(other, "failure-notifications-other-page");
            }
            e.addSuppressed(new AssertionError("browser errors so far: " + browser.errors()
                    + "; failed requests: " + browser.failedRequests()));
            throw e;
        } finally {
            if (other != null) {
                other.context().close();
            }
            page.context().close();
        }

        Assertions.assertThat(browser.errors()).as("browser console errors and uncaught exceptions").isEmpty();
    }

    /**
     * A reminder's browser notification offers Done and Snooze through the app's service worker. Headless Chromium
     * shows no notification to click, so the page gets what the worker sends on a click: its message (the web app's
     * tests check the worker posts exactly this), or, when no page of the app is open, the address the worker opens.
     */
    @Test
    void doneAndSnoozeFromTheBrowserNotificationActAsThePopUpsButtonsDo() {
        HttpApi.Response script = api.anonymous().get("/sw.js");
        Assertions.assertThat(script.status()).isEqualTo(200);
        Assertions.assertThat(script.header("Content-Type")).startsWith("text/javascript");
        Assertions.assertThat(script.header("Cache-Control")).as("a new worker reaches pages at their next visit")
                .isEqualTo("no-cache");
        Assertions.assertThat(script.header("Content-Security-Policy")).contains("default-src 'self'");
        Assertions.assertThat(script.header("Referrer-Policy")).isEqualTo("no-referrer");
        Assertions.assertThat(script.body()).as("the worker caches nothing").doesNotContain("caches.", "'fetch'");

        Session gus = api.signup(ZONE);
        Page page = browser.open(api.baseUrl(), ZONE);
        inPage(page, "failure-notification-actions", () -> {
            signIn(page, gus);
            Assertions.assertThat(page.evaluate("""
                    async () => {
                      const worker = (await navigator.serviceWorker.ready).active;
                      if (worker.state !== 'activated') {
                        await new Promise((done) => worker.addEventListener('statechange',
                          () => worker.state === 'activated' && done()));
                      }
                      return worker.scriptURL.replace(location.origin, '') + ' ' + worker.state;
                    }""")).isEqualTo("/sw.js activated");

            remindInSeconds(gus, "Sweep the porch");
            Locator popup = popup(page, "Sweep the porch");
            assertThat(popup).isVisible();
            click(page, notifications(gus).getFirst(), "done");
            assertThat(popup).isHidden();
            assertThat(toast(page, "Completed “Sweep the porch”")).isVisible();
            assertThat(bell(page, 0)).isVisible();
            Assertions.assertThat(api.as(gus).get(gus.tasks() + "?q=Sweep").json().get(0).get("completed").asBoolean())
                    .isTrue();

            remindInSeconds(gus, "Oil the hinges");
            popup = popup(page, "Oil the hinges");
            assertThat(popup).isVisible();
            click(page, notifications(gus).getFirst(), "snooze-10m");
            assertThat(popup).isHidden();
            assertThat(toast(page, "Snoozed “Oil the hinges”")).isVisible();
            assertThat(bell(page, 0)).isVisible();

            remindInSeconds(gus, "Feed the cat");
            assertThat(popup(page, "Feed the cat")).isVisible();
            JsonNode fed = notifications(gus).getFirst();
            page.navigate("/?reminder=" + fed.get("id").asLong() + "&action=snooze-1h");
            assertThat(toast(page, "Snoozed “Feed the cat”")).isVisible();
            assertThat(page).hasURL(Pattern.compile("/$"));
            assertThat(bell(page, 0)).isVisible();
            Assertions.assertThat(notifications(gus)).allSatisfy(n -> Assertions.assertThat(n.get("read").asBoolean()).isTrue());
        });
        Assertions.assertThat(browser.errors()).as("browser console errors and uncaught exceptions").isEmpty();
    }

    /** What the page receives from the service worker when that button of the reminder's notification is clicked. */
    private static void click(Page page, JsonNode notification, String action) {
        page.evaluate("""
                async ([action, notificationId, taskId, title]) => {
                  const worker = (await navigator.serviceWorker.ready).active;
                  const data = { type: 'taskstream-reminder-action', action, notificationId, taskId: Number(taskId), title };
                  navigator.serviceWorker.dispatchEvent(new MessageEvent('message', { data, source: worker }));
                }""", List.of(action, notification.get("id").asText(), notification.get("taskId").asText(),
                notification.get("title").asText()));
    }

    private void snoozingFromThePopUpReadsItAndTheCountStaysRight(Page page, Session erin) {
        remindInSeconds(erin, "Water the plants");

        Locator popup = popup(page, "Water the plants");
        assertThat(popup).isVisible();
        assertThat(popup.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Done"))).isVisible();
        assertThat(bell(page, 1)).isVisible();
        browser.screenshot(page, "20-reminder-popup-light");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch to dark mode")).click();
        browser.screenshot(page, "21-reminder-popup-dark");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch to light mode")).click();

        popup.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Snooze 10 min")).click();

        assertThat(popup).isHidden();
        assertThat(bell(page, 0)).isVisible();
        assertThat(toast(page, "Snoozed “Water the plants”")).isVisible();
        JsonNode stored = notifications(erin).getFirst();
        Assertions.assertThat(stored.get("read").asBoolean()).as("the snoozed notification, after a reload").isTrue();
        page.reload();
        assertThat(bell(page, 0)).isVisible();
    }

    private void openingFromTheBellReadsIt(Page page, Session erin) {
        remindInSeconds(erin, "Pay rent");
        assertThat(popup(page, "Pay rent")).isVisible();

        bell(page, 1).click();
        Locator panel = bellPanel(page);
        panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pay rent (unread)")).click();

        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).isVisible();
        assertThat(dialog.getByLabel("Title")).hasValue("Pay rent");
        page.keyboard().press("Escape");
        assertThat(dialog).isHidden();
        assertThat(popup(page, "Pay rent")).isHidden();
        assertThat(bell(page, 0)).isVisible();
    }

    private void markAllReadClearsTheCountAndThePopUps(Page page, Session erin) {
        remindInSeconds(erin, "Call mom");
        remindInSeconds(erin, "Buy milk");
        assertThat(bell(page, 2)).isVisible();
        assertThat(popup(page, "Call mom")).isVisible();
        assertThat(popup(page, "Buy milk")).isVisible();

        bell(page, 2).click();
        Locator panel = bellPanel(page);
        assertThat(panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Buy milk (unread)"))).isVisible();
        browser.screenshot(page, "22-notifications-bell-light");
        assertAccessible(page, "notifications panel with pop-ups");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch to dark mode")).click();
        bell(page, 2).click();
        assertThat(panel).isVisible();
        browser.screenshot(page, "23-notifications-bell-dark");
        assertAccessible(page, "notifications panel with pop-ups, dark");

        panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark all read")).click();

        assertThat(bell(page, 0)).isVisible();
        assertThat(panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark all read"))).isHidden();
        assertThat(popup(page, "Call mom")).isHidden();
        assertThat(popup(page, "Buy milk")).isHidden();
        page.keyboard().press("Escape");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch to light mode")).click();
        Assertions.assertThat(notifications(erin)).allSatisfy(n -> Assertions.assertThat(n.get("read").asBoolean()).isTrue());
    }

    private void completingTheTaskReadsItsReminderOnEveryPageAndCanBeUndone(Page page, Page other, Session erin) {
        assertThat(checkbox(other, "Buy milk")).isVisible();
        // More time than elsewhere: the second page's live stream is only just opening.
        remindInSeconds(erin, "File taxes", 6);
        assertThat(checkbox(other, "File taxes")).isVisible();
        assertThat(popup(page, "File taxes")).isVisible();
        assertThat(popup(other, "File taxes")).isVisible();
        assertThat(bell(other, 1)).isVisible();

        checkbox(page, "File taxes").click();

        assertThat(popup(page, "File taxes")).isHidden();
        assertThat(bell(page, 0)).isVisible();
        assertThat(popup(other, "File taxes")).isHidden(); // the other page learns it live
        assertThat(bell(other, 0)).isVisible();
        Locator toast = toast(page, "Completed “File taxes”");
        assertThat(toast).isVisible();
        browser.screenshot(page, "24-completed-with-undo");

        toast.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo")).click();

        assertThat(checkbox(page, "File taxes")).not().isChecked();
        assertThat(checkbox(other, "File taxes")).not().isChecked();
    }

    private void doneInThePopUpCompletesTheTask(Page page, Session erin) {
        remindInSeconds(erin, "Stretch");
        Locator popup = popup(page, "Stretch");

        popup.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Done")).click();

        assertThat(popup).isHidden();
        assertThat(bell(page, 0)).isVisible();
        assertThat(toast(page, "Completed “Stretch”")).isVisible();
        Assertions.assertThat(api.as(erin).get(erin.tasks() + "?q=Stretch").json().get(0).get("completed").asBoolean())
                .isTrue();
    }

    private static void signIn(Page page, Session user) {
        page.navigate("/signin");
        page.getByLabel("Email").fill(user.email());
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(HttpApi.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(Pattern.compile("/$"));
    }

    /** Another device of the user adds a task whose reminder fires in a moment. */
    private void remindInSeconds(Session user, String title) {
        remindInSeconds(user, title, 3);
    }

    private void remindInSeconds(Session user, String title, int seconds) {
        Instant at = Instant.now().plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
        HttpApi.Response created = api.as(user).post(user.tasks(), TaskJson.task(title)
                .due(at.plus(1, ChronoUnit.HOURS).toString()).remindAt(at.toString()).json());
        Assertions.assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private List<JsonNode> notifications(Session user) {
        return api.as(user).get("/api/" + user.userId() + "/notifications").json().valueStream().toList();
    }

    private static Locator popup(Page page, String title) {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Reminders"))
                .getByRole(AriaRole.REGION, new Locator.GetByRoleOptions().setName(title).setExact(true));
    }

    /** The list's checkbox of a pending task. */
    private static Locator checkbox(Page page, String title) {
        return page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Mark “" + title + "” as completed"));
    }

    private static Locator toast(Page page, String text) {
        return page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText(text));
    }

    private static Locator bell(Page page, int unread) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName(unread == 0 ? "Notifications" : "Notifications, " + unread + " unread").setExact(true));
    }

    private static Locator bellPanel(Page page) {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Notifications").setExact(true));
    }

    private static void assertAccessible(Page page, String screen) {
        Assertions.assertThat(browser.accessibilityViolations(page)).as("axe-core WCAG A/AA violations on the " + screen)
                .isEmpty();
    }
}
