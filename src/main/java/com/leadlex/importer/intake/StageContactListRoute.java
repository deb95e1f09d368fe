package com.leadlex.importer.intake;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code direct:stage-contact-list}, where every source route delivers its list. The logic is in
 * {@link CamelListIntake}; this only wires it.
 */
@Component
public class StageContactListRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:stage-contact-list";

    @Override
    public void configure() {
        from(ENDPOINT)
                .routeId("stage-contact-list")
                // failures travel back to the source route, whose staging-errors configuration reports them once
                .errorHandler(noErrorHandler())
                .bean(CamelListIntake.class, "stage");
    }
}
