package com.leadlex.importer.notify;

import java.util.Properties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends the message as a plain-text e-mail to {@code importer.notifications.email.to} through the
 * SMTP server of Spring's {@code spring.mail.*} (no {@code spring.mail.host}: no mail sender, so
 * the channel counts as not configured). JavaMail waits forever for a silent server by default, so
 * connecting, reading and writing are bounded by {@code send-timeout} unless {@code spring.mail.properties}
 * say otherwise: a send must end well within the outbox claim (three send timeouts), or another node
 * would take the message over while this one may still deliver it.
 */
@Component
class EmailNotificationChannel implements NotificationChannel {

    private final NotificationProperties properties;
    private final ObjectProvider<JavaMailSender> mailSender;

    EmailNotificationChannel(NotificationProperties properties, ObjectProvider<JavaMailSender> mailSender) {
        this.properties = properties;
        this.mailSender = mailSender;
        mailSender.ifAvailable(sender -> boundTimeouts(sender, properties));
    }

    private static void boundTimeouts(JavaMailSender sender, NotificationProperties properties) {
        if (sender instanceof JavaMailSenderImpl impl) {
            Properties mail = new Properties();
            mail.putAll(impl.getJavaMailProperties());
            String millis = Long.toString(properties.sendTimeout().toMillis());
            for (String protocol : new String[] {"smtp", "smtps"}) {
                for (String timeout : new String[] {"connectiontimeout", "timeout", "writetimeout"}) {
                    mail.putIfAbsent("mail." + protocol + "." + timeout, millis);
                }
            }
            impl.setJavaMailProperties(mail);
        }
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public boolean configured() {
        return properties.emailConfigured() && mailSender.getIfAvailable() != null;
    }

    @Override
    public void send(OutboxMessage message) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(properties.email().from());
        mail.setTo(properties.email().to().stream().filter(to -> !to.isBlank()).toArray(String[]::new));
        mail.setSubject("[LeadLex Importer] " + message.subject());
        mail.setText(message.text() + "\n\n" + message.payload() + "\n");
        mailSender.getObject().send(mail);
    }
}
