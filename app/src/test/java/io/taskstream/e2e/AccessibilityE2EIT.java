package io.taskstream.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.TaskJson;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * axe-core on every screen of the web app, in the light and the dark theme (the system's, as a browser reports it):
 * sign-in, sign-up, the task list, the task dialog, the assistant open, the notifications open and the account
 * screen. No screen may have a serious or critical WCAG 2.1 A/AA violation. Screenshots:
 * {@code web/e2e-screenshots/a11y-<theme>-<screen>.png}.
 */
@BrowserIT.EndToEnd
class AccessibilityE2EIT extends BrowserIT {

    private static final String ZONE = "Europe/Berlin";

    @Test
    void everyScreenIsFreeOfSeriousViolationsInTheLightTheme() {
        everyScreenIsFreeOfSeriousViolations(ColorScheme.LIGHT, "light");
    }

    @Test
    void everyScreenIsFreeOfSeriousViolationsInTheDarkTheme() {
        everyScreenIsFreeOfSeriousViolations(ColorScheme.DARK, "dark");
    }

    private void everyScreenIsFreeOfSeriousViolations(ColorScheme scheme, String theme) {
        Session user = userWithTasks();
        Page page = browser.open(api.baseUrl(), ZONE);
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
        List<String> violations = new ArrayList<>();
        inPage(page, "failure-a11y-" + theme, () -> {
            page.navigate("/signin");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
            check(page, theme, "sign-in", violations);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create an account")).click();
            assertThat(page.getByLabel("Time zone")).isVisible();
            check(page, theme, "sign-up", violations);

            page.navigate("/signin");
            page.getByLabel("Email").fill(user.email());
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(HttpApi.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            Locator tasks = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Tasks").setExact(true));
            assertThat(tasks.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("edit task$"))))
                    .hasCount(4);
            check(page, theme, "list", violations);

            tasks.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Team sync\\W+edit task$")))
                    .click();
            Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Edit task"));
            assertThat(dialog.getByRole(AriaRole.REGION, new Locator.GetByRoleOptions().setName("Next dates"))
                    .getByRole(AriaRole.LISTITEM)).hasCount(5);
            check(page, theme, "task-dialog", violations);
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close dialog")).click();
            assertThat(dialog).isHidden();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assistant")).click();
            Locator assistant = page.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("Assistant"));
            assertThat(assistant.getByLabel("Message the assistant")).isFocused();
            check(page, theme, "chat-panel", violations);
            assistant.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close assistant")).click();
            assertThat(assistant).isHidden();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Notifications"))).click();
            Locator notifications = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Notifications"));
            assertThat(notifications).isVisible();
            check(page, theme, "notifications", violations);
            page.keyboard().press("Escape");
            assertThat(notifications).isHidden();

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Account")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Account").setLevel(1)))
                    .isVisible();
            check(page, theme, "account", violations);
        });

        Assertions.assertThat(violations).as("serious and critical axe-core violations, " + theme + " theme").isEmpty();
        Assertions.assertThat(browser.errors()).as("browser console errors and uncaught exceptions").isEmpty();
    }

    /** A screenshot (which also ends any fade-in, which axe would see half done), then axe-core's findings. */
    private static void check(Page page, String theme, String screen, List<String> violations) {
        browser.screenshot(page, "a11y-" + theme + "-" + screen);
        for (String violation : browser.accessibilityViolations(page)) {
            if (violation.contains("(serious)") || violation.contains("(critical)")) {
                violations.add(screen + ": " + violation);
            }
        }
    }

    /** A fresh user with a few tasks: a recurring one with reminders, an overdue one, tags and priorities. */
    private Session userWithTasks() {
        Session user = api.signup(ZONE);
        LocalDate today = LocalDate.now();
        for (TaskJson task : List.of(
                TaskJson.task("Team sync").due(today.plusDays(1) + "T09:00:00").recurrence("FREQ=WEEKLY;BYDAY=MO,TH")
                        .remindBefore("PT15M").priority("medium").tags("work"),
                TaskJson.task("Pay rent").due(today.minusDays(2).toString()).priority("high").tags("finance", "home"),
                TaskJson.task("Read a book").description("Anything but work").priority("low"),
                TaskJson.task("Water the plants").due(today.toString()).tags("home"))) {
            HttpApi.Response created = api.as(user).post(user.tasks(), task.json());
            Assertions.assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        return user;
    }
}
