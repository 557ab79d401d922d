"""Use cases: validate with domain rules, write through storage, return read objects. No Qt."""
