"""Countersign as an approval node in a LangGraph graph (a sketch).

    draft ──▶ countersign ──approved──▶ execute ──▶ END
                   │
                   └──rejected──▶ revise ──▶ countersign

The `countersign` node submits the drafted action and waits for a human; LangGraph's own
`interrupt()` would pause the graph for a human in *your* process, while Countersign puts the
human in a shared queue with policy, SLAs, audit and a reviewer app. Both fit the same place:
after the agent decides, before anything happens.

    pip install langgraph              # not needed by countersign.py itself
    export COUNTERSIGN_URL=http://127.0.0.1:8470 COUNTERSIGN_TOKEN=cs_...
    python3 graph.py
"""

import os
import sys
from typing import Optional, TypedDict

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))

from langgraph.graph import END, StateGraph  # noqa: E402  (install langgraph to run)

from countersign import Countersign  # noqa: E402

countersign = Countersign()


class State(TypedDict, total=False):
    sql: str
    reasoning: str
    decision: Optional[dict]
    feedback: Optional[str]
    attempts: int
    result: str


def draft(state: State) -> State:
    # Your model drafts here; fixed text keeps the sketch self-contained.
    return {"sql": "UPDATE orders SET status = 'refunded' WHERE id = 4711;",
            "reasoning": "The customer returned the parcel.", "attempts": 0}


def approve(state: State) -> State:
    decision = countersign.request_approval(
        type="db.query", title="Refund order 4711", content=state["sql"], language="sql",
        reasoning=state.get("reasoning"), context={"sql": state["sql"], "order": 4711},
        max_wait_s=30 * 60)
    return {"decision": decision.action, "attempts": state.get("attempts", 0) + 1,
            "sql": decision.content if decision.approved else state["sql"],
            "feedback": None if decision.approved else decision.reason}


def route(state: State) -> str:
    if state["decision"]["state"] == "approved":
        return "execute"
    return "revise" if state["attempts"] < 3 and state["decision"]["state"] == "rejected" else END


def revise(state: State) -> State:
    # Your model reads the reviewer's reason (state["feedback"]) and drafts again.
    return {"sql": state["sql"], "reasoning": "Revised after: %s" % state["feedback"]}


def execute(state: State) -> State:
    # Runs exactly what was approved, the reviewer's edit included.
    return {"result": "executed: " + state["sql"]}


builder = StateGraph(State)
builder.add_node("draft", draft)
builder.add_node("countersign", approve)
builder.add_node("revise", revise)
builder.add_node("execute", execute)
builder.set_entry_point("draft")
builder.add_edge("draft", "countersign")
builder.add_conditional_edges("countersign", route, {"execute": "execute", "revise": "revise", END: END})
builder.add_edge("revise", "countersign")
builder.add_edge("execute", END)
graph = builder.compile()

if __name__ == "__main__":
    print(graph.invoke({}))
