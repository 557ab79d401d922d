"""Running the phone application: uvicorn in a background thread of the GUI (started and stopped
from the 手机访问 page, stopped with the app), or in the foreground of ``dualprev serve``.

uvicorn is the ASGI server: it parses HTTP (h11) and handles connections, timeouts and limits;
nothing here touches the wire itself."""

import asyncio
import contextlib
import ipaddress
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import uvicorn

from dualprev.errors import UserError
from dualprev.lan.app import LanContext, Presence, create_app
from dualprev.services.database import Database

DEFAULT_PORT = 8765
START_TIMEOUT_S = 10.0
STOP_TIMEOUT_S = 10.0


def lan_addresses() -> list[str]:
    """This computer's IPv4 addresses that phones on the same network can reach (no loopback,
    no link-local), read from the host name without sending anything."""
    found: list[str] = []
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        infos = []
    for info in infos:
        address = str(info[4][0])
        ip = ipaddress.ip_address(address)
        if ip.is_loopback or ip.is_link_local or address in found:
            continue
        found.append(address)
    return found


def default_host() -> str:
    """The LAN address ``dualprev serve`` listens on when none is given: the first one found, else
    this computer only (127.0.0.1)."""
    addresses = lan_addresses()
    return addresses[0] if addresses else "127.0.0.1"


def _config(ctx: LanContext, host: str, port: int) -> uvicorn.Config:
    return uvicorn.Config(
        create_app(ctx),
        host=host,
        port=port,
        http="h11",
        ws="none",
        lifespan="off",
        loop="asyncio",
        log_level="warning",
        access_log=False,
        server_header=False,
        proxy_headers=False,
        limit_concurrency=64,
        timeout_keep_alive=5,
    )


def port_problem(port: int) -> str | None:
    if not 1024 <= port <= 65535:
        return "端口应在 1024 到 65535 之间"
    return None


@dataclass(frozen=True)
class Address:
    host: str
    port: int

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"


class LanServer:
    """The phone service in a background thread; :meth:`stop` ends it (also when the app quits)."""

    def __init__(self, db: Database, *, today: Callable[[], date] = date.today) -> None:
        self.ctx = LanContext(db=db, today=today)
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self.address: Address | None = None

    @property
    def presence(self) -> Presence:
        return self.ctx.presence

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, host: str, port: int) -> Address:
        """Listen on ``host:port``; UserError when the port is taken or the address is not ours."""
        problem = port_problem(port)
        if problem:
            raise UserError(problem)
        if self.running:
            self.stop()
        server = uvicorn.Server(_config(self.ctx, host, port))
        self._error = None

        def run() -> None:
            try:
                asyncio.run(server.serve())
            except BaseException as exc:  # reported to the thread that started it
                self._error = exc

        thread = threading.Thread(target=run, name="dualprev-lan", daemon=True)
        thread.start()
        deadline = time.monotonic() + START_TIMEOUT_S
        while not server.started and thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.02)
        if not server.started:
            server.should_exit = True
            thread.join(STOP_TIMEOUT_S)
            raise UserError(
                f"无法在 {host}:{port} 上启动手机访问服务：端口可能已被占用，或这个地址不属于本机。请换一个端口再试。"
            )
        self._server, self._thread = server, thread
        self.address = Address(host, port)
        return self.address

    def stop(self) -> None:
        """Stop listening and wait for requests in progress to finish."""
        server, thread = self._server, self._thread
        self._server = self._thread = None
        self.address = None
        if server is not None:
            server.should_exit = True
        if thread is not None:
            thread.join(STOP_TIMEOUT_S)


def serve_forever(db: Database, host: str, port: int, *, on_started: Callable[[Address], None]) -> None:
    """Run in the foreground until interrupted (Ctrl+C): ``dualprev serve``."""
    problem = port_problem(port)
    if problem:
        raise UserError(problem)
    ctx = LanContext(db=db)
    server = uvicorn.Server(_config(ctx, host, port))

    async def main() -> None:
        task = asyncio.create_task(server.serve())
        while not server.started and not task.done():
            await asyncio.sleep(0.02)
        if server.started:
            on_started(Address(host, port))
        await task

    # uvicorn shuts down gracefully on Ctrl+C, then raises it again: stopping is the normal end.
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(main())
    if not server.started:
        raise UserError(f"无法在 {host}:{port} 上启动手机访问服务：端口可能已被占用，或这个地址不属于本机")
