package uk.police.bluelamp.app.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;

/**
 * CSRF tokens the server signs, for a single-page app that reads its token from a cookie and
 * echoes it in a header (double submit). A token is a random nonce and an HMAC over it and the
 * session id (none for a citizen, who has no session), keyed from the tracking-code pepper under
 * a label of its own, so every node verifies every node's tokens. A pair the client invents, or a
 * staff token carried into another session, does not verify: it is treated as no token, and the
 * request refused. Behind HTTPS the cookie is __Host-XSRF-TOKEN (Secure, Path=/, no Domain), so
 * no other site on a sibling domain can plant one; the demo on plain http keeps XSRF-TOKEN.
 */
@Component
class SignedCsrfTokens implements CsrfTokenRepository {

    static final String HEADER = "X-XSRF-TOKEN";
    static final String COOKIE = "XSRF-TOKEN";
    static final String HOST_ONLY_COOKIE = "__Host-XSRF-TOKEN";
    /** Spring's token carries a parameter name; no parameter is ever read (headerOnly). */
    private static final String UNUSED_PARAMETER = "_csrf";

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;
    private final boolean secureCookies;

    SignedCsrfTokens(
            @Value("${bluelamp.secrets.tracking-code-pepper}") String pepper,
            @Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies) {
        this.key = new SecretKeySpec(
                hmac(
                        new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                        "blue-lamp csrf-token key v1".getBytes(StandardCharsets.UTF_8)),
                "HmacSHA256");
        this.secureCookies = secureCookies;
    }

    /** Only the X-XSRF-TOKEN header is read: a token in a query string leaks into logs and history. */
    static CsrfTokenRequestHandler headerOnly() {
        CsrfTokenRequestAttributeHandler attributes = new CsrfTokenRequestAttributeHandler();
        // The SPA reads the token from the cookie, so no per-request masking.
        attributes.setCsrfRequestAttributeName(null);
        return new CsrfTokenRequestHandler() {
            @Override
            public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
                attributes.handle(request, response, token);
            }

            @Override
            public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
                return request.getHeader(token.getHeaderName());
            }
        };
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        return token(BASE64.encodeToString(nonce) + "." + BASE64.encodeToString(signature(nonce, request)));
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        boolean secure = secure(request);
        ResponseCookie cookie = ResponseCookie.from(
                        secure ? HOST_ONLY_COOKIE : COOKIE, token == null ? "" : token.getToken())
                .path("/")
                .secure(secure)
                .sameSite("Strict")
                .httpOnly(false)
                .maxAge(token == null ? 0 : -1)
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    /** The request's token if this server signed it for this session; otherwise none. */
    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        String value = cookie(request);
        return value != null && verifies(value, request) ? token(value) : null;
    }

    private boolean verifies(String value, HttpServletRequest request) {
        int dot = value.indexOf('.');
        if (dot <= 0 || value.length() > 200) {
            return false;
        }
        try {
            byte[] nonce = Base64.getUrlDecoder().decode(value.substring(0, dot));
            byte[] signature = Base64.getUrlDecoder().decode(value.substring(dot + 1));
            return MessageDigest.isEqual(signature, signature(nonce, request));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private byte[] signature(byte[] nonce, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        byte[] boundTo = (session == null ? "" : session.getId()).getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[nonce.length + 1 + boundTo.length];
        System.arraycopy(nonce, 0, message, 0, nonce.length);
        message[nonce.length] = '|';
        System.arraycopy(boundTo, 0, message, nonce.length + 1, boundTo.length);
        return hmac(key, message);
    }

    /** Behind HTTPS (or configured secure) the __Host- cookie alone is read and written. */
    private boolean secure(HttpServletRequest request) {
        return secureCookies || request.isSecure();
    }

    private String cookie(HttpServletRequest request) {
        String name = secure(request) ? HOST_ONLY_COOKIE : COOKIE;
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (cookie.getName().equals(name)) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static CsrfToken token(String value) {
        return new DefaultCsrfToken(HEADER, UNUSED_PARAMETER, value);
    }

    private static byte[] hmac(SecretKeySpec key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
