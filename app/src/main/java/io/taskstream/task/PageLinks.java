package io.taskstream.task;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/** RFC 8288 {@code Link} header value for page-numbered lists. */
final class PageLinks {

    private PageLinks() {
    }

    static String of(UriComponentsBuilder current, int page, int size, long total) {
        int last = total == 0 ? 0 : (int) ((total - 1) / size);
        List<String> links = new ArrayList<>();
        links.add(link(current, 0, "first"));
        if (page > 0) {
            links.add(link(current, Math.min(page - 1, last), "prev"));
        }
        if (page < last) {
            links.add(link(current, page + 1, "next"));
        }
        links.add(link(current, last, "last"));
        return String.join(", ", links);
    }

    private static String link(UriComponentsBuilder current, int page, String rel) {
        return "<" + current.cloneBuilder().replaceQueryParam("page", page).build().toUriString() + ">; rel=\"" + rel + "\"";
    }
}
