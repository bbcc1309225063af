package uk.police.bluelamp.resourcing.forecast;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.NOT_REQUIRED;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.messages.contact.Channel;

/** Supervisors' four-week demand forecast, each channel with its method and its back-tested accuracy. */
@RestController
class ForecastController {

    private final DemandForecasts forecasts;
    private final Clock clock;

    ForecastController(DemandForecasts forecasts, Clock clock) {
        this.forecasts = forecasts;
        this.clock = clock;
    }

    record DailyForecast(
            @Schema(requiredMode = REQUIRED) LocalDate date,

            @Schema(requiredMode = REQUIRED, description = "Contacts expected that day")
            double contacts) {}

    record ForecastBackTest(
            @Schema(requiredMode = REQUIRED, description = "Days held out (7 or 14)")
            int days,

            @Schema(
                    requiredMode = REQUIRED,
                    allowableValues = {"SEASONAL_NAIVE", "SEASONAL_TREND"})
            String method,

            @Schema(
                    requiredMode = NOT_REQUIRED,
                    description = "Weighted absolute percentage error, 0.12 = 12%; none when nothing came")
            Double wape,

            @Schema(requiredMode = NOT_REQUIRED, description = "Above 0: the forecast ran high")
            Double bias) {}

    record ChannelDemand(
            @Schema(requiredMode = REQUIRED) Channel channel,

            @Schema(
                    requiredMode = REQUIRED,
                    allowableValues = {"NONE", "SEASONAL_NAIVE", "SEASONAL_TREND"})
            String method,

            @Schema(requiredMode = REQUIRED, description = "Days of history the forecast is made from")
            int historyDays,

            @Schema(requiredMode = NOT_REQUIRED, description = "None under two weeks of history")
            ForecastBackTest backTest,

            @Schema(requiredMode = REQUIRED) List<DailyForecast> days) {}

    record DemandForecast(
            @Schema(requiredMode = REQUIRED, description = "Today, the first day forecast")
            LocalDate from,

            @Schema(requiredMode = REQUIRED) List<ChannelDemand> channels) {}

    @GetMapping("/api/v1/staff/supervisor/planning/forecast")
    DemandForecast forecast() {
        LocalDate today = LocalDate.now(clock.withZone(DemandForecasts.FORCE_ZONE));
        List<ChannelDemand> channels = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            DemandForecasts.ChannelForecast forecast = forecasts.forecast(channel, today);
            List<DailyForecast> days = new ArrayList<>();
            for (int d = 0; d < forecast.days().size(); d++) {
                days.add(new DailyForecast(
                        today.plusDays(d),
                        round(SeasonalTrend.mean(forecast.days().get(d)) * 96)));
            }
            DemandForecasts.BackTest test = forecast.backTest();
            channels.add(new ChannelDemand(
                    channel,
                    forecast.method(),
                    forecast.historyDays(),
                    test == null ? null : new ForecastBackTest(test.days(), test.method(), test.wape(), test.bias()),
                    days));
        }
        return new DemandForecast(today, channels);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
