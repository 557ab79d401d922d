"""隐患排查治理: the hidden-danger ledger as a closed loop (domain.md §8). One concept per module:
the ledger read page by page, one hidden danger's detail, registration, the lifecycle steps, and
what the dialogs offer to pick from."""
