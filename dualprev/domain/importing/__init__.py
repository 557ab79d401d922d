"""Reading other people's spreadsheets (issue 12): cell normalisers, heading synonyms and the row
rules of the risk list, the hidden-danger ledger and the staff list. Pure: no I/O, no SQL."""
