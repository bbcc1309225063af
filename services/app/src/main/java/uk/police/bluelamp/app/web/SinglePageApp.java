package uk.police.bluelamp.app.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The frontend routes in the browser; a deep link or a reload must still load the app. */
@Controller
class SinglePageApp {

    @GetMapping({
        "/",
        "/report",
        "/report/**",
        "/track",
        "/track/**",
        "/figures",
        "/feedback",
        "/chat",
        "/chat/**",
        "/callback",
        "/callback/**",
        "/staff",
        "/staff/**"
    })
    String app() {
        return "forward:/index.html";
    }
}
