"""The nlp stage."""
