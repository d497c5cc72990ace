"""The public web app: pages, the health check, and (later) the chat proxy and inbox."""
