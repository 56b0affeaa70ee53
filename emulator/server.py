"""The HTTP face of the emulator: an aiohttp server that speaks the Bot API like api.telegram.org.

    async with Emulator() as emu:
        bot = telegram.Bot(emu.token, base_url=emu.base_url, base_file_url=emu.base_file_url)

Routes: POST|GET /bot<token>/<method> (JSON, form or multipart bodies, as PTB sends them),
GET /file/bot<token>/<file_path> (downloads), POST /_control/<op> (World operations with JSON,
see emulator.control) and GET /_control/events?since=N&timeout=S (long poll of the bot's output,
for a browser sandbox). It runs in the caller's event loop on 127.0.0.1 and a free port.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from types import TracebackType
from typing import Any

from aiohttp import web

from emulator.control import run_operation
from emulator.faults import FaultKind, FaultPlan, FaultRule
from emulator.methods import ApiError, BotApi, Params, Upload, Uploads
from emulator.models import JSON
from emulator.ratelimit import RateLimiter, RateLimits
from emulator.webhook import WebhookPusher
from emulator.world import World

# Parameters that are plain strings even when they look like JSON ("123" stays a text);
# PTB JSON-encodes every other non-string value in form bodies.
_STRING_PARAMS = frozenset({
    "text", "caption", "parse_mode", "callback_query_id", "file_id", "url", "language_code",
    "inline_message_id", "title", "description", "secret_token", "business_connection_id", "emoji",
    "document", "photo", "short_description", "name",
})

_BAD_GATEWAY_PAGE = ("<html>\r\n<head><title>{status} Bad Gateway</title></head>\r\n<body>\r\n"
                     "<center><h1>{status} Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n"
                     "</body>\r\n</html>\r\n")


class Emulator:
    def __init__(self, world: World | None = None, *, strict: bool = False,
                 rate_limits: RateLimits | None = None, faults: FaultPlan | None = None,
                 host: str = "127.0.0.1", port: int = 0, http_webhooks: bool = False) -> None:
        """`strict=True` turns on Telegram's flood limits with their usual values (`rate_limits`
        sets them explicitly); functional tests leave them off. `http_webhooks=True` accepts a
        plain-http setWebhook URL (local bot instances); updates are then POSTed to it."""
        self.world = world or World()
        self.world.allow_http_webhook = http_webhooks
        self.webhook = WebhookPusher(self.world)
        if rate_limits is None and strict:
            rate_limits = RateLimits(monotonic=self.world.monotonic)
        self.rate_limits = rate_limits
        self.faults = faults or FaultPlan()
        self.api = BotApi(self.world, RateLimiter(rate_limits) if rate_limits else None)
        self._host, self._port = host, port
        self._runner: web.AppRunner | None = None
        self._stopping = asyncio.Event()
        self.url = ""

    @property
    def token(self) -> str:
        return self.world.token

    @property
    def base_url(self) -> str:
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self.url}/file/bot"

    async def __aenter__(self) -> Emulator:
        await self.start()
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self.stop()

    async def start(self) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        app.router.add_route("*", "/_control/events", self._handle_events)
        app.router.add_post("/_control/{op}", self._handle_control)
        # handler_cancellation: a client that gives up (PTB stopping its long poll) ends the handler.
        self._runner = web.AppRunner(app, access_log=None, handler_cancellation=True, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._host, self._port)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.url = f"http://{host}:{port}"
        self.webhook.start()

    async def stop(self) -> None:
        self._stopping.set()
        self.world.close()
        await self.webhook.stop()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # ------------------------------------------------------------------------------ Bot API

    async def _handle_api(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        if request.match_info["token"] != self.world.token:
            return _json({"ok": False, "error_code": 401, "description": "Unauthorized"}, 401)
        try:
            params, uploads = await _read_params(request)
        except ValueError as exc:
            return _json(ApiError(400, f"Bad Request: {exc}").payload(), 400)
        # A waiting long poll is not work in flight: wait_idle must not wait for it.
        is_work = method.lower() != "getupdates"
        self.world.request_started(method, is_work)
        try:
            return await self._answer(request, method, params, uploads)
        finally:
            self.world.request_finished(is_work)

    async def _answer(self, request: web.Request, method: str, params: Params,
                      uploads: Uploads) -> web.StreamResponse:
        rule = (self.faults.pick(method, self.api.chat_id_of(params), self.api.user_id_of(params))
                if self.faults.rules else None)
        if rule is not None and not rule.after_processing:
            faulty = await self._act_out(request, rule)
            if faulty is not None:
                return faulty
        try:
            body, status = {"ok": True, "result": await self.api.call(method, params, uploads)}, 200
        except ApiError as exc:
            body, status = exc.payload(), exc.code
            self.world.refused.append((method.lower(), exc.code, exc.description))
        if rule is not None and rule.after_processing:
            faulty = await self._act_out(request, rule)
            if faulty is not None:
                return faulty
        return _json(body, status)

    async def _act_out(self, request: web.Request, rule: FaultRule) -> web.StreamResponse | None:
        """The response a fault replaces the real one with (None: carry on, e.g. after a delay)."""
        if rule.kind is FaultKind.DELAY and rule.gate is not None:
            stopping = asyncio.ensure_future(self._stopping.wait())
            opened = asyncio.ensure_future(rule.gate.wait())
            try:
                await asyncio.wait((stopping, opened), return_when=asyncio.FIRST_COMPLETED)
            finally:
                stopping.cancel()
                opened.cancel()
            return None
        if rule.kind is FaultKind.DELAY:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), rule.delay)
            return None
        if rule.kind is FaultKind.DISCONNECT:
            if request.transport is not None:
                request.transport.abort()
            raise asyncio.CancelledError  # nothing more can be written; aiohttp closes quietly
        if rule.kind is FaultKind.RETRY_AFTER:
            self.world.too_many_requests += 1
            seconds = rule.retry_after
            return _json(ApiError(429, f"Too Many Requests: retry after {seconds}",
                                  {"retry_after": seconds}).payload(), 429)
        if rule.kind is FaultKind.FORBIDDEN:
            return _json(ApiError(403, rule.description or "Forbidden").payload(), 403)
        if rule.status in (502, 504):
            return web.Response(status=rule.status, text=_BAD_GATEWAY_PAGE.format(status=rule.status),
                                content_type="text/html")
        return _json(ApiError(rule.status, "Internal Server Error").payload(), rule.status)

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.world.token:
            return _json({"ok": False, "error_code": 401, "description": "Unauthorized"}, 401)
        stored = self.world.file_by_path(request.match_info["path"])
        if stored is None:
            return _json({"ok": False, "error_code": 404, "description": "Not Found"}, 404)
        return web.Response(body=stored.data, content_type=stored.mime_type or "application/octet-stream")

    # ----------------------------------------------------------------------------- control

    async def _handle_control(self, request: web.Request) -> web.StreamResponse:
        try:
            args = await request.json() if request.body_exists else {}
            result = run_operation(self.world, request.match_info["op"], args or {})
        except (ValueError, KeyError, TypeError) as exc:
            return _json({"ok": False, "error": f"{type(exc).__name__}: {exc}"}, 400)
        return _json({"ok": True, "result": result})

    async def _handle_events(self, request: web.Request) -> web.StreamResponse:
        """Long poll of what the bot did: events after `since`, waiting up to `timeout` seconds."""
        since = int(request.query.get("since", 0))
        timeout = min(float(request.query.get("timeout", 0)), 60.0)
        with contextlib.suppress(TimeoutError):
            await self.world.wait_until(lambda: len(self.world.events) > since or self._stopping.is_set(),
                                        timeout)
        events = [event.describe() for event in self.world.events[since:]]
        return _json({"ok": True, "result": {"events": events, "next": since + len(events)}})


def _json(body: JSON, status: int = 200) -> web.Response:
    return web.Response(status=status, text=json.dumps(body, ensure_ascii=False),
                        content_type="application/json")


def _coerce(name: str, value: str) -> Any:
    if name in _STRING_PARAMS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


async def _read_params(request: web.Request) -> tuple[Params, Uploads]:
    params: Params = {k: _coerce(k, v) for k, v in request.query.items()}
    uploads: Uploads = {}
    if not request.body_exists:
        return params, uploads
    if request.content_type == "application/json":
        body = await request.json()
        if not isinstance(body, dict):
            raise ValueError("the request body must be a JSON object")
        params.update(body)
        return params, uploads
    form = await request.post()
    for name, value in form.items():
        if isinstance(value, web.FileField):
            uploads[name] = Upload(value.filename, value.content_type, value.file.read())
        else:
            params[name] = _coerce(name, str(value))
    return params, uploads
