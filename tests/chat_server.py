"""An OpenAI-compatible chat-completions endpoint for the tests of the commands that call
one (`briefing translate`, `briefing summarize`): a real HTTP server on 127.0.0.1."""
from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler


class ChatHandler(BaseHTTPRequestHandler):
    """Subclasses say what the assistant answers; every request is kept in `requests`
    (path, Authorization header, JSON body)."""
    requests: list = []

    def answer(self, body: dict) -> str:
        raise NotImplementedError

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append((self.path, self.headers.get("Authorization"), body))
        data = json.dumps({"choices": [{"message": {"role": "assistant", "content": self.answer(body)}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass
