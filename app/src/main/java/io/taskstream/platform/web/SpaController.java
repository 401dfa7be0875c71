package io.taskstream.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Serves the single-page app's entry document for its client-side routes. */
@Controller
class SpaController {

    @GetMapping({"/signin", "/signup", "/tasks", "/tasks/**", "/chat", "/settings"})
    String app() {
        return "forward:/index.html";
    }
}
