"""A small web service: POST a registry, get back its assessment as JSON.

Built on the standard library's WSGI server only. Routes:

- ``POST /assess`` with a registry (YAML, or JSON / TOML by ``Content-Type``) as the body,
  optional ``?as_of=YYYY-MM-DD&lang=es``: 200 and the assessment (``Assessment.to_dict()``);
  400 and ``{"problems": [{"path", "reason"}]}`` for a bad registry or query; 413 for a body
  over 5 MiB.
- ``GET /schema``: the JSON Schema of the assessment (``clac.schema.assessment_schema()``).

Run: ``python examples/web_service.py --serve [PORT]`` (default 8000, loopback only). Without
``--serve`` it starts on a free loopback port, assesses the demo through HTTP once, prints the
summary and stops: that is how the test suite runs it.
"""

from __future__ import annotations

import json
import sys
import threading
import urllib.request
from collections.abc import Iterable
from datetime import date
from typing import Any
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, make_server
from wsgiref.types import StartResponse, WSGIEnvironment

import clac
from clac.rules import evaluate
from clac.schema import assessment_schema
from clac.text import Language

MAX_BODY = 5 * 1024 * 1024
FORMATS = {"application/json": "json", "application/toml": "toml"}


def application(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
    """The WSGI application: mount it in any WSGI server."""
    path, method = environ.get("PATH_INFO", "/"), environ["REQUEST_METHOD"]
    if path == "/schema" and method == "GET":
        status, body = "200 OK", assessment_schema()
    elif path != "/assess":
        status, body = "404 Not Found", {"error": f"no such route: {path}"}
    elif method != "POST":
        status, body = "405 Method Not Allowed", {"error": "POST a registry to /assess"}
    else:
        status, body = _assess(environ)
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    start_response(
        status,
        [("Content-Type", "application/json; charset=utf-8"), ("Content-Length", str(len(data)))],
    )
    return [data]


def _assess(environ: WSGIEnvironment) -> tuple[str, Any]:
    query = {k: v[-1] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
    lang = "en"
    try:
        lang = Language.parse(query.get("lang", "en")).value
        length = int(environ.get("CONTENT_LENGTH") or 0)
        if length > MAX_BODY:
            return "413 Content Too Large", {"error": f"a registry is at most {MAX_BODY} bytes"}
        as_of = date.fromisoformat(query["as_of"]) if "as_of" in query else None
        content_type = environ.get("CONTENT_TYPE", "").split(";")[0].strip()
        coalition = clac.loads(
            environ["wsgi.input"].read(length), FORMATS.get(content_type, "yaml")
        )
        assessment = evaluate(coalition, as_of=as_of)
    except clac.ClacError as error:
        problems = [{"path": p.path, "reason": p.reason.in_(lang)} for p in error.problems]
        return "400 Bad Request", {"problems": problems}
    except ValueError as error:  # a bad Content-Length or as_of
        return "400 Bad Request", {"problems": [{"path": "query", "reason": str(error)}]}
    return "200 OK", assessment.to_dict(lang)


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
        """Keep the demonstration's output to the summary."""


def demonstrate() -> int:
    """Serve on a free loopback port, assess the demo through HTTP once, print the summary."""
    with make_server("127.0.0.1", 0, application, handler_class=_Quiet) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            url = f"http://127.0.0.1:{server.server_port}/assess?as_of={clac.DEMO_AS_OF}&lang=es"
            body = clac.dumps(clac.demo(), "json").encode("utf-8")
            request = urllib.request.Request(
                url, data=body, headers={"Content-Type": "application/json"}, method="POST"
            )
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                assessment = json.load(response)
        finally:
            server.shutdown()
            thread.join()
    counts = ", ".join(f"{n} {outcome}" for outcome, n in assessment["counts"].items())
    print(f"{len(assessment['findings'])} findings ({counts}); ok: {assessment['ok']}")
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "--serve":
        return demonstrate()
    port = int(argv[1]) if len(argv) > 1 else 8000
    with make_server("127.0.0.1", port, application) as server:
        print(f"serving on http://127.0.0.1:{server.server_port}/assess", flush=True)
        server.serve_forever()
    return 0  # pragma: no cover - serve_forever returns only when shut down


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
