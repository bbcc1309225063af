package uk.police.bluelamp.resourcing.forecast;

import java.util.List;

/**
 * How far a forecast was from what came, over every quarter hour held out. WAPE (weighted
 * absolute percentage error) is Σ|actual − forecast| / Σ actual: unlike a mean of percentages it
 * stays defined in the night's empty quarter hours and weighs the busy ones most. Bias is
 * Σ(forecast − actual) / Σ actual: above zero the forecast ran high. Both are undefined (null)
 * when nothing came.
 */
record Accuracy(int days, Double wape, Double bias) {

    static Accuracy of(List<double[]> actual, List<double[]> forecast) {
        double absolute = 0;
        double signed = 0;
        double total = 0;
        for (int d = 0; d < actual.size(); d++) {
            for (int s = 0; s < actual.get(d).length; s++) {
                double a = actual.get(d)[s];
                double f = forecast.get(d)[s];
                absolute += Math.abs(a - f);
                signed += f - a;
                total += a;
            }
        }
        return total == 0
                ? new Accuracy(actual.size(), null, null)
                : new Accuracy(actual.size(), absolute / total, signed / total);
    }
}
