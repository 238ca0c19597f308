"""Quotes: quotation-mark regions (``marks``), attribution cues (``cues``), quote spans
(``spans``) and their speakers (``speakers``)."""
