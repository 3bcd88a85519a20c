"""A partner tool: a national back-office system that follows IMI's exchange events in real time.

It connects to IMI's GraphQL endpoint over WebSocket (the graphql-transport-ws protocol), authenticates with an
API token that has the `events:subscribe` and `exchanges:read` scopes, and subscribes to `exchangeEvents`. It
prints one line per event and, after each, saves the event's cursor in a file. When it is stopped, killed or
cut off, it starts again from the saved cursor: IMI replays every event after it, then carries on live, so each
event is printed once.

    IMI_TOKEN=imi_... python examples/partner_tool.py --url ws://127.0.0.1:8000/graphql \\
        --cursor-file var/partner.cursor [--kind ALERT --kind NOTIFICATION] [--json]

Exit codes: 0 stopped (SIGTERM or Ctrl-C, after the event in hand), 2 refused (bad token or cursor),
3 resynchronise: the cursor is older than the events IMI still keeps, or ahead of them. Then the tool cannot
know what it missed: reload what you need through GraphQL queries, delete the cursor file and start again.

Once means: IMI never sends an event at or before the cursor given, and never skips one after it. The tool
prints an event, then saves its cursor; a SIGTERM or Ctrl-C waits for both. Only a hard kill (SIGKILL, power
loss) landing between the two can make the next run print that one event again, so a real tool makes its
handling idempotent by cursor (e.g. it stores the cursor in the same database transaction as its own work).
Needs: `pip install websockets`.
"""

import argparse
import asyncio
import contextlib
import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

import websockets
from websockets.typing import Subprotocol

PROTOCOL = Subprotocol("graphql-transport-ws")
EVENTS = """subscription($input: ExchangeEventsInput!) { exchangeEvents(input: $input) {
  cursor action fromState toState at exchange { id reference kind state subject procedure { code } } } }"""
REFUSED, RESYNC = 2, 3


class Refused(Exception):
    """IMI refused the token or the cursor; retrying would not help."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


class Cursor:
    """The cursor of the last event handled, in a file replaced atomically (a crash leaves the old or the new
    one, never half of one)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> str | None:
        """The saved cursor; None at the first start (the stream then begins at its live end)."""
        if not self.path.exists():
            return None
        return self.path.read_text().strip() or None

    def save(self, cursor: str) -> None:
        temporary = self.path.with_name(self.path.name + ".tmp")
        with open(temporary, "w") as file:
            file.write(cursor)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, self.path)


def line(event: dict[str, Any], as_json: bool) -> str:
    """How an event is printed: a readable line, or the event as JSON."""
    if as_json:
        return json.dumps(event, ensure_ascii=False, separators=(",", ":"))
    exchange = event["exchange"]
    moved = f"{event['fromState']} → {event['toState']}" if event["fromState"] != event["toState"] else \
        event["toState"]
    return (f"{event['cursor']:>8}  {event['at']}  {exchange['reference']:<17} {exchange['procedure']['code']:<22} "
            f"{event['action']:<18} {moved}")


async def follow(url: str, token: str, cursor: Cursor, kinds: list[str], as_json: bool,
                 stopping: asyncio.Event) -> None:
    """One connection: subscribe after the saved cursor and handle events until stopped or cut off."""
    async with websockets.connect(url, subprotocols=[PROTOCOL], open_timeout=10, ping_interval=20) as ws:
        await ws.send(json.dumps({"type": "connection_init", "payload": {"token": token}}))
        try:
            acknowledged = json.loads(await asyncio.wait_for(ws.recv(), 10))
        except websockets.ConnectionClosed as closed:
            raise Refused(f"IMI refused the connection ({closed.rcvd.code if closed.rcvd else '?'}): check the "
                          "token and its events:subscribe scope", REFUSED) from None
        if acknowledged.get("type") != "connection_ack":
            raise Refused(f"unexpected answer to connection_init: {acknowledged}", REFUSED)
        after = cursor.load()
        await ws.send(json.dumps({"id": "events", "type": "subscribe", "payload": {
            "query": EVENTS, "variables": {"input": {"after": after, "kinds": kinds}}}}))
        print(f"# following IMI events after cursor {after or '(the live end)'}", file=sys.stderr, flush=True)
        receiving = asyncio.ensure_future(ws.recv())
        stop = asyncio.ensure_future(stopping.wait())
        try:
            while True:
                await asyncio.wait({receiving, stop}, return_when=asyncio.FIRST_COMPLETED)
                if not receiving.done():  # asked to stop while waiting: nothing is in hand
                    return
                message = json.loads(receiving.result())
                if message.get("type") == "ping":  # the protocol's keep-alive: answer it
                    await ws.send(json.dumps({"type": "pong"}))
                else:
                    handle(message, cursor, as_json)
                if stopping.is_set():  # asked to stop while handling: the event in hand is done
                    return
                receiving = asyncio.ensure_future(ws.recv())
        finally:
            for task in (receiving, stop):
                task.cancel()
            with contextlib.suppress(BaseException):
                await asyncio.gather(receiving, stop, return_exceptions=True)


def handle(message: dict[str, Any], cursor: Cursor, as_json: bool) -> None:
    """Print one event, then save its cursor; or raise on a refusal."""
    kind = message.get("type")
    errors = message.get("payload", {}).get("errors") if kind == "next" else message.get("payload")
    if kind == "error" or errors:
        error = (errors or [{}])[0]
        code = error.get("extensions", {}).get("code")
        raise Refused(f"IMI refused the subscription: {error.get('message')} ({code})",
                      RESYNC if code == "RESYNC_REQUIRED" else REFUSED)
    if kind == "complete":
        raise ConnectionError("IMI ended the subscription")
    if kind != "next":
        return
    event = message["payload"]["data"]["exchangeEvents"]
    print(line(event, as_json), flush=True)
    cursor.save(event["cursor"])


async def run(url: str, token: str, cursor: Cursor, kinds: list[str], as_json: bool) -> int:
    """Follow the stream for as long as the tool runs, reconnecting with backoff after a failure."""
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for number in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(number, stopping.set)
    delay = 0.5
    while not stopping.is_set():
        try:
            await follow(url, token, cursor, kinds, as_json, stopping)
            delay = 0.5
        except Refused as refused:
            print(f"# {refused}", file=sys.stderr, flush=True)
            return refused.code
        except (OSError, ConnectionError, TimeoutError, websockets.WebSocketException) as error:
            print(f"# connection lost ({error}); resuming in {delay:.1f} s", file=sys.stderr, flush=True)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stopping.wait(), delay)
            delay = min(delay * 2, 30.0)
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="ws://127.0.0.1:8000/graphql", help="IMI's GraphQL WebSocket URL")
    parser.add_argument("--cursor-file", type=Path, default=Path("partner.cursor"))
    parser.add_argument("--kind", action="append", default=[], help="ALERT, NOTIFICATION, REQUEST… (default: all)")
    parser.add_argument("--json", action="store_true", help="print each event as one line of JSON")
    args = parser.parse_args()
    token = os.environ.get("IMI_TOKEN", "")
    if not token:
        parser.error("set IMI_TOKEN to an API token with the events:subscribe and exchanges:read scopes")
    sys.exit(asyncio.run(run(args.url, token, Cursor(args.cursor_file), args.kind, args.json)))


if __name__ == "__main__":
    main()
