package com.leadlex.importer.system;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses operator actions (POST and the like) that a browser sends from another site's page.
 * Browsers attach cached basic-auth credentials, and reach an open 127.0.0.1 importer, whatever page
 * sends the request, but they always say where it came from in {@code Origin}: when that is not
 * this server, the answer is 403. Scripts (curl) send no {@code Origin} and are unaffected.
 */
class SameOriginFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (origin != null && !SAFE_METHODS.contains(request.getMethod()) && !sameOrigin(origin, request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN,
                    "Cross-site request refused: operator actions must come from this server's own pages or a script");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Compares with the server as the request addressed it (behind a proxy: as forwarded headers say, when honoured). */
    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return uri.getHost() != null && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && port == request.getServerPort();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
