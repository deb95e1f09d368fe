package com.leadlex.importer.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.leadlex.importer.intake.ImporterStartingException;
import com.leadlex.importer.staging.ContactListRejectedException;

/**
 * A web slice (no database, no Camel): how the API answers the two ways intake turns a list away.
 * The controller below is the test's own, so the mapping is checked without standing up an import.
 */
@WebMvcTest(controllers = ApiErrorsTest.RefusingController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({ApiErrors.class, ApiErrorsTest.RefusingController.class})
class ApiErrorsTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void anUnusableListIs400WithTheReasonInWords() {
        MvcTestResult result = mvc.get().uri("/test/rejected").exchange();

        assertThat(result).hasStatus(400);
        assertThat(result).bodyText().contains("List not accepted").contains("no contact_id column");
    }

    @Test
    void aListSentWhileTheImporterStartsIs503WithRetryAfter() {
        MvcTestResult result = mvc.get().uri("/test/starting").exchange();

        assertThat(result).hasStatus(503);
        assertThat(result).headers().hasValue("Retry-After", "5");
        assertThat(result).bodyText().contains("still starting");
    }

    @RestController
    static class RefusingController {

        @GetMapping("/test/rejected")
        String rejected() {
            throw new ContactListRejectedException("no contact_id column in list.csv");
        }

        @GetMapping("/test/starting")
        String starting() {
            throw new ImporterStartingException();
        }
    }
}
