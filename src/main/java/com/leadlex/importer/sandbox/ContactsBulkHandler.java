package com.leadlex.importer.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.leadlex.importer.sandbox.BulkContactsBodyReader.BulkBody;
import com.leadlex.importer.sandbox.ContactEndpointFlow.Outcome;
import com.leadlex.importer.sandbox.ContactRequestLog.Endpoint;
import com.leadlex.importer.sandbox.SandboxAdmission.Admission;

/**
 * {@code POST /sandbox/v1/contacts/bulk}: creates up to 500 contacts, answering 201 with
 * {@code data.created} and {@code data.contacts[]} ({@code id}, {@code full_name}, {@code email}) for
 * those it created. An address the workspace already has (any case, surrounding spaces ignored), or
 * that repeats within the request, is skipped silently: it is neither created nor returned, which
 * is the case LeadLex's docs leave open and clients must survive. Needs {@code contacts:write}.
 */
class ContactsBulkHandler {

    private final ContactEndpointFlow flow;
    private final SandboxContacts contacts;
    private final BulkContactsBodyReader bodyReader;

    ContactsBulkHandler(ContactEndpointFlow flow, SandboxContacts contacts, BulkContactsBodyReader bodyReader) {
        this.flow = flow;
        this.contacts = contacts;
        this.bodyReader = bodyReader;
    }

    ServerResponse create(ServerRequest request) throws InterruptedException {
        BulkBody body = bodyReader.read(readBody(request));
        return flow.handle(request, Endpoint.BULK_CREATE, SandboxProperties.Key::canWriteContacts,
                SandboxError.lacksPermission(SandboxProperties.WRITE_CONTACTS_PERMISSION),
                (admitted, now) -> create(body, admitted, now));
    }

    private Outcome create(BulkBody body, Admission admitted, Instant now) {
        if (body.error() != null) {
            return new Outcome(SandboxAnswer.error(body.error()).rateLimit(admitted.quota()), body.count(), 0);
        }
        List<SandboxContact> created = contacts.create(body.contacts(), now);
        CreatedResponse answer = new CreatedResponse(new Data(created.size(),
                created.stream().map(c -> new CreatedContact(c.id().toString(), c.fullName(), c.email())).toList()));
        return new Outcome(SandboxAnswer.json(201, answer).rateLimit(admitted.quota()), body.count(), created.size());
    }

    private static byte[] readBody(ServerRequest request) {
        try {
            return request.servletRequest().getInputStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the request body", e);
        }
    }

    record CreatedResponse(Data data) {
    }

    record Data(int created, List<CreatedContact> contacts) {
    }

    record CreatedContact(String id, @JsonProperty("full_name") String fullName, String email) {
    }
}
