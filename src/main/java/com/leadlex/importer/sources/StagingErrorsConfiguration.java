package com.leadlex.importer.sources;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

import com.leadlex.importer.staging.ContactListRejectedException;

/**
 * Error handling for every source route, written once and referenced by id from each route under
 * {@code routes/} ({@code routeConfigurationId: staging-errors}): a list that cannot be staged gets
 * a short report beside it and one WARN line, not a stack trace, and the exchange stays failed so
 * the source moves the file to its failed folder. Unexpected errors are logged in full.
 */
@Component
public class StagingErrorsConfiguration extends RouteConfigurationBuilder {

    public static final String ID = "staging-errors";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(ContactListRejectedException.class)
                    .handled(false)
                    .logExhausted(false)
                    .bean("stagingFailureReport", "write")
                .end()
                .onException(Exception.class)
                    .handled(false)
                    .bean("stagingFailureReport", "write")
                .end();
    }
}
