package io.taskstream.task;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * RFC 8288 {@code Link} header value for page-numbered lists: first, prev, next and, when the total is known, last.
 */
final class PageLinks {

    private PageLinks() {
    }

    static String of(UriComponentsBuilder current, int page, int size, long total) {
        int last = total == 0 ? 0 : (int) ((total - 1) / size);
        return of(current, page, page < last, OptionalInt.of(last));
    }

    /** Links of a list whose total is unknown: no last page, a next one when {@code hasNext}. */
    static String of(UriComponentsBuilder current, int page, boolean hasNext) {
        return of(current, page, hasNext, OptionalInt.empty());
    }

    private static String of(UriComponentsBuilder current, int page, boolean hasNext, OptionalInt last) {
        List<String> links = new ArrayList<>();
        links.add(link(current, 0, "first"));
        if (page > 0) {
            links.add(link(current, last.isPresent() ? Math.min(page - 1, last.getAsInt()) : page - 1, "prev"));
        }
        if (hasNext) {
            links.add(link(current, page + 1, "next"));
        }
        last.ifPresent(l -> links.add(link(current, l, "last")));
        return String.join(", ", links);
    }

    private static String link(UriComponentsBuilder current, int page, String rel) {
        return "<" + current.cloneBuilder().replaceQueryParam("page", page).build().toUriString() + ">; rel=\"" + rel + "\"";
    }
}
