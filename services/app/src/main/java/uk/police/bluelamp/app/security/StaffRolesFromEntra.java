package uk.police.bluelamp.app.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Staff signed in by the force's identity provider (Entra ID) get exactly the Blue Lamp roles
 * its ID token names in the "roles" claim (Entra app roles). Anyone without one is refused at
 * sign-in rather than let in with nothing: no session is made for someone with no business here.
 */
final class StaffRolesFromEntra implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final Set<String> ROLES = Set.of("HANDLER", "SUPERVISOR", "AUDITOR", "ADMIN", "DATA_PROTECTION");

    private final OidcUserService idToken = new OidcUserService();

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser user = idToken.loadUser(request);
        List<String> claimed = user.getIdToken().getClaimAsStringList("roles");
        Set<GrantedAuthority> roles = new LinkedHashSet<>();
        if (claimed != null) {
            claimed.stream()
                    .filter(ROLES::contains)
                    .forEach(role -> roles.add(new SimpleGrantedAuthority("ROLE_" + role)));
        }
        if (roles.isEmpty()) {
            throw new OAuth2AuthenticationException(
                    new OAuth2Error("access_denied", "No Blue Lamp role is assigned to this account", null));
        }
        // The name handlers see each other by and that chats and audit records carry.
        String name = user.getIdToken().hasClaim("preferred_username") ? "preferred_username" : "sub";
        return new DefaultOidcUser(roles, user.getIdToken(), user.getUserInfo(), name);
    }
}
