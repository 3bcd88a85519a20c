"""Runs apertium-apy listening on 127.0.0.1 only (apy itself binds every interface).

Executed with the system Python that has apy and tornado (`/usr/bin/python3 apy_localhost.py ARGS`): it
imports nothing from this project. Arguments are apy's own (`-p PORT -j 1 MODES_DIR`).
"""

import sys

import tornado.tcpserver  # type: ignore[import-not-found,unused-ignore]

HOST = "127.0.0.1"
_bind = tornado.tcpserver.TCPServer.bind


def _bind_localhost(self: object, port: int, address: str | None = None, *args: object, **kwargs: object) -> object:
    return _bind(self, port, HOST, *args, **kwargs)


def main() -> None:
    tornado.tcpserver.TCPServer.bind = _bind_localhost
    from apertium_apy.apy import main as apy_main  # type: ignore[import-not-found,unused-ignore]

    sys.argv = ["apertium-apy", *sys.argv[1:]]
    apy_main()


if __name__ == "__main__":
    main()
