"""Reflex State classes: thin wrappers that call services and hold what pages show."""
