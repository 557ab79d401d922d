"""What keeps a LAN visitor within bounds: the size of a request, how often a phone or address may
ask, and the CSRF token a form must carry."""

import hashlib
import hmac
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

MAX_REQUEST_BYTES = 40 * 1024 * 1024
"""A whole request: six phone photos fit easily (the page shrinks them before sending)."""
MAX_PHOTO_BYTES = 10 * 1024 * 1024
"""One photo as uploaded."""
MAX_FIELDS = 200
MAX_FILES = 30
REQUESTS_PER_MINUTE = 240
WRITES_PER_MINUTE = 30
PAIRING_TRIES_PER_10_MINUTES = 10

TOO_LARGE_MESSAGE = f"上传的内容太大（一次最多 {MAX_REQUEST_BYTES // 1024 // 1024} MB），请少选几张照片再试"
TOO_FAST_MESSAGE = "操作太频繁，请稍等一分钟再试"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class RateLimiter:
    """At most ``limit`` events per ``window`` seconds for each key (sliding window, in memory)."""

    def __init__(self, limit: int, window: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = self._clock()
        with self._lock:
            events = self._events.setdefault(key, deque())
            while events and now - events[0] > self.window:
                events.popleft()
            if len(events) >= self.limit:
                return False
            events.append(now)
            if len(self._events) > 10_000:  # forget idle keys rather than grow without end
                self._events = {k: v for k, v in self._events.items() if v}
            return True


def csrf_token(device_token: str) -> str:
    """The token a paired phone's forms carry: derived from its secret cookie, which another site
    cannot read, so a forged cross-site form cannot carry it."""
    return hmac.new(device_token.encode("utf-8"), b"dualprev-csrf", hashlib.sha256).hexdigest()[:32]


def same_token(a: str, b: str) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))


class BodyLimit:
    """ASGI middleware: refuses a request whose body is larger than ``limit`` bytes (by its
    Content-Length at once, or while it streams in) with 413 and a Chinese message."""

    def __init__(self, app: ASGIApp, limit: int = MAX_REQUEST_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = self.limit + 1
                if declared > self.limit:
                    await _refuse(send)
                    return
        received = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise _TooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracking_send)
        except _TooLarge:
            if not started:
                await _refuse(send)


class _TooLarge(Exception):
    pass


async def _refuse(send: Send) -> None:
    body = ('{"ok": false, "message": "' + TOO_LARGE_MESSAGE + '"}').encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json; charset=utf-8"), (b"connection", b"close")],
        }
    )
    await send({"type": "http.response.body", "body": body})
