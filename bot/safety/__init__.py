"""Risk screen: rates every user message none/concern/urgent/immediate (see DESIGN.md)."""
