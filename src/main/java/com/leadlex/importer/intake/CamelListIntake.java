package com.leadlex.importer.intake;

import java.io.InputStream;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.leadlex.importer.pool.SmallListPool;
import com.leadlex.importer.staging.ContactListRejectedException;

/**
 * Adapts a Camel exchange from any source route to {@link ContactListIntake}. Routes may set
 * {@value #CAMPAIGN_HEADER}, {@value #SOURCE_HEADER} and {@value #FORCE_HEADER}; without a
 * campaign header, the first folder of the file's path below the watched folder names it
 * ({@code inbox/<campaign-id>/list.csv}). Lists from these sources (folder, SFTP, scheduled) are pooled
 * when small ({@value #POOL_BELOW_HEADER}, else {@code importer.pool.below}).
 */
@Component
public class CamelListIntake {

    public static final String CAMPAIGN_HEADER = "LeadLexCampaign";
    public static final String SOURCE_HEADER = "LeadLexSource";
    public static final String FORCE_HEADER = "LeadLexForce";
    public static final String IMPORT_ID_HEADER = "LeadLexImportId";
    /** Pool lists with fewer valid IDs than this (0: never); {@code importer.pool.below} when not set. */
    public static final String POOL_BELOW_HEADER = "LeadLexPoolBelow";

    private static final Logger log = LoggerFactory.getLogger(CamelListIntake.class);

    private final ContactListIntake intake;
    private final SmallListPool pool;

    public CamelListIntake(ContactListIntake intake, SmallListPool pool) {
        this.intake = intake;
        this.pool = pool;
    }

    public void stage(Exchange exchange) throws Exception {
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        if (fileName == null) {
            fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME, "list", String.class);
        }
        String campaignId = campaignOf(exchange);
        String source = exchange.getMessage().getHeader(SOURCE_HEADER, "inbox", String.class);
        boolean force = exchange.getMessage().getHeader(FORCE_HEADER, false, Boolean.class);
        log.info("Staging {} from {} for campaign {}", fileName, source, campaignId);
        InputStream content = exchange.getMessage().getMandatoryBody(InputStream.class);
        int poolBelow = exchange.getMessage().getHeader(POOL_BELOW_HEADER, pool.defaultBelow(), Integer.class);
        IntakeResult result = intake.accept(content, fileName, campaignId, source, force, false, poolBelow);
        exchange.getMessage().setHeader(IMPORT_ID_HEADER, result.launch().importId());
    }

    private static String campaignOf(Exchange exchange) {
        String campaign = exchange.getMessage().getHeader(CAMPAIGN_HEADER, String.class);
        if (campaign != null && !campaign.isBlank()) {
            return campaign;
        }
        String relativePath = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        if (relativePath == null || !relativePath.replace('\\', '/').contains("/")) {
            throw new ContactListRejectedException("cannot tell the campaign: put the list in a sub-folder named "
                    + "after the campaign ID (inbox/<campaign-id>/" + relativePath + ")");
        }
        return relativePath.replace('\\', '/').split("/")[0];
    }
}
