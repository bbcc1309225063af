package uk.police.bluelamp.app.security;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who is signed in, as the staff pages (and sign-in's answer) describe them. */
@Schema(name = "Me")
record Me(
        @Schema(requiredMode = REQUIRED) String username,

        @Schema(requiredMode = REQUIRED, description = "Sorted, without the ROLE_ prefix")
        List<String> roles) {

    static Me of(Authentication authentication) {
        List<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .sorted()
                .toList();
        return new Me(authentication.getName(), roles);
    }
}
