package io.taskstream.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.TaskJson;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * What a new user trips over, in a real Chromium: a pasted wall of text in quick add, a reminder "at a time"
 * without a time, and the next dates of a repeat rule being changed. Nothing may fail silently or fill the console
 * with errors.
 */
@BrowserIT.EndToEnd
class FirstStepsE2EIT extends BrowserIT {

    private static final String ZONE = "Europe/Berlin";

    @Test
    void aNewUserIsToldWhatIsWrongInsteadOfFailingSilently() {
        Session user = api.signup(ZONE);
        LocalDate monday = LocalDate.of(2027, 3, 1);
        HttpApi.Response created = api.as(user).post(user.tasks(), TaskJson.task("Team sync")
                .due(monday + "T09:00:00").recurrence("FREQ=WEEKLY;BYDAY=MO").json());
        Assertions.assertThat(created.status()).as(created.body()).isEqualTo(201);
        Page page = browser.open(api.baseUrl(), ZONE);
        inPage(page, "failure-first-steps", () -> {
            signIn(page, user);
            aPastedWallOfTextStopsAtTheLimitAndTheTitleIsSaidToBeTooLong(page);
            aReminderAtATimeWithoutATimeIsNotSavedAndTheFieldSaysWhy(page);
            theNextDatesFollowTheRuleBeingEdited(page);
        });

        Assertions.assertThat(browser.errors()).as("browser console errors and uncaught exceptions").isEmpty();
        Assertions.assertThat(browser.failedRequests()).as("requests the page sent only to have them refused").isEmpty();
    }

    private void signIn(Page page, Session user) {
        page.navigate("/signin");
        page.getByLabel("Email").fill(user.email());
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(HttpApi.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(tasks(page).getByText("Team sync")).isVisible();
    }

    private void aPastedWallOfTextStopsAtTheLimitAndTheTitleIsSaidToBeTooLong(Page page) {
        Locator quickAdd = page.getByLabel("Add a task");
        quickAdd.focus();
        page.keyboard().insertText("word ".repeat(2_000)); // 10,000 characters, as a paste

        Assertions.assertThat(quickAdd.inputValue().length()).as("characters kept").isEqualTo(4_000);
        Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Quick add task"));
        assertThat(form.getByText("Title can be at most 200 characters.")).isVisible();
        browser.screenshot(page, "first-steps-quick-add-too-long");
        quickAdd.press("Enter");
        assertThat(form.getByRole(AriaRole.ALERT)).hasText("Title can be at most 200 characters.");
        assertThat(quickAdd).hasAttribute("aria-invalid", "true");
        quickAdd.press("Escape");
        assertThat(quickAdd).isEmpty();
        assertThat(tasks(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("edit task$"))))
                .hasCount(1);
    }

    private void aReminderAtATimeWithoutATimeIsNotSavedAndTheFieldSaysWhy(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New task")).click();
        Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New task"));
        dialog.getByLabel("Title").fill("Call the bank");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add reminder")).click();
        dialog.getByLabel("Reminder 1 type").selectOption("at");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create task")).click();

        Locator at = dialog.getByLabel("Reminder 1 time");
        assertThat(at).isFocused();
        assertThat(at).hasAttribute("aria-invalid", "true");
        assertThat(at).hasAccessibleDescription("Choose the date and time to be reminded at.");
        assertThat(dialog).isVisible();
        browser.screenshot(page, "first-steps-reminder-without-time");
        assertThat(page.getByText("Changes saved")).isHidden();

        at.fill("2027-03-05T08:30");
        assertThat(at).not().hasAttribute("aria-invalid", "true");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create task")).click();
        assertThat(dialog).isHidden();
        Locator row = tasks(page).getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText("Call the bank"));
        assertThat(row.getByText("1 reminder")).isVisible();
    }

    private void theNextDatesFollowTheRuleBeingEdited(Page page) {
        tasks(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Team sync\\W+edit task$")))
                .click();
        Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Edit task"));
        Locator next = dialog.getByRole(AriaRole.REGION, new Locator.GetByRoleOptions().setName("Next dates"));
        Locator dates = next.getByRole(AriaRole.LISTITEM);
        assertThat(dates).hasCount(5);
        assertThat(dates.nth(1)).containsText("Mar 8");

        dialog.getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions().setName("Pattern")).selectOption("daily");

        assertThat(dates.nth(1)).containsText("Mar 2");
        assertThat(next.getByText("Mar 8")).hasCount(0); // daily: the first five are the 1st to the 5th
        // The edited rule in the server's words, the ones the saved task will show.
        assertThat(dialog.getByTestId("rrule-summary")).hasText("Daily · FREQ=DAILY");
        next.scrollIntoViewIfNeeded();
        browser.screenshot(page, "first-steps-next-dates-of-the-edited-rule");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close dialog")).click();
        assertThat(dialog).isHidden();
    }

    private static Locator tasks(Page page) {
        return page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Tasks").setExact(true));
    }
}
