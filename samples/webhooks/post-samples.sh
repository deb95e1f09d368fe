#!/usr/bin/env bash
# Signs each sample the way its CRM does and posts it to the running demo:
#   set -a; . samples/webhooks/demo.env; set +a
#   java -jar target/leadlex-importer.jar --spring.profiles.active=demo      (one shell)
#   samples/webhooks/post-samples.sh                                           (another, same env)
# Each call answers 202 with an event ID (Salesforce: its SOAP Ack); after importer.webhooks.max-wait
# (60 s) the IDs are imported into cmp_demo: curl -s localhost:8080/api/webhooks/events
set -euo pipefail

BASE_URL="${BASE_URL:-http://localhost:8080}"
DIR="$(cd "$(dirname "$0")" && pwd)"
: "${HUBSPOT_WEBHOOK_SECRET:?load samples/webhooks/demo.env first}"
: "${STANDARD_WEBHOOK_SECRET:?}" "${SIGNED_JSON_WEBHOOK_SECRET:?}" "${SALESFORCE_WEBHOOK_TOKEN:?}"
: "${PIPEDRIVE_WEBHOOK_USER:?}" "${PIPEDRIVE_WEBHOOK_PASSWORD:?}"

hmac_base64() { openssl dgst -sha256 -hmac "$1" -binary | base64 -w0; }

post() { # name, curl args...
  local name="$1" out; shift
  out="$(curl -sS -w '\n%{http_code}' "$@")"
  printf '%-16s HTTP %s  %s\n' "$name" "$(tail -n1 <<<"$out")" "$(head -n -1 <<<"$out" | tr -d '\n ' | cut -c1-120)"
}

# HubSpot signature v3: base64(HMAC-SHA256(client secret, method + URI + body + timestamp in ms))
hubspot() { # source, file
  local url="$BASE_URL/webhooks/$1" ts; ts="$(date +%s%3N)"
  local sig; sig="$({ printf 'POST%s' "$url"; cat "$DIR/$2"; printf '%s' "$ts"; } | hmac_base64 "$HUBSPOT_WEBHOOK_SECRET")"
  post "$1" -X POST "$url" -H 'Content-Type: application/json' -H "X-HubSpot-Request-Timestamp: $ts" \
    -H "X-HubSpot-Signature-v3: $sig" --data-binary "@$DIR/$2"
}
hubspot hubspot hubspot-workflow.json
hubspot hubspot-events hubspot-events.json

# Standard Webhooks: v1,base64(HMAC-SHA256(base64-decoded key after whsec_, id.timestamp.body))
id="msg_$(date +%s%N)"; ts="$(date +%s)"
key_hex="$(printf '%s' "${STANDARD_WEBHOOK_SECRET#whsec_}" | base64 -d | od -An -tx1 | tr -d ' \n')"
sig="$({ printf '%s.%s.' "$id" "$ts"; cat "$DIR/generic.json"; } | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key_hex" -binary | base64 -w0)"
post standard -X POST "$BASE_URL/webhooks/standard" -H 'Content-Type: application/json' \
  -H "webhook-id: $id" -H "webhook-timestamp: $ts" -H "webhook-signature: v1,$sig" --data-binary "@$DIR/generic.json"

# Plain body HMAC, as LeadLex signs its own webhooks: sha256=<hex of HMAC-SHA256(secret, body)>
sig="$(openssl dgst -sha256 -hmac "$SIGNED_JSON_WEBHOOK_SECRET" -hex < "$DIR/generic.json" | sed 's/^.*= //')"
post signed-json -X POST "$BASE_URL/webhooks/signed-json" -H 'Content-Type: application/json' \
  -H "X-Delivery-Id: sample-$(date +%s)" -H "X-LeadLex-Signature: sha256=$sig" --data-binary "@$DIR/generic.json"

# Salesforce outbound message: secret token in the path, organization ID checked against the allow-list
post salesforce -X POST "$BASE_URL/webhooks/salesforce/$SALESFORCE_WEBHOOK_TOKEN" \
  -H 'Content-Type: text/xml; charset=utf-8' -H 'SOAPAction: ""' --data-binary "@$DIR/salesforce-outbound.xml"

# Pipedrive webhooks v2: HTTP Basic with the webhook's http_auth_user / http_auth_password
post pipedrive -X POST "$BASE_URL/webhooks/pipedrive" -u "$PIPEDRIVE_WEBHOOK_USER:$PIPEDRIVE_WEBHOOK_PASSWORD" \
  -H 'Content-Type: application/json' --data-binary "@$DIR/pipedrive-v2.json"
