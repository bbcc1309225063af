package uk.police.bluelamp.app.limits;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who a request comes from, for rate limiting. Tomcat's remote-IP valve
 * (server.forward-headers-strategy: native) has already replaced the peer address with the
 * right-most X-Forwarded-For entry that is not one of the internal proxies, so there is one
 * rule for which proxies are believed, shared with HTTPS detection and the logs; the left,
 * client-written part of the header never counts.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return address.length() > 64 ? address.substring(0, 64) : address;
    }
}
