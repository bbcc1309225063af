package uk.police.bluelamp.platform.client;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * Who a request comes from, for the rate limits, the sign-in throttle and the tracking lockout.
 * Tomcat's remote-IP valve
 * (server.forward-headers-strategy: native) has already replaced the peer address with the
 * right-most X-Forwarded-For entry that is not one of the internal proxies, so there is one
 * rule for which proxies are believed, shared with HTTPS detection and the logs; the left,
 * client-written part of the header never counts. An IPv6 client is its whole /64: one home or
 * phone is given a /64 to pick addresses from.
 */
public final class ClientAddress {

    private ClientAddress() {}

    public static String of(HttpServletRequest request) {
        return of(request.getRemoteAddr());
    }

    public static String of(String address) {
        if (address == null || address.isEmpty()) {
            return "unknown";
        }
        if (address.indexOf(':') >= 0 && address.length() <= 64) {
            try {
                // A literal with a colon is parsed, never looked up.
                byte[] bytes = InetAddress.getByName(address).getAddress();
                if (bytes.length == 16) {
                    return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
                }
                return InetAddress.getByAddress(bytes).getHostAddress();
            } catch (UnknownHostException notAnAddress) {
                return address;
            }
        }
        return address.length() > 64 ? address.substring(0, 64) : address;
    }
}
