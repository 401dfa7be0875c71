package io.taskstream.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.taskstream.support.TaskJson.task;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.ColorScheme;
import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Session;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The views a task manager is expected to have, in Chromium against the whole application: Today and Upcoming
 * (with a repeating task's next occurrences) at their own addresses with live counts, a task's history in its
 * dialog, the not-found screen, the list by keyboard, and the assistant beside the list rather than over it.
 * Users are signed up through the API and their tasks created there; everything else happens in the page.
 */
@BrowserIT.EndToEnd
class ViewsE2EIT extends BrowserIT {

    /** Not the server's zone (UTC), so a day boundary in the wrong zone shows up. */
    private static final String ZONE = "America/New_York";
    private static final ZoneId NEW_YORK = ZoneId.of(ZONE);

    private Page page;

    /**
     * Console errors the scenarios expect (the browser's list is shared by them): Chromium reports a page answered
     * with 404 as a resource that failed to load.
     */
    private static final List<String> expectedErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void noBrowserErrors() {
        Assertions.assertThat(browser.errors()).as("browser console errors and uncaught exceptions")
                .allMatch(expectedErrors::contains);
    }

    @Test
    void todayAndUpcomingShowWhatIsDueKeepTheirAddressAndCountLive() {
        Session ann = api.signup(ZONE);
        LocalDate today = LocalDate.now(NEW_YORK);
        createId(ann, task("Pay the overdue bill").due(at(today.minusDays(1), "10:00")));
        createId(ann, task("Buy flowers").due(today.toString()));
        createId(ann, task("Dentist").due(at(today.plusDays(2), "10:00")));
        createId(ann, task("Stand-up").due(at(today.plusDays(1), "09:00")).recurrence("FREQ=DAILY"));
        createId(ann, task("Someday maybe"));
        page = signedIn(ann, "/today");
        run(() -> {
            Locator list = tasks(page);
            assertThat(list.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("edit task$"))))
                    .hasText(new String[] {"Pay the overdue bill, edit task", "Buy flowers, edit task"});
            assertThat(viewLink(page, "Today")).hasAttribute("aria-current", "page");
            assertThat(viewLink(page, "Inbox")).hasAccessibleName("Inbox 5 open");
            assertThat(viewLink(page, "Today")).hasAccessibleName("Today 2 open");
            // Buy flowers (today), Stand-up (tomorrow) and its 5 next occurrences, Dentist.
            assertThat(viewLink(page, "Upcoming")).hasAccessibleName("Upcoming 8 open");
            screenshots("20-today");

            page.reload();
            assertThat(page).hasURL(Pattern.compile("/today$"));
            assertThat(viewLink(page, "Today")).hasAttribute("aria-current", "page");
            assertThat(taskRow(page, "Pay the overdue bill")).isVisible();

            viewLink(page, "Upcoming").click();
            assertThat(page).hasURL(Pattern.compile("/upcoming$"));
            Locator tomorrow = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Tomorrow").setExact(true));
            assertThat(tomorrow.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName("Mark “Stand-up” as completed")))
                    .isVisible();
            Locator occurrences = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                    .setName(named("Stand-up", "next occurrence, open the repeating task")));
            assertThat(occurrences).hasCount(5);
            Locator dentistDay = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(
                    Pattern.compile("^" + today.plusDays(2).getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL,
                            java.util.Locale.US))));
            assertThat(dentistDay.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(named("Dentist", "edit task"))))
                    .isVisible();
            assertThat(dentistDay.getByText("Repeats: Daily")).isVisible();
            screenshots("21-upcoming");
            page.reload();
            assertThat(page).hasURL(Pattern.compile("/upcoming$"));
            assertThat(occurrences).hasCount(5);

            // A task added on another page of the same account: the counts here follow without a reload.
            Page other = page.context().newPage();
            other.navigate("/");
            other.getByLabel("Add a task").fill("Call the plumber today");
            other.getByLabel("Add a task").press("Enter");
            assertThat(editButton(other, "Call the plumber"))
                    .isVisible();
            assertThat(viewLink(page, "Today")).hasAccessibleName("Today 3 open");
            assertThat(viewLink(page, "Inbox")).hasAccessibleName("Inbox 6 open");
            assertThat(viewLink(page, "Upcoming")).hasAccessibleName("Upcoming 9 open");
            assertThat(editButton(page, "Call the plumber"))
                    .isVisible();
            other.close();
            assertAccessible("upcoming view");
        });
    }

    @Test
    void theTaskDialogTellsTheTasksHistoryInWords() {
        Session ann = api.signup(ZONE);
        long id = createId(ann, task("Renew passport").due(LocalDate.now(NEW_YORK).toString()));
        api.as(ann).patch(ann.task(id), "{\"priority\":\"high\"}");
        historyOf(ann, id, 2);
        page = signedIn(ann, "/today");
        run(() -> {
            editButton(page, "Renew passport").click();
            Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Edit task"));
            dialog.getByLabel("Title").fill("Renew passport and ID");
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save changes")).click();
            assertThat(dialog).isHidden();
            historyOf(ann, id, 3);

            editButton(page, "Renew passport and ID").click();
            Locator history = dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("History"));
            assertThat(history).hasAttribute("aria-expanded", "false");
            history.click();
            Locator changes = dialog.getByRole(AriaRole.LIST, new Locator.GetByRoleOptions().setName("Changes, newest first"));
            assertThat(changes.getByRole(AriaRole.LISTITEM)).hasText(new Pattern[] {
                    Pattern.compile("^You, on the web or through the API changed the title"),
                    Pattern.compile("^You, on the web or through the API changed the priority"),
                    Pattern.compile("^You, on the web or through the API created the task")});
            assertThat(changes.locator("time").first()).hasAttribute("datetime", Pattern.compile("Z$|[+-]\\d\\d:\\d\\d$"));
            changes.scrollIntoViewIfNeeded();
            screenshots("22-task-history");
            assertAccessible("task dialog with its history");
        });
    }

    @Test
    void anUnknownAddressShowsTheNotFoundScreenWithTheWayBack() {
        Session ann = api.signup(ZONE);
        page = signedIn(ann, "/");
        run(() -> {
            for (String path : List.of("/nope", "/tasks/xyz")) {
                expectedErrors.add("console error: Failed to load resource: the server responded with a status of 404 () ("
                        + api.baseUrl() + path + ":0:0)");
                Response response = page.navigate(path);
                Assertions.assertThat(response.status()).as(path).isEqualTo(404);
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Page not found"))).isVisible();
                assertThat(page.getByText(path, new Page.GetByTextOptions().setExact(true))).isVisible();
            }
            assertThat(page).hasTitle(Pattern.compile("^Page not found"));
            screenshots("23-not-found");
            assertAccessible("not-found screen");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to your tasks")).click();
            assertThat(page).hasURL(Pattern.compile("/$"));
            assertThat(viewLink(page, "Inbox")).hasAttribute("aria-current", "page");
        });
    }

    @Test
    void theListIsOneTabStopWithArrowKeysAndSpaceKeepsTheFocus() {
        Session ann = api.signup(ZONE);
        for (int i = 1; i <= 9; i++) {
            createId(ann, task("Chore " + i).due(at(LocalDate.now(NEW_YORK).plusDays(i), "12:00")).tags("home", "weekly"));
        }
        page = signedIn(ann, "/");
        run(() -> {
            assertThat(checkbox(page, "Chore 9")).isVisible();

            // Tab alone reaches the list once, past a stop per control of the page, none per task.
            int stops = 0;
            while (!Boolean.TRUE.equals(page.evaluate("document.activeElement?.matches('#task-list input[type=checkbox]')"))) {
                page.keyboard().press("Tab");
                Assertions.assertThat(++stops).as("Tab presses to reach the list").isLessThanOrEqualTo(22);
            }
            assertThat(checkbox(page, "Chore 1")).isFocused();
            page.keyboard().press("Tab");
            Assertions.assertThat(page.evaluate("!!document.activeElement?.closest('#task-list')"))
                    .as("the next Tab leaves the list").isEqualTo(false);

            // The skip link goes straight to the list; the arrows go to the 7th task.
            page.reload();
            assertThat(checkbox(page, "Chore 9")).isVisible();
            page.keyboard().press("Tab");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skip to the task list"))).isFocused();
            page.keyboard().press("Enter");
            assertThat(checkbox(page, "Chore 1")).isFocused();
            for (int i = 0; i < 6; i++) {
                page.keyboard().press("ArrowDown");
            }
            assertThat(checkbox(page, "Chore 7")).isFocused();
            page.keyboard().press("End");
            assertThat(checkbox(page, "Chore 9")).isFocused();
            page.keyboard().press("Home");
            assertThat(checkbox(page, "Chore 1")).isFocused();
            page.keyboard().press("ArrowDown");
            page.keyboard().press("ArrowUp");
            assertThat(checkbox(page, "Chore 1")).isFocused();

            // Space completes the focused task; when it leaves the open tasks, the next one has the focus.
            for (int i = 0; i < 2; i++) {
                page.keyboard().press("ArrowDown");
            }
            assertThat(checkbox(page, "Chore 3")).isFocused();
            page.keyboard().press("Space");
            assertThat(taskRow(page, "Chore 3")).isHidden();
            assertThat(checkbox(page, "Chore 4")).isFocused();
            Assertions.assertThat(api.as(ann).get(ann.tasks() + "?status=completed").titles()).containsExactly("Chore 3");

            // Shortcuts: ? lists them, q goes to quick add, / to the search; none fires while typing.
            page.keyboard().press("?");
            Locator help = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Keyboard shortcuts"));
            assertThat(help).isVisible();
            assertThat(help.getByText("Quick add a task")).isVisible();
            screenshots("24-shortcuts");
            assertAccessible("shortcuts dialog");
            page.keyboard().press("Escape");
            assertThat(help).isHidden();
            page.keyboard().press("q");
            assertThat(page.getByLabel("Add a task")).isFocused();
            page.keyboard().type("q/?");
            assertThat(page.getByLabel("Add a task")).hasValue("q/?");
            assertThat(help).isHidden();
            page.getByLabel("Add a task").fill("");
            checkbox(page, "Chore 4").focus();
            page.keyboard().press("/");
            assertThat(page.getByLabel("Search tasks")).isFocused();
        });
    }

    @Test
    void theAssistantSitsBesideTheListOnAWideScreenAndFitsAPhone() {
        Session ann = api.signup(ZONE);
        for (int i = 1; i <= 3; i++) {
            createId(ann, task("Errand " + i).due(at(LocalDate.now(NEW_YORK).plusDays(i), "12:00")));
        }
        page = signedIn(ann, "/");
        run(() -> {
            assertThat(checkbox(page, "Errand 3")).isVisible();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assistant")).click();
            Locator panel = page.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("Assistant"));
            assertThat(panel).isVisible();
            BoundingBox chat = panel.boundingBox();
            double wide = ((Number) page.evaluate("document.documentElement.clientWidth")).doubleValue();
            Assertions.assertThat(chat.x + chat.width).as("the panel's right edge at 1280 px").isLessThanOrEqualTo(wide);
            for (Locator covered : List.of(tasks(page), page.getByLabel("Sort order"),
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete “Errand 1”")),
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")))) {
                BoundingBox box = covered.boundingBox();
                Assertions.assertThat(box.x + box.width).as("right edge of %s, left of the panel at %s", covered, chat.x)
                        .isLessThanOrEqualTo(chat.x);
            }
            screenshots("25-assistant-beside-the-list");

            page.setViewportSize(390, 844);
            assertThat(panel).isVisible();
            double visibleWidth = ((Number) page.evaluate("document.documentElement.clientWidth")).doubleValue();
            BoundingBox sheet = panel.boundingBox();
            Assertions.assertThat(sheet.x).as("the sheet's left edge at 390 px").isGreaterThanOrEqualTo(0);
            Assertions.assertThat(sheet.x + sheet.width).as("the sheet's right edge, within the visible width %s", visibleWidth)
                    .isLessThanOrEqualTo(visibleWidth);
            Assertions.assertThat(sheet.width).as("a full-width sheet").isGreaterThanOrEqualTo(visibleWidth - 1);
            Locator send = panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send"));
            BoundingBox button = send.boundingBox();
            Assertions.assertThat(button.x + button.width).as("the Send button").isLessThanOrEqualTo(visibleWidth);
            screenshots("26-assistant-phone");
            assertAccessible("assistant sheet at phone width");
        });
    }

    /** Waits until the activity history (written by its own consumer) has recorded {@code entries} changes. */
    private void historyOf(Session user, long id, int entries) {
        Eventually.await(Duration.ofSeconds(30), () -> api.as(user).get(user.task(id) + "/history"),
                r -> r.status() == 200 && r.json().size() == entries);
    }

    /** Runs a scenario; on failure saves a screenshot and adds what the browser saw. */
    private void run(Runnable scenario) {
        inPage(page, "failure-views", () -> {
            scenario.run();
        });
    }

    /** A fresh browser profile signed in as the user (the session the sign-in page would keep), at {@code path}. */
    private Page signedIn(Session user, String path) {
        Page opened = browser.open(api.baseUrl(), ZONE);
        opened.navigate("/signin");
        String session = HttpApi.JSON.createObjectNode().put("token", user.token()).put("userId", user.userId())
                .put("expiresAt", Instant.now().plus(Duration.ofHours(1)).toString()).toString();
        opened.evaluate("s => localStorage.setItem('taskstream.session', s)", session);
        opened.navigate(path);
        return opened;
    }

    /**
     * The page as it is, in dark and in light; light last, as the page was, and its screenshot ends the colour
     * transitions the switch started (which axe-core would otherwise see half-way).
     */
    private void screenshots(String name) {
        // From the top: a full-page shot of a scrolled page draws the sticky header (and what hides above it) mid-page.
        page.evaluate("window.scrollTo(0, 0)");
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
        browser.screenshot(page, name + "-dark");
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
        browser.screenshot(page, name + "-light");
    }

    private void assertAccessible(String screen) {
        Assertions.assertThat(browser.accessibilityViolations(page)).as("axe-core WCAG A/AA violations on the " + screen)
                .isEmpty();
    }

    private static String at(LocalDate day, String time) {
        return ZonedDateTime.of(day, LocalTime.parse(time), NEW_YORK).toOffsetDateTime().toString();
    }

    private static Locator viewLink(Page page, String view) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Views"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^" + view + "\\b")));
    }

    private static Locator tasks(Page page) {
        return page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Tasks").setExact(true));
    }

    private static Locator checkbox(Page page, String title) {
        return page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Mark “" + title + "” as completed"));
    }

    private static Locator taskRow(Page page, String title) {
        return tasks(page).getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHas(editButton(page, title)));
    }

    /** A task's title button; Chromium may put a space before the hidden ", edit task". */
    private static Locator editButton(Page page, String title) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(named(title, "edit task")));
    }

    /** A name of a title and what its hidden text adds (Playwright evaluates the pattern in JavaScript). */
    private static Pattern named(String title, String rest) {
        return Pattern.compile("^" + title.replaceAll("[.*+?^${}()|\\[\\]\\\\]", "\\\\$0") + "\\W+" + rest + "$");
    }
}
