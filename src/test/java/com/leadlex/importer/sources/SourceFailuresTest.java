package com.leadlex.importer.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.UnknownHostException;

import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.junit.jupiter.api.Test;

import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SftpException;

/** Each way of failing to reach a source becomes one sentence naming the cause, not a stack trace. */
class SourceFailuresTest {

    @Test
    void everyKnownFailureIsNamedInWords() {
        assertThat(describe(new JSchException("Auth fail for methods 'publickey,password'")))
                .startsWith("login refused: wrong user name, key, passphrase or password");
        assertThat(describe(new JSchException("reject HostKey: [127.0.0.1]:2222")))
                .startsWith("host key REFUSED: the server is not in the known_hosts file");
        assertThat(describe(new ConnectException("Connection refused")))
                .startsWith("server unreachable");
        assertThat(describe(new UnknownHostException("sftp.nowhere.example")))
                .startsWith("server unknown");
        assertThat(describe(new SftpException(3, "Permission denied")))
                .startsWith("permission denied on the server");
        assertThat(describe(new JSchException("session is down"))).startsWith("connection lost");
    }

    @Test
    void anUnknownFailureKeepsItsRootCauseAndMessage() {
        assertThat(describe(new IllegalStateException("something odd"))).isEqualTo("IllegalStateException: something odd");
    }

    private static String describe(Exception root) {
        return SourceFailures.describe(new GenericFileOperationFailedException("Cannot connect to sftp://x", root));
    }
}
