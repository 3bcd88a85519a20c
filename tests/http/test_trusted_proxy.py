"""Behind a reverse proxy named in IMI_TRUSTED_PROXIES, the client address (rate limits, audit log) is the one the
proxy forwards; without it, a forwarded address is ignored, so a client cannot pick its own address."""

from pathlib import Path

import httpx

from tests.server import Server

TYPENAME = {"query": "{ __typename }"}


def _statuses(server: Server, forwarded_for: str, count: int) -> list[int]:
    with httpx.Client(base_url=server.base, timeout=20) as http:
        return [http.post("/graphql", json=TYPENAME, headers={"x-forwarded-for": forwarded_for}).status_code
                for _ in range(count)]


def test_a_trusted_proxy_gives_each_client_its_own_address(clean_db: str, tmp_path: Path) -> None:
    server = Server(clean_db, tmp_path, IMI_RATE_LIMIT_ADDRESS="2", IMI_TRUSTED_PROXIES="127.0.0.1")
    try:
        server.start()
        assert _statuses(server, "198.51.100.1", 3) == [200, 200, 429]
        assert _statuses(server, "198.51.100.2", 1) == [200], "another client behind the proxy has its own limit"
    finally:
        server.stop()


def test_without_trusted_proxies_a_forwarded_address_is_ignored(clean_db: str, tmp_path: Path) -> None:
    server = Server(clean_db, tmp_path, IMI_RATE_LIMIT_ADDRESS="2", IMI_TRUSTED_PROXIES="")
    try:
        server.start()
        assert _statuses(server, "198.51.100.1", 2) == [200, 200]
        assert _statuses(server, "198.51.100.2", 1) == [429], "the peer's address counts, not the header"
    finally:
        server.stop()
