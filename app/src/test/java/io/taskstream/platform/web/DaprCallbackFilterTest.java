package io.taskstream.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** The gate of the Dapr callbacks (ADR 033), on its own. */
class DaprCallbackFilterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void withATokenOnlyTheExactTokenPassesWhateverTheAddress() throws Exception {
        DaprCallbackFilter filter = new DaprCallbackFilter("s3cret-token", JSON);

        assertThat(passes(filter, request("127.0.0.1", "dapr-api-token", "s3cret-token"))).isTrue();
        assertThat(passes(filter, request("10.1.2.3", "dapr-api-token", "s3cret-token"))).isTrue();
        assertThat(passes(filter, request("127.0.0.1"))).isFalse();
        assertThat(passes(filter, request("0:0:0:0:0:0:0:1"))).isFalse();
        assertThat(passes(filter, request("127.0.0.1", "dapr-api-token", "s3cret-toke"))).isFalse();
        assertThat(passes(filter, request("127.0.0.1", "dapr-api-token", "s3cret-token "))).isFalse();
        assertThat(passes(filter, request("127.0.0.1", "dapr-api-token", ""))).isFalse();
    }

    @Test
    void aRefusedCallIsAnUnauthorizedProblemAndReachesNoHandler() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();

        new DaprCallbackFilter("s3cret-token", JSON).doFilter(request("127.0.0.1", "X-Forwarded-For", "127.0.0.1"),
                response, chain);

        assertThat(chain.getRequest()).as("the chain went no further").isNull();
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(JSON.readTree(response.getContentAsString()).get("type").asString())
                .isEqualTo("https://taskstream.dev/problems/unauthorized");
    }

    @Test
    void withTheOptOutAndNoTokenOnlyAnUnforwardedLoopbackCallPasses() throws Exception {
        DaprCallbackFilter filter = new DaprCallbackFilter(null, JSON);

        assertThat(passes(filter, request("127.0.0.1"))).isTrue();
        assertThat(passes(filter, request("0:0:0:0:0:0:0:1"))).isTrue();
        assertThat(passes(filter, request("10.1.2.3"))).isFalse();
        assertThat(passes(filter, request("127.0.0.1", "X-Forwarded-For", "127.0.0.1"))).isFalse();
        assertThat(passes(filter, request("127.0.0.1", "Forwarded", "for=127.0.0.1"))).isFalse();
    }

    private static MockHttpServletRequest request(String peer, String... header) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/dapr/events/shared/reminders");
        request.setRemoteAddr(peer);
        if (header.length == 2) {
            request.addHeader(header[0], header[1]);
        }
        return request;
    }

    private static boolean passes(DaprCallbackFilter filter, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        if (chain.getRequest() == null) {
            assertThat(response.getStatus()).isEqualTo(401);
            return false;
        }
        return true;
    }
}
