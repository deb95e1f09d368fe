package com.leadlex.importer.notify;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the message as a plain-text e-mail to {@code importer.notifications.email.to} through the
 * SMTP server of Spring's {@code spring.mail.*} (no {@code spring.mail.host}: no mail sender, so
 * the channel counts as not configured).
 */
@Component
class EmailNotificationChannel implements NotificationChannel {

    private final NotificationProperties properties;
    private final ObjectProvider<JavaMailSender> mailSender;

    EmailNotificationChannel(NotificationProperties properties, ObjectProvider<JavaMailSender> mailSender) {
        this.properties = properties;
        this.mailSender = mailSender;
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
