package uk.police.bluelamp.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import uk.police.bluelamp.app.limits.SignInThrottle;
import uk.police.bluelamp.app.observability.MetricsPort;
import uk.police.bluelamp.contact.live.LiveSockets;
import uk.police.bluelamp.platform.web.Problems;

/**
 * Citizens need no account: reporting is open and tracking is guarded by the reference plus
 * the secret code. Staff sign in through the force's OpenID Connect provider when one is
 * configured (the demo profile adds a password form for its demo accounts) and get roles. The
 * single-page app sends the CSRF token back from its cookie on every state-changing request.
 * Who may do what is docs/access-matrix.md, which AccessMatrixTest checks.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] STAFF_WORK = {"HANDLER", "SUPERVISOR"};
    /** Auditors and admins read every record but change none. */
    static final String[] READERS = {"HANDLER", "SUPERVISOR", "AUDITOR", "ADMIN"};

    static final String[] AUDIT = {"AUDITOR", "ADMIN"};
    static final String[] RETENTION_REVIEWERS = {"DATA_PROTECTION", "ADMIN"};
    static final String[] STAFF_RECORDS = {
        "/api/v1/staff/queues/**",
        "/api/v1/staff/queues",
        "/api/v1/staff/contacts/**",
        "/api/v1/staff/my-contacts",
        "/api/v1/staff/availability",
        "/api/v1/staff/display-name",
        "/api/v1/staff/skills",
        "/api/v1/staff/cases",
        "/api/v1/staff/cases/**",
        "/api/v1/staff/replies",
        "/api/v1/staff/replies/**"
    };

    /** Open to the public: reports, chats (guarded by the chat token), call-backs, and the
     * telephony webhook (guarded by the token in its URL), and the providers' webhooks for
     * citizens' replies (guarded by their bearer token, checked before the body is read). */
    static final String[] PUBLIC_POSTS = {
        "/api/v1/reports",
        "/api/v1/chats",
        "/api/v1/chats/*/messages",
        "/api/v1/chats/*/end",
        "/api/v1/chats/*/transcript",
        "/api/v1/chats/*/evidence",
        "/api/v1/callbacks",
        "/api/v1/cti/*",
        "/api/v1/cases/*/messages",
        "/api/v1/cases/*/send-code",
        "/api/v1/inbound/text-messages",
        "/api/v1/inbound/emails",
        "/api/v1/cases/*/victim-support",
        "/api/v1/cases/*/satisfaction",
        "/api/v1/signposts",
        "/api/v1/cases/*/evidence"
    };

    /** The built frontend has no inline script or style, so none is allowed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'self'; object-src 'none'";

    /** Server-to-server: the telephony platform sends no cookies, and its URL token is the credential. */
    static final String TELEPHONY_WEBHOOK = "/api/v1/cti/*";

    /** Server-to-server too: GOV.UK Notify and the email provider send a bearer token, never cookies. */
    static final String[] REPLY_WEBHOOKS = {"/api/v1/inbound/text-messages", "/api/v1/inbound/emails"};

    static final long ONE_YEAR_SECONDS = 365L * 24 * 60 * 60;

    static final String SIGN_IN_PAGE = "/staff/sign-in";
    /** Where the identity provider's sign-in ends for an account with no Blue Lamp role. */
    static final String FORCE_ACCOUNT_REFUSED = SIGN_IN_PAGE + "?error=force-account";

    static final String WRONG_PASSWORD = "Enter a correct username and password";

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            ObjectMapper json,
            Environment environment,
            ObjectProvider<ClientRegistrationRepository> forceAccounts,
            CsrfTokenRepository csrfTokens,
            SignInThrottle signInThrottle,
            LiveSockets liveSockets)
            throws Exception {
        boolean demo = environment.acceptsProfiles(Profiles.of("demo"));
        // Outside the demo there is no password form: a post to it is refused like any unknown API.
        String[] signInAndOut = demo
                ? new String[] {"/api/v1/staff/login", "/api/v1/staff/logout"}
                : new String[] {"/api/v1/staff/logout"};
        http.authorizeHttpRequests(auth -> auth
                        // Error pages must render for anyone, or a 403 turns into a 401 on its way out.
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                        .permitAll()
                        .requestMatchers(AuditorsOnlyRead::writes)
                        .denyAll()
                        .requestMatchers(HttpMethod.POST, PUBLIC_POSTS)
                        .permitAll()
                        .requestMatchers(HttpMethod.PUT, "/api/v1/cases/*/update-preference")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/v1/cases/*/tracking",
                                "/api/v1/chats/*",
                                "/api/v1/chats/*/evidence/*")
                        .permitAll()
                        // Open data: monthly counts with small numbers withheld, nothing personal.
                        .requestMatchers(HttpMethod.GET, "/api/v1/public/figures", "/api/v1/public/contact-routes")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/staff/me", "/api/v1/staff/sign-in-options")
                        .permitAll()
                        .requestMatchers(signInAndOut)
                        .permitAll()
                        // The force's canned chat responses: supervisors keep them (below), handlers use them.
                        .requestMatchers(HttpMethod.GET, "/api/v1/staff/canned-responses")
                        .hasAnyRole(READERS)
                        // Forecast, staffing and plan (docs/adr/0041): supervisors plan staff, nobody else.
                        .requestMatchers("/api/v1/staff/supervisor/planning/**")
                        .hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.GET, "/api/v1/staff/supervisor/**")
                        .hasAnyRole("SUPERVISOR", "AUDITOR", "ADMIN")
                        .requestMatchers("/api/v1/staff/supervisor/**")
                        .hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.GET, STAFF_RECORDS)
                        .hasAnyRole(READERS)
                        .requestMatchers(STAFF_RECORDS)
                        .hasAnyRole(STAFF_WORK)
                        // MoPI retention reviews (docs/adr/0029-retention-reviews.md): disposal erases.
                        .requestMatchers("/api/v1/staff/retention/**")
                        .hasAnyRole(RETENTION_REVIEWERS)
                        // Erasure and subject access: admins only (docs/adr/0012-crypto-shredding.md).
                        .requestMatchers("/api/v1/admin/**")
                        .hasRole("ADMIN")
                        // Rebuilding a read model derives it again from the log: it changes no record.
                        .requestMatchers(HttpMethod.POST, "/api/v1/audit/replays", "/api/v1/audit/replays/*/cancel")
                        .hasAnyRole(AUDIT)
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit/**")
                        .hasAnyRole(AUDIT)
                        .requestMatchers("/api/**")
                        .denyAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/health")
                        .permitAll()
                        // Prometheus's scrape on the metrics port, which the public proxy does not route (MetricsPort).
                        .requestMatchers(MetricsPort::isScrape)
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/**")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .csrf(csrf -> csrf
                        // Every state-changing request, public ones too: a citizen's report or
                        // message must not be sendable by another site in their browser.
                        // Signed by the server, bound to the session, from the header only (SignedCsrfTokens).
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(SignedCsrfTokens.headerOnly())
                        // A token from before sign-in is bound to no session, or to another one.
                        .sessionAuthenticationStrategy(
                                (authentication, request, response) -> csrfTokens.saveToken(null, request, response))
                        .ignoringRequestMatchers(TELEPHONY_WEBHOOK)
                        .ignoringRequestMatchers(REPLY_WEBHOOKS))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                // A new session id at sign-in, so an id planted before it is worth nothing after.
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .logout(logout -> logout.logoutUrl("/api/v1/staff/logout")
                        // This node's sockets of that sign-in close now; other nodes' within seconds (ADR 0021).
                        .addLogoutHandler((request, response, authentication) -> {
                            if (request.getSession(false) != null) {
                                liveSockets.signedOut(request.getSession(false).getId());
                            }
                        })
                        .invalidateHttpSession(true)
                        .clearAuthentication(true)
                        .deleteCookies("JSESSIONID")
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        // Sent on HTTPS requests only (as the TLS-terminating proxy reports them).
                        .httpStrictTransportSecurity(
                                hsts -> hsts.maxAgeInSeconds(ONE_YEAR_SECONDS).includeSubDomains(true))
                        .addHeaderWriter(new StaticHeadersWriter(
                                "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"))
                        .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin"))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        if (demo) {
            // The demo accounts' password form; a force signs its staff in through its own identity provider.
            // Throttled per client and per username before the password is checked (SignInThrottle).
            http.authenticationProvider(signInThrottle.beforePasswordCheck());
            http.formLogin(form -> form.loginProcessingUrl("/api/v1/staff/login")
                    // The app's own page: no generated /login page (its inline styles break the CSP).
                    .loginPage(SIGN_IN_PAGE)
                    .successHandler(signInThrottle.onSuccess((request, response, authentication) ->
                            writeJson(response, HttpServletResponse.SC_OK, json, Me.of(authentication))))
                    .failureHandler(signInThrottle.onFailure((request, response, exception) -> writeJson(
                            response,
                            HttpServletResponse.SC_UNAUTHORIZED,
                            json,
                            Problems.detail(HttpStatus.UNAUTHORIZED, WRONG_PASSWORD, WRONG_PASSWORD)))));
        }
        if (!demo && forceAccounts.getIfAvailable() == null) {
            LoggerFactory.getLogger(SecurityConfiguration.class)
                    .warn("No staff sign-in is configured: set "
                            + "spring.security.oauth2.client.registration.entra.* and its provider's issuer-uri");
        }
        if (forceAccounts.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage(SIGN_IN_PAGE)
                    .userInfoEndpoint(user -> user.oidcUserService(new StaffRolesFromEntra()))
                    .defaultSuccessUrl("/staff", true)
                    .failureUrl(FORCE_ACCOUNT_REFUSED));
        }
        return http.build();
    }

    private static void writeJson(HttpServletResponse response, int status, ObjectMapper json, Object body)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
