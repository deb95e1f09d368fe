package com.leadlex.importer.sources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server (Apache MINA SSHD) on 127.0.0.1, serving one folder, accepting one user with
 * one public key, presenting a host key of its own. Tests generate every key at run time and can
 * stop it, start it again on the same port, or make it refuse moves ("permission denied").
 */
final class EmbeddedSftpServer implements AutoCloseable {

    static final String USER = "leadlex";

    private final Path root;
    private final KeyPair hostKey;
    private final PublicKey clientKey;
    private volatile boolean refuseMoves;
    private volatile String password;
    private SshServer server;
    private int port;

    EmbeddedSftpServer(Path root, KeyPair hostKey, PublicKey clientKey) {
        this.root = root;
        this.hostKey = hostKey;
        this.clientKey = clientKey;
    }

    static KeyPair newKeyPair(String algorithm, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(size);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the client's private key as PKCS#8 PEM, which JSch reads. */
    static Path writePrivateKey(KeyPair clientKeys, Path file) {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(clientKeys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return writeString(file, pem);
    }

    /** Starts on {@code port}, or on a free port when 0. */
    EmbeddedSftpServer start(int wantedPort) {
        try {
            Files.createDirectories(root);
            server = SshServer.setUpDefaultServer();
            server.setHost("127.0.0.1");
            server.setPort(wantedPort);
            server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
            server.setPublickeyAuthenticator((user, key, session) -> USER.equals(user)
                    && KeyUtils.compareKeys(key, clientKey));
            server.setPasswordAuthenticator((user, given, session) -> USER.equals(user) && password != null
                    && password.equals(given));
            SftpSubsystemFactory sftp = new SftpSubsystemFactory();
            sftp.addSftpEventListener(new SftpEventListener() {
                @Override
                public void moving(ServerSession session, Path source, Path destination, Collection<CopyOption> options)
                        throws IOException {
                    if (refuseMoves) {
                        throw new AccessDeniedException(source.toString(), destination.toString(), "moves refused");
                    }
                }
            });
            server.setSubsystemFactories(List.of(sftp));
            server.setFileSystemFactory(new VirtualFileSystemFactory(root));
            server.start();
            port = server.getPort();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stop() {
        try {
            if (server != null) {
                server.stop(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    int port() {
        return port;
    }

    Path root() {
        return root;
    }

    /** Also accepts this password for {@link #USER}; without it, only the key is accepted. */
    void acceptPassword(String accepted) {
        this.password = accepted;
    }

    void refuseMoves(boolean refuse) {
        this.refuseMoves = refuse;
    }

    /** The known_hosts line that pins this server's host key at its address. */
    String knownHostsLine() {
        return "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(hostKey.getPublic()) + "\n";
    }

    /** Places a complete file on the server (written beside it, then renamed into place). */
    Path put(String relativePath, String content) {
        Path target = root.resolve(relativePath);
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.writeString(target.resolveSibling("." + target.getFileName() + ".uploading"),
                    content, StandardCharsets.UTF_8);
            return Files.move(partial, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path writeString(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
