package io.taskstream.account;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything of a user as one JSON document: the profile and API tokens' metadata from this module, then each
 * {@link ExportSection} the other modules contribute (tasks with their recurrence and reminders, history, reminder
 * firings, notifications and their settings, conversations). One repeatable-read transaction, so that the sections
 * agree with each other. No secret and no hash is part of it.
 */
@Service
class AccountExport {

    private final AccountRepository accounts;
    private final ApiTokenRepository tokens;
    private final List<ExportSection> sections;
    private final JsonMapper json;
    private final Clock clock;

    AccountExport(AccountRepository accounts, ApiTokenRepository tokens, List<ExportSection> sections, JsonMapper json,
            Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.sections = sections.stream().sorted(Comparator.comparing(ExportSection::name)).toList();
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ObjectNode export(UserId user) {
        Profile profile = accounts.findById(user.value()).map(AccountRepository.StoredAccount::profile)
                .orElseThrow(() -> new io.taskstream.platform.problem.NotFoundException("The account no longer exists"));
        ObjectNode document = json.createObjectNode();
        document.put("exportedAt", clock.instant().toString());
        document.set("profile", json.valueToTree(profile));
        document.set("apiTokens", json.valueToTree(tokens.list(user.value()).stream()
                .map(ApiTokenController.TokenView::of).toList()));
        for (ExportSection section : sections) {
            document.set(section.name(), section.export(user));
        }
        return document;
    }
}
