package com.leadlex.importer.sandbox;

import static com.leadlex.importer.sandbox.SandboxHttp.randomIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.leadlex.importer.leadlex.HttpCall;
import com.leadlex.importer.leadlex.HttpReply;
import com.leadlex.importer.leadlex.LeadLexHttpClientConfigurer;
import com.leadlex.importer.leadlex.LeadLexTransport;
import com.leadlex.importer.leadlex.SendContactChunkRoute;
import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;

/**
 * A dropped connection reaches the importer's own HTTP client (the Camel route over Apache
 * HttpClient) as an I/O error, never as a parsed answer: before processing nothing is enrolled,
 * after processing the contacts are, and the next request on the same client is answered normally.
 */
class DroppedConnectionEndpointTest extends SandboxEndpointTestBase {

    private static final String KEY = "wbk_sandbox_unmetered";

    @Autowired
    LeadLexTransport importersTransport;

    @Autowired
    CamelContext camel;

    @Test
    void aConnectionDroppedBeforeProcessingIsAnIoErrorAndEnrollsNothing() {
        List<String> ids = randomIds(5);
        sandbox.failNext(1, ScriptedFault.dropBeforeProcessing());

        assertThatThrownBy(() -> importersTransport.send(call(ids)))
                .as("not a byte of answer, not even a status line").isInstanceOf(NoHttpResponseException.class);

        assertThat(sandbox.enrolledCount("cmp_demo")).isZero();
        assertThat(sandbox.processedCounts("cmp_demo")).isEqualTo(new SandboxCampaigns.ProcessedCounts(0, 0));
        ReceivedRequest logged = sandbox.receivedRequests().get(0);
        assertThat(logged.dropped()).isTrue();
        assertThat(logged.processed()).isFalse();
        assertThat(logged.firstContactId()).isEqualTo(ids.get(0));
    }

    @Test
    void aConnectionDroppedAfterProcessingIsAnIoErrorYetTheContactsAreEnrolled() throws IOException {
        List<String> ids = randomIds(5);
        sandbox.failNext(1, ScriptedFault.dropAfterProcessing());

        assertThatThrownBy(() -> importersTransport.send(call(ids)))
                .as("headers and half a body, then the connection closed").isInstanceOf(ConnectionClosedException.class)
                .hasMessageContaining("Content-Length");

        assertThat(sandbox.enrolledCount("cmp_demo")).isEqualTo(5);
        assertThat(sandbox.receivedRequests().get(0)).extracting(ReceivedRequest::dropped, ReceivedRequest::processed,
                ReceivedRequest::added, ReceivedRequest::skipped).containsExactly(true, true, 5, 0);

        HttpReply resent = importersTransport.send(call(ids));

        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.body()).contains("\"added\":0").contains("\"skipped\":5");
        assertThat(sandbox.processedCounts("cmp_demo")).isEqualTo(new SandboxCampaigns.ProcessedCounts(5, 5));
    }

    @Test
    void inTheApplicationTheLeadLexEndpointsComponentKeepsItsOwnSettings() {
        HttpComponent leadLex = camel.getComponent(SendContactChunkRoute.COMPONENT, HttpComponent.class);

        // camel-http-starter copies camel.component.http.* onto every HttpComponent as it is added
        assertThat(leadLex.getResponsePayloadStreamingThreshold())
                .isEqualTo(SendContactChunkRoute.ANSWERS_READ_WHOLE_UP_TO);
        assertThat(leadLex.getHttpClientConfigurer()).isInstanceOf(LeadLexHttpClientConfigurer.class);
    }

    @Test
    void randomDropsComeFromTheConfiguredRates() {
        SandboxFaults before = new SandboxFaults(new SandboxProperties(true, null, null, null, 0, 1.0, 0, null));
        SandboxFaults after = new SandboxFaults(new SandboxProperties(true, null, null, null, 0, 0, 1.0, null));

        assertThat(before.next()).hasValue(ScriptedFault.dropBeforeProcessing());
        assertThat(after.next()).hasValue(ScriptedFault.dropAfterProcessing());
        assertThatThrownBy(() -> new SandboxProperties(true, null, null, null, 0.5, 0.3, 0.3, null))
                .hasMessageContaining("at most 1.0");
    }

    private HttpCall call(List<String> ids) {
        String body = "{\"contact_ids\":[\"" + String.join("\",\"", ids) + "\"]}";
        return new HttpCall("http://127.0.0.1:" + port + "/sandbox/v1/campaigns/cmp_demo/contacts",
                Map.of("Authorization", "Bearer " + KEY, "Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
