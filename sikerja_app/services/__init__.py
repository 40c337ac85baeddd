"""Use cases in transactions. Every call takes the acting user and checks permission."""
