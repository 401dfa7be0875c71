package io.taskstream.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

class PageLinksTest {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>; rel=\"([^\"]+)\"");

    /** The header as relation name to target URI, checking it holds nothing but well-formed links. */
    private static Map<String, URI> links(String url, int page, int size, long total) {
        String header = PageLinks.of(UriComponentsBuilder.fromUriString(url), page, size, total);
        Map<String, URI> links = new LinkedHashMap<>();
        Matcher m = LINK.matcher(header);
        while (m.find()) {
            links.put(m.group(2), URI.create(m.group(1)));
        }
        assertThat(header.split(", ")).as(header).hasSize(links.size());
        return links;
    }

    private static MultiValueMap<String, String> params(URI link) {
        return UriComponentsBuilder.fromUri(link).build().getQueryParams();
    }

    private static Map<String, Integer> pages(Map<String, URI> links) {
        Map<String, Integer> pages = new LinkedHashMap<>();
        links.forEach((rel, uri) -> {
            List<String> page = params(uri).get("page");
            assertThat(page).as("exactly one page parameter in %s", uri).hasSize(1);
            pages.put(rel, Integer.parseInt(page.getFirst()));
        });
        return pages;
    }

    @Test
    void aMiddlePageLinksToFirstPrevNextAndLast() {
        Map<String, URI> links = links("http://h/api/u/tasks?page=1&size=10", 1, 10, 35);

        assertThat(pages(links)).containsExactly(
                Map.entry("first", 0), Map.entry("prev", 0), Map.entry("next", 2), Map.entry("last", 3));
        links.values().forEach(uri -> {
            assertThat(uri.getPath()).isEqualTo("/api/u/tasks");
            assertThat(uri.getHost()).isEqualTo("h");
            assertThat(params(uri).get("size")).containsExactly("10");
        });
    }

    @Test
    void theFirstPageHasNoPrevAndTheLastNoNext() {
        assertThat(pages(links("http://h/t?size=10", 0, 10, 35)))
                .containsExactly(Map.entry("first", 0), Map.entry("next", 1), Map.entry("last", 3));
        assertThat(pages(links("http://h/t?size=10&page=3", 3, 10, 35)))
                .containsExactly(Map.entry("first", 0), Map.entry("prev", 2), Map.entry("last", 3));
    }

    @Test
    void theLastPageOfAnExactMultipleIsNotAnEmptyPage() {
        assertThat(pages(links("http://h/t", 0, 10, 30))).containsEntry("last", 2);
        assertThat(pages(links("http://h/t", 0, 10, 31))).containsEntry("last", 3);
        assertThat(pages(links("http://h/t", 0, 1, 1))).containsExactly(Map.entry("first", 0), Map.entry("last", 0));
    }

    @Test
    void anEmptyListHasOnlyFirstAndLastBothPageZero() {
        assertThat(pages(links("http://h/t", 0, 50, 0))).containsExactly(Map.entry("first", 0), Map.entry("last", 0));
    }

    @Test
    void aPageBeyondTheEndLinksBackToTheLastPage() {
        assertThat(pages(links("http://h/t?page=9&size=10", 9, 10, 35)))
                .containsExactly(Map.entry("first", 0), Map.entry("prev", 3), Map.entry("last", 3));
    }

    @Test
    void otherParametersAreKeptAsSentIncludingRepeatsAndEncoding() {
        Map<String, URI> links = links("http://h/t?tag=a&q=buy%20milk%26more&page=1&tag=b&size=2", 1, 2, 10);

        for (URI link : links.values()) {
            assertThat(link.getRawQuery()).contains("q=buy%20milk%26more");
            MultiValueMap<String, String> params = params(link);
            assertThat(params.get("tag")).containsExactly("a", "b");
            assertThat(params.get("size")).containsExactly("2");
            assertThat(params.keySet()).containsExactlyInAnyOrder("tag", "q", "page", "size");
        }
        assertThat(pages(links)).containsEntry("next", 2);
    }

    @Test
    void withoutATotalThereIsNoLastPageAndNextOnlyWhenAnotherPageFollows() {
        String url = "http://localhost/api/u/tasks?size=50&page=3";

        String more = PageLinks.of(UriComponentsBuilder.fromUriString(url), 3, true);
        String end = PageLinks.of(UriComponentsBuilder.fromUriString(url), 3, false);

        assertThat(more).contains("page=0>; rel=\"first\"", "page=2>; rel=\"prev\"", "page=4>; rel=\"next\"")
                .doesNotContain("rel=\"last\"");
        assertThat(end).contains("rel=\"first\"", "page=2>; rel=\"prev\"").doesNotContain("rel=\"next\"", "rel=\"last\"");
    }
}
