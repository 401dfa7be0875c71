package io.taskstream.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the single-page app's entry document for its client-side routes (the task views, the account page, sign-in
 * and sign-up), so a reload or a shared link opens them; other page addresses are {@link PageNotFound}'s.
 */
@Controller
class SpaController {

    @GetMapping({"/signin", "/signup", "/today", "/upcoming", "/account"})
    String app() {
        return "forward:/index.html";
    }
}
