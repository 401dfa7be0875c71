package io.taskstream.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.taskstream.support.HttpApi;
import io.taskstream.support.TaskJson;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The web app in a real headless Chromium against the whole application (real PostgreSQL, every role), driven
 * only through what a person sees: labels, roles and text. One scenario, one browser, one Spring context shared
 * with the other integration tests. Screenshots of the main screens land in {@code web/e2e-screenshots/}.
 */
@BrowserIT.EndToEnd
class WebAppE2EIT extends BrowserIT {

    /** Not the server's zone (UTC), so a wrong zone anywhere shows up in the dates. */
    private static final String ZONE = "America/New_York";

    @Test
    void aNewUserPlansRecurringWorkChatsAndIsRemindedWithoutEverReloading() {
        Page page = browser.open(api.baseUrl(), ZONE);
        try {
            signUpWithTheBrowsersTimeZone(page);
            quickAddShowsWhatItUnderstoodBeforeEnter(page);
            filtersAndSearchNarrowTheList(page);
            theEditDialogPreviewsTheNextDates(page);
            completingTheTaskBringsItsNextOccurrence(page);
            aTaskAddedByChatAppearsInTheList(page);
            aReminderDueInSecondsPopsUpInThePage(page);
            theListFitsAPhone(page);
        } catch (AssertionError | RuntimeException e) {
            browser.screenshot(page, "failure");
            e.addSuppressed(new AssertionError("browser errors so far: " + browser.errors()
                    + "; failed requests: " + browser.failedRequests()));
            throw e;
        }

        Assertions.assertThat(browser.errors()).as("browser console errors and uncaught exceptions").isEmpty();
    }

    @Test
    void aUserChangesThePasswordExportsTheDataAndDeletesTheAccountFromTheAccountScreen() throws IOException {
        Page page = browser.open(api.baseUrl(), ZONE);
        try {
            signUpWithTheBrowsersTimeZone(page);
            String signedUpToken = token(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Account")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Account").setLevel(1)))
                    .isVisible();
            browser.screenshot(page, "11-account");
            assertAccessible(page, "account screen");

            page.getByLabel("Current password").fill(HttpApi.PASSWORD);
            page.getByLabel("New password").fill("a-brand-new-password");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
            assertThat(page.getByText("Your other sessions are signed out")).isVisible();
            Assertions.assertThat(api.withToken(signedUpToken).get("/api/auth/me").status())
                    .as("the token from before the change").isEqualTo(401);
            String changedToken = token(page);
            Assertions.assertThat(api.withToken(changedToken).get("/api/auth/me").status()).isEqualTo(200);

            com.microsoft.playwright.Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Download my data")).click());
            Assertions.assertThat(download.suggestedFilename()).startsWith("taskstream-export-").endsWith(".json");
            Assertions.assertThat(java.nio.file.Files.readString(download.path())).contains("\"Erin Example\"");

            page.getByLabel("Password to delete the account").fill("a-brand-new-password");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete account")).click();
            Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Delete your account?"));
            assertThat(dialog).isVisible();
            browser.screenshot(page, "12-account-deletion-dialog"); // also ends the dialog's fade-in, which axe would see
            assertAccessible(page, "account deletion dialog");
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete forever")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
            assertThat(page.getByText("Your account and all its data were deleted.")).isVisible();
            Assertions.assertThat(session(page)).as("nothing kept in the browser").isNull();
            Assertions.assertThat(api.withToken(changedToken).get("/api/auth/me").status()).isEqualTo(401);
        } catch (AssertionError | RuntimeException e) {
            browser.screenshot(page, "failure-account");
            e.addSuppressed(new AssertionError("browser errors so far: " + browser.errors()
                    + "; failed requests: " + browser.failedRequests()));
            throw e;
        }

        Assertions.assertThat(browser.errors()).as("browser console errors and uncaught exceptions").isEmpty();
    }

    private static String token(Page page) {
        return HttpApi.JSON.readTree(session(page)).get("token").asString();
    }

    private void signUpWithTheBrowsersTimeZone(Page page) {
        page.navigate("/");
        assertThat(page).hasURL(Pattern.compile("/signin$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        browser.screenshot(page, "01-sign-in");
        assertAccessible(page, "sign-in page");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create an account")).click();
        assertThat(page).hasURL(Pattern.compile("/signup$"));
        assertThat(page.getByLabel("Time zone")).hasValue(ZONE);
        page.getByLabel("Name").fill("Erin Example");
        page.getByLabel("Email").fill("erin-" + UUID.randomUUID() + "@example.com");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(HttpApi.PASSWORD);
        browser.screenshot(page, "02-sign-up");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();

        assertThat(page).hasURL(Pattern.compile("/$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("No tasks"))).isVisible();
        String token = HttpApi.JSON.readTree(session(page)).get("token").asString();
        Assertions.assertThat(api.withToken(token).get("/api/auth/me").json().get("timeZone")
                .asString()).as("the account's zone, from the browser").isEqualTo(ZONE);
    }

    private void quickAddShowsWhatItUnderstoodBeforeEnter(Page page) {
        Locator quickAdd = page.getByLabel("Add a task");
        quickAdd.fill("Water plants every day at 9am #home p2");

        Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Quick add task"));
        assertThat(form.getByText("Will create:")).isAttached();
        assertThat(form.getByText("Water plants", new Locator.GetByTextOptions().setExact(true))).isVisible();
        assertThat(form.getByText("#home", new Locator.GetByTextOptions().setExact(true))).isVisible();
        assertThat(form.getByText("Medium priority")).isVisible();
        assertThat(form.getByText(Pattern.compile("^(Daily|Every day)", Pattern.CASE_INSENSITIVE))).isVisible();
        browser.screenshot(page, "03-quick-add-chips");

        quickAdd.press("Enter");
        assertThat(quickAdd).isEmpty();
        Locator task = taskRow(page, "Water plants");
        assertThat(task).isVisible();
        assertThat(task.getByText("#home")).isVisible();
        assertThat(task.getByText("Medium")).isVisible();
        assertThat(task.locator("time")).hasAttribute("datetime", Pattern.compile("T09:00"));

        // A second, unrelated task for the filters to tell apart.
        quickAdd.fill("File taxes #admin p1");
        assertThat(form.getByText("High priority")).isVisible();
        quickAdd.press("Enter");
        assertThat(taskRow(page, "File taxes")).isVisible();
        assertThat(tasks(page).getByRole(AriaRole.CHECKBOX)).hasCount(2);
    }

    private void filtersAndSearchNarrowTheList(Page page) {
        Locator filters = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Filter and sort tasks"));
        filters.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Filters")).click();
        Locator medium = filters.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Medium"));
        medium.click();
        assertThat(medium).hasAttribute("aria-pressed", "true");
        assertThat(taskRow(page, "File taxes")).isHidden();
        assertThat(taskRow(page, "Water plants")).isVisible();
        medium.click();
        assertThat(taskRow(page, "File taxes")).isVisible();

        Locator search = page.getByLabel("Search tasks");
        search.fill("taxes");
        assertThat(taskRow(page, "Water plants")).isHidden();
        assertThat(taskRow(page, "File taxes")).isVisible();
        assertThat(page.getByLabel("Sort by")).hasValue("relevance");
        assertThat(page.getByLabel("Sort order")).isDisabled();
        search.fill("plants");
        assertThat(taskRow(page, "File taxes")).isHidden();
        assertThat(taskRow(page, "Water plants")).isVisible();
        browser.screenshot(page, "04-task-list-search");
        search.fill("no such thing");
        assertThat(page.getByText("No tasks match these filters.")).isVisible();
        // The list's own button (the last of two), away from the search box: the box empties all the same.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Clear filters")).last().click();
        assertThat(search).isEmpty();
        assertThat(page.getByLabel("Sort by")).hasValue("due");
        assertThat(tasks(page).getByRole(AriaRole.CHECKBOX)).hasCount(2);

        page.getByLabel("Sort by").selectOption("title");
        assertThat(tasks(page).getByRole(AriaRole.CHECKBOX).first()).hasAccessibleName(Pattern.compile("File taxes"));
        page.getByLabel("Sort order").selectOption("desc");
        assertThat(tasks(page).getByRole(AriaRole.CHECKBOX).first()).hasAccessibleName(Pattern.compile("Water plants"));
        page.getByLabel("Sort by").selectOption("due");
        page.getByLabel("Sort order").selectOption("asc");
        browser.screenshot(page, "05-task-list");
        assertAccessible(page, "task list with filters open");
    }

    private void theEditDialogPreviewsTheNextDates(Page page) {
        taskRow(page, "Water plants").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("edit task$"))).click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).isVisible();
        assertThat(dialog.getByLabel("Title")).hasValue("Water plants");
        assertThat(dialog.getByLabel("Pattern")).hasValue("daily");
        Locator next = dialog.getByRole(AriaRole.REGION, new Locator.GetByRoleOptions().setName("Next dates"));
        assertThat(next.getByRole(AriaRole.LISTITEM)).hasCount(5);
        next.scrollIntoViewIfNeeded();
        browser.screenshot(page, "06-edit-dialog-recurrence");
        assertAccessible(page, "edit dialog");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close dialog")).click();
        assertThat(dialog).isHidden();
    }

    private void completingTheTaskBringsItsNextOccurrence(Page page) {
        Locator task = taskRow(page, "Water plants");
        OffsetDateTime due = OffsetDateTime.parse(task.locator("time").getAttribute("datetime"));
        // click, not check(): the row may already be gone (replaced by the next occurrence) when check() would
        // read its state back.
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Mark “Water plants” as completed")).click();

        // The pending list drops the done occurrence and shows the next one, a day later at the same time.
        assertThat(task).hasCount(1);
        assertThat(task.locator("time")).hasAttribute("datetime",
                due.plusDays(1).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Status"))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("All")).click();
        assertThat(page.getByRole(AriaRole.CHECKBOX,
                new Page.GetByRoleOptions().setName("Mark “Water plants” as not completed"))).isChecked();
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Status"))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pending")).click();
        assertThat(tasks(page).getByRole(AriaRole.CHECKBOX)).hasCount(2);
    }

    private void aTaskAddedByChatAppearsInTheList(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assistant")).click();
        Locator panel = page.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("Assistant"));
        Locator message = panel.getByLabel("Message the assistant");
        assertThat(message).isFocused();
        message.fill("add buy milk tomorrow");
        message.press("Enter");

        Locator conversation = panel.getByRole(AriaRole.LIST, new Locator.GetByRoleOptions().setName("Conversation"));
        assertThat(conversation.getByText("add buy milk tomorrow")).isVisible();
        assertThat(conversation.getByText(Pattern.compile("Used 1 tool"))).isVisible();
        assertThat(taskRow(page, "buy milk")).isVisible();
        browser.screenshot(page, "07-chat-panel");
        assertAccessible(page, "chat panel");

        // Every few hours: the chat saves it and says how it repeats, in the words the list and the dialog show.
        message.fill("add stretch every 2 hours");
        message.press("Enter");
        assertThat(conversation.getByText(Pattern.compile("repeats every 2 hours"))).isVisible();
        panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close assistant")).click();
        assertThat(panel).isHidden();
        Locator stretch = taskRow(page, "stretch");
        assertThat(stretch.getByText("Every 2 hours")).isVisible();
        stretch.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("edit task$"))).click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog.getByTestId("rrule-summary")).containsText("Every 2 hours");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close dialog")).click();
        assertThat(dialog).isHidden();
    }

    private void aReminderDueInSecondsPopsUpInThePage(Page page) {
        // Another device of the same user adds a task whose reminder fires in a few seconds.
        String token = HttpApi.JSON.readTree(session(page)).get("token").asString();
        String userId = HttpApi.JSON.readTree(session(page)).get("userId").asString();
        Instant remindAt = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        HttpApi.Response created = api.withToken(token).post("/api/" + userId + "/tasks", TaskJson.task("Call the plumber")
                .due(remindAt.plus(1, ChronoUnit.HOURS).toString()).remindAt(remindAt.toString()).json());
        Assertions.assertThat(created.status()).as(created.body()).isEqualTo(201);

        assertThat(taskRow(page, "Call the plumber")).isVisible();
        Locator popup = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Reminders"))
                .getByRole(AriaRole.REGION, new Locator.GetByRoleOptions().setName("Call the plumber"));
        assertThat(popup).isVisible();
        Locator bell = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Notifications, 1 unread"));
        assertThat(bell).isVisible();
        browser.screenshot(page, "08-reminder-popup");
        bell.click();
        Locator reminders = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Notifications"));
        assertThat(reminders.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Call the plumber (unread)")))
                .isVisible();
        browser.screenshot(page, "09-notifications");
        assertAccessible(page, "notifications panel");
        page.keyboard().press("Escape");
        assertThat(reminders).isHidden();
    }

    private void theListFitsAPhone(Page page) {
        page.setViewportSize(390, 844);
        assertThat(page.getByLabel("Add a task")).isVisible();
        assertThat(taskRow(page, "File taxes")).isVisible();
        Object overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assertions.assertThat(((Number) overflow).intValue()).as("horizontal overflow at 390 px").isLessThanOrEqualTo(0);
        browser.screenshot(page, "10-phone-task-list");
        assertAccessible(page, "task list at phone width");
    }

    private static void assertAccessible(Page page, String screen) {
        Assertions.assertThat(browser.accessibilityViolations(page)).as("axe-core WCAG A/AA violations on the " + screen)
                .isEmpty();
    }

    private static Locator tasks(Page page) {
        return page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Tasks").setExact(true));
    }

    /** The list item of the (only) pending-or-shown task with this title. */
    private static Locator taskRow(Page page, String title) {
        return tasks(page).getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHas(page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^" + jsRegexQuote(title) + "\\W+edit task$",
                        Pattern.CASE_INSENSITIVE)))));
    }

    /** Quotes for a JavaScript regular expression (Playwright evaluates patterns there; it has no \\Q…\\E). */
    private static String jsRegexQuote(String text) {
        return text.replaceAll("[.*+?^${}()|\\[\\]\\\\]", "\\\\$0");
    }

    /** The session the app keeps in local storage: {@code {token, userId, expiresAt}}. */
    private static String session(Page page) {
        return (String) page.evaluate("localStorage.getItem('taskstream.session')");
    }
}
