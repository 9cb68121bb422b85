"""rollcall's HTTP side: the JSON API, the web page, /healthz and /metrics (see server.py)."""
