package com.leadlex.importer.contacts;

import com.leadlex.importer.leadlex.ApiKeyHash;
import com.leadlex.importer.leadlex.ApiKeyMask;

/** Which directory: the key's workspace, named by the key's SHA-256, shown masked. */
record DirectoryKey(String hash, String mask) {

    static DirectoryKey of(String apiKey) {
        return new DirectoryKey(ApiKeyHash.of(apiKey), ApiKeyMask.mask(apiKey));
    }
}
