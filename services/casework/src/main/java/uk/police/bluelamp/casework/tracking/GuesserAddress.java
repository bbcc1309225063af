package uk.police.bluelamp.casework.tracking;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * Whom a wrong code is counted against: the address Tomcat resolved (behind the force's proxy,
 * the client it saw; see server.forward-headers-strategy), with a whole IPv6 /64 as one client,
 * since a single home or phone is given a /64 to pick addresses from. The same rule as the rate
 * limits' ClientAddress in the app module, which this module cannot reach.
 */
final class GuesserAddress {

    private GuesserAddress() {
    }

    static String of(HttpServletRequest request) {
        return of(request.getRemoteAddr());
    }

    static String of(String address) {
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
