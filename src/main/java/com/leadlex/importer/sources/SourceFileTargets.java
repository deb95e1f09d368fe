package com.leadlex.importer.sources;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.spi.IdempotentRepository;
import org.springframework.stereotype.Component;

import com.leadlex.importer.intake.CamelListIntake;

/**
 * Where a folder source's list goes once taken: {@code done/} beside where it was found when it is
 * staged, {@code failed/} when it is not, under a free name ({@link FreeFileNames}), so nothing in
 * either folder is ever overwritten. The folder template's {@code move} and {@code moveFailed}
 * options ask it ({@code ${bean:sourceFileTargets?method=done}}).
 * <p>
 * It also remembers, for a while, which list each import came from and where it went, because an
 * import fails after its list was moved to done/ (a 404 for a campaign LeadLex does not know):
 * {@link FailedImportLists} then takes the list to failed/. When the import fails before the move
 * (it can, by milliseconds), the list goes straight to failed/ here, with its report.
 */
@Component("sourceFileTargets")
public class SourceFileTargets {

    /** The exchange property holding the failed/ path a rejected list was given (its report is named after it). */
    static final String FAILED_TARGET = "LeadLexFailedTarget";
    private static final int REMEMBERED = 1_000;

    /** A list that went to done/ for an import, and what it takes to let the same file be taken again. */
    record Placement(String routeId, String campaignId, String fileName, Path file, String fileKey,
            IdempotentRepository takenFiles) {
    }

    private final Map<Long, Placement> placedByImport = bounded();
    private final Map<Long, String> failedBeforePlaced = bounded();
    private final StagingFailureReport report;

    public SourceFileTargets(StagingFailureReport report) {
        this.report = report;
    }

    /** The {@code move} target of a staged list: done/, or failed/ when its import has failed already. */
    public String done(Exchange exchange) {
        Path parent = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PARENT, String.class));
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Long importId = exchange.getMessage().getHeader(CamelListIntake.IMPORT_ID_HEADER, Long.class);
        synchronized (this) {
            String failure = importId == null ? null : failedBeforePlaced.remove(importId);
            Path target = FreeFileNames.in(parent.resolve(failure == null ? "done" : "failed"), name);
            Placement placement = placement(exchange, name, target);
            if (failure != null) {
                report.importFailed(placement, importId, failure);
            } else if (importId != null) {
                placedByImport.put(importId, placement);
            }
            return target.toString();
        }
    }

    /** The {@code moveFailed} target of a list that could not be staged; its report was named after it. */
    public String failed(Exchange exchange) {
        String chosen = exchange.getProperty(FAILED_TARGET, String.class);
        if (chosen != null) {
            return chosen;
        }
        Path parent = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PARENT, String.class));
        return FreeFileNames.in(parent.resolve("failed"),
                exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class)).toString();
    }

    /**
     * Where the list of a failed import went, if it went to done/ here; else remembers the failure so
     * that the list, still on its way, goes to failed/ instead.
     */
    synchronized Optional<Placement> importFailed(long importId, String reason) {
        Placement placement = placedByImport.remove(importId);
        if (placement == null) {
            failedBeforePlaced.put(importId, reason);
        }
        return Optional.ofNullable(placement);
    }

    private static Placement placement(Exchange exchange, String name, Path target) {
        String routeId = exchange.getFromRouteId();
        String campaignId = StagingFailureReport.campaignOf(exchange);
        String key = null;
        IdempotentRepository takenFiles = null;
        if (exchange.getFromEndpoint() instanceof GenericFileEndpoint<?> endpoint && endpoint.getIdempotentKey() != null) {
            key = endpoint.getIdempotentKey().evaluate(exchange, String.class);
            takenFiles = endpoint.getIdempotentRepository();
        }
        return new Placement(routeId, campaignId, name, target, key, takenFiles);
    }

    private static <V> Map<Long, V> bounded() {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
                return size() > REMEMBERED;
            }
        };
    }
}
