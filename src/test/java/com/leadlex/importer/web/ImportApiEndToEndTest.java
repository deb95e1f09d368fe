package com.leadlex.importer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import com.leadlex.importer.importjob.ImportIntegrationTest;
import com.leadlex.importer.ledger.ImportRecord;

/** The read API over real HTTP: list, detail and the chunk ledger of imports. */
class ImportApiEndToEndTest extends ImportIntegrationTest {

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void listsImportsNewestFirstAndShowsOneWithItsLedger() throws Exception {
        sandbox.createCampaign("cmp_api");
        ImportRecord older = importNow(csvList("older.csv", newIds(10)), "cmp_api", false);
        ImportRecord newer = importNow(csvList("newer.csv", newIds(1_001)), "cmp_api", false);

        HttpResponse<String> list = get("/api/imports");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body().indexOf("\"id\":" + newer.id())).isLessThan(list.body().indexOf("\"id\":" + older.id()));

        HttpResponse<String> detail = get("/api/imports/" + newer.id());
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("\"status\":\"COMPLETED\"", "\"campaignId\":\"cmp_api\"",
                "\"fileName\":\"newer.csv\"", "\"added\":1001", "\"chunksDone\":3", "\"chunksTotal\":3",
                "\"requests\":3", "\"resumeAt\":null");

        HttpResponse<String> ledger = get("/api/imports/" + newer.id() + "/chunks");
        assertThat(ledger.statusCode()).isEqualTo(200);
        assertThat(ledger.body()).contains("\"chunkNumber\":1", "\"chunkNumber\":3", "\"idCount\":1",
                "\"status\":\"sent\"", "\"requestId\":\"req_");
    }

    @Test
    void anUnknownImportIs404() throws Exception {
        assertThat(get("/api/imports/987654").statusCode()).isEqualTo(404);
        assertThat(get("/api/imports/987654/chunks").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
