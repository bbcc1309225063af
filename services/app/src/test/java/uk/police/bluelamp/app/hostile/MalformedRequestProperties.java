package uk.police.bluelamp.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import uk.police.bluelamp.app.StaffSession;

/**
 * Run by MalformedRequestTest, which holds the running app; the name keeps Surefire from
 * running it on its own. No malformed request gets a 5xx, each is refused with a 4xx, and none
 * changes what is stored.
 */
class MalformedRequestProperties {

    /** Set by MalformedRequestTest before it launches these properties. */
    record Target(StaffSession citizen, MalformedRequests.Known known, Supplier<Map<String, Long>> state) {}

    static volatile Target target;

    @Property(tries = 400, shrinking = ShrinkingMode.BOUNDED, maxDiscardRatio = 1)
    void aMalformedRequestIsRefusedWithout5xxAndChangesNothing(
            @ForAll("malformed") MalformedRequests.Malformed request) {
        Map<String, Long> before = target.state().get();
        HttpResponse<String> response = target.citizen().send(build(request));
        assertThat(response.statusCode())
                .as("%s%n-> %s", request, response.body())
                .isBetween(400, 499);
        assertThat(target.state().get()).as("stored state after %s", request).isEqualTo(before);
    }

    @Provide
    Arbitrary<MalformedRequests.Malformed> malformed() {
        return MalformedRequests.any(target.known());
    }

    private static HttpRequest build(MalformedRequests.Malformed request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target.citizen().uri(request.path()))
                .method(
                        request.method(),
                        request.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        request.headers().forEach(builder::header);
        // A browser's writes carry the CSRF token: the request is refused for what it is, not for lacking one.
        builder.header("X-XSRF-TOKEN", target.citizen().csrfToken());
        return builder.build();
    }
}
