"""Countersign for Python agents, standard library only.

Put a human countersignature in front of any action an agent proposes:

    from countersign import Countersign

    cs = Countersign("http://127.0.0.1:8470", token)       # or COUNTERSIGN_URL / COUNTERSIGN_TOKEN
    decision = cs.request_approval(type="email.send_external", title="Reply to Ada",
                                   content=draft, language="email", context={"to": "ada@example.com"})
    if decision.approved:
        send(decision.content)          # the reviewer's edit, if they made one
    else:
        print("not sent:", decision.reason)

For a change, pass what it replaces as well, and the reviewer sees the diff:

    decision = cs.request_approval(type="config.update", title="Raise the retry limit",
                                   content=new_text, original=current_text, language="yaml")

or wrap a tool function so that it only ever runs with approved input:

    @cs.countersigned("shell.run", title=lambda command: "Run: " + command)
    def run(command): ...

The agent waits by long polling (GET /v1/actions/{id}?wait=55), never by busy polling; every
submit carries an idempotency key, so a retry after a lost answer never makes a duplicate.
"""

import functools
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

__all__ = ["Countersign", "Decision", "CountersignError", "NotApproved"]

RETRYABLE = {429, 502, 503, 504}


class CountersignError(Exception):
    """The server refused a request or could not be reached."""


class NotApproved(Exception):
    """Raised by a countersigned function whose call was rejected, expired or is still pending."""

    def __init__(self, decision):
        super().__init__("%s: %s" % (decision.state, decision.reason or "no reason given"))
        self.decision = decision


class Decision:
    """The outcome of one approval request."""

    def __init__(self, action):
        self.action = action

    id = property(lambda self: self.action["id"])
    state = property(lambda self: self.action["state"])
    approved = property(lambda self: self.state == "approved")
    pending = property(lambda self: self.state == "pending")
    modified = property(lambda self: bool(self.action.get("modified")))
    decided_by = property(lambda self: self.action.get("decided_by"))
    reason = property(lambda self: self.action.get("reason") or self.action.get("tier_reason"))
    original = property(lambda self: self.action["payload"].get("original"))  # what a change replaces

    @property
    def content(self):
        """What may be done: the approved payload, the reviewer's edit if there was one."""
        final = self.action.get("final_payload") or self.action["payload"]
        return final["content"]

    def __repr__(self):
        return "Decision(%s, %s by %s)" % (self.id, self.state, self.decided_by)


class Countersign:
    def __init__(self, server=None, token=None, attempts=5):
        self.server = (server or os.environ.get("COUNTERSIGN_URL") or "http://127.0.0.1:8470").rstrip("/")
        self.token = token or os.environ.get("COUNTERSIGN_TOKEN")
        if not self.token:
            raise CountersignError("no agent token: pass token= or set COUNTERSIGN_TOKEN")
        self.attempts = attempts

    def _call(self, method, path, body=None, timeout=70):
        data = None if body is None else json.dumps(body).encode("utf-8")
        for attempt in range(1, self.attempts + 1):
            req = urllib.request.Request(self.server + path, data=data, method=method)
            req.add_header("Authorization", "Bearer " + self.token)
            req.add_header("Content-Type", "application/json")
            try:
                with urllib.request.urlopen(req, timeout=timeout) as reply:
                    return json.loads(reply.read().decode("utf-8"))
            except urllib.error.HTTPError as e:
                text = e.read().decode("utf-8", "replace")
                if e.code not in RETRYABLE or attempt == self.attempts:
                    try:
                        err = json.loads(text)["error"]
                        text = "%s: %s%s" % (err.get("code"), err.get("message"),
                                             " (field %s)" % err["field"] if err.get("field") else "")
                    except (ValueError, KeyError, TypeError):
                        pass
                    raise CountersignError("%s %s -> HTTP %d %s" % (method, path, e.code, text))
                delay = int(e.headers.get("Retry-After") or 2 ** attempt)
            except (urllib.error.URLError, ConnectionError, TimeoutError) as e:
                if attempt == self.attempts:
                    raise CountersignError("%s %s: %s" % (method, path, e))
                delay = 2 ** attempt
            time.sleep(min(delay, 30))
        raise CountersignError("unreachable")

    def submit(self, type, title, content, language="", reasoning=None, context=None, confidence=None,
               category=None, idempotency_key=None, original=None, trace_url=None):
        """Proposes an action; returns the action as the server stored it (maybe decided by policy).

        For a change (a file edit, a config update) pass original=, the text content replaces (""
        for a new file): the reviewer then sees a diff. A unified diff needs none: language="diff".
        trace_url= (http or https) links the agent's run or conversation for the reviewer."""
        payload = {"content": content, "language": language}
        if original is not None:
            payload["original"] = original
        body = {"type": type, "title": title, "payload": payload,
                "idempotency_key": idempotency_key or str(uuid.uuid4())}
        for key, value in (("reasoning", reasoning), ("context", context), ("confidence", confidence),
                           ("category", category), ("trace_url", trace_url)):
            if value is not None:
                body[key] = value
        return self._call("POST", "/v1/actions", body)

    def get(self, action_id, wait_s=0):
        return self._call("GET", "/v1/actions/%s?wait=%d" % (urllib.parse.quote(action_id, safe=""), wait_s))

    def wait(self, action, max_wait_s=None):
        """Long-polls until the action is decided, or max_wait_s passes (then it is still pending)."""
        started = time.monotonic()
        while action["state"] == "pending":
            left = None if max_wait_s is None else max_wait_s - (time.monotonic() - started)
            if left is not None and left <= 0:
                break
            action = self.get(action["id"], 55 if left is None else max(0, min(55, int(left))))
            if left is not None and left < 1:
                break
        return action

    def withdraw(self, action_id):
        return self._call("POST", "/v1/actions/%s/withdraw" % urllib.parse.quote(action_id, safe=""), {})

    def request_approval(self, type, title, content, max_wait_s=None, **fields):
        """Submits and waits: the Decision. Carry the action out only if decision.approved."""
        return Decision(self.wait(self.submit(type, title, content, **fields), max_wait_s))

    def countersigned(self, type, title, language="", content_arg=None, max_wait_s=None, trace_url=None):
        """Decorates a one-argument-that-matters tool: it runs only once approved, and with the
        approved content (the reviewer's edit replaces the argument named content_arg, by
        default the first one). Raises NotApproved otherwise. trace_url may be a string or a
        function of no arguments (the run in progress when the tool is called)."""
        def decorate(function):
            @functools.wraps(function)
            def wrapper(*args, **kwargs):
                name = content_arg or function.__code__.co_varnames[0]
                content = kwargs[name] if name in kwargs else args[0]
                heading = title(content) if callable(title) else title
                link = trace_url() if callable(trace_url) else trace_url
                decision = self.request_approval(type, heading, content, language=language,
                                                 context={"tool": function.__name__}, max_wait_s=max_wait_s,
                                                 trace_url=link)
                if not decision.approved:
                    raise NotApproved(decision)
                if name in kwargs:
                    kwargs[name] = decision.content
                else:
                    args = (decision.content,) + tuple(args[1:])
                return function(*args, **kwargs)
            return wrapper
        return decorate


if __name__ == "__main__":
    # A one-shot check from the shell: python3 countersign.py TYPE TITLE CONTENT
    cs = Countersign()
    d = cs.request_approval(sys.argv[1], sys.argv[2], sys.argv[3])
    print(json.dumps(d.action, indent=2))
    sys.exit(0 if d.approved else 1)
