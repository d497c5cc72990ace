"""Conversation 1 logic as plain functions: listening, reflecting back, summarising."""
