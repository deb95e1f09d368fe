package com.leadlex.importer.leadlex;

/**
 * The quota one API key is paced to: requests per epoch-aligned minute and per UTC day, 0 meaning
 * no limit on that window.
 */
public record QuotaLimits(int perMinute, int perDay) {

    public QuotaLimits {
        perMinute = Math.max(0, perMinute);
        perDay = Math.max(0, perDay);
    }

    public static QuotaLimits unlimited() {
        return new QuotaLimits(0, 0);
    }

    /** True when at least one window is limited. */
    public boolean any() {
        return perMinute > 0 || perDay > 0;
    }

    /** True when some window allows more requests than under {@code before} (a limit raised or lifted). */
    public boolean allowsMoreThan(QuotaLimits before) {
        return raised(perMinute, before.perMinute) || raised(perDay, before.perDay);
    }

    private static boolean raised(int now, int before) {
        return before > 0 && (now == 0 || now > before);
    }

    /** Per window, the smaller of the two limits; a window limited by one of them only keeps that limit. */
    public QuotaLimits stricter(QuotaLimits other) {
        return new QuotaLimits(stricter(perMinute, other.perMinute), stricter(perDay, other.perDay));
    }

    private static int stricter(int a, int b) {
        return a == 0 ? b : b == 0 ? a : Math.min(a, b);
    }
}
