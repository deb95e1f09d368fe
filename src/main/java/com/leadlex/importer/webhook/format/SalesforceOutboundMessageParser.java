package com.leadlex.importer.webhook.format;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import com.leadlex.importer.webhook.DeliveryIds;
import com.leadlex.importer.webhook.WebhookFormat;
import com.leadlex.importer.webhook.WebhookRefusedException;
import com.leadlex.importer.webhook.WebhookSource;

/**
 * Salesforce Outbound Messages: a SOAP {@code notifications} element (namespace
 * {@value #OUTBOUND_NS}) with {@code OrganizationId}, {@code ActionId} and up to 100
 * {@code Notification}s, each an {@code Id} and an {@code sObject} whose fields are elements named
 * after the fields ({@code sf:LeadLex_Id__c}; without it, the contact goes by {@code sf:Email}).
 * Salesforce tells listeners to track resends by the
 * notification IDs, so they name the delivery and each record in it (a resend may mix old and new ones). DTDs are refused: no entity tricks on an open port.
 */
@Component
public class SalesforceOutboundMessageParser implements WebhookPayloadParser {

    static final String OUTBOUND_NS = "http://soap.sforce.com/2005/09/outbound";
    private static final int MAX_NOTIFICATIONS = 100;

    @Override
    public WebhookFormat format() {
        return WebhookFormat.SALESFORCE_OUTBOUND;
    }

    @Override
    public ParsedPayload parse(byte[] body, WebhookSource source) {
        Element notifications = notificationsElement(readXml(body));
        String organizationId = childText(notifications, "OrganizationId");
        List<PayloadRecord> records = new ArrayList<>();
        List<String> notificationIds = new ArrayList<>();
        for (Element notification : children(notifications, "Notification")) {
            Element sObject = children(notification, "sObject").stream().findFirst().orElseThrow(
                    () -> WebhookRefusedException.malformed("a Notification has no sObject"));
            String id = childText(notification, "Id");
            notificationIds.add(id == null ? "" : id);
            String contactId = childText(sObject, source.idLocation());
            String email = childText(sObject, source.emailLocation());
            records.add(new PayloadRecord(contactId == null ? List.of() : List.of(contactId.split("[,;\\s]+")),
                    email == null ? List.of() : List.of(email),
                    source.campaignLocation() == null ? null : childText(sObject, source.campaignLocation()),
                    id == null ? null : "salesforce-notification:" + id));
        }
        if (records.isEmpty()) {
            throw WebhookRefusedException.malformed("the notifications element holds no Notification");
        }
        if (records.size() > MAX_NOTIFICATIONS) {
            throw WebhookRefusedException.malformed("more than " + MAX_NOTIFICATIONS + " Notification elements");
        }
        return new ParsedPayload(DeliveryIds.ofParts("salesforce", notificationIds), organizationId, records);
    }

    private static Document readXml(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(body));
        } catch (SAXException e) {
            throw WebhookRefusedException.malformed("the body is not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("cannot set up a safe XML parser", e);
        }
    }

    private static Element notificationsElement(Document document) {
        var found = document.getElementsByTagNameNS(OUTBOUND_NS, "notifications");
        if (found.getLength() != 1) {
            throw WebhookRefusedException.malformed("not a Salesforce outbound message: expected one notifications "
                    + "element in namespace " + OUTBOUND_NS);
        }
        return (Element) found.item(0);
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && localName.equals(element.getLocalName())) {
                children.add(element);
            }
        }
        return children;
    }

    private static String childText(Element parent, String localName) {
        return children(parent, localName).stream().findFirst().map(Element::getTextContent).map(String::strip)
                .filter(text -> !text.isEmpty()).orElse(null);
    }
}
