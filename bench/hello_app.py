"""The machine's ceiling: the smallest Flask app, served exactly like the forum.

``bench/pages.py`` runs it with ``gunicorn -w 2 -b 127.0.0.1:<port> hello_app:app``
(from this folder) and divides every page's requests/s by this app's.
"""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello():
    return "hello"


@app.get("/healthz")
def healthz():
    """Answered like the forum's, so one readiness check serves both servers."""
    return "ok"
