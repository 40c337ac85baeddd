"""Pages; each module owns its route and the substate it uses."""
