package com.leadlex.importer.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pieces whose correctness the end-to-end tests exercise only indirectly. */
class StagingInternalsTest {

    @Test
    void parsesUuidsInEitherCaseAndNothingElse() {
        assertThat(ContactIdValidator.parseOrNull(" 6F9619FF-8b86-D011-B42D-00C04FC964FF\t"))
                .hasToString("6f9619ff-8b86-d011-b42d-00c04fc964ff");
        assertThat(ContactIdValidator.parseOrNull("00000000-0000-0000-0000-000000000000")).isNotNull();
        for (String bad : new String[] {"6f9619ff8b86d011b42d00c04fc964ff", "{6f9619ff-8b86-d011-b42d-00c04fc964ff}",
                "6f9619ff-8b86-d011-b42d-00c04fc964fg", "6f9619ff-8b86-d011-b42d+00c04fc964ff",
                "6f9619ff-8b86-d011-b42d-00c04fc964f", "1-2-3-4-5", "६f9619ff-8b86-d011-b42d-00c04fc964ff"}) {
            assertThat(ContactIdValidator.parseOrNull(bad)).as(bad).isNull();
            assertThat(ContactIdValidator.rejectionReason(bad)).isEqualTo("not a UUID");
        }
        assertThat(ContactIdValidator.rejectionReason(" \t")).isEqualTo("empty contact ID");
    }

    @Test
    void formatsIdsLikeJavaUuid() {
        Random random = new Random(3);
        for (int i = 0; i < 1000; i++) {
            UUID uuid = new UUID(random.nextLong(), random.nextLong());
            assertThat(new ContactId(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits()))
                    .hasToString(uuid.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"C0AF", "C1BF", "80", "E080AF", "EDA080", "F08280AF", "F4908080", "F5808080", "FF", "E282"})
    void refusesMalformedUtf8(String hex) {
        byte[] bytes = HexFormat.of().parseHex("41" + hex + "0A");

        assertThatThrownBy(() -> new Utf8CheckingInputStream(new ByteArrayInputStream(bytes)).readAllBytes())
                .isInstanceOf(ContactListRejectedException.class).hasMessageContaining("line 1");
    }

    @Test
    void passesWellFormedUtf8Through() throws Exception {
        byte[] bytes = "Zoë € 😀 \uD55C\r\n\u00ff".getBytes(StandardCharsets.UTF_8);

        assertThat(new Utf8CheckingInputStream(new ByteArrayInputStream(bytes)).readAllBytes()).isEqualTo(bytes);
    }

    @Test
    void truncatesLongRejectedValuesWithoutSplittingCharacters() {
        String value = "😀".repeat(100);

        String truncated = RejectsCsvWriter.truncate(value);

        assertThat(truncated).endsWith("(200 characters)").hasSizeLessThanOrEqualTo(RejectsCsvWriter.MAX_VALUE);
        assertThat(truncated.codePoints().filter(cp -> Character.getType(cp) == Character.SURROGATE).count()).isZero();
    }
}
