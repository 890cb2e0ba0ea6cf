#!/usr/bin/env python3
"""A minimal Countersign agent, standard library only.

It proposes an action, waits (long poll, no busy polling) for a human to countersign it, and
applies what was approved - the reviewer's edited payload if they modified it.

    python3 agent.py --server http://127.0.0.1:8470 --token "$AGENT_TOKEN" \
        --type email.send_external --title "Reply to Ada" --content "Hello Ada, ..." \
        --language email --apply-to outbox.txt

Exit status: 0 approved (and applied), 1 rejected, 2 expired or withdrawn, 3 error.
"""

import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.request
import uuid

RETRYABLE = {429, 502, 503, 504}


class ServerError(Exception):
    pass


def request(server, token, method, path, body=None, timeout=70, attempts=6):
    """One API call with retries for what is worth retrying (429/503, no connection).

    Submits carry an idempotency key, so repeating one after a lost answer is safe."""
    data = None if body is None else json.dumps(body).encode("utf-8")
    for attempt in range(1, attempts + 1):
        req = urllib.request.Request(server.rstrip("/") + path, data=data, method=method)
        req.add_header("Authorization", "Bearer " + token)
        req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as reply:
                return reply.status, json.loads(reply.read().decode("utf-8"))
        except urllib.error.HTTPError as e:
            payload = e.read().decode("utf-8", "replace")
            if e.code not in RETRYABLE or attempt == attempts:
                try:
                    err = json.loads(payload)["error"]
                    detail = "%s: %s" % (err.get("code"), err.get("message"))
                    if err.get("field"):
                        detail += " (field %s)" % err["field"]
                except (ValueError, KeyError, TypeError):
                    detail = payload
                raise ServerError("%s %s -> HTTP %d %s" % (method, path, e.code, detail))
            delay = int(e.headers.get("Retry-After") or 2 ** attempt)
        except (urllib.error.URLError, ConnectionError, TimeoutError) as e:
            if attempt == attempts:
                raise ServerError("%s %s: %s" % (method, path, e))
            delay = 2 ** attempt
        print("countersign: retrying in %d s" % min(delay, 30), file=sys.stderr)
        time.sleep(min(delay, 30))
    raise ServerError("unreachable")


def propose(server, token, action):
    action = dict(action, idempotency_key=action.get("idempotency_key") or str(uuid.uuid4()))
    status, created = request(server, token, "POST", "/v1/actions", action)
    return created


def wait_for_decision(server, token, action, max_wait_s=None):
    """Long-polls until the action is no longer pending (each call waits up to 55 s)."""
    started = time.monotonic()
    while action["state"] == "pending":
        if max_wait_s is not None and time.monotonic() - started > max_wait_s:
            break
        _, action = request(server, token, "GET", "/v1/actions/%s?wait=55" % action["id"])
    return action


def apply(action, apply_to):
    """Does the approved thing. Here: write the final payload (the reviewer's edit, if any)."""
    final = action.get("final_payload") or action["payload"]
    if apply_to:
        with open(apply_to, "w", encoding="utf-8") as out:
            out.write(final["content"])
    else:
        sys.stdout.write(final["content"] + ("\n" if not final["content"].endswith("\n") else ""))


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--server", default=os.environ.get("COUNTERSIGN_SERVER", "http://127.0.0.1:8470"))
    p.add_argument("--token", default=os.environ.get("COUNTERSIGN_TOKEN"))
    p.add_argument("--type", default="email.send_external")
    p.add_argument("--title", default="Reply to a customer")
    p.add_argument("--content", help="the proposed payload")
    p.add_argument("--payload-file", help="read the proposed payload from a file")
    p.add_argument("--original-file",
                   help="for a change: the current text the payload replaces (the reviewer sees a diff)")
    p.add_argument("--language", default="")
    p.add_argument("--context", default="{}", help="JSON object of facts for the policy")
    p.add_argument("--confidence", type=float, default=0.9)
    p.add_argument("--reasoning", default="")
    p.add_argument("--trace-url", help="the agent's run or conversation (http or https), linked for the reviewer")
    p.add_argument("--apply-to", help="write the approved payload to this file (default: stdout)")
    p.add_argument("--max-wait", type=float, help="give up waiting after this many seconds")
    args = p.parse_args(argv)
    if not args.token:
        p.error("--token or COUNTERSIGN_TOKEN is required")
    if args.payload_file:
        with open(args.payload_file, encoding="utf-8") as f:
            content = f.read()
    else:
        content = args.content or ""
    payload = {"content": content, "language": args.language}
    if args.original_file:
        with open(args.original_file, encoding="utf-8") as f:
            payload["original"] = f.read()

    proposal = {
        "type": args.type,
        "title": args.title,
        "payload": payload,
        "reasoning": args.reasoning,
        "context": json.loads(args.context),
        "confidence": args.confidence,
    }
    if args.trace_url:
        proposal["trace_url"] = args.trace_url
    try:
        action = propose(args.server, args.token, proposal)
        print("countersign: action %s is %s (%s)" % (action["id"], action["state"], action["tier_reason"]),
              file=sys.stderr)
        action = wait_for_decision(args.server, args.token, action, args.max_wait)
    except ServerError as e:
        print("countersign: %s" % e, file=sys.stderr)
        return 3

    state = action["state"]
    by = action.get("decided_by") or "nobody"
    if state == "approved":
        apply(action, args.apply_to)
        print("countersign: approved by %s%s" % (by, ", modified" if action.get("modified") else ""),
              file=sys.stderr)
        return 0
    if state == "rejected":
        print("countersign: rejected by %s: %s" % (by, action.get("reason")), file=sys.stderr)
        return 1
    if state == "pending":
        print("countersign: still pending, gave up waiting", file=sys.stderr)
        return 3
    print("countersign: %s (%s)" % (state, action.get("reason")), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
