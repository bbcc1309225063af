package uk.police.bluelamp.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.EventProcessorProperties.Mode;
import org.axonframework.springboot.EventProcessorProperties.ProcessorSettings;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.platform.readmodel.ReadModel;

/**
 * application.yml gives the read models' processors one shared setting that the others adapt
 * (ADR 0032), the catch-up source among them (ADR 0051). Every group is still listed, since the dead letters, their gauges and the segment
 * shares go by that list, each with the settings it was given one by one before.
 */
class ProcessorSettingsTest extends IntegrationTest {

    @Autowired
    private EventProcessorProperties properties;

    @Autowired
    private ApplicationContext context;

    @Test
    void everyProcessingGroupIsListedWithTheSettingsItHadBefore() {
        Map<String, String> listed = new TreeMap<>();
        properties.getProcessors().forEach((group, settings) -> listed.put(group, described(settings)));
        assertThat(listed)
                .containsExactlyEntriesOf(
                        new TreeMap<>(
                                Map.ofEntries(
                                        Map.entry(
                                                "access-log",
                                                "POOLED from catchUpSource, claims every 2000 ms, batches of 1000, 1 segments on 1 threads"),
                                        Map.entry(
                                                "canned-responses",
                                                "POOLED from catchUpSource, claims every 2000 ms, batches of 1000, 1 segments on 1 threads"),
                                        Map.entry(
                                                "case-tracking",
                                                "POOLED from catchUpSource, claims every 2000 ms, batches of 1000, 2 segments on 2 threads"),
                                        Map.entry(
                                                "case-view",
                                                "POOLED from catchUpSource, claims every 2000 ms, batches of 1000, 2 segments on 2 threads"),
                                        Map.entry(
                                                "chat",
                                                "POOLED from catchUpSource, claims every 2000 ms, batches of 1000, 2 segments on 2 threads"),
                                        Map.entry(
                                                "citizen-updates",
                                                "POOLED from eventBus, claims every 2000 ms, batches of 10, 1 segments on 1 threads"),
                                        Map.entry(
                                                "contact-view",
                                                "POOLED from catchUpSource, claims every 2000 ms, batches of 1000, 2 segments on 2 threads"),
                                        Map.entry(
                                                "handler-availability",
                                                "POOLED from catchUpSource, claims every 2000 ms, batches of 1000, 1 segments on 1 threads"),
                                        Map.entry("live", "SUBSCRIBING"),
                                        Map.entry(
                                                "queue",
                                                "POOLED from catchUpSource, claims every 2000 ms, batches of 1000, 2 segments on 2 threads"),
                                        Map.entry(
                                                "resourcing",
                                                "POOLED from closedCatchUpSource, claims every 2000 ms, batches of 1000, 2 segments on 2 threads"),
                                        Map.entry(
                                                "satisfaction",
                                                "POOLED from closedCatchUpSource, claims every 2000 ms, batches of 1000, 1 segments on 1 threads"),
                                        Map.entry(
                                                "signposting",
                                                "POOLED from closedCatchUpSource, claims every 2000 ms, batches of 1000, 1 segments on 1 threads"),
                                        Map.entry(
                                                "staffing-plan",
                                                "POOLED from closedCatchUpSource, claims every 2000 ms, batches of 1000, 1 segments on 1 threads"),
                                        Map.entry(
                                                "unmatched-replies",
                                                "POOLED from catchUpSource, claims every 2000 ms, batches of 1000, 1 segments on 1 threads"),
                                        Map.entry(
                                                "victim-support-referrals",
                                                "POOLED from closedCatchUpSource, claims every 2000 ms, batches of 1000, 1 segments on 1 threads"),
                                        Map.entry(
                                                "victims-code-ledger",
                                                "POOLED from closedCatchUpSource, claims every 2000 ms, batches of 1000, 2 segments on 2 threads"))));
    }

    @Test
    void aReadModelThatHoldsNoPersonalDataCatchesUpWithSealedValuesClosed() {
        Map<String, String> sources = new TreeMap<>();
        Map<String, String> expected = new TreeMap<>();
        context.getBeansWithAnnotation(ReadModel.class).values().forEach(bean -> {
            Class<?> type = AopUtils.getTargetClass(bean);
            String group = type.getAnnotation(ProcessingGroup.class).value();
            sources.put(group, properties.getProcessors().get(group).getSource());
            expected.put(
                    group,
                    type.getAnnotation(ReadModel.class).holdsPersonalData() ? "catchUpSource" : "closedCatchUpSource");
        });
        assertThat(sources).isNotEmpty().containsExactlyEntriesOf(expected);
    }

    private static String described(ProcessorSettings settings) {
        if (settings.getMode() == Mode.SUBSCRIBING) {
            return settings.getMode().name();
        }
        return settings.getMode() + " from " + settings.getSource() + ", claims every "
                + settings.getTokenClaimInterval() + " ms, batches of "
                + settings.getBatchSize() + ", " + settings.getInitialSegmentCount() + " segments on "
                + settings.getThreadCount() + " threads";
    }
}
