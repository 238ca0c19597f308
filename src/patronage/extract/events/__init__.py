"""Event coding: PLOVER 2021 / CAMEO frames from the parse, then event records.

``lexicon`` (the trigger table), ``roles`` and ``phrases`` (trigger matching and argument
spans over the dependency parse), ``modality`` (polarity and modality), ``recode``
(intent, refusal and demand codes), ``frames`` (one sentence's coded frames), ``build``
(frames to :class:`~patronage.model.records.Event` records) and ``dyad`` (country dyads).
"""
