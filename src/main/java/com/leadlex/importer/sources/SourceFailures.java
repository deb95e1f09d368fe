package com.leadlex.importer.sources;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchUnknownHostKeyException;
import com.jcraft.jsch.SftpException;

/**
 * Turns what went wrong reaching a source into one sentence an operator can act on: the server is
 * down, the credentials are wrong, the host key is not the one we trust, a move was refused. The
 * raw cause is appended, never a stack trace.
 */
public final class SourceFailures {

    private SourceFailures() {
    }

    public static String describe(Throwable failure) {
        Throwable root = rootOf(failure);
        String raw = root.getClass().getSimpleName() + ": " + root.getMessage();
        String message = String.valueOf(root.getMessage());
        if (root instanceof JSchChangedHostKeyException || message.contains("HostKey has been changed")) {
            return "host key REFUSED: the server presented a different key than known_hosts lists for it; "
                    + "nothing was read. If the server's key really changed, update known_hosts (" + raw + ")";
        }
        if (root instanceof JSchUnknownHostKeyException || message.startsWith("reject HostKey")
                || message.contains("UnknownHostKey")) {
            return "host key REFUSED: the server is not in the known_hosts file (or the file is missing); "
                    + "add its key there (ssh-keyscan) (" + raw + ")";
        }
        if (message.startsWith("Auth fail") || message.contains("Auth cancel")) {
            return "login refused: wrong user name, key, passphrase or password (" + raw + ")";
        }
        if (root instanceof ConnectException || root instanceof NoRouteToHostException
                || message.contains("Connection refused")) {
            return "server unreachable: nothing answers at the configured host and port (" + raw + ")";
        }
        if (root instanceof UnknownHostException) {
            return "server unknown: the host name does not resolve (" + raw + ")";
        }
        if (root instanceof SftpException sftp && sftp.id == 3) {
            return "permission denied on the server (" + raw + ")";
        }
        if (message.contains("session is down") || message.contains("Pipe closed")
                || message.contains("Connection reset") || message.contains("inputstream is closed")) {
            return "connection lost (" + raw + ")";
        }
        return raw;
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
