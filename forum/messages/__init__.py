"""Private conversations between members (« messages privés »)."""
