"""The shared agenda: events published by fabriques, their timings and the answers (RSVP) of members."""
