"""A small graphql-transport-ws client for tests (the protocol graphql-ws specifies)."""

import asyncio
import json
from typing import Any

import websockets

PROTOCOL = "graphql-transport-ws"


class Socket:
    def __init__(self, connection: Any) -> None:
        self.connection = connection

    @classmethod
    async def open(cls, base_url: str, headers: dict[str, str] | None = None) -> "Socket":
        url = base_url.replace("http://", "ws://") + "/graphql"
        connection = await websockets.connect(url, subprotocols=[PROTOCOL], additional_headers=headers or {},
                                              origin="http://127.0.0.1:8000", max_queue=None)  # never stalls
        return cls(connection)

    async def send(self, message: dict[str, Any]) -> None:
        await self.connection.send(json.dumps(message))

    async def receive(self, seconds: float = 10) -> dict[str, Any]:
        return json.loads(await asyncio.wait_for(self.connection.recv(), seconds))

    async def init(self, payload: dict[str, Any] | None = None) -> dict[str, Any]:
        await self.send({"type": "connection_init", "payload": payload or {}})
        return await self.receive()

    async def subscribe(self, op_id: str, query: str, variables: dict[str, Any] | None = None) -> None:
        await self.send({"id": op_id, "type": "subscribe", "payload": {"query": query, "variables": variables or {}}})

    async def next_data(self, seconds: float = 10) -> dict[str, Any]:
        message = await self.receive(seconds)
        assert message["type"] == "next", message
        assert "errors" not in message["payload"], message
        return message["payload"]["data"]

    async def quiet(self, seconds: float) -> bool:
        """True if nothing arrives within `seconds`."""
        try:
            await asyncio.wait_for(self.connection.recv(), seconds)
        except TimeoutError:
            return True
        return False

    async def close_code(self, seconds: float = 10) -> int | None:
        try:
            while True:
                await asyncio.wait_for(self.connection.recv(), seconds)
        except websockets.ConnectionClosed as closed:
            return closed.rcvd.code if closed.rcvd else None

    async def close(self) -> None:
        await self.connection.close()

    def abort(self) -> None:
        """Drop the connection without a closing handshake, as a killed process or a broken network would."""
        self.connection.transport.abort()

    async def events(self, count: int, field: str = "exchangeEvents", seconds: float = 10) -> list[dict[str, Any]]:
        """The next `count` events of a subscription, each within `seconds`."""
        return [(await self.next_data(seconds))[field] for _ in range(count)]
