package com.leadlex.importer.staging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What counts as an e-mail address, how it is normalized, and the key it travels with. */
class EmailAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.com", "ada.lovelace+crm@mail.example.co.uk", "o'brien@example.ie",
        "user_1-x@sub-domain.example.org", "jürgen@müller.de", "a@b.io", "x!#$%&*/=?^`{|}~@example.com"})
    void acceptsAddressesMailSystemsAccept(String address) {
        assertThat(EmailAddresses.isValid(EmailAddresses.normalize(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ada", "ada@", "@example.com", "ada@example", "ada@@example.com", "a@b@example.com",
        ".ada@example.com", "ada.@example.com", "ad..a@example.com", "ada lovelace@example.com", "ada@exa mple.com",
        "ada@-example.com", "ada@example-.com", "ada@example..com", "ada@127.0.0.1", "ada@[127.0.0.1]",
        "\"ada\"@example.com", "ada@example.c_m"})
    void refusesWhatIsNotAnAddress(String address) {
        assertThat(EmailAddresses.isValid(EmailAddresses.normalize(address))).isFalse();
    }

    @Test
    void refusesAnOverlongLocalPartOrAddress() {
        assertThat(EmailAddresses.isValid("a".repeat(64) + "@example.com")).isTrue();
        assertThat(EmailAddresses.isValid("a".repeat(65) + "@example.com")).isFalse();
        assertThat(EmailAddresses.isValid("a@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + "."
                + "e".repeat(63))).isFalse();
    }

    @Test
    void normalizesByTrimmingAndLowerCasing() {
        assertThat(EmailAddresses.normalize("  Ada@Example.COM\t")).isEqualTo("ada@example.com");
        assertThat(EmailAddresses.normalize("İNFO@EXAMPLE.COM")).as("locale-independent").startsWith("i̇nfo@");
    }

    @Test
    void keysAreDeterministicVersion8UuidsOnePerAddress() {
        UUID ada = EmailKeys.of("ada@example.com");

        assertThat(EmailKeys.of("ada@example.com")).isEqualTo(ada);
        assertThat(EmailKeys.of("grace@example.com")).isNotEqualTo(ada);
        assertThat(ada.version()).isEqualTo(8);
        assertThat(ada.variant()).isEqualTo(2);
    }
}
