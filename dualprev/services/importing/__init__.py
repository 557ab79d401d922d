"""Excel import use cases (issue 12): the risk list, the hidden-danger ledger and the staff list,
each in one transaction, with dry runs, partial imports, saved mappings and templates."""
