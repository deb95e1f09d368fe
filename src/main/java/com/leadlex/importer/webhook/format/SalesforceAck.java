package com.leadlex.importer.webhook.format;

/**
 * The answer Salesforce requires to an outbound message: a SOAP {@code notificationsResponse}
 * with {@code Ack} true. Without it Salesforce considers the message undelivered and sends it
 * again, for up to 24 hours.
 */
public final class SalesforceAck {

    public static final String CONTENT_TYPE = "text/xml; charset=utf-8";

    public static final String BODY = """
            <?xml version="1.0" encoding="UTF-8"?>
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
              <soapenv:Body>
                <notificationsResponse xmlns="http://soap.sforce.com/2005/09/outbound">
                  <Ack>true</Ack>
                </notificationsResponse>
              </soapenv:Body>
            </soapenv:Envelope>
            """;

    private SalesforceAck() {
    }
}
