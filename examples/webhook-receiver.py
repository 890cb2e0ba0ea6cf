#!/usr/bin/env python3
"""A Countersign webhook receiver, Python standard library only.

Verifies every delivery before trusting it:
  X-Countersign-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>
  X-Countersign-Timestamp: Unix seconds, within --tolerance of this machine's clock
and drops repeats by X-Countersign-Delivery (the same UUID on every retry of one delivery).

    python3 webhook-receiver.py --port 9000 --secret whsec_...   (or COUNTERSIGN_WEBHOOK_SECRET)

Answers 204 to a delivery it accepts (and to a repeat), 401 to one whose signature or
timestamp does not verify. Countersign retries anything but a 2xx, so answer quickly and do the
work afterwards. Prints one line per request: "accepted <delivery> <event>", "repeat <delivery>"
or "rejected <reason>".
"""

import argparse
import hashlib
import hmac
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def verify(secret: bytes, timestamp: str, body: bytes, signature: str, now: float, tolerance: int) -> str:
    """Empty when the delivery verifies, else why not."""
    try:
        sent = int(timestamp)
    except (TypeError, ValueError):
        return "no timestamp"
    if abs(now - sent) > tolerance:
        return "timestamp outside the tolerance (a replay, or a wrong clock)"
    expected = "sha256=" + hmac.new(secret, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature or ""):
        return "signature does not match"
    return ""


def make_handler(secret: bytes, tolerance: int, seen: set):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)  # the raw bytes: the signature covers exactly these
            why = verify(secret, self.headers.get("X-Countersign-Timestamp"), body,
                         self.headers.get("X-Countersign-Signature"), time.time(), tolerance)
            if why:
                self.answer(401)
                print("rejected", why, flush=True)
                return
            delivery = self.headers.get("X-Countersign-Delivery", "")
            if delivery in seen:
                self.answer(204)
                print("repeat", delivery, flush=True)
                return
            seen.add(delivery)
            event = json.loads(body)
            self.answer(204)
            print("accepted", delivery, self.headers.get("X-Countersign-Event", ""), event.get("action_id", ""),
                  flush=True)

        def answer(self, status):
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass  # one line per request is printed above

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9000, help="0: any free port")
    parser.add_argument("--secret", default=os.environ.get("COUNTERSIGN_WEBHOOK_SECRET"),
                        help="the webhook's secret (default: $COUNTERSIGN_WEBHOOK_SECRET)")
    parser.add_argument("--tolerance", type=int, default=300, help="seconds a timestamp may be off")
    args = parser.parse_args()
    if not args.secret:
        parser.error("--secret or COUNTERSIGN_WEBHOOK_SECRET is required")
    server = ThreadingHTTPServer((args.host, args.port),
                                make_handler(args.secret.encode(), args.tolerance, set()))
    print("listening on", server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
