package io.taskstream.platform.web;

import static io.taskstream.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.taskstream.support.ApiIT;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * A browser that asks for a page the web app does not know gets the web app with 404 (it shows its own not-found
 * screen); its known pages come with 200; API clients and anything outside the pages keep problem documents.
 */
class PageNotFoundIT extends ApiIT {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private HttpApi browser() {
        return api.anonymous().withHeader("Accept", BROWSER_ACCEPT);
    }

    private static void assumeWebAppBuilt() {
        assumeTrue(new ClassPathResource("static/index.html").exists(), "the web app is built (not with -DskipWeb)");
    }

    @Test
    void anUnknownPageIsTheWebAppWithNotFound() {
        assumeWebAppBuilt();
        for (String path : List.of("/nope", "/tasks/xyz", "/today/extra", "/a/b/c")) {
            Response response = browser().get(path);

            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.contentType()).as(path).startsWith("text/html");
            assertThat(response.body()).as(path).contains("<div id=\"root\"");
        }
    }

    @Test
    void theWebAppsOwnPagesOpenFromALink() {
        assumeWebAppBuilt();
        for (String path : List.of("/", "/today", "/upcoming", "/account", "/signin", "/signup")) {
            Response response = browser().get(path);

            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.contentType()).as(path).startsWith("text/html");
        }
    }

    @Test
    void addressesOutsideThePagesStayProblemDocuments() {
        for (String path : List.of("/api/nope", "/api", "/v3/nope", "/actuator/nope", "/assets/missing.js", "/logo.png",
                "/mcp/nope")) {
            Response response = browser().get(path);

            assertThat(response.status()).as(path).isIn(401, 403, 404);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        }
    }

    @Test
    void aClientThatDoesNotAskForHtmlGetsAProblemForAnUnknownAddress() {
        assertProblem(api.anonymous().get("/nope"), 404, "not-found");
        assertProblem(api.anonymous().withHeader("Accept", "*/*").get("/nope"), 404, "not-found");
        Response post = api.anonymous().withHeader("Accept", BROWSER_ACCEPT).post("/nope", "{}");
        assertThat(post.status()).isIn(404, 405);
        assertThat(post.contentType()).startsWith("application/problem+json");
    }
}
