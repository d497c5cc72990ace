"""Self-help guides: short step-by-step conversations that end with a page to keep."""
