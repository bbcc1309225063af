package uk.police.bluelamp.platform.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void aClientIsAnAddressAndAnIpv6ClientIsItsWholeSlash64() {
        assertThat(ClientAddress.of("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.of("2001:db8:1:2:aaaa::1"))
                .isEqualTo(ClientAddress.of("2001:db8:1:2:ffff:1:2:3"))
                .isEqualTo("20010db800010002::/64");
        assertThat(ClientAddress.of("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.of("2001:db8:1:2::1"));
        assertThat(ClientAddress.of("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.of("not:an:address:at:all")).isEqualTo("not:an:address:at:all");
        assertThat(ClientAddress.of("x".repeat(100))).hasSize(64);
    }
}
