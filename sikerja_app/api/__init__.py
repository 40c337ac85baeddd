"""Plain HTTP routes mounted beside the Reflex app."""
