"""隐患排查: the half of 双重预防 that verifies the other, one concept per module.

Each existing control measure of the risk inventory becomes a check item (``items``, 排查清单)
checked as often as the editable table of ``frequency`` says; ``plans`` say who checks which items
how often and produce due ``tasks``; ``checklists`` are the forms a check is taken with;
``recording`` saves a check, where a failed item opens a hidden danger in the same transaction,
linked both ways; ``records`` reads recorded checks back; ``printouts`` are the blank checklist
and the filled records on paper.
"""
