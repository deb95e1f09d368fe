package com.leadlex.importer.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.leadlex.importer.staging.ContactListRejectedException;

/** Sources whose lists name their campaign in a column: one campaign per list, or a clear refusal. */
class CampaignColumnReaderTest {

    private final CampaignColumnReader reader = new CampaignColumnReader();

    @TempDir
    Path dir;

    @Test
    void theCampaignIsTheOneValueOfTheColumnAndTheBodyCanStillBeRead() throws IOException {
        Exchange exchange = exchangeFor(write("list.csv", "contact_id;Campaign\nid-1;cmp_a\nid-2;cmp_a\n;\n"));

        assertThat(reader.campaignOf(exchange, "campaign")).isEqualTo("cmp_a");
        assertThat(exchange.getMessage().getBody(String.class)).startsWith("contact_id;Campaign");
    }

    @Test
    void gzippedListsAreReadToo() throws IOException {
        Path file = dir.resolve("list.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("contact_id,campaign\nid-1,cmp_gz\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(reader.campaignOf(exchangeFor(file), "campaign")).isEqualTo("cmp_gz");
    }

    @Test
    void aListNamingSeveralCampaignsOrNoneOrWithoutTheColumnIsRefused() throws IOException {
        assertThatThrownBy(() -> reader.campaignOf(exchangeFor(write("two.csv", "contact_id,campaign\n1,a\n2,b\n")),
                "campaign")).isInstanceOf(ContactListRejectedException.class).hasMessageContaining("2 campaigns [a, b]");
        assertThatThrownBy(() -> reader.campaignOf(exchangeFor(write("none.csv", "contact_id,campaign\n1,\n")),
                "campaign")).isInstanceOf(ContactListRejectedException.class).hasMessageContaining("no campaign");
        assertThatThrownBy(() -> reader.campaignOf(exchangeFor(write("nocol.csv", "contact_id\n1\n")), "campaign"))
                .isInstanceOf(ContactListRejectedException.class).hasMessageContaining("no 'campaign' column");
        assertThatThrownBy(() -> reader.campaignOf(exchangeFor(write("list.json", "[]")), "campaign"))
                .isInstanceOf(ContactListRejectedException.class).hasMessageContaining("only CSV lists");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static Exchange exchangeFor(Path file) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader(Exchange.FILE_NAME_ONLY, file.getFileName().toString());
        exchange.getMessage().setBody(file.toFile());
        return exchange;
    }
}
