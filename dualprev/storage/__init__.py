"""Storage: the only layer that makes engines and sessions or speaks SQL."""
