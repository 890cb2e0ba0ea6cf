#!/bin/sh
# The Countersign flow with curl: an agent proposes, waits without polling, a reviewer approves
# with an edit, the agent reads what it may do.
#
#   COUNTERSIGN_SERVER=http://127.0.0.1:8470 AGENT_TOKEN=... REVIEWER_TOKEN=... ./submit.sh
#
# Tokens come from `countersign-server token create --role agent --name bot` (the last line
# of its output) or from demo-tokens.json when the server runs with --demo.
set -eu

SERVER=${COUNTERSIGN_SERVER:-http://127.0.0.1:8470}
: "${AGENT_TOKEN:?set AGENT_TOKEN}"
: "${REVIEWER_TOKEN:?set REVIEWER_TOKEN}"

json_field() { # json_field NAME < json: the first "NAME":"value" string
    sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" | head -n 1
}

echo "== the agent proposes (the policy decides the tier)"
action=$(curl -sS --fail-with-body -X POST "$SERVER/v1/actions" \
    -H "Authorization: Bearer $AGENT_TOKEN" -H 'Content-Type: application/json' \
    -d '{
          "type": "email.send_external",
          "title": "Reply to Ada about order 4711",
          "payload": {"content": "Hi Ada,\n\nyour parcel ships today.\n", "language": "email"},
          "reasoning": "The customer asked twice for an update.",
          "context": {"ticket": "SUP-4711", "recipient": "ada@example.com"},
          "confidence": 0.82,
          "idempotency_key": "sup-4711-reply-1"
        }')
echo "$action"
id=$(echo "$action" | json_field id)

echo "== the agent waits for the decision (long poll, up to 55 s per request)"
curl -sS "$SERVER/v1/actions/$id?wait=55" -H "Authorization: Bearer $AGENT_TOKEN" > /tmp/countersign-wait.$$ &
waiter=$!

echo "== a reviewer sees it in the queue, claims it and approves it with an edit"
curl -sS "$SERVER/v1/actions?state=pending&sort=deadline&limit=5" -H "Authorization: Bearer $REVIEWER_TOKEN"
echo
curl -sS --fail-with-body -X POST "$SERVER/v1/actions/$id/claim" -H "Authorization: Bearer $REVIEWER_TOKEN"
echo
curl -sS --fail-with-body -X POST "$SERVER/v1/actions/$id/decision" \
    -H "Authorization: Bearer $REVIEWER_TOKEN" -H 'Content-Type: application/json' \
    -d '{"outcome": "modify", "payload": {"content": "Hi Ada,\n\nyour parcel ships today; tracking follows.\n", "language": "email"}}'
echo

wait "$waiter"
echo "== the agent is woken with the final action; it may run final_payload"
cat /tmp/countersign-wait.$$
echo
rm -f /tmp/countersign-wait.$$
