package com.leadlex.importer.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The API description's title, version and the two ways an operator authenticates (a bearer token,
 * single or named, and HTTP basic), so that /v3/api-docs and Swagger UI say what a caller must send.
 * The tags are on the controllers, one per feature.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String BEARER = "operatorToken";
    static final String BASIC = "operatorBasic";

    @Bean
    OpenAPI importerOpenApi() {
        String version = OpenApiConfiguration.class.getPackage().getImplementationVersion();
        return new OpenAPI()
                .info(new Info().title("LeadLex Importer API").version(version == null ? "development" : version)
                        .description("Imports, their ledger and files, rejected files, sources, quota and audit. "
                                + "Every endpoint needs an operator's credentials when any are configured."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("IMPORTER_SECURITY_TOKEN or a named IMPORTER_SECURITY_TOKENS_<NAME>"))
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("IMPORTER_SECURITY_USER / IMPORTER_SECURITY_PASSWORD")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }
}
