"""Drives examples/python/countersign.py against a server for tst_pythonexamples.

    helper_check.py EXAMPLES_PYTHON_DIR MODE OUTFILE      (COUNTERSIGN_URL / COUNTERSIGN_TOKEN set)

MODE auto: an auto-approved request; change: a request with the original it replaces and a trace
URL; decorated: a countersigned function (with a trace URL) that writes what it was allowed to do
to OUTFILE. Prints the decision as JSON; exit 0 approved, 1 not approved.
"""

import json
import sys

sys.path.insert(0, sys.argv[1])
from countersign import Countersign, NotApproved  # noqa: E402

mode, outfile = sys.argv[2], sys.argv[3]
cs = Countersign()

if mode == "auto":
    d = cs.request_approval("email.send_internal", "Standup notes", "Notes", language="email",
                            context={"recipient_count": 3}, confidence=0.95)
    print(json.dumps({"state": d.state, "decided_by": d.decided_by, "content": d.content}))
    sys.exit(0 if d.approved else 1)

if mode == "change":
    d = cs.request_approval("email.send_external", "Update the signature", "Regards,\nAda's shop\n",
                            original="Regards,\nthe shop\n", language="email",
                            trace_url="https://agents.example.com/runs/7")
    print(json.dumps({"state": d.state, "content": d.content, "original": d.original,
                      "final_original": d.action["final_payload"].get("original")}))
    sys.exit(0 if d.approved else 1)


@cs.countersigned("email.send_external", title=lambda body: "Email: " + body.splitlines()[0], language="email",
                  trace_url=lambda: "https://agents.example.com/runs/8")
def send(body, recipient="ada@example.com"):
    with open(outfile, "w", encoding="utf-8") as f:
        f.write("%s\n%s" % (recipient, body))
    return "sent"


try:
    print(json.dumps({"result": send("Hello Ada,\nyour parcel ships today.")}))
except NotApproved as e:
    print(json.dumps({"state": e.decision.state, "reason": e.decision.reason}))
    sys.exit(1)
