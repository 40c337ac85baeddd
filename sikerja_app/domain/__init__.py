"""Pure domain rules: no Reflex, no database."""
