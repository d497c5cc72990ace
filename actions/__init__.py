"""Rasa SDK actions: thin adapters that read slots, call plain functions and return events."""
