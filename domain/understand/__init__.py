"""Understanding Vietnamese directives: the heart of the product.

Deadline grammar (`deadline_grammar`, `deadline_scan`, `deadline_dates`, `deadlines`), the assignee
reader (`assignees`, with its word lists in `assignee_lexicon` and `units_catalog`), one directive
(`directive`), a whole conclusion (`conclusion`), attached documents (`documents`) and the text
helpers they share (`textnorm`, `vntokens`). Pure functions: no telegram, no sqlalchemy; `now` (or
the directive's date) is always a parameter.
"""
