package com.leadlex.importer.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is calling, for the audit: the basic-auth user, {@code token} or {@code token:<name>} for a
 * bearer token, or {@code local (no credentials configured)} when the importer asks for none.
 */
@Component
public class CurrentOperator {

    static final String LOCAL = "local (no credentials configured)";

    public String name() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return LOCAL;
        }
        return authentication.getName();
    }
}
