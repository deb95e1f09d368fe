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
}
