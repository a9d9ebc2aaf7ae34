"""The public read API (/api/v1/) and its documentation page (/api/)."""
