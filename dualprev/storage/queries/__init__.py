"""Read queries, one module per concept: the only place outside the storage internals that builds SQL.

Each function takes a keyword-only ``session`` and returns model rows, plain values or frozen
dataclasses, so services compose named queries instead of writing ``select(...)`` themselves.
"""
