package io.taskstream.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.taskstream.support.TaskJson.task;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Session;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Deleting a repeating task from the page asks which occurrences go: "This one" skips it to its next date and keeps
 * it listed, "The whole series" removes it. Driven through labels and roles in a real Chromium, sharing the
 * {@code ApiIT} context; screenshots land in {@code web/e2e-screenshots/}.
 */
@BrowserIT.EndToEnd
class RecurringDeleteE2EIT extends BrowserIT {

    private static final String ZONE = "America/New_York";

    @Test
    void deletingARepeatingTaskAsksWhichOccurrencesGo() {
        Session erin = api.signup(ZONE);
        LocalDateTime due = LocalDate.now(ZoneId.of(ZONE)).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atTime(9, 0);
        long id = createId(erin, task("Standup").due(due.toString()).recurrence("FREQ=WEEKLY"));
        createId(erin, task("Buy milk"));
        Page page = browser.open(api.baseUrl(), ZONE);
        inPage(page, "failure", () -> {
            signIn(page, erin);
            Locator standup = taskRow(page, "Standup");
            assertThat(standup.locator("time")).hasAttribute("datetime", Pattern.compile(due.toLocalDate().toString()));

            standup.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete “Standup”")).click();
            Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Delete “Standup”?"));
            assertThat(dialog).isVisible();
            assertThat(dialog.getByText(Pattern.compile("^It repeats: Weekly"))).isVisible();
            assertThat(dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("This one"))).isFocused();
            browser.screenshot(page, "recurring-delete-choice");
            Assertions.assertThat(browser.accessibilityViolations(page)).as("axe-core violations on the delete choice")
                    .isEmpty();

            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("This one")).click();
            assertThat(dialog).isHidden();
            assertThat(page.getByText("Skipped “Standup” to its next date")).isVisible();
            assertThat(standup.locator("time")).hasAttribute("datetime",
                    Pattern.compile(due.toLocalDate().plusWeeks(1).toString()));
            browser.screenshot(page, "recurring-delete-skipped");
            Assertions.assertThat(api.as(erin).get(erin.task(id)).status()).as("still there, a week later").isEqualTo(200);

            standup.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete “Standup”")).click();
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();
            assertThat(dialog).isHidden();
            assertThat(standup).isVisible();

            standup.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete “Standup”")).click();
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("The whole series")).click();
            assertThat(standup).isHidden();
            assertThat(page.getByText("Deleted every “Standup”")).isVisible();
            assertThat(taskRow(page, "Buy milk")).isVisible();
            Assertions.assertThat(api.as(erin).get(erin.task(id)).status()).isEqualTo(404);
        });

        Assertions.assertThat(browser.errors()).as("browser console errors and uncaught exceptions").isEmpty();
    }

    private static void signIn(Page page, Session user) {
        page.navigate("/signin");
        page.getByLabel("Email").fill(user.email());
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(HttpApi.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(Pattern.compile("/$"));
    }

    private static Locator taskRow(Page page, String title) {
        return page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Tasks").setExact(true))
                .getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHas(page.getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^" + title + "\\W+edit task$")))));
    }
}
