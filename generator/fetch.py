"""One HTTP GET, bounded: for the commands that ask a server (`stars`, `add`; `links`
bounds its own requests with `Deadline` and `opener`).

A socket's timeout bounds each read, not the answer: a server sending its status line
and headers a byte at a time would never be cut off. Here every socket an answer opens
(redirects included) is shut when the answer's time is up, and an answer larger than
its limit is cut off too. A redirect to another host, or from https to http, drops the
Authorization header: it would hand the token to whoever answers there. A second Ctrl-C
gives up every answer under way (`abandon_all`): their sockets are shut at once.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import http.client
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
import zlib
from email.message import Message


class _Redirects(urllib.request.HTTPRedirectHandler):
    """GitHub's redirects, without the token where it does not belong: a redirect to
    another host, or from https to http, would hand it to whoever answers there."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
            # (urllib would follow one to ftp://, which no deadline bounds.)
            raise urllib.error.HTTPError(newurl, code, f"a redirect to {newurl}, not http(s)", headers, fp)
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            old_at, new_at = urllib.parse.urlsplit(req.full_url), urllib.parse.urlsplit(newurl)
            if (new_at.scheme, new_at.netloc) != (old_at.scheme, old_at.netloc):
                new.remove_header("Authorization")
        return new


class Abandoned(Exception):
    """The answer was given up before it came (`abandon_all`): no answer, and none to
    record as a failure of the server's either."""


class Deadline:
    """The sockets opened for one answer (redirects included), shut when its time is up.
    A socket's timeout bounds each read, not the answer: a server sending its status
    line and headers a byte at a time would never be cut off.

    Leaving the block of an answer given up raises `Abandoned`, whatever the shut
    socket made of it (a timeout, a reset, a body cut short that reads as whole)."""

    def __init__(self, seconds: float):
        self.sockets: list[socket.socket] = []
        self.expired = False
        self.abandoned = False
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._shut)
        self._timer.daemon = True

    def add(self, sock: socket.socket) -> None:
        with self._lock:
            self.sockets.append(sock)
            if self.expired:
                self._shut_one(sock)

    def _shut(self, abandoned: bool = False) -> None:
        with self._lock:
            self.expired = True
            self.abandoned = self.abandoned or abandoned
            for sock in self.sockets:
                self._shut_one(sock)

    @staticmethod
    def _shut_one(sock: socket.socket) -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # (closed already)

    def __enter__(self) -> Deadline:
        _ANSWER.deadline = self
        with _UNDER_WAY_LOCK:
            _UNDER_WAY.add(self)
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        _ANSWER.deadline = None
        with _UNDER_WAY_LOCK:
            _UNDER_WAY.discard(self)
        if self.abandoned:
            raise Abandoned("the answer was given up (Ctrl-C)")


_ANSWER = threading.local()  # the deadline of the answer this thread is waiting for
# Every answer waited for now, on any thread: what a second Ctrl-C gives up.
_UNDER_WAY: set[Deadline] = set()
_UNDER_WAY_LOCK = threading.Lock()


def abandon_all() -> None:
    """Give up every answer under way: their sockets are shut now, and each raises
    `Abandoned` where it is waited for. (A second Ctrl-C: the first waited for them, each
    within its timeout; asked again, the command does not wait that long.)"""
    with _UNDER_WAY_LOCK:
        under_way = list(_UNDER_WAY)
    for deadline in under_way:
        deadline._shut(abandoned=True)


def _watched(connection: type[http.client.HTTPConnection]) -> type[http.client.HTTPConnection]:
    """``connection`` whose socket, once connected, is the current answer's to shut."""

    class Watched(connection):  # type: ignore[misc, valid-type]
        def connect(self) -> None:
            super().connect()
            deadline = getattr(_ANSWER, "deadline", None)
            if deadline is not None:
                deadline.add(self.sock)

    return Watched


_WATCHED_HTTP = _watched(http.client.HTTPConnection)
_WATCHED_HTTPS = _watched(http.client.HTTPSConnection)


class _HTTP(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(_WATCHED_HTTP, req)


class _HTTPS(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(_WATCHED_HTTPS, req, context=self._context)


def opener(*handlers: type[urllib.request.BaseHandler]) -> urllib.request.OpenerDirector:
    """An opener with ``handlers`` whose connections the current `Deadline` shuts."""
    return urllib.request.build_opener(*handlers, _HTTP, _HTTPS)


_OPENER = opener(_Redirects)


def get(url: str, headers: dict[str, str], timeout: float, limit: int) -> tuple[int, bytes, Message]:
    """(status, body, headers) of one GET, an error status included; the headers are
    read without regard to case, as HTTP names them (``X-RateLimit-Remaining`` comes
    lower-cased through HTTP/2 proxies). Raises what urllib raises for no answer at all,
    and TimeoutError when the whole answer did not come within ``timeout`` seconds or is
    larger than ``limit`` bytes."""
    request = urllib.request.Request(url, headers=headers)
    with Deadline(timeout) as watch:
        try:
            try:
                response = _OPENER.open(request, timeout=timeout)
            except urllib.error.HTTPError as exc:
                said = _gave_up(exc)
                if said:
                    # urllib follows redirects: one it gave up on led nowhere (a loop, more
                    # than ten, or none of http(s)). Said so, not as "HTTP 302". (A 3xx it
                    # did not follow, one without a Location or a 300, is its status.)
                    exc.close()
                    raise urllib.error.URLError(said) from None
                response = exc
            with response:
                # (A body sent slowly is cut off by the deadline too: its socket is shut.)
                chunks: list[bytes] = []
                size = 0
                while chunk := response.read1(65536):
                    chunks.append(chunk)
                    size += len(chunk)
                    if size > limit:
                        raise OSError(f"an answer larger than {limit:,} bytes")
                if watch.expired:
                    raise TimeoutError(f"no whole answer within {timeout:g} s")
                return response.status, _decoded(b"".join(chunks), response.headers, limit), response.headers
        except (OSError, http.client.HTTPException) as exc:
            if watch.expired:  # whatever the shut socket made of it
                raise TimeoutError(f"no whole answer within {timeout:g} s") from exc
            raise


def _gave_up(exc: urllib.error.HTTPError) -> str:
    """What a redirect urllib gave up on was, or "" for an answer's own status."""
    msg = str(exc.msg)
    if not 300 <= exc.code < 400:
        return ""
    if msg.startswith(urllib.request.HTTPRedirectHandler.inf_msg):
        return "a redirect loop, or more than ten redirects"
    if "not http(s)" in msg:  # (_Redirects')
        return msg.splitlines()[0]
    return ""


def garbled(exc: Exception, source: str = "") -> str:
    """What an answer that was no HTTP a program could read was, as a curator reads it:
    "a garbled answer from URL (not HTTP: its first line is 'garbage')". http.client's
    own words are a class name or the raw line; ours (`_decoded`) say what went wrong."""
    where = f" from {source}" if source else ""
    if isinstance(exc, http.client.IncompleteRead):
        more = f", {exc.expected:,} more expected" if exc.expected else ""
        what = f"cut short after {len(exc.partial):,} bytes{more}"
    elif isinstance(exc, http.client.BadStatusLine):
        line = str(exc).strip()
        line = "" if line == "''" else line  # (http.client says an empty line as its repr)
        what = f"not HTTP: its first line is {line[:60]!r}" if line else "not HTTP: an empty first line"
    else:
        what = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return f"a garbled answer{where} ({what})"


# A gzip stream's first bytes: no UTF-8 text starts so (0x8b is no first byte of a letter).
_GZIP_MAGIC = b"\x1f\x8b"


def _decoded(body: bytes, headers: Message, limit: int) -> bytes:
    """``body`` as the server meant it: a proxy may gzip an answer that was not asked to
    be (nothing here sends Accept-Encoding), and it read as no UTF-8 text. Decompressed
    to at most ``limit`` bytes too: a small body may stand for gigabytes. Raises OSError
    past the limit, ValueError for a body that does not decompress."""
    coding = str(headers.get("Content-Encoding", "")).strip().lower()
    if not body:
        return body  # (an answer without a body, such as an error's, says "gzip" all the same)
    if coding in ("gzip", "x-gzip") or (coding in ("", "identity") and body.startswith(_GZIP_MAGIC)):
        wbits = 16 + zlib.MAX_WBITS
    elif coding == "deflate":
        # (In zlib's wrapper, as HTTP says; some servers send the raw stream, without it.)
        wrapped = len(body) >= 2 and body[0] & 0x0F == 8 and (body[0] << 8 | body[1]) % 31 == 0
        wbits = zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS
    else:
        return body
    inflate = zlib.decompressobj(wbits)
    try:
        data = inflate.decompress(body, limit + 1)
        if len(data) <= limit and not inflate.unconsumed_tail:
            data += inflate.flush()
    except zlib.error as exc:
        raise ValueError(f"a {coding or 'gzip'} answer that does not decompress ({exc})") from None
    if len(data) > limit or inflate.unconsumed_tail:
        raise OSError(f"an answer larger than {limit:,} bytes, decompressed")
    if not inflate.eof:
        raise ValueError(f"a {coding or 'gzip'} answer cut short")
    return data


def retry_after(headers: Message, now: dt.datetime) -> dt.datetime | None:
    """When a 429's or 503's Retry-After lets us ask again: it gives seconds ("120") or
    an HTTP date ("Wed, 02 Dec 2026 14:05:00 GMT"). None when it says neither, or a time
    already past."""
    value = str(headers.get("Retry-After", "")).strip()
    if value.isascii() and value.isdigit():
        return now + dt.timedelta(seconds=int(value)) if len(value) <= 6 else None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)  # (HTTP's dates are GMT; "-0000" reads as none)
    return when if when > now else None
