package uk.police.bluelamp.app.security;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells the staff pages who is signed in (and hands out the CSRF cookie on the way). */
@RestController
class StaffController {

    private final boolean demo;
    private final ObjectProvider<ClientRegistrationRepository> forceAccounts;

    StaffController(Environment environment, ObjectProvider<ClientRegistrationRepository> forceAccounts) {
        this.demo = environment.acceptsProfiles(Profiles.of("demo"));
        this.forceAccounts = forceAccounts;
    }

    @GetMapping("/api/v1/staff/me")
    ResponseEntity<Me> me(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        return ResponseEntity.ok(Me.of(authentication));
    }

    /** forceAccount: where the force account's sign-in starts, or null when none is configured. */
    @Schema(name = "SignInOptions")
    record SignInOptions(@Schema(requiredMode = REQUIRED) boolean password, String forceAccount) {}

    /** How staff can sign in here: the force's account (OpenID Connect) and/or the demo's password form. */
    @GetMapping("/api/v1/staff/sign-in-options")
    SignInOptions signInOptions() {
        return new SignInOptions(demo, forceAccountStart());
    }

    private String forceAccountStart() {
        if (!(forceAccounts.getIfAvailable() instanceof Iterable<?> registrations)) {
            return null;
        }
        for (Object registration : registrations) {
            return "/oauth2/authorization/" + ((ClientRegistration) registration).getRegistrationId();
        }
        return null;
    }
}
