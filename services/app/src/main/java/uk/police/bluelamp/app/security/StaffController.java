package uk.police.bluelamp.app.security;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells the staff pages who is signed in (and hands out the CSRF cookie on the way). */
@RestController
class StaffController {

    @GetMapping("/api/v1/staff/me")
    ResponseEntity<Map<String, Object>> me(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        return ResponseEntity.ok(SecurityConfiguration.whoIs(authentication));
    }
}
