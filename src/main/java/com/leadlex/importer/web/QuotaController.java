package com.leadlex.importer.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.leadlex.importer.leadlex.LeadLexLastSeen;
import com.leadlex.importer.leadlex.QuotaGateRegistry;
import com.leadlex.importer.leadlex.QuotaState;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The API key's quota and LeadLex's last answer, as the importer knows them: read from the quota
 * gate and the last response, never by calling LeadLex. The key appears masked only.
 */
@RestController
@Tag(name = "Quota", description = "The API key's quota and LeadLex as last seen")
public class QuotaController {

    private final QuotaGateRegistry gates;
    private final LeadLexLastSeen lastSeen;

    public QuotaController(QuotaGateRegistry gates, LeadLexLastSeen lastSeen) {
        this.gates = gates;
        this.lastSeen = lastSeen;
    }

    /** Quota of each configured key, and LeadLex's latest answer (null before the first request). */
    public record QuotaView(List<QuotaState> keys, LeadLexLastSeen.Sighting lastSeen) {
    }

    @Operation(summary = "Quota used and left per key (minute and UTC day windows, next resets) and LeadLex's last answer")
    @GetMapping("/api/quota")
    public QuotaView quota() {
        return new QuotaView(gates.configuredKeyState().stream().toList(), lastSeen.last());
    }
}
