package com.leadlex.importer.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * An SMTP server that accepts the connection and then says nothing must not hold the dispatcher (and
 * the message's outbox claim) forever: the send fails within {@code send-timeout}, and the outbox
 * retries it later. A timeout set in {@code spring.mail.properties} stands.
 */
class EmailNotificationChannelTest {

    private static final OutboxMessage MESSAGE = new OutboxMessage(1, "import:1:execution:1:FAILED", "email",
            "import_failed", "Import 1 failed", "It failed", "{}", "SENDING", 0, Instant.EPOCH, null, Instant.EPOCH,
            null);

    @Test
    void aServerThatNeverGreetsFailsTheSendWithinTheSendTimeout() throws Exception {
        // the kernel completes the connection (backlog); nobody ever accepts it or writes the SMTP greeting
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(silent.getLocalPort());
            EmailNotificationChannel channel = channel(sender, Duration.ofMillis(300));

            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(() -> channel.send(MESSAGE))
                    .isInstanceOf(MailException.class));
        }
    }

    @Test
    void timeoutsSetInSpringMailPropertiesStand() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.getJavaMailProperties().setProperty("mail.smtp.timeout", "60000");

        channel(sender, Duration.ofSeconds(10));

        assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtp.timeout", "60000")
                .containsEntry("mail.smtp.connectiontimeout", "10000").containsEntry("mail.smtp.writetimeout", "10000");
    }

    private static EmailNotificationChannel channel(JavaMailSenderImpl sender, Duration sendTimeout) {
        NotificationProperties properties = new NotificationProperties(null,
                new NotificationProperties.Email(List.of("ops@example.com"), "importer@example.com"),
                Duration.ofSeconds(2), 5, Duration.ofSeconds(30), sendTimeout);
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mailSender", sender));
        return new EmailNotificationChannel(properties, beans.getBeanProvider(JavaMailSender.class));
    }
}
