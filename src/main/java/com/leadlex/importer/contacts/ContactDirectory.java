package com.leadlex.importer.contacts;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.leadlex.importer.leadlex.FoundContact;
import com.leadlex.importer.leadlex.LeadLexContactsClient;
import com.leadlex.importer.leadlex.LeadLexError;
import com.leadlex.importer.leadlex.LeadLexException;
import com.leadlex.importer.leadlex.LeadLexProperties;
import com.leadlex.importer.staging.EmailAddresses;
import com.leadlex.importer.system.InstanceIdentity;
import com.leadlex.importer.system.Sleeper;

/**
 * The directory of the configured key's workspace: normalized address → contact ID, in the database,
 * so every import and every node shares what one export brought. Look-ups read the table only; a
 * caller that found addresses missing asks for a {@link #refresh(Instant)} and looks again.
 */
@Component
public class ContactDirectory {

    private final ContactDirectoryRepository repository;
    private final LeadLexProperties leadLex;
    private final Clock clock;
    private final DirectoryRefresh refresh;

    @Autowired
    public ContactDirectory(ContactDirectoryRepository repository, LeadLexContactsClient client,
            ContactsProperties properties, LeadLexProperties leadLex, InstanceIdentity identity, Clock clock,
            Sleeper sleeper) {
        this(repository, client, properties, leadLex, identity.id(), clock, sleeper);
    }

    /** A directory acting as the node {@code owner}: two of them on one database are two nodes. */
    public ContactDirectory(ContactDirectoryRepository repository, LeadLexContactsClient client,
            ContactsProperties properties, LeadLexProperties leadLex, String owner, Clock clock, Sleeper sleeper) {
        this.repository = repository;
        this.leadLex = leadLex;
        this.clock = clock;
        this.refresh = new DirectoryRefresh(repository, client, properties, leadLex.maxWait(), clock, sleeper, owner);
    }

    /** The entries the directory has for {@code emails} (normalized), by address; a look-up costs no request. */
    public Map<String, DirectoryEntry> lookUp(Collection<String> emails) {
        return repository.find(key().hash(), emails);
    }

    /**
     * Makes sure the directory holds every contact LeadLex had at {@code neededSince}: nothing to do when
     * a refresh started since (here or on another node), else one incremental export (or a few).
     *
     * @throws DirectoryRefreshDeferredException when that cannot happen within {@code leadlex.max-wait}
     * @throws LeadLexException                  when the export failed for good (403 without contacts:read...)
     * @throws com.leadlex.importer.leadlex.QuotaExhaustedException when the key's quota is used up for longer
     */
    public RefreshResult refresh(Instant neededSince) {
        return refresh.refresh(key(), neededSince);
    }

    /** Remembers contacts learnt otherwise than by the export (created by the importer, found by a search). */
    public void remember(Collection<FoundContact> contacts, DirectorySource source) {
        Instant now = clock.instant();
        List<DirectoryEntry> entries = contacts.stream()
                .map(contact -> new DirectoryEntry(EmailAddresses.normalize(contact.email()), contact.id(), source,
                        null, now))
                .toList();
        repository.save(key().hash(), entries);
    }

    /** Where the refreshes of the configured key's directory stand. */
    public DirectoryState state() {
        return repository.state(key().hash());
    }

    /** Addresses the directory of the configured key holds. */
    public int size() {
        return repository.count(key().hash());
    }

    private DirectoryKey key() {
        String apiKey = leadLex.apiKey();
        if (apiKey == null) {
            throw new LeadLexException(LeadLexError.INVALID_KEY, 0, "LEADLEX_API_KEY is not set. "
                    + LeadLexError.INVALID_KEY.action(), null, 0, null);
        }
        return DirectoryKey.of(apiKey);
    }
}
