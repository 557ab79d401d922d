"""Pure domain: vocabularies, grading, rules. No Qt, no SQL, no I/O."""
