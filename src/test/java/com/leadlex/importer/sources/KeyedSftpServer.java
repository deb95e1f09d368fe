package com.leadlex.importer.sources;

import java.nio.file.Path;
import java.security.KeyPair;

/**
 * An in-process SFTP server that accepts one client key, with that key and a known_hosts line for
 * the server's own key written under the test's folder: what an SFTP source needs to log in with
 * host keys checked.
 */
record KeyedSftpServer(EmbeddedSftpServer server, Path privateKey, Path knownHosts) {

    static KeyedSftpServer start(Path workDir) {
        KeyPair clientKeys = EmbeddedSftpServer.newKeyPair("RSA", 2048);
        EmbeddedSftpServer server = new EmbeddedSftpServer(workDir.resolve("server"),
                EmbeddedSftpServer.newKeyPair("EC", 256), clientKeys.getPublic()).start(0);
        Path privateKey = EmbeddedSftpServer.writePrivateKey(clientKeys, workDir.resolve("keys/id_rsa"));
        Path knownHosts = EmbeddedSftpServer.writeString(workDir.resolve("keys/known_hosts"), server.knownHostsLine());
        return new KeyedSftpServer(server, privateKey, knownHosts);
    }
}
