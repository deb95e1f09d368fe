package com.leadlex.importer.sources;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import com.leadlex.importer.intake.CamelListIntake;

/**
 * The one bean a source route calls before {@code direct:stage-contact-list}: it sets the source
 * name and the campaign the way the source is configured (fixed, from the sub-folder, or from a
 * column of the list), says below how many valid IDs its lists are pooled when it has its own
 * {@code pool-below}, and counts the file in the source's status.
 */
@Component
public class SourceListHeaders {

    private final SourcesProperties properties;
    private final SourceStatusRegistry statuses;
    private final CampaignColumnReader campaignColumns;

    public SourceListHeaders(SourcesProperties properties, SourceStatusRegistry statuses,
            CampaignColumnReader campaignColumns) {
        this.properties = properties;
        this.statuses = statuses;
        this.campaignColumns = campaignColumns;
    }

    public void apply(Exchange exchange) throws Exception {
        String routeId = exchange.getFromRouteId();
        SourceProperties settings = properties.forRoute(routeId);
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        statuses.filePicked(routeId, fileName);
        exchange.getMessage().setHeader(CamelListIntake.SOURCE_HEADER, statuses.sourceName(routeId));
        if (settings.poolBelow() != null) {
            exchange.getMessage().setHeader(CamelListIntake.POOL_BELOW_HEADER, settings.poolBelow());
        }
        if (settings.campaign() != null && !settings.campaign().isBlank()) {
            exchange.getMessage().setHeader(CamelListIntake.CAMPAIGN_HEADER, settings.campaign());
        } else if (settings.campaignColumn() != null && !settings.campaignColumn().isBlank()) {
            exchange.getMessage().setHeader(CamelListIntake.CAMPAIGN_HEADER,
                    campaignColumns.campaignOf(exchange, settings.campaignColumn()));
        }
        // otherwise CamelListIntake takes the campaign from the sub-folder the file is in
    }
}
