"""Spreadsheet readers (issue 12): openpyxl in, plain rows out. A layer beside reports and storage:
it knows cells and merged ranges, the domain knows what the cells mean."""
