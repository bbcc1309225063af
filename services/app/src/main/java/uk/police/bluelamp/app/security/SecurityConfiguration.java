package uk.police.bluelamp.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.http.HttpStatus;

/**
 * Citizens need no account: reporting is open and tracking is guarded by the reference plus
 * the secret code. Staff sign in and get roles; the single-page app sends the CSRF token back
 * from the XSRF-TOKEN cookie on every state-changing staff request.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] STAFF_WORK = {"HANDLER", "SUPERVISOR"};
    /** Auditors and admins read every record but change none. */
    static final String[] READERS = {"HANDLER", "SUPERVISOR", "AUDITOR", "ADMIN"};
    static final String[] AUDIT = {"AUDITOR", "ADMIN"};
    static final String[] STAFF_RECORDS = {"/api/v1/staff/queues/**", "/api/v1/staff/queues", "/api/v1/staff/contacts/**",
        "/api/v1/staff/my-contacts", "/api/v1/staff/availability", "/api/v1/staff/cases", "/api/v1/staff/cases/**"};

    /** Open to the public: reports, chats (guarded by the chat token), call-backs, and the
     * telephony webhook (guarded by the token in its URL). */
    static final String[] PUBLIC_POSTS = {"/api/v1/reports", "/api/v1/chats", "/api/v1/chats/*/messages",
        "/api/v1/chats/*/end", "/api/v1/callbacks", "/api/v1/cti/*", "/api/v1/cases/*/messages"};

    /** The built frontend has no inline script or style, so none is allowed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'self'; object-src 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper json) throws Exception {
        CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
        // The SPA reads the raw token from the cookie, so no per-request masking.
        csrfHandler.setCsrfRequestAttributeName(null);
        http
                .authorizeHttpRequests(auth -> auth
                        // Error pages must render for anyone, or a 403 turns into a 401 on its way out.
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers(AuditorsOnlyRead::writes).denyAll()
                        .requestMatchers(HttpMethod.POST, PUBLIC_POSTS).permitAll()
                        .requestMatchers(HttpMethod.PUT, "/api/v1/cases/*/update-preference").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/cases/*/tracking", "/api/v1/chats/*").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/staff/me").permitAll()
                        .requestMatchers("/api/v1/staff/login", "/api/v1/staff/logout").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/staff/supervisor/**").hasAnyRole("SUPERVISOR", "AUDITOR", "ADMIN")
                        .requestMatchers("/api/v1/staff/supervisor/**").hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.GET, STAFF_RECORDS).hasAnyRole(READERS)
                        .requestMatchers(STAFF_RECORDS).hasAnyRole(STAFF_WORK)
                        // Erasure and subject access: admins only (docs/adr/0012-crypto-shredding.md).
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        // Rebuilding a read model derives it again from the log: it changes no record.
                        .requestMatchers(HttpMethod.POST, "/api/v1/audit/replays").hasAnyRole(AUDIT)
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit/**").hasAnyRole(AUDIT)
                        .requestMatchers("/api/**").denyAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/health").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(csrfHandler)
                        // Public, or authenticated by a token in the request rather than a cookie:
                        // a forged cross-site request would carry nothing that grants anything.
                        .ignoringRequestMatchers(PUBLIC_POSTS)
                        .ignoringRequestMatchers("/api/v1/cases/*/update-preference"))
                .addFilterAfter(new CsrfCookieFilter(), org.springframework.security.web.csrf.CsrfFilter.class)
                .formLogin(form -> form
                        .loginProcessingUrl("/api/v1/staff/login")
                        .successHandler((request, response, authentication) ->
                                writeJson(response, HttpServletResponse.SC_OK, json, whoIs(authentication)))
                        .failureHandler((request, response, exception) ->
                                writeJson(response, HttpServletResponse.SC_UNAUTHORIZED, json,
                                        Map.of("title", "Enter a correct username and password"))))
                .logout(logout -> logout
                        .logoutUrl("/api/v1/staff/logout")
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    static Map<String, Object> whoIs(Authentication authentication) {
        List<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .sorted()
                .toList();
        return Map.of("username", authentication.getName(), "roles", roles);
    }

    private static void writeJson(HttpServletResponse response, int status, ObjectMapper json, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
