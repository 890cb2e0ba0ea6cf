"""Countersign in front of an OpenAI Agents SDK tool (a sketch).

The model may *propose* an external email at any time; the email leaves only after a human
countersigns it in the Countersign app, and then exactly as approved: a reviewer's edit
replaces the model's draft. A rejection goes back to the model as the tool's result, so it can
revise instead of retrying blindly.

    pip install openai-agents           # not needed by countersign.py itself
    export OPENAI_API_KEY=... COUNTERSIGN_URL=http://127.0.0.1:8470 COUNTERSIGN_TOKEN=cs_...
    python3 agent.py "Tell Ada her parcel ships today"

Where Countersign sits: inside the tool, between the model's decision to act and the act.
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))

from agents import Agent, Runner, function_tool  # noqa: E402  (the SDK; install it to run)

from countersign import Countersign  # noqa: E402

countersign = Countersign()


def deliver(to: str, subject: str, body: str) -> None:
    """Stands in for your mail gateway."""
    print("SENT to %s: %s\n%s" % (to, subject, body))


@function_tool
def send_email(to: str, subject: str, body: str) -> str:
    """Send an email to a customer. A human countersigns every email before it leaves."""
    decision = countersign.request_approval(
        type="email.send_external",
        title="Email %s: %s" % (to, subject),
        content=body,
        language="email",
        context={"recipient": to, "subject": subject},
        reasoning="Proposed by the support agent",
        max_wait_s=15 * 60,
    )
    if decision.approved:
        deliver(to, subject, decision.content)
        edited = " (the reviewer edited it; this text was sent: %r)" % decision.content if decision.modified else ""
        return "Sent%s." % edited
    if decision.pending:
        return "Not sent: no reviewer has decided yet (request %s). Do not retry now." % decision.id
    return "Not sent: %s by %s: %s. Revise the email or ask the user." % (
        decision.state, decision.decided_by, decision.reason)


agent = Agent(
    name="Support agent",
    instructions="You answer customers. Use send_email to reply; never claim an email was sent unless the tool says so.",
    tools=[send_email],
)

if __name__ == "__main__":
    result = Runner.run_sync(agent, " ".join(sys.argv[1:]) or "Tell Ada her parcel ships today.")
    print(result.final_output)
