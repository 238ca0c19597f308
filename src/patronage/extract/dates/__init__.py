"""Dates of facts: expressions found in text (``patterns``), resolved against the document date
(``calc``) and carried along an article (``timeline``)."""
